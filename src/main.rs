//! The `organigram` command: opens the editor, or runs a headless subcommand.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand, ValueEnum};

use organigram::analysis::ColourBy;
use organigram::export::{export_file, ExportChoices, ExportFormat, PageSetup, Paper, Theme};
use organigram::format::{hr, load_file, write_atomically, LoadError, SaveOptions};
use organigram::generate::{generate, Shape};
use organigram::layout::{AspectRatio, LayoutOptions, Orientation};
use organigram::model::{Chart, ChartStats, NodeId};
use organigram::samples::{self, SAMPLE_PREFIX};

mod cli;

/// Organigram: an org-chart editor. With no subcommand it opens the editor, on FILE or
/// on the bundled seed sample.
#[derive(Parser)]
#[command(
    name = "organigram",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// A chart to open in the editor (or `sample:NAME`).
    file: Option<PathBuf>,
    /// Open comparing the chart with this chart or HR file (the as-is), its changes
    /// marked.
    #[arg(long, value_name = "AS_IS")]
    compare: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Check chart files; exit 0 when every one is valid, 1 otherwise (problems on stderr).
    Validate {
        /// Chart files (or `sample:NAME`).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print headcount, vacancies, layers and span of control.
    Stats {
        /// A chart file (or `sample:NAME`).
        file: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Lay the chart out and write it as SVG, PNG, PDF, JSON or a PowerPoint deck (.pptx),
    /// or list it as CSV or Excel (by OUT's extension or --format).
    Export(ExportArgs),
    /// Read a roster from an HR system or Excel (CSV, TSV, text, .xlsx, .xls, .ods) into a
    /// chart. Encoding, delimiter, header row and columns are detected; every problem is
    /// printed as FILE:LINE and no row is dropped silently. A duty document (.docx, .md,
    /// or the text of one) comes in as units, posts and duties.
    Import(ImportArgs),
    /// Compare two charts (or a chart and an HR file): what is new, removed, moved and
    /// changed, with posts, headcount, vacancies, managers, layers and span before and after.
    Diff(cli::compare::DiffArgs),
    /// Bring a chart up to date with an HR file: structure, titles and holders from the
    /// file; the chart's own duties, notes, colours, pins, dotted lines and units kept.
    Update(cli::compare::UpdateArgs),
    /// Spans and layers, vacancies, units, shared duties and similar posts: printed, or
    /// as JSON (--json), or as an Excel workbook (-o report.xlsx).
    Report(cli::report::ReportArgs),
    /// Write the post handbook (组织架构图与岗位职责): the title, the chart, each unit's
    /// responsibilities and each post's particulars and duties, as .docx, .pdf or .md.
    Handbook(cli::handbook::HandbookArgs),
    /// Write a synthetic chart for trying scale; the same seed gives the same file.
    Generate {
        /// How many posts (positions and assistants).
        #[arg(long)]
        positions: usize,
        /// The random seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// A realistic organisation, or one long reporting chain.
        #[arg(long, value_enum, default_value_t = ShapeArg::Organisation)]
        shape: ShapeArg,
        /// Where to write the chart; a .csv or .xlsx gets the same organisation as an HR
        /// system would export it (employee numbers, names, titles, departments, managers).
        #[arg(short, long)]
        output: PathBuf,
    },
    /// List the embedded samples, usable as `sample:NAME` wherever a file is asked for.
    Samples,
}

/// `organigram export`'s arguments.
#[derive(clap::Args)]
struct ExportArgs {
    /// A chart file (or `sample:NAME`).
    file: PathBuf,
    /// Where to write.
    #[arg(short, long)]
    output: PathBuf,
    /// The format, when OUT's extension does not say it.
    #[arg(long, value_enum)]
    format: Option<FormatArg>,
    /// Export only this node (by id) and what is below it.
    #[arg(long, value_name = "ID")]
    root: Option<u32>,
    /// Which way the chart grows.
    #[arg(long, value_enum, default_value_t = OrientationArg::TopDown)]
    orientation: OrientationArg,
    /// Show duties on the cards (for job-description handouts). In a .pptx deck the cards
    /// stay small and each post with duties gets a handout slide of them instead (a
    /// deck always has the duties in its speaker notes).
    #[arg(long)]
    duties: bool,
    /// Draw teams of leaves in one row instead of stacked beside their manager's line.
    #[arg(long)]
    no_compact: bool,
    /// Lay a wide chart out close to a shape: 16:9 or 4:3 (slides), a4 or a3 (landscape
    /// paper), or any WIDTH:HEIGHT. Wide rows of subordinates wrap into several rows.
    #[arg(long, value_name = "SHAPE")]
    fit: Option<AspectRatio>,
    /// Colours: light (print) or dark.
    #[arg(long, value_enum, default_value_t = ThemeArg::Light)]
    theme: ThemeArg,
    /// PNG pixels per chart unit, 1 to 4.
    #[arg(long, default_value_t = 2.0)]
    scale: f32,
    /// PDF page: natural (one page the chart's size), or fit to a4, a3 or letter.
    #[arg(long, value_enum, default_value_t = PageArg::Natural)]
    page: PageArg,
    /// Turn the PDF paper sideways.
    #[arg(long)]
    landscape: bool,
    /// PDF: an overview page of the top levels, then one page per top-level unit (or per
    /// unit below --root), split deeper where a unit does not fit the paper with text of
    /// at least 9 pt; all pages at one scale, each headed by its path. A .pptx deck is
    /// split this way whenever the chart does not fit one slide.
    #[arg(long)]
    per_unit: bool,
    /// A title above the chart; with no value, the chart's own title.
    #[arg(long, num_args = 0..=1, default_missing_value = "", value_name = "TEXT")]
    title: Option<String>,
    /// Put today's date below the chart.
    #[arg(long)]
    date: bool,
    /// Text below the chart (after the date, if any).
    #[arg(long, value_name = "TEXT")]
    footer: Option<String>,
    /// Colour posts by their unit, span band, layer or vacancy (with a legend).
    #[arg(long, value_enum, default_value_t = ColourByArg::Unit)]
    colour_by: ColourByArg,
    /// The language of the export's own words (the vacancy marker, the date, legends);
    /// by default the chart's, from its title.
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    En,
    Zh,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColourByArg {
    Unit,
    Span,
    Layer,
    Vacancy,
}

impl ExportArgs {
    /// The user's choices, as the export dialog makes them too.
    fn choices(&self, format: ExportFormat) -> ExportChoices {
        ExportChoices {
            format,
            subtree: self.root.map(NodeId),
            duties: self.duties,
            theme: match self.theme {
                ThemeArg::Light => Theme::Light,
                ThemeArg::Dark => Theme::Dark,
            },
            png_scale: self.scale,
            page: PageSetup {
                paper: match self.page {
                    PageArg::Natural => None,
                    PageArg::A4 => Some(Paper::A4),
                    PageArg::A3 => Some(Paper::A3),
                    PageArg::Letter => Some(Paper::Letter),
                },
                landscape: self.landscape,
                per_unit: self.per_unit,
            },
            title: self.title.clone(),
            date: self.date,
            footer: self.footer.clone(),
            layout: LayoutOptions {
                orientation: match self.orientation {
                    OrientationArg::TopDown => Orientation::TopDown,
                    OrientationArg::LeftToRight => Orientation::LeftToRight,
                },
                compact: !self.no_compact,
                fit: self.fit,
                ..LayoutOptions::default()
            },
            mark_changes: false,
            colour_by: match self.colour_by {
                ColourByArg::Unit => ColourBy::Unit,
                ColourByArg::Span => ColourBy::SpanBand,
                ColourByArg::Layer => ColourBy::Layer,
                ColourByArg::Vacancy => ColourBy::Vacancy,
            },
            lang: self.lang.map(|lang| match lang {
                LangArg::En => organigram::i18n::Lang::English,
                LangArg::Zh => organigram::i18n::Lang::Chinese,
            }),
        }
    }
}

/// `organigram import`'s arguments.
#[derive(clap::Args)]
struct ImportArgs {
    /// The roster.
    file: PathBuf,
    /// Where to write the chart (.ron).
    #[arg(short, long)]
    output: PathBuf,
    /// A workbook's sheet, by name (default: the first).
    #[arg(long, value_name = "NAME")]
    sheet: Option<String>,
    /// The header's line in the file (or its row in the sheet).
    #[arg(long, value_name = "N")]
    header_row: Option<usize>,
    /// A text file's encoding (default: detected).
    #[arg(long, value_enum)]
    encoding: Option<EncodingArg>,
    /// A text file's delimiter: one character, or "tab" (default: detected).
    #[arg(long, value_name = "C")]
    delimiter: Option<String>,
    /// The column of the row's id (a header, a number from 1 or a letter).
    #[arg(long, value_name = "COL")]
    id: Option<String>,
    /// The column naming each row's manager.
    #[arg(long, value_name = "COL")]
    manager: Option<String>,
    /// How the manager column names managers (default: detected).
    #[arg(long, value_enum)]
    manager_by: Option<ManagerByArg>,
    /// The column of the post's title.
    #[arg(long, value_name = "COL")]
    title: Option<String>,
    /// The holder's name: one column, or twice for first and last name.
    #[arg(long, value_name = "COL")]
    name: Vec<String>,
    /// The column of the department.
    #[arg(long, value_name = "COL")]
    unit: Option<String>,
    /// The column saying unit, position or assistant.
    #[arg(long, value_name = "COL")]
    kind: Option<String>,
    /// Keep departments as a column; do not make unit cards of them.
    #[arg(long)]
    no_units: bool,
    /// Any problem is an error: exit 1 and write nothing.
    #[arg(long)]
    strict: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum EncodingArg {
    #[value(name = "utf-8")]
    Utf8,
    #[value(name = "utf-16")]
    Utf16,
    Gbk,
    Gb18030,
    Latin1,
}

#[derive(Clone, Copy, ValueEnum)]
enum ManagerByArg {
    Id,
    Name,
    Email,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Json,
    Svg,
    Png,
    Pdf,
    Csv,
    Xlsx,
    Pptx,
}

impl FormatArg {
    fn format(self) -> ExportFormat {
        match self {
            FormatArg::Json => ExportFormat::Json,
            FormatArg::Svg => ExportFormat::Svg,
            FormatArg::Png => ExportFormat::Png,
            FormatArg::Pdf => ExportFormat::Pdf,
            FormatArg::Csv => ExportFormat::Csv,
            FormatArg::Xlsx => ExportFormat::Xlsx,
            FormatArg::Pptx => ExportFormat::Pptx,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum PageArg {
    Natural,
    A4,
    A3,
    Letter,
}

#[derive(Clone, Copy, ValueEnum)]
enum OrientationArg {
    TopDown,
    LeftToRight,
}

#[derive(Clone, Copy, ValueEnum)]
enum ThemeArg {
    Light,
    Dark,
}

#[derive(Clone, Copy, ValueEnum)]
enum ShapeArg {
    Organisation,
    Chain,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("organigram: {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    let Some(command) = cli.command else {
        return open_editor(cli.file.as_deref(), cli.compare);
    };
    match command {
        Command::Validate { files } => Ok(validate(&files)),
        Command::Stats { file, json } => {
            let chart = open_chart(&file)?;
            print_stats(&chart, json)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Export(args) => export(&args),
        Command::Import(args) => import(&args),
        Command::Diff(args) => cli::compare::diff(&args),
        Command::Report(args) => cli::report::report(&args, &open_chart(args.file())?),
        Command::Handbook(args) => cli::handbook::handbook(&args, &open_chart(args.file())?),
        Command::Update(args) => cli::compare::update(&args),
        Command::Generate {
            positions,
            seed,
            shape,
            output,
        } => {
            if positions == 0 {
                bail!("--positions must be at least 1");
            }
            let shape = match shape {
                ShapeArg::Organisation => Shape::Organisation,
                ShapeArg::Chain => Shape::Chain,
            };
            let chart = generate(positions, seed, shape);
            let extension = output.extension().and_then(|e| e.to_str()).unwrap_or("");
            let bytes = match extension.to_ascii_lowercase().as_str() {
                "csv" => organigram::generate::hr_roster_bytes(&chart, false),
                "xlsx" => organigram::generate::hr_roster_bytes(&chart, true),
                _ => Ok(organigram::format::write_chart(&chart).into_bytes()),
            }
            .map_err(|error| anyhow::anyhow!("could not write the roster: {error}"))?;
            write_atomically(&output, &bytes, &SaveOptions::default())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Samples => {
            for sample in &samples::SAMPLES {
                println!("{SAMPLE_PREFIX}{:<24} {}", sample.name, sample.label);
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// `organigram export`.
fn export(args: &ExportArgs) -> Result<ExitCode> {
    let format = match args.format {
        Some(format) => format.format(),
        None => ExportFormat::from_path(&args.output).with_context(|| {
            format!(
                "cannot tell the format from {}; give --format ({})",
                args.output.display(),
                known_formats()
            )
        })?,
    };
    let chart = open_chart(&args.file)?;
    let options = args.choices(format).options(&chart);
    export_file(&chart, format, &args.output, &options)?;
    // The process ends now: the system reclaims a big chart faster than freeing it.
    std::mem::forget(chart);
    Ok(ExitCode::SUCCESS)
}

/// `organigram import`.
fn import(args: &ImportArgs) -> Result<ExitCode> {
    // A duty document (.docx, .md, or text shaped like one) is not a roster.
    if let Some(code) = cli::handbook::import_duty_document(&args.file, &args.output, args.strict)?
    {
        return Ok(code);
    }
    let choices = import_choices(args)?;
    let table = hr::read_table_file(&args.file, &choices.read)?;
    let mapping = choices.mapping(&table)?;
    let title = args
        .file
        .file_stem()
        .map_or_else(String::new, |stem| stem.to_string_lossy().into_owned());
    let import = hr::build(&table, &mapping, &title)?;
    for problem in &import.problems {
        eprintln!("{}:{}: {}", table.source, problem.line, problem.kind);
    }
    println!("{}", import.summary());
    if import.left_out > 0 {
        println!(
            "{} left out: their status says they have left (inactive, 离职)",
            organigram::format::hr::count(import.left_out, "row", "rows")
        );
    }
    if args.strict && !import.problems.is_empty() {
        eprintln!(
            "organigram: --strict: {} problem(s), so nothing was written",
            import.problems.len()
        );
        return Ok(ExitCode::FAILURE);
    }
    let text = organigram::format::write_chart(&import.chart);
    write_atomically(&args.output, text.as_bytes(), &SaveOptions::default())?;
    Ok(ExitCode::SUCCESS)
}

/// The command line's choices for an import.
fn import_choices(args: &ImportArgs) -> Result<hr::ImportChoices> {
    let delimiter = match args.delimiter.as_deref() {
        None => None,
        Some("tab" | "\\t") => Some(b'\t'),
        Some(text) if text.len() == 1 => Some(text.as_bytes()[0]),
        Some(text) => bail!("--delimiter takes one character (or \"tab\"), not {text:?}"),
    };
    let mut columns = Vec::new();
    let mut named = |column: &Option<String>, meaning| {
        if let Some(column) = column {
            columns.push((column.clone(), meaning));
        }
    };
    named(&args.id, hr::Meaning::Id);
    named(&args.manager, hr::Meaning::Manager);
    named(&args.title, hr::Meaning::Title);
    named(&args.unit, hr::Meaning::Unit);
    named(&args.kind, hr::Meaning::Kind);
    match args.name.as_slice() {
        [] => {}
        [full] => columns.push((full.clone(), hr::Meaning::Name)),
        [first, last] => {
            columns.push((first.clone(), hr::Meaning::FirstName));
            columns.push((last.clone(), hr::Meaning::LastName));
        }
        _ => bail!("--name is given once (a full name) or twice (first, then last name)"),
    }
    Ok(hr::ImportChoices {
        read: hr::ReadOptions {
            sheet: args.sheet.clone(),
            encoding: args.encoding.map(|encoding| match encoding {
                EncodingArg::Utf8 => hr::Encoding::Utf8,
                EncodingArg::Utf16 => hr::Encoding::Utf16,
                EncodingArg::Gbk => hr::Encoding::Gbk,
                EncodingArg::Gb18030 => hr::Encoding::Gb18030,
                EncodingArg::Latin1 => hr::Encoding::Latin1,
            }),
            delimiter,
        },
        header_line: args.header_row,
        columns,
        manager_key: args.manager_by.map(|key| match key {
            ManagerByArg::Id => hr::ManagerKey::Id,
            ManagerByArg::Name => hr::ManagerKey::Name,
            ManagerByArg::Email => hr::ManagerKey::Email,
        }),
        no_units: args.no_units,
    })
}

/// Opens the editor on `file` (or `sample:NAME`), or on the seed sample.
#[cfg(feature = "editor")]
fn open_editor(file: Option<&Path>, compare: Option<PathBuf>) -> Result<ExitCode> {
    type Start = organigram::editor::Start;
    let start = match file {
        None => Start::default(),
        Some(file) => match file.to_string_lossy().strip_prefix(SAMPLE_PREFIX) {
            Some(name) if samples::find(name).is_some() => Start::Sample(name.to_owned()),
            _ => Start::File(file.to_owned()),
        },
    };
    let then = compare
        .map(organigram::editor::Action::CompareWith)
        .into_iter()
        .collect();
    organigram::ui::run(start, then)
        .map_err(|error| anyhow::anyhow!("the editor could not start: {error}"))?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(not(feature = "editor"))]
fn open_editor(_file: Option<&Path>, _compare: Option<PathBuf>) -> Result<ExitCode> {
    bail!("this organigram was built without the editor (feature \"editor\"); use a subcommand")
}

fn known_formats() -> String {
    ExportFormat::ALL.map(ExportFormat::name).join(", ")
}

/// Loads a chart file, or an embedded sample named `sample:NAME`.
fn load(path: &Path) -> Result<Chart, LoadError> {
    let text = path.to_string_lossy();
    if let Some(name) = text.strip_prefix(SAMPLE_PREFIX) {
        if let Some(sample) = samples::find(name) {
            return sample.load();
        }
        if !path.exists() {
            return Err(LoadError::Io {
                source_name: text.into_owned(),
                message: format!(
                    "no such sample; the samples are {}",
                    samples::SAMPLES.map(|s| s.name).join(", ")
                ),
            });
        }
    }
    load_file(path)
}

fn open_chart(path: &Path) -> Result<Chart> {
    load(path).map_err(|error| anyhow::anyhow!("{error}"))
}

fn validate(files: &[PathBuf]) -> ExitCode {
    let mut all_valid = true;
    for file in files {
        match load(file) {
            Ok(chart) => {
                println!("{}: valid ({} nodes)", file.display(), chart.len());
                // Freeing a large chart's million strings one by one takes longer than
                // the system takes to reclaim them when the process ends.
                std::mem::forget(chart);
            }
            Err(error) => {
                all_valid = false;
                for line in error.lines() {
                    eprintln!("{line}");
                }
            }
        }
    }
    if all_valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn print_stats(chart: &Chart, json: bool) -> Result<()> {
    let stats = ChartStats::of(chart);
    let widest_label = stats.widest_span_manager.map(|id| chart.label(id));
    if json {
        let value = serde_json::json!({
            "title": chart.title(),
            "organisation": chart.organisation(),
            "units": stats.units,
            "positions": stats.positions,
            "assistants": stats.assistants,
            "headcount": stats.headcount,
            "vacant_posts": stats.vacant_posts,
            "vacancies": stats.vacancies,
            "layers": stats.layers,
            "depth": stats.depth,
            "managers": stats.managers,
            "widest_span": stats.widest_span,
            "widest_span_manager": stats.widest_span_manager.map(|id| id.0),
            "mean_span": stats.mean_span,
            "dotted_lines": stats.dotted_lines,
        });
        println!("{}", serde_json::to_string_pretty(&value)?);
        return Ok(());
    }
    println!("Chart:            {}", chart.title());
    println!("Organisation:     {}", chart.organisation());
    println!("Units:            {}", stats.units);
    println!("Positions:        {}", stats.positions);
    println!("Assistants:       {}", stats.assistants);
    println!("Total headcount:  {}", stats.headcount);
    println!(
        "Vacancies:        {} ({} vacant posts)",
        stats.vacancies, stats.vacant_posts
    );
    println!(
        "Layers:           {} (tree depth {})",
        stats.layers, stats.depth
    );
    match widest_label {
        Some(label) => println!("Widest span:      {} ({label})", stats.widest_span),
        None => println!("Widest span:      0"),
    }
    println!(
        "Mean span:        {:.2} over {} managers",
        stats.mean_span, stats.managers
    );
    println!("Dotted lines:     {}", stats.dotted_lines);
    Ok(())
}
