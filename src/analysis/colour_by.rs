//! Colouring cards by what the analysis found: span band, layer or vacancy, each with a
//! legend. Unit cards keep their own colours; posts take the colour of their band, layer
//! or vacancy instead of their unit's.

use serde::{Deserialize, Serialize};

use super::structure::{band, BANDS};
use super::Report;
use crate::i18n::{tr, Lang};
use crate::model::{Chart, Colour, IdMap};

/// What cards are coloured by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ColourBy {
    /// Each post in its unit's colour.
    #[default]
    Unit,
    /// Managers by the band of their span; other posts grey.
    SpanBand,
    /// Posts by their layer, darkest at the top.
    Layer,
    /// Filled, partly vacant and vacant posts.
    Vacancy,
}

impl ColourBy {
    /// Every way, in menu order.
    pub const ALL: [ColourBy; 4] = [
        ColourBy::Unit,
        ColourBy::SpanBand,
        ColourBy::Layer,
        ColourBy::Vacancy,
    ];

    /// The way's name on the command line: `unit`, `span`, `layer`, `vacancy`.
    pub fn name(self) -> &'static str {
        match self {
            ColourBy::Unit => "unit",
            ColourBy::SpanBand => "span",
            ColourBy::Layer => "layer",
            ColourBy::Vacancy => "vacancy",
        }
    }

    /// The way called `name`.
    pub fn from_name(name: &str) -> Option<ColourBy> {
        ColourBy::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// One line of a legend: a colour and what it means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LegendEntry {
    /// The colour.
    pub colour: Colour,
    /// What it means, with how many posts: `4–7 · 12`.
    pub label: String,
}

/// The colour of each post, and the legend that explains them.
#[derive(Clone, Debug, Default)]
pub struct CardColouring {
    /// What the colours show.
    pub by: ColourBy,
    /// Each post's colour.
    pub colours: IdMap<Colour>,
    /// The legend's heading: `Span of control`.
    pub heading: String,
    /// What the colours show, as a caption beside the legend: `coloured by span of control`.
    pub caption: String,
    /// The entries, in order.
    pub legend: Vec<LegendEntry>,
}

const fn rgb(hex: u32) -> Colour {
    Colour {
        r: (hex >> 16) as u8,
        g: (hex >> 8) as u8,
        b: hex as u8,
    }
}

/// Span bands 1 … 17+: narrow red, healthy green, wide blue and purple.
pub const BAND_COLOURS: [Colour; 6] = [
    rgb(0xe1_57_59),
    rgb(0xf2_8e_2b),
    rgb(0x59_a1_4f),
    rgb(0x76_b7_b2),
    rgb(0x4e_79_a7),
    rgb(0xb0_7a_a1),
];
/// Posts that manage no one.
const NOT_A_MANAGER: Colour = rgb(0xba_b0_ac);
/// Layers 1 … 8 and below, dark to light.
const LAYER_COLOURS: [Colour; 8] = [
    rgb(0x44_01_54),
    rgb(0x46_32_7e),
    rgb(0x36_5c_8d),
    rgb(0x27_7f_8e),
    rgb(0x1f_a1_87),
    rgb(0x4a_c1_6d),
    rgb(0xa0_da_39),
    rgb(0xfd_e7_25),
];
/// Filled, partly vacant, vacant.
const VACANCY_COLOURS: [Colour; 3] = [rgb(0x59_a1_4f), rgb(0xf2_8e_2b), rgb(0xe1_57_59)];

impl CardColouring {
    /// The colouring of `chart`'s posts `by` what `report` found, its legend worded in
    /// `lang`; `None` for [`ColourBy::Unit`] (cards keep their unit colours).
    pub fn of(by: ColourBy, chart: &Chart, report: &Report, lang: Lang) -> Option<CardColouring> {
        let mut colours = IdMap::with_capacity(chart.len() + 1);
        let (names, palette) = match by {
            ColourBy::Unit => return None,
            ColourBy::SpanBand => {
                let mut names: Vec<String> = BANDS.iter().map(|b| (*b).to_owned()).collect();
                for (at, id) in [
                    (0, "legend-band-narrow"),
                    (4, "legend-band-wide"),
                    (5, "legend-band-wide"),
                ] {
                    names[at] = crate::tr!(lang, id, band = BANDS[at]);
                }
                names.push(tr(lang, "legend-not-a-manager"));
                let mut palette = BAND_COLOURS.to_vec();
                palette.push(NOT_A_MANAGER);
                (names, palette)
            }
            ColourBy::Layer => (layer_names(report, lang), LAYER_COLOURS.to_vec()),
            ColourBy::Vacancy => (
                vec![
                    tr(lang, "legend-filled"),
                    tr(lang, "legend-partly-vacant"),
                    tr(lang, "legend-vacant"),
                ],
                VACANCY_COLOURS.to_vec(),
            ),
        };
        let (heading, caption) = match by {
            ColourBy::SpanBand => ("legend-heading-span", "legend-caption-span"),
            ColourBy::Layer => ("legend-heading-layer", "legend-caption-layer"),
            _ => ("legend-heading-vacancy", "legend-caption-vacancy"),
        };
        let mut counts = vec![0usize; names.len()];
        for &id in &report.post_order {
            let (Some(facts), Some(node)) = (report.posts.get(id), chart.node(id)) else {
                continue;
            };
            let slot = match by {
                ColourBy::SpanBand if facts.span > 0 => band(facts.span),
                ColourBy::SpanBand => names.len() - 1,
                ColourBy::Layer => (facts.layer.max(1) as usize - 1).min(names.len() - 1),
                _ if facts.vacancies == 0 => 0,
                _ if facts.vacancies < node.headcount => 1,
                _ => 2,
            };
            counts[slot] += 1;
            if let Some(&colour) = palette.get(slot) {
                colours.insert(id, colour);
            }
        }
        let legend = names
            .into_iter()
            .zip(palette)
            .zip(counts)
            .map(|((name, colour), count)| LegendEntry {
                colour,
                label: format!("{name} · {count}"),
            })
            .collect();
        Some(CardColouring {
            by,
            colours,
            heading: tr(lang, heading),
            caption: tr(lang, caption),
            legend,
        })
    }
}

/// The names of the layers in `report`, at most one per colour; the last colour takes
/// every layer from its own down (`layer 8+`).
fn layer_names(report: &Report, lang: Lang) -> Vec<String> {
    let layers = report.layers.len().max(1);
    (1..=layers)
        .map(|l| {
            if l >= LAYER_COLOURS.len() && layers > LAYER_COLOURS.len() {
                crate::tr!(lang, "legend-layer-and-below", layer = l.to_string())
            } else {
                crate::tr!(lang, "legend-layer", layer = l.to_string())
            }
        })
        .take(LAYER_COLOURS.len())
        .collect()
}
