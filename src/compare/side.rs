//! One side of a comparison: a chart, or a chart imported from an HR file that carries
//! only some fields (a roster has no colours, and often no duties or notes).

use std::path::Path;

use thiserror::Error;

use crate::format::hr::{self, FileKind, ImportChoices, ImportError, Mapping, Meaning};
use crate::format::{load_file, LoadError};
use crate::model::Chart;

/// What a side says about its nodes. A chart says everything; an HR file only what it
/// has columns for, and fields a side does not carry are never reported as changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Carries {
    /// Who reports to whom (a roster without a manager column has no structure).
    pub structure: bool,
    /// Titles.
    pub title: bool,
    /// Holders.
    pub holder: bool,
    /// Kinds (assistant or position).
    pub kind: bool,
    /// Headcounts.
    pub headcount: bool,
    /// Duties.
    pub duties: bool,
    /// Notes.
    pub notes: bool,
    /// Dotted lines.
    pub dotted: bool,
    /// Unit colours.
    pub colour: bool,
    /// HR references.
    pub reference: bool,
    /// Unit cards (a roster's departments, when they became units).
    pub units: bool,
}

impl Carries {
    /// What a chart carries: everything.
    pub const CHART: Carries = Carries {
        structure: true,
        title: true,
        holder: true,
        kind: true,
        headcount: true,
        duties: true,
        notes: true,
        dotted: true,
        colour: true,
        reference: true,
        units: true,
    };

    /// What a roster read with `mapping` carries: the fields it has columns for.
    pub fn of_mapping(mapping: &Mapping) -> Carries {
        let has = |meaning| mapping.column(meaning).is_some();
        Carries {
            structure: has(Meaning::Manager),
            title: has(Meaning::Title),
            holder: has(Meaning::Name) || has(Meaning::FirstName) || has(Meaning::LastName),
            kind: has(Meaning::Kind),
            headcount: has(Meaning::Headcount),
            duties: has(Meaning::Duties),
            notes: has(Meaning::Notes),
            dotted: has(Meaning::Dotted),
            colour: false,
            reference: has(Meaning::Reference) || has(Meaning::Id),
            units: mapping.units && has(Meaning::Unit),
        }
    }

    /// What both carry.
    pub fn and(self, other: Carries) -> Carries {
        Carries {
            structure: self.structure && other.structure,
            title: self.title && other.title,
            holder: self.holder && other.holder,
            kind: self.kind && other.kind,
            headcount: self.headcount && other.headcount,
            duties: self.duties && other.duties,
            notes: self.notes && other.notes,
            dotted: self.dotted && other.dotted,
            colour: self.colour && other.colour,
            reference: self.reference && other.reference,
            units: self.units && other.units,
        }
    }
}

/// A side of a comparison: a chart and what it carries.
#[derive(Clone, Copy, Debug)]
pub struct Side<'a> {
    /// The chart (for an HR file, the chart imported from it).
    pub chart: &'a Chart,
    /// What it carries.
    pub carries: Carries,
    /// True when it came from an HR file: then the other side's unit cards that match
    /// none of its departments are the chart's own (hand-made) and are looked through.
    pub hr_file: bool,
}

impl<'a> Side<'a> {
    /// A chart, which carries everything.
    pub fn chart(chart: &'a Chart) -> Side<'a> {
        Side {
            chart,
            carries: Carries::CHART,
            hr_file: false,
        }
    }
}

/// A side read from a file.
#[derive(Clone, Debug)]
pub struct LoadedSide {
    /// The chart.
    pub chart: Chart,
    /// What it carries.
    pub carries: Carries,
    /// True for an HR file.
    pub hr_file: bool,
    /// The file's name, for headings.
    pub name: String,
    /// An HR file's problems, as `FILE:LINE: what is wrong, and what was done`.
    pub problems: Vec<String>,
    /// Rows of an HR file left out because the person has left.
    pub left_out: usize,
}

impl LoadedSide {
    /// The side to compare.
    pub fn side(&self) -> Side<'_> {
        Side {
            chart: &self.chart,
            carries: self.carries,
            hr_file: self.hr_file,
        }
    }
}

/// A file that could not be read as a side of a comparison.
#[derive(Debug, Error)]
pub enum SideError {
    /// A chart file that did not load.
    #[error("{0}")]
    Chart(#[from] LoadError),
    /// An HR file that did not read.
    #[error("{0}")]
    Hr(#[from] ImportError),
}

/// Reads a chart (.ron) or, by its extension, any HR file `organigram import` reads
/// (with everything detected).
pub fn load_side(path: &Path) -> Result<LoadedSide, SideError> {
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    if FileKind::from_path(path).is_none() {
        return Ok(LoadedSide {
            chart: load_file(path)?,
            carries: Carries::CHART,
            hr_file: false,
            name,
            problems: Vec::new(),
            left_out: 0,
        });
    }
    let choices = ImportChoices::default();
    let table = hr::read_table_file(path, &choices.read)?;
    let mapping = choices.mapping(&table)?;
    let title = path
        .file_stem()
        .map_or_else(String::new, |stem| stem.to_string_lossy().into_owned());
    let import = hr::build(&table, &mapping, &title)?;
    Ok(LoadedSide {
        problems: import
            .problems
            .iter()
            .map(|p| format!("{}:{}: {}", table.source, p.line, p.kind))
            .collect(),
        left_out: import.left_out,
        chart: import.chart,
        carries: Carries::of_mapping(&mapping),
        hr_file: true,
        name,
    })
}
