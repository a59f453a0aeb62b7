//! `organigram diff` and `organigram update`: two charts compared, and a chart brought up
//! to date with its HR system.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{bail, Context, Result};
use clap::ValueEnum;

use organigram::compare::report::{self, Charts};
use organigram::compare::{self, update, Carries, ChangeMarks, LoadedSide, MatchBy};
use organigram::export::{export_file, ExportChoices, ExportFormat};
use organigram::format::{write_atomically, write_chart, SaveOptions};
use organigram::i18n::Lang;
use organigram::samples::{self, SAMPLE_PREFIX};

/// How nodes are matched, on the command line.
#[derive(Clone, Copy, ValueEnum)]
pub enum MatchArg {
    /// By node id (NEW was edited from OLD).
    Id,
    /// By HR reference.
    Ref,
    /// By the chain of unit, title and holder from the top.
    Path,
}

impl MatchArg {
    fn by(self) -> MatchBy {
        match self {
            MatchArg::Id => MatchBy::Id,
            MatchArg::Ref => MatchBy::Ref,
            MatchArg::Path => MatchBy::Path,
        }
    }
}

/// `organigram diff`'s arguments.
#[derive(clap::Args)]
pub struct DiffArgs {
    /// The old chart (the as-is): a chart, `sample:NAME`, or any file `import` reads.
    old: PathBuf,
    /// The new chart (the to-be), the same way.
    new: PathBuf,
    /// Print the changes as JSON instead of text.
    #[arg(long)]
    json: bool,
    /// Also write the change list (.csv, .xlsx) or the new chart with the changes marked
    /// and a legend (.pdf, .png, .svg).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// How to match nodes (default: by ref when a side is an HR file or both carry refs,
    /// by id when NEW was edited from OLD, else by path).
    #[arg(long = "match", value_enum, value_name = "HOW")]
    match_by: Option<MatchArg>,
}

/// `organigram update`'s arguments.
#[derive(clap::Args)]
pub struct UpdateArgs {
    /// The chart to bring up to date.
    chart: PathBuf,
    /// The HR file (any file `import` reads).
    #[arg(long, value_name = "HR_FILE")]
    from: PathBuf,
    /// Where to write the updated chart (.ron).
    #[arg(short, long, required_unless_present = "dry_run")]
    output: Option<PathBuf>,
    /// Print the changes only; write nothing.
    #[arg(long)]
    dry_run: bool,
    /// How to match posts (default: by ref, as for `diff`).
    #[arg(long = "match", value_enum, value_name = "HOW")]
    match_by: Option<MatchArg>,
}

/// Reads a side: an embedded sample, a chart, or an HR file (its problems on stderr).
fn read_side(path: &Path) -> Result<LoadedSide> {
    let text = path.to_string_lossy();
    if let Some(sample) = text.strip_prefix(SAMPLE_PREFIX).and_then(samples::find) {
        let chart = sample.load().map_err(|e| anyhow::anyhow!("{e}"))?;
        return Ok(LoadedSide {
            chart,
            carries: Carries::CHART,
            hr_file: false,
            name: text.into_owned(),
            problems: Vec::new(),
            left_out: 0,
        });
    }
    let side = compare::load_side(path).map_err(|e| anyhow::anyhow!("{e}"))?;
    for problem in &side.problems {
        eprintln!("{problem}");
    }
    Ok(side)
}

/// `organigram diff`.
pub fn diff(args: &DiffArgs) -> Result<ExitCode> {
    let format = match &args.output {
        Some(output) => Some(ExportFormat::from_path(output).filter(|f| *f != ExportFormat::Json).with_context(|| {
            format!(
                "cannot tell what to write from {}; use .csv or .xlsx for the change list, .pdf, .png or .svg for the marked chart",
                output.display()
            )
        })?),
        None => None,
    };
    let old = read_side(&args.old)?;
    let new = read_side(&args.new)?;
    let diff = compare::diff(&old.side(), &new.side(), args.match_by.map(MatchArg::by));
    let charts = Charts {
        old: &old.chart,
        new: &new.chart,
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report::json(&diff))?);
    } else {
        print!("{}", report::text(&diff, charts));
    }
    if let (Some(output), Some(format)) = (&args.output, format) {
        let marks =
            ChangeMarks::of(&diff, charts, &old.name, Lang::English).with_table(&diff, charts);
        let choices = ExportChoices {
            format,
            title: Some(String::new()),
            ..ExportChoices::default()
        };
        let mut options = choices.options(&new.chart);
        options.changes = Some(Arc::new(marks));
        export_file(&new.chart, format, output, &options)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `organigram update`.
pub fn update(args: &UpdateArgs) -> Result<ExitCode> {
    let chart = read_side(&args.chart)?;
    if chart.hr_file {
        bail!(
            "{} is an HR file; update a chart (.ron) from it with --from",
            args.chart.display()
        );
    }
    let file = read_side(&args.from)?;
    if !file.hr_file {
        bail!(
            "{} is not an HR file (.csv, .tsv, .txt, .xlsx, .xls, .ods); to compare two charts use `organigram diff`",
            args.from.display()
        );
    }
    let plan = update::plan(
        &chart.chart,
        &file.chart,
        file.carries,
        args.match_by.map(MatchArg::by),
    );
    let charts = Charts {
        old: &chart.chart,
        new: &file.chart,
    };
    print!("{}", report::text(&plan.diff, charts));
    if args.dry_run {
        return Ok(ExitCode::SUCCESS);
    }
    let applied = plan.apply(&chart.chart, &file.chart, &[]);
    for (at, reason) in &applied.skipped {
        if let Some(change) = plan.diff.changes.get(*at) {
            eprintln!(
                "not applied: {}: {reason}",
                report::describe(change, charts, Lang::English)
            );
        }
    }
    if let Some(output) = &args.output {
        let text = write_chart(&applied.chart);
        write_atomically(output, text.as_bytes(), &SaveOptions::default())?;
    }
    Ok(ExitCode::SUCCESS)
}
