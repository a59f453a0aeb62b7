//! `organigram report`: spans and layers, vacancies, units, shared duties and similar
//! posts, as text, JSON or an Excel workbook.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Result};

use organigram::analysis::{output, Report, BANDS, DEFAULT_THRESHOLD};
use organigram::format::{write_atomically, SaveOptions};
use organigram::model::Chart;

/// `organigram report`'s arguments.
#[derive(clap::Args)]
pub struct ReportArgs {
    /// A chart file (or `sample:NAME`).
    file: PathBuf,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    /// Write the report as an Excel workbook (.xlsx) or JSON (.json).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// How similar two duties must be to count as shared, from 0 to 1.
    #[arg(long, default_value_t = DEFAULT_THRESHOLD, value_name = "0-1")]
    threshold: f64,
}

impl ReportArgs {
    /// The chart file.
    pub fn file(&self) -> &std::path::Path {
        &self.file
    }
}

/// `organigram report`, on `chart`.
pub fn report(args: &ReportArgs, chart: &Chart) -> Result<ExitCode> {
    if !(0.0..=1.0).contains(&args.threshold) || args.threshold == 0.0 {
        bail!(
            "--threshold is a similarity above 0 and at most 1, not {}",
            args.threshold
        );
    }
    let report = Report::of(chart, args.threshold);
    if let Some(path) = &args.output {
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        let bytes = match extension.as_deref() {
            Some("xlsx") => output::xlsx(&report, chart)?,
            Some("json") => serde_json::to_vec_pretty(&output::json(&report, chart))?,
            _ => bail!(
                "cannot tell the format from {}; use .xlsx or .json",
                path.display()
            ),
        };
        let no_backup = SaveOptions { keep_backup: false };
        write_atomically(path, &bytes, &no_backup)?;
    }
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&output::json(&report, chart))?
        );
    } else if args.output.is_none() {
        print!("{}", text(&report, chart));
    }
    Ok(ExitCode::SUCCESS)
}

/// The report in words, for the terminal.
fn text(report: &Report, chart: &Chart) -> String {
    use std::fmt::Write;
    let s = &report.summary;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} posts ({} assistants) · headcount {} · {} vacancies · {} units",
        s.posts, s.assistants, s.headcount, s.vacancies, s.units
    );
    let _ = writeln!(
        out,
        "{} managers · {} layers · mean span {:.2} · median span {:.1} · {} narrow (span 1) · {} wide (13+)",
        s.managers, s.layers, s.mean_span, s.median_span, s.narrow, s.wide
    );
    let bands: Vec<String> = BANDS
        .iter()
        .zip(report.spans.bands)
        .map(|(name, count)| format!("{name}: {count}"))
        .collect();
    let _ = writeln!(out, "spans   {}", bands.join("   "));
    for layer in &report.layers {
        let _ = writeln!(
            out,
            "layer {:<3} {} posts, headcount {}, {} vacancies",
            layer.layer, layer.posts, layer.headcount, layer.vacancies
        );
    }
    let _ = writeln!(
        out,
        "\n{} groups of shared duties (similarity ≥ {}):",
        report.duty_groups.len(),
        report.threshold
    );
    for group in report.duty_groups.iter().take(20) {
        let first = group.uses.first().map_or("", |u| u.text.as_str());
        let posts: Vec<String> = group
            .posts()
            .iter()
            .take(6)
            .filter_map(|&id| chart.node(id).map(|n| format!("{} {id}", n.title)))
            .collect();
        let _ = writeln!(
            out,
            "  {:.2}  {first}  — {}",
            group.similarity,
            posts.join(", ")
        );
    }
    let _ = writeln!(out, "\n{} similar posts:", report.similar_posts.len());
    for entry in report.similar_posts.iter().take(20) {
        let posts: Vec<String> = entry
            .posts
            .iter()
            .take(6)
            .filter_map(|&id| chart.node(id).map(|n| format!("{} {id}", n.title)))
            .collect();
        let _ = writeln!(
            out,
            "  {:.2}  {} shared  {}",
            entry.similarity,
            entry.shared,
            posts.join(", ")
        );
    }
    out
}
