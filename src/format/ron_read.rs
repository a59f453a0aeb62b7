//! Reads RON chart files: version check, syntax errors with line and column, then every
//! structural problem at once.

use ron::extensions::Extensions;
use serde::{de::Error as _, Deserialize, Deserializer};

use crate::model::Chart;
use crate::model::{ChartPoint, Colour, Node, NodeId, NodeKind, NodeRecord};

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
            #[serde(default)]
            pin: Option<ChartPoint>,
            #[serde(default)]
            notes: String,
            #[serde(default)]
            duties: Vec<String>,
        }

        impl From<$chart> for Parsed {
            fn from(file: $chart) -> Parsed {
                let records = file
                    .nodes
                    .into_iter()
                    .map(|n| NodeRecord {
                        id: n.id,
                        node: Node {
                            kind: n.kind,
                            title: n.title,
                            holder: n.holder,
                            headcount: n.headcount,
                            colour: n.colour,
                            dotted: n.dotted,
                            collapsed: n.collapsed,
                            pin: n.pin,
                            notes: n.notes,
                            duties: n.duties,
                        },
                        reports: n.reports,
                    })
                    .collect();
                Parsed {
                    format: file.format,
                    title: file.title,
                    organisation: file.organisation,
                    roots: file.roots,
                    records,
                }
            }
        }
    };
}

file_structs!(StrictChart, StrictNode, #[serde(deny_unknown_fields)]);
file_structs!(LenientChart, LenientNode);

/// A parsed file before structural checks.
struct Parsed {
    format: (u32, u32),
    title: String,
    organisation: String,
    roots: Vec<NodeId>,
    records: Vec<NodeRecord>,
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

/// Parses and validates chart file bytes. `source_name` (usually the path) prefixes
/// every message. A UTF-8 byte-order mark and CRLF line ends are fine.
pub fn read_chart(bytes: &[u8], source_name: &str) -> Result<Chart, LoadError> {
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
            "the file is empty; a chart file starts with `(` and `format: (1, 0),`",
        ));
    }
    let options = ron_options();
    let parsed: Parsed = match options.from_str::<StrictChart>(text) {
        Ok(file) => file.into(),
        Err(error) => {
            let probe = probe_version(text);
            if let Some(found) = probe {
                check_version(found, source_name)?;
            }
            let newer_minor = probe.is_some_and(|(major, minor)| {
                major == FORMAT_VERSION.0 && minor > FORMAT_VERSION.1
            });
            match options.from_str::<LenientChart>(text) {
                Ok(file) if newer_minor => file.into(),
                _ => {
                    let start = error.span.start;
                    return Err(LoadError::at(
                        source_name,
                        start.line,
                        start.col,
                        error.code.to_string(),
                    ));
                }
            }
        }
    };
    check_version(parsed.format, source_name)?;
    let Parsed {
        title,
        organisation,
        roots,
        records,
        ..
    } = parsed;
    Chart::from_records(title, organisation, roots, records).map_err(|errors| {
        let positions = node_positions(text);
        let mut problems: Vec<Problem> = errors
            .into_iter()
            .map(|error| {
                let places = error.node.and_then(|id| positions.get(&id.0));
                let mut message = error.message;
                if let Some(places) = places.filter(|p| p.len() > 1) {
                    let lines: Vec<String> =
                        places.iter().map(|(line, _)| line.to_string()).collect();
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
    })
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
