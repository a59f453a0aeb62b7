//! Writing a laid-out chart for other programs: JSON, SVG, PNG and PDF, always from the
//! model and the layout, never from screen pixels.
//!
//! There is one renderer: [`svg`] draws the chart as SVG (text kept as text); [`raster`]
//! renders that SVG to PNG with resvg, and [`pdf`] converts it to PDF with svg2pdf, both
//! from the same usvg tree with the bundled CJK font, so output is the same everywhere.
//! [`pptx`] writes a PowerPoint deck of native shapes from the same model and layout,
//! paginated by [`page::plan`] as the PDF's per-unit pages are.

pub mod json;
mod marked;
pub mod page;
pub mod pdf;
mod pdf_text;
pub mod pptx;
pub mod raster;
pub mod svg;
mod svg_out;
pub mod table;

use std::path::Path;
use std::sync::Arc;

use thiserror::Error;

use crate::analysis::colour_by::CardColouring;
use crate::analysis::{ColourBy, Report, DEFAULT_THRESHOLD};
use crate::compare::ChangeMarks;
use crate::format::{write_atomically, write_atomically_with, SaveError, SaveOptions};
use crate::i18n::{long_date, today, Lang};
use crate::layout::{layout_chart, CardStyle, LayoutOptions};
use crate::model::{Chart, NodeId};
use crate::theme::Palette;

pub use marked::fit as fit_text;
pub use marked::{change_tag, field_name as changed_field_name, removed_tag};
pub use page::{PageSetup, Paper};

/// The formats `organigram export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// Every visible node with its box, as JSON (see [`json`]).
    Json,
    /// A vector drawing with editable text.
    Svg,
    /// A picture.
    Png,
    /// A document with selectable text.
    Pdf,
    /// A table, one row per node: UTF-8 CSV with a byte-order mark.
    Csv,
    /// The same table as an Excel workbook.
    Xlsx,
    /// A PowerPoint deck of native, editable shapes (see [`pptx`]).
    Pptx,
}

impl ExportFormat {
    /// Every format, for help texts.
    pub const ALL: [ExportFormat; 7] = [
        ExportFormat::Json,
        ExportFormat::Svg,
        ExportFormat::Png,
        ExportFormat::Pdf,
        ExportFormat::Csv,
        ExportFormat::Xlsx,
        ExportFormat::Pptx,
    ];

    /// The format's name and usual file extension.
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Json => "json",
            ExportFormat::Svg => "svg",
            ExportFormat::Png => "png",
            ExportFormat::Pdf => "pdf",
            ExportFormat::Csv => "csv",
            ExportFormat::Xlsx => "xlsx",
            ExportFormat::Pptx => "pptx",
        }
    }

    /// The format named `name` (case-insensitive), e.g. `pdf`.
    pub fn from_name(name: &str) -> Option<ExportFormat> {
        ExportFormat::ALL
            .into_iter()
            .find(|format| format.name().eq_ignore_ascii_case(name))
    }

    /// The format a file name's extension asks for.
    pub fn from_path(path: &Path) -> Option<ExportFormat> {
        path.extension()
            .and_then(|ext| ext.to_str())
            .and_then(ExportFormat::from_name)
    }
}

/// Which part of the chart to export.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Scope {
    /// Everything visible.
    #[default]
    Whole,
    /// One node and everything visible below it.
    Subtree(NodeId),
}

/// What to draw and how.
#[derive(Clone, Debug)]
pub struct ExportOptions {
    /// Card sizes and texts; `show_duties` puts duties on the cards.
    pub style: CardStyle,
    /// Spacing and orientation.
    pub layout: LayoutOptions,
    /// Colours: [`Palette::LIGHT`] for print, or the editor's.
    pub palette: Palette,
    /// The whole chart or a subtree.
    pub scope: Scope,
    /// PNG pixels per chart unit, 1–4.
    pub png_scale: f32,
    /// PDF page size and split.
    pub page: PageSetup,
    /// A title above the chart.
    pub title: Option<String>,
    /// A date (or any text) below the chart.
    pub footer: Option<String>,
    /// A comparison's marks: changed cards outlined and tagged, removed nodes as ghost
    /// cards, a legend; CSV and Excel write the change list instead of the chart.
    pub changes: Option<Arc<ChangeMarks>>,
    /// Posts coloured by span band, layer or vacancy, with a legend (worded when the
    /// colouring was made, see [`CardColouring::of`]).
    pub colouring: Option<Arc<CardColouring>>,
    /// The language of the export's own words: the comparison's legend and tags.
    pub lang: Lang,
}

impl Default for ExportOptions {
    fn default() -> ExportOptions {
        ExportOptions {
            style: CardStyle::default(),
            layout: LayoutOptions::default(),
            palette: Palette::LIGHT,
            scope: Scope::Whole,
            png_scale: 2.0,
            page: PageSetup::default(),
            title: None,
            footer: None,
            changes: None,
            colouring: None,
            lang: Lang::English,
        }
    }
}

/// The export's colours.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Light, for print.
    #[default]
    Light,
    /// The editor's dark colours.
    Dark,
}

/// What a user chooses for an export, as `organigram export` and File ▸ Export… both
/// offer it. [`ExportChoices::options`] turns it into [`ExportOptions`] in one place.
#[derive(Clone, Debug, PartialEq)]
pub struct ExportChoices {
    /// The format.
    pub format: ExportFormat,
    /// Only this node and what is below it; `None` for the whole chart.
    pub subtree: Option<NodeId>,
    /// Duties on the cards.
    pub duties: bool,
    /// Colours.
    pub theme: Theme,
    /// PNG pixels per chart unit, 1–4.
    pub png_scale: f32,
    /// PDF page size and split.
    pub page: PageSetup,
    /// A title above the chart: `Some("")` for the chart's own title.
    pub title: Option<String>,
    /// Today's date below the chart.
    pub date: bool,
    /// Text below the chart, after the date if there is one.
    pub footer: Option<String>,
    /// Orientation and compactness (the other layout options stay at their defaults).
    pub layout: LayoutOptions,
    /// While comparing, mark the changes (see [`ExportOptions::changes`]); the caller
    /// that has the comparison puts it in the options.
    pub mark_changes: bool,
    /// What posts are coloured by.
    pub colour_by: ColourBy,
    /// The language of the export's own words (the vacancy marker, the date, legends);
    /// `None` for the chart's language, guessed from its title.
    pub lang: Option<Lang>,
}

impl Default for ExportChoices {
    fn default() -> ExportChoices {
        ExportChoices {
            format: ExportFormat::Pdf,
            subtree: None,
            duties: false,
            theme: Theme::Light,
            png_scale: 2.0,
            page: PageSetup::default(),
            title: None,
            date: false,
            footer: None,
            layout: LayoutOptions::default(),
            mark_changes: true,
            colour_by: ColourBy::Unit,
            lang: None,
        }
    }
}

impl ExportChoices {
    /// The options that draw `chart` as chosen.
    pub fn options(&self, chart: &Chart) -> ExportOptions {
        let lang = self.lang.unwrap_or_else(|| Lang::of_text(chart.title()));
        let footer = match (self.date, &self.footer) {
            (true, Some(text)) => Some(format!("{}  ·  {text}", long_date(lang, today()))),
            (true, None) => Some(long_date(lang, today())),
            (false, text) => text.clone(),
        };
        let title = self.title.as_ref().map(|text| {
            if text.is_empty() {
                chart.title().to_owned()
            } else {
                text.clone()
            }
        });
        ExportOptions {
            style: CardStyle {
                show_duties: self.duties,
                ..CardStyle::for_language(lang)
            },
            layout: self.layout.clone(),
            palette: match self.theme {
                Theme::Light => Palette::LIGHT,
                Theme::Dark => Palette::DARK,
            },
            scope: self.subtree.map_or(Scope::Whole, Scope::Subtree),
            png_scale: self.png_scale,
            page: self.page,
            title,
            footer,
            changes: None,
            colouring: (self.colour_by != ColourBy::Unit)
                .then(|| {
                    let report = Report::of(chart, DEFAULT_THRESHOLD);
                    CardColouring::of(self.colour_by, chart, &report, lang)
                })
                .flatten()
                .map(Arc::new),
            lang,
        }
    }
}

/// An export that did not happen. Nothing was written.
#[derive(Debug, Error)]
pub enum ExportError {
    /// Writing the file failed.
    #[error(transparent)]
    Save(#[from] SaveError),
    /// The PNG would be too large to make.
    #[error("the PNG would be {width} × {height} pixels ({megapixels} megapixels), more than the {limit} megapixels Organigram renders; export SVG or PDF instead (they stay sharp at any size), or use a lower --scale")]
    TooLarge {
        /// Width in pixels.
        width: u64,
        /// Height in pixels.
        height: u64,
        /// Their product in millions.
        megapixels: u64,
        /// The limit in millions.
        limit: u64,
    },
    /// The scope names a node that is not visible in the chart.
    #[error("node {0} is not in the chart or is hidden inside a collapsed subtree")]
    NoSuchRoot(NodeId),
    /// Rendering failed (a bug: the SVG we made did not parse, or a font did not embed).
    #[error("could not render the chart: {0}")]
    Render(String),
    /// The PNG scale is outside 1–4.
    #[error("the PNG scale must be between 1 and 4, not {0}")]
    BadScale(f32),
}

/// Lays out `chart` and renders it in `format` to bytes.
pub fn export_bytes(
    chart: &Chart,
    format: ExportFormat,
    options: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    match (format, &options.changes) {
        (ExportFormat::Csv, Some(changes)) => return table::changes_csv_bytes(&changes.table),
        (ExportFormat::Xlsx, Some(changes)) => return table::changes_xlsx_bytes(&changes.table),
        (ExportFormat::Csv, None) => return table::csv_bytes(chart),
        (ExportFormat::Xlsx, None) => return table::xlsx_bytes(chart),
        (ExportFormat::Pptx, _) => return pptx::pptx(chart, options),
        _ => {}
    }
    let layout = layout_chart(chart, &options.style, &options.layout);
    match format {
        ExportFormat::Json => {
            let mut bytes = Vec::new();
            json::write_json(chart, &layout, &options.layout, &mut bytes)
                .map_err(|e| ExportError::Render(e.to_string()))?;
            Ok(bytes)
        }
        ExportFormat::Svg => {
            let drawing = page::whole(chart, &layout, options)?;
            Ok(svg::render(chart, &layout, &drawing, options).into_bytes())
        }
        ExportFormat::Png => {
            let drawing = page::whole(chart, &layout, options)?;
            raster::png(
                &svg::render(chart, &layout, &drawing, options),
                options.png_scale,
            )
        }
        ExportFormat::Pdf => pdf::pdf(chart, &layout, options),
        ExportFormat::Csv | ExportFormat::Xlsx | ExportFormat::Pptx => Err(ExportError::Render(
            "a table or deck was asked to be drawn; please report this".to_owned(),
        )),
    }
}

/// Lays out `chart` and writes it to `path` in `format`, atomically.
pub fn export_file(
    chart: &Chart,
    format: ExportFormat,
    path: &Path,
    options: &ExportOptions,
) -> Result<(), ExportError> {
    let no_backup = SaveOptions { keep_backup: false };
    if format == ExportFormat::Json {
        // Streamed: a million-node chart's JSON need not sit in memory twice.
        let layout = layout_chart(chart, &options.style, &options.layout);
        write_atomically_with(path, &no_backup, |out| {
            json::write_json(chart, &layout, &options.layout, out)
        })?;
        return Ok(());
    }
    if format == ExportFormat::Svg {
        // Streamed too: written in pieces as the cards are drawn.
        let layout = layout_chart(chart, &options.style, &options.layout);
        let drawing = page::whole(chart, &layout, options)?;
        write_atomically_with(path, &no_backup, |out| {
            svg::write(chart, &layout, &drawing, options, out)
        })?;
        return Ok(());
    }
    let bytes = export_bytes(chart, format, options)?;
    write_atomically(path, &bytes, &no_backup)?;
    Ok(())
}
