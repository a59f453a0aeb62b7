//! Reads RON chart files: version check, syntax errors with line and column, then every
//! structural problem at once.

use ron::extensions::Extensions;
use serde::{de::Error as _, Deserialize, Deserializer};

use crate::layout::{absolute_pins_to_offsets, CardStyle};
use crate::model::{
    Chart, ChartPoint, Colour, Edit, Field, Node, NodeId, NodeKind, NodeRecord, StructureError,
};

use super::error::{LoadError, Problem};
use super::locate::{line_and_column, node_positions};
use super::FORMAT_VERSION;

/// The file's structs, defined twice: strict (unknown fields are errors, catching typos
/// such as `tittle`) and lenient (for files from a newer minor version, whose extra fields
/// this version ignores).
macro_rules! file_structs {
    ($chart:ident, $node:ident $(, #[$attr:meta])?) => {
        /// The file's top level.
        #[derive(Deserialize)]
        $(#[$attr])?
        struct $chart {
            format: (u32, u32),
            #[serde(default)]
            title: String,
            #[serde(default)]
            organisation: String,
            #[serde(default)]
            roots: Vec<NodeId>,
            #[serde(default)]
            nodes: Vec<$node>,
        }

        /// One node as written. Only `id` and `kind` are required.
        #[derive(Deserialize)]
        $(#[$attr])?
        struct $node {
            id: NodeId,
            kind: NodeKind,
            #[serde(default)]
            title: String,
            #[serde(default)]
            holder: Option<String>,
            #[serde(default = "one")]
            headcount: u32,
            #[serde(default, deserialize_with = "colour")]
            colour: Option<Colour>,
            #[serde(default)]
            reports: Vec<NodeId>,
            #[serde(default)]
            dotted: Vec<NodeId>,
            #[serde(default)]
            collapsed: bool,
            /// Before format 1.1: the card's absolute top-left corner.
            #[serde(default)]
            pin: Option<ChartPoint>,
            /// From format 1.1: the card's offset from its manager's top-left corner.
            #[serde(default)]
            offset: Option<ChartPoint>,
            #[serde(default)]
            notes: String,
            /// The id in the HR system, as text.
            #[serde(default, rename = "ref")]
            reference: Option<String>,
            #[serde(default)]
            duties: Vec<String>,
        }

        impl From<$chart> for Parsed {
            fn from(file: $chart) -> Parsed {
                let absolute_pins: Vec<NodeId> = file
                    .nodes
                    .iter()
                    .filter(|n| n.pin.is_some())
                    .map(|n| n.id)
                    .collect();
                let records = file
                    .nodes
                    .into_iter()
                    .map(|n| NodeRecord {
                        id: n.id,
                        node: Box::new(Node {
                            kind: n.kind,
                            title: n.title,
                            holder: n.holder,
                            headcount: n.headcount,
                            colour: n.colour,
                            dotted: n.dotted,
                            collapsed: n.collapsed,
                            pin: n.offset.or(n.pin),
                            notes: n.notes,
                            reference: n.reference,
                            duties: n.duties,
                        }),
                        reports: n.reports,
                    })
                    .collect();
                Parsed {
                    format: file.format,
                    title: file.title,
                    organisation: file.organisation,
                    roots: file.roots,
                    records,
                    absolute_pins,
                }
            }
        }
    };
}

file_structs!(StrictChart, StrictNode, #[serde(deny_unknown_fields)]);
file_structs!(LenientChart, LenientNode);

/// A parsed file before structural checks.
#[derive(Debug, PartialEq)]
pub(super) struct Parsed {
    pub(super) format: (u32, u32),
    pub(super) title: String,
    pub(super) organisation: String,
    pub(super) roots: Vec<NodeId>,
    pub(super) records: Vec<NodeRecord>,
    /// Nodes written with `pin:`, the absolute place of files before format 1.1.
    pub(super) absolute_pins: Vec<NodeId>,
}

/// Just the version, read when the full parse fails, so an old reader can say
/// "newer Organigram" rather than complain about fields it does not know.
#[derive(Deserialize)]
struct VersionProbe {
    format: (u32, u32),
}

/// How chart files are parsed.
fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

/// The version `text` declares, read on its own.
pub(super) fn probe_version(text: &str) -> Option<(u32, u32)> {
    ron_options()
        .from_str::<VersionProbe>(text)
        .ok()
        .map(|probe| probe.format)
}

fn one() -> u32 {
    1
}

fn colour<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Colour>, D::Error> {
    let text: Option<String> = Option::deserialize(deserializer)?;
    text.map(|text| {
        Colour::from_hex(&text).ok_or_else(|| {
            D::Error::custom(format!(
                "colour \"{text}\" is not a colour; write it as \"#rrggbb\""
            ))
        })
    })
    .transpose()
}

/// Something worth telling the user about a file that loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadNote {
    /// The file is from a newer minor version of the format. It loaded, but what this
    /// version does not know is dropped if the chart is saved.
    NewerMinor {
        /// The version the file declares.
        found: (u32, u32),
        /// What the strict reading stopped at, e.g. "unknown field `x`".
        first_unknown: String,
    },
    /// The file is from before format 1.1: its hand-placed cards (absolute places) were
    /// turned into offsets from their managers, where they stay put.
    PinsConverted {
        /// How many cards.
        count: usize,
    },
}

/// A chart read from a file, with anything worth telling the user.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// The chart.
    pub chart: Chart,
    /// Notes for the user, in no particular order.
    pub notes: Vec<LoadNote>,
}

/// Parses and validates chart file bytes. `source_name` (usually the path) prefixes
/// every message. A UTF-8 byte-order mark and CRLF line ends are fine.
pub fn read_chart(bytes: &[u8], source_name: &str) -> Result<Chart, LoadError> {
    read_chart_noted(bytes, source_name).map(|loaded| loaded.chart)
}

/// [`read_chart`], also saying what the user should know about the file.
pub fn read_chart_noted(bytes: &[u8], source_name: &str) -> Result<Loaded, LoadError> {
    let text = decode(bytes, source_name)?;
    let parsed = parse_checked(text, source_name)?;
    build(parsed, source_name, || text.to_owned())
}

/// [`read_chart_noted`] on bytes it owns: the text is freed once parsed, before the chart
/// is built, so a big file and its chart are not both held. `again` reads the text anew,
/// only to place structural errors at their lines.
pub(super) fn read_chart_owned(
    bytes: Vec<u8>,
    source_name: &str,
    again: impl FnOnce() -> Option<Vec<u8>>,
) -> Result<Loaded, LoadError> {
    let parsed = parse_checked(decode(&bytes, source_name)?, source_name)?;
    drop(bytes);
    build(parsed, source_name, || text_again(again))
}

/// The file's text read anew (by `again`), as [`decode`] gives it, to place errors; empty
/// if it cannot be read.
fn text_again(again: impl FnOnce() -> Option<Vec<u8>>) -> String {
    again()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .map(|text| match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_owned(),
            None => text,
        })
        .unwrap_or_default()
}

/// Checks and builds a chart the piecewise reader read. `again` reads the file anew, only
/// to place errors at their lines.
pub(super) fn read_parsed(
    parsed: Parsed,
    source_name: &str,
    again: impl Fn() -> Option<Vec<u8>>,
) -> Result<Loaded, LoadError> {
    let text = || text_again(&again);
    check_version(parsed.format, source_name)?;
    if parsed.format >= (1, 1) && !parsed.absolute_pins.is_empty() {
        return Err(pins_in_new_format(
            &text(),
            source_name,
            &parsed.absolute_pins,
        ));
    }
    build((parsed, Vec::new()), source_name, text)
}

/// Parses `text` and checks its version and its kind of pins.
fn parse_checked(text: &str, source_name: &str) -> Result<(Parsed, Vec<LoadNote>), LoadError> {
    let (parsed, notes) = parse(text, source_name)?;
    check_version(parsed.format, source_name)?;
    if parsed.format >= (1, 1) && !parsed.absolute_pins.is_empty() {
        return Err(pins_in_new_format(text, source_name, &parsed.absolute_pins));
    }
    Ok((parsed, notes))
}

/// Builds and validates the chart; `text` gives the file's text for placing errors.
fn build(
    (parsed, mut notes): (Parsed, Vec<LoadNote>),
    source_name: &str,
    text: impl FnOnce() -> String,
) -> Result<Loaded, LoadError> {
    let Parsed {
        title,
        organisation,
        roots,
        records,
        absolute_pins,
        ..
    } = parsed;
    let mut chart = Chart::from_records(title, organisation, roots, records)
        .map_err(|errors| structure_errors(&text(), source_name, errors))?;
    if !absolute_pins.is_empty() {
        convert_absolute_pins(&mut chart);
        notes.push(LoadNote::PinsConverted {
            count: absolute_pins.len(),
        });
    }
    Ok(Loaded { chart, notes })
}

/// The file's text: UTF-8, with a byte-order mark allowed, and not blank.
fn decode<'a>(bytes: &'a [u8], source_name: &str) -> Result<&'a str, LoadError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|error| {
        let (line, column) = line_and_column(bytes, error.valid_up_to());
        LoadError::at(
            source_name,
            line,
            column,
            "this is not UTF-8 text; chart files are UTF-8 (is it the right file?)",
        )
    })?;
    if text.trim().is_empty() {
        return Err(LoadError::at(
            source_name,
            1,
            1,
            "the file is empty; a chart file starts with `(` and `format: (1, 1),`",
        ));
    }
    Ok(text)
}

/// Parses the text strictly (unknown fields are errors) or, for a newer minor version,
/// leniently, noting that.
fn parse(text: &str, source_name: &str) -> Result<(Parsed, Vec<LoadNote>), LoadError> {
    if let Some(parsed) = super::ron_fast::parse_fast(text) {
        return Ok((parsed, Vec::new()));
    }
    let options = ron_options();
    let error = match options.from_str::<StrictChart>(text) {
        Ok(file) => return Ok((file.into(), Vec::new())),
        Err(error) => error,
    };
    let probe = probe_version(text);
    if let Some(found) = probe {
        check_version(found, source_name)?;
    }
    let newer_minor =
        probe.filter(|&(major, minor)| major == FORMAT_VERSION.0 && minor > FORMAT_VERSION.1);
    match (options.from_str::<LenientChart>(text), newer_minor) {
        (Ok(file), Some(found)) => {
            let note = LoadNote::NewerMinor {
                found,
                first_unknown: error.code.to_string(),
            };
            Ok((file.into(), vec![note]))
        }
        _ => {
            let start = error.span.start;
            Err(LoadError::at(
                source_name,
                start.line,
                start.col,
                error.code.to_string(),
            ))
        }
    }
}

/// Whether the fast reader and the strict serde reader agree on `text`: whatever the fast
/// reader accepts, serde reads the same (the fast reader leaves everything else to
/// serde). `Ok(true)` when the fast reader read it. For the tests and the fuzz target.
#[doc(hidden)]
pub fn readers_agree(text: &str) -> Result<bool, String> {
    let Some(fast) = super::ron_fast::parse_fast(text) else {
        return Ok(false);
    };
    match ron_options().from_str::<StrictChart>(text) {
        Ok(file) => {
            let slow = Parsed::from(file);
            if slow == fast {
                Ok(true)
            } else {
                Err(format!(
                    "the readers differ:\nfast {fast:?}\nserde {slow:?}"
                ))
            }
        }
        Err(error) => Err(format!(
            "the fast reader accepted what serde refuses: {error}"
        )),
    }
}

/// Structural problems, each at its node's place in the text.
fn structure_errors(text: &str, source_name: &str, errors: Vec<StructureError>) -> LoadError {
    let positions = node_positions(text);
    let mut problems: Vec<Problem> = errors
        .into_iter()
        .map(|error| {
            let places = error.node.and_then(|id| positions.get(&id.0));
            let mut message = error.to_string();
            if let Some(places) = places.filter(|p| p.len() > 1) {
                let lines: Vec<String> = places.iter().map(|(line, _)| line.to_string()).collect();
                message.push_str(&format!(" (that id appears on lines {})", lines.join(", ")));
            }
            Problem {
                at: places.and_then(|p| p.get(error.occurrence).or(p.first()).copied()),
                message,
            }
        })
        .collect();
    problems.sort_by_key(|problem| problem.at.unwrap_or((usize::MAX, 0)));
    LoadError::Invalid {
        source_name: source_name.to_owned(),
        problems,
    }
}

/// A file of format 1.1 or later that places cards the old way.
fn pins_in_new_format(text: &str, source_name: &str, nodes: &[NodeId]) -> LoadError {
    let positions = node_positions(text);
    let problems = nodes
        .iter()
        .map(|id| Problem {
            at: positions.get(&id.0).and_then(|p| p.first().copied()),
            message: format!(
                "node {id} uses `pin`, the absolute place of files before format 1.1; from 1.1 a hand-placed card has `offset: (x: …, y: …)`, measured from its manager's top-left corner"
            ),
        })
        .collect();
    LoadError::Invalid {
        source_name: source_name.to_owned(),
        problems,
    }
}

/// Turns the absolute pins of a file before format 1.1 into offsets.
fn convert_absolute_pins(chart: &mut Chart) {
    let style = CardStyle::for_language(crate::i18n::Lang::of_text(chart.title()));
    let edits: Vec<Edit> = absolute_pins_to_offsets(chart, &style)
        .into_iter()
        .map(|(id, offset)| Edit::SetField {
            id,
            field: Field::Pin(Some(offset)),
        })
        .collect();
    // Finite pins give finite offsets, so this is accepted; if it were not, the chart
    // would keep its pins as read, which is still a valid chart.
    let _ = chart.apply(Edit::Batch(edits));
}

fn check_version(found: (u32, u32), source_name: &str) -> Result<(), LoadError> {
    if found.0 > FORMAT_VERSION.0 {
        return Err(LoadError::NewerVersion {
            source_name: source_name.to_owned(),
            found,
            supported: FORMAT_VERSION,
        });
    }
    if found.0 == 0 {
        return Err(LoadError::Invalid {
            source_name: source_name.to_owned(),
            problems: vec![Problem {
                at: None,
                message: format!(
                    "format {}.{} is not an Organigram format; this version writes 1.0",
                    found.0, found.1
                ),
            }],
        });
    }
    Ok(())
}
