//! The `organigram` command: opens the editor, or runs a headless subcommand.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand, ValueEnum};

use organigram::export::{export_file, ExportFormat, ExportOptions};
use organigram::format::{load_file, write_atomically, LoadError, SaveOptions};
use organigram::generate::{generate, Shape};
use organigram::layout::{CardStyle, LayoutOptions, Orientation};
use organigram::model::{Chart, ChartStats};
use organigram::samples::{self, SAMPLE_PREFIX};
use organigram::ui::Start;

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
    /// Lay the chart out and write it in another format (by OUT's extension or --format).
    Export {
        /// A chart file (or `sample:NAME`).
        file: PathBuf,
        /// Where to write.
        #[arg(short, long)]
        output: PathBuf,
        /// The format, when OUT's extension does not say it (json).
        #[arg(long)]
        format: Option<String>,
        /// Which way the chart grows.
        #[arg(long, value_enum, default_value_t = OrientationArg::TopDown)]
        orientation: OrientationArg,
        /// Show duties on the cards (bigger cards).
        #[arg(long)]
        duties: bool,
        /// Stack teams of leaves beside their manager's line.
        #[arg(long)]
        compact: bool,
    },
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

#[derive(Clone, Copy, ValueEnum)]
enum OrientationArg {
    TopDown,
    LeftToRight,
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
        let start = match &cli.file {
            None => Start::default(),
            Some(file) => match file.to_string_lossy().strip_prefix(SAMPLE_PREFIX) {
                Some(name) if samples::find(name).is_some() => Start::Sample(name.to_owned()),
                _ => Start::File(file.clone()),
            },
        };
        organigram::ui::run(start)
            .map_err(|error| anyhow::anyhow!("the editor could not start: {error}"))?;
        return Ok(ExitCode::SUCCESS);
    };
    match command {
        Command::Validate { files } => Ok(validate(&files)),
        Command::Stats { file, json } => {
            let chart = open_chart(&file)?;
            print_stats(&chart, json)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Export {
            file,
            output,
            format,
            orientation,
            duties,
            compact,
        } => {
            let format = match &format {
                Some(name) => ExportFormat::from_name(name).with_context(|| {
                    format!("unknown export format {name:?}; known: {}", known_formats())
                })?,
                None => ExportFormat::from_path(&output).with_context(|| {
                    format!(
                        "cannot tell the format from {}; give --format ({})",
                        output.display(),
                        known_formats()
                    )
                })?,
            };
            let chart = open_chart(&file)?;
            let options = ExportOptions {
                style: CardStyle {
                    show_duties: duties,
                    ..CardStyle::for_language_of(chart.title())
                },
                layout: LayoutOptions {
                    orientation: match orientation {
                        OrientationArg::TopDown => Orientation::TopDown,
                        OrientationArg::LeftToRight => Orientation::LeftToRight,
                    },
                    compact,
                    ..LayoutOptions::default()
                },
            };
            export_file(&chart, format, &output, &options)?;
            Ok(ExitCode::SUCCESS)
        }
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
