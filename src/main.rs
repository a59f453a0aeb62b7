//! The `organigram` command: opens the editor, or runs a headless subcommand.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand, ValueEnum};

use organigram::export::{export_file, ExportChoices, ExportFormat, PageSetup, Paper, Theme};
use organigram::format::{load_file, write_atomically, LoadError, SaveOptions};
use organigram::generate::{generate, Shape};
use organigram::layout::{LayoutOptions, Orientation};
use organigram::model::{Chart, ChartStats, NodeId};
use organigram::samples::{self, SAMPLE_PREFIX};

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
    /// Lay the chart out and write it as SVG, PNG, PDF or JSON (by OUT's extension or --format).
    Export(ExportArgs),
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
        /// Where to write the chart.
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
    /// Show duties on the cards (for job-description handouts).
    #[arg(long)]
    duties: bool,
    /// Draw teams of leaves in one row instead of stacked beside their manager's line.
    #[arg(long)]
    no_compact: bool,
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
    /// One PDF page per top-level unit (or per child of --root).
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
                ..LayoutOptions::default()
            },
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Json,
    Svg,
    Png,
    Pdf,
}

impl FormatArg {
    fn format(self) -> ExportFormat {
        match self {
            FormatArg::Json => ExportFormat::Json,
            FormatArg::Svg => ExportFormat::Svg,
            FormatArg::Png => ExportFormat::Png,
            FormatArg::Pdf => ExportFormat::Pdf,
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
        return open_editor(cli.file.as_deref());
    };
    match command {
        Command::Validate { files } => Ok(validate(&files)),
        Command::Stats { file, json } => {
            let chart = open_chart(&file)?;
            print_stats(&chart, json)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Export(args) => export(&args),
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
            let text = organigram::format::write_chart(&chart);
            write_atomically(&output, text.as_bytes(), &SaveOptions::default())?;
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
    Ok(ExitCode::SUCCESS)
}

/// Opens the editor on `file` (or `sample:NAME`), or on the seed sample.
#[cfg(feature = "editor")]
fn open_editor(file: Option<&Path>) -> Result<ExitCode> {
    type Start = organigram::editor::Start;
    let start = match file {
        None => Start::default(),
        Some(file) => match file.to_string_lossy().strip_prefix(SAMPLE_PREFIX) {
            Some(name) if samples::find(name).is_some() => Start::Sample(name.to_owned()),
            _ => Start::File(file.to_owned()),
        },
    };
    organigram::ui::run(start)
        .map_err(|error| anyhow::anyhow!("the editor could not start: {error}"))?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(not(feature = "editor"))]
fn open_editor(_file: Option<&Path>) -> Result<ExitCode> {
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
            Ok(chart) => println!("{}: valid ({} nodes)", file.display(), chart.len()),
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
