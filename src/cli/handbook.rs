//! `organigram handbook`: the post handbook (chart, unit responsibilities, post duties)
//! as Word, PDF or Markdown; and `organigram import` of such a document.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Result};

use organigram::format::duty_doc::{is_duty_document, read_duty_document};
use organigram::format::{write_atomically, write_chart, SaveOptions};
use organigram::handbook::{write_handbook, Bullets, HandbookFormat, HandbookOptions};
use organigram::i18n::Lang;
use organigram::model::Chart;

/// `organigram handbook`'s arguments.
#[derive(clap::Args)]
pub struct HandbookArgs {
    /// A chart file (or `sample:NAME`).
    file: PathBuf,
    /// Where to write: .docx (Word), .pdf or .md (Markdown).
    #[arg(short, long)]
    output: PathBuf,
    /// Put a table of contents after the title.
    #[arg(long)]
    toc: bool,
    /// Start each unit's posts on a new page.
    #[arg(long)]
    page_break_per_unit: bool,
    /// How duties are numbered: ➢, •, 1. or 1、 (also arrow, dot, decimal, chinese).
    #[arg(long, default_value = "➢", value_parser = parse_bullets, value_name = "STYLE")]
    bullets: Bullets,
    /// The language of the handbook's headings and labels; by default the chart's, from
    /// its title.
    #[arg(long, value_enum)]
    lang: Option<crate::LangArg>,
}

impl HandbookArgs {
    /// The chart file.
    pub fn file(&self) -> &Path {
        &self.file
    }
}

fn parse_bullets(text: &str) -> Result<Bullets, String> {
    Bullets::from_name(text).ok_or_else(|| {
        format!(
            "“{text}” is not a numbering style; use one of {}",
            Bullets::ALL.map(Bullets::name).join(" ")
        )
    })
}

/// `organigram handbook`, on `chart`.
pub fn handbook(args: &HandbookArgs, chart: &Chart) -> Result<ExitCode> {
    let Some(format) = HandbookFormat::from_path(&args.output) else {
        bail!(
            "cannot tell the format from {}; use .docx, .pdf or .md",
            args.output.display()
        );
    };
    let lang = match args.lang {
        Some(crate::LangArg::En) => Lang::English,
        Some(crate::LangArg::Zh) => Lang::Chinese,
        None => Lang::of_text(chart.title()),
    };
    let options = HandbookOptions {
        toc: args.toc,
        page_break_per_unit: args.page_break_per_unit,
        bullets: args.bullets,
    };
    write_handbook(chart, &args.output, format, lang, options)?;
    Ok(ExitCode::SUCCESS)
}

/// `organigram import` of a duty document (.docx, .md, or text shaped like one);
/// `None` when `file` is not one, for the roster import to read.
pub fn import_duty_document(file: &Path, output: &Path, strict: bool) -> Result<Option<ExitCode>> {
    if !is_duty_document(file) {
        return Ok(None);
    }
    let import = read_duty_document(file)?;
    for line in import.problem_lines() {
        eprintln!("{line}");
    }
    println!("{}", import.summary());
    if let Some(note) = import.structure_note() {
        println!("{note}");
    }
    if strict && !import.problems.is_empty() {
        eprintln!(
            "organigram: --strict: {} problem(s), so nothing was written",
            import.problems.len()
        );
        return Ok(Some(ExitCode::FAILURE));
    }
    let text = write_chart(&import.chart);
    write_atomically(output, text.as_bytes(), &SaveOptions::default())?;
    Ok(Some(ExitCode::SUCCESS))
}
