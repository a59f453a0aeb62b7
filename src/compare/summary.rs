//! The headline figures of both sides: posts, headcount, vacancies, managers, layers and
//! mean span, before and after.

use crate::model::ChartStats;

/// One figure before and after.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Figure {
    /// In the old chart.
    pub before: f64,
    /// In the new chart.
    pub after: f64,
}

impl Figure {
    /// After minus before.
    pub fn delta(&self) -> f64 {
        self.after - self.before
    }
}

/// The figures HR people compare a redesign by.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    /// Positions and assistants.
    pub posts: Figure,
    /// People the posts stand for.
    pub headcount: Figure,
    /// Vacant seats.
    pub vacancies: Figure,
    /// Positions with direct reports.
    pub managers: Figure,
    /// Management layers.
    pub layers: Figure,
    /// Mean direct reports per manager.
    pub mean_span: Figure,
}

impl Summary {
    /// The figures of `before` and `after`.
    pub fn of(before: &ChartStats, after: &ChartStats) -> Summary {
        let figure = |f: &dyn Fn(&ChartStats) -> f64| Figure {
            before: f(before),
            after: f(after),
        };
        Summary {
            posts: figure(&|s| (s.positions + s.assistants) as f64),
            headcount: figure(&|s| s.headcount as f64),
            vacancies: figure(&|s| s.vacancies as f64),
            managers: figure(&|s| s.managers as f64),
            layers: figure(&|s| s.layers as f64),
            mean_span: figure(&|s| s.mean_span),
        }
    }

    /// Each figure with its name (`posts`, `headcount`, `vacancies`, `managers`,
    /// `layers`, `mean_span`) and whether it is a whole number.
    pub fn rows(&self) -> [(&'static str, Figure, bool); 6] {
        [
            ("posts", self.posts, true),
            ("headcount", self.headcount, true),
            ("vacancies", self.vacancies, true),
            ("managers", self.managers, true),
            ("layers", self.layers, true),
            ("mean_span", self.mean_span, false),
        ]
    }
}
