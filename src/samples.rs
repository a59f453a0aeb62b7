//! The sample charts, embedded in the binary so they open from any working directory.

use crate::format::{read_chart, LoadError};
use crate::model::Chart;

/// One embedded sample.
#[derive(Clone, Copy, Debug)]
pub struct Sample {
    /// Its file stem, used as `sample:NAME` on the command line.
    pub name: &'static str,
    /// What menus call it.
    pub label: &'static str,
    /// Its RON text.
    pub text: &'static str,
}

/// Every embedded sample; the first is the one the editor opens by default.
pub const SAMPLES: [Sample; 3] = [
    Sample {
        name: "seed-marketing-zh",
        label: "营销部组织架构图与岗位职责 (seed, 中文)",
        text: include_str!("../samples/seed-marketing-zh.ron"),
    },
    Sample {
        name: "seed-marketing-en",
        label: "Marketing Division (seed, English)",
        text: include_str!("../samples/seed-marketing-en.ron"),
    },
    Sample {
        name: "midsize-northwind",
        label: "Northwind Renewables (mid-size, 285 posts)",
        text: include_str!("../samples/midsize-northwind.ron"),
    },
];

/// The prefix that names a sample instead of a file: `sample:seed-marketing-zh`.
pub const SAMPLE_PREFIX: &str = "sample:";

/// The sample called `name`.
pub fn find(name: &str) -> Option<&'static Sample> {
    SAMPLES.iter().find(|sample| sample.name == name)
}

/// The Chinese seed chart, for unit tests (an empty chart if it failed to load, which
/// the tests then notice).
#[cfg(test)]
pub(crate) fn seed() -> Chart {
    find("seed-marketing-zh")
        .and_then(|s| s.load().ok())
        .unwrap_or_default()
}

impl Sample {
    /// Parses the sample.
    pub fn load(&self) -> Result<Chart, LoadError> {
        read_chart(
            self.text.as_bytes(),
            &format!("{SAMPLE_PREFIX}{}", self.name),
        )
    }
}
