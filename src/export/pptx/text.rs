//! DrawingML text: runs with both the Latin and the East Asian typeface set, so Chinese
//! renders as Chinese in PowerPoint on Windows and macOS and in LibreOffice, and
//! paragraphs with exact line spacing, so text sits where the layout measured it.

use std::fmt::Write;

use crate::export::svg::escape;
use crate::theme::Rgb;

/// The typeface of Latin text.
pub const LATIN_TYPEFACE: &str = "Arial";
/// The typeface of Chinese text: on every Windows since Vista, and what PowerPoint for
/// Mac and LibreOffice substitute a CJK font for.
pub const EAST_ASIAN_TYPEFACE: &str = "Microsoft YaHei";

/// EMU (English Metric Units) per point.
pub const EMU_PER_PT: f32 = 12_700.0;

/// A length in points as whole EMU.
pub fn emu(points: f32) -> i64 {
    (f64::from(points) * f64::from(EMU_PER_PT)).round() as i64
}

/// `rrggbb` for DrawingML.
pub fn rgb(colour: Rgb) -> String {
    format!("{:02X}{:02X}{:02X}", colour[0], colour[1], colour[2])
}

/// `<a:solidFill>` of one colour.
pub fn solid_fill(colour: Rgb) -> String {
    format!(
        r#"<a:solidFill><a:srgbClr val="{}"/></a:solidFill>"#,
        rgb(colour)
    )
}

/// True when `text` has a Chinese (or other CJK) character.
pub fn has_cjk(text: &str) -> bool {
    text.chars().any(crate::fonts::is_wide)
}

/// One run of text.
#[derive(Clone, Copy, Debug)]
pub struct Run<'a> {
    /// The text.
    pub text: &'a str,
    /// Its size in points (written in hundredths, so 9 pt is `sz="900"`).
    pub size_pt: f32,
    /// Its colour.
    pub colour: Rgb,
    /// Bold.
    pub bold: bool,
    /// Underlined (a link).
    pub underline: bool,
    /// The relationship id of the slide a click on it jumps to.
    pub jump: Option<&'a str>,
}

impl<'a> Run<'a> {
    /// A plain run.
    pub fn new(text: &'a str, size_pt: f32, colour: Rgb) -> Run<'a> {
        Run {
            text,
            size_pt,
            colour,
            bold: false,
            underline: false,
            jump: None,
        }
    }
}

/// The run's size as DrawingML writes it: hundredths of a point, at least 1 pt.
pub fn size_attribute(size_pt: f32) -> i64 {
    ((size_pt * 100.0).round() as i64).clamp(100, 400_000)
}

/// The run's character properties: language, size, colour and typefaces.
fn run_properties(out: &mut String, run: &Run<'_>, element: &str) {
    let lang = if has_cjk(run.text) {
        r#"lang="zh-CN" altLang="en-US""#
    } else {
        r#"lang="en-US""#
    };
    let _ = write!(
        out,
        r#"<a:{element} {lang} sz="{}"{}{} dirty="0">{}<a:latin typeface="{LATIN_TYPEFACE}"/><a:ea typeface="{EAST_ASIAN_TYPEFACE}"/>"#,
        size_attribute(run.size_pt),
        if run.bold { r#" b="1""# } else { "" },
        if run.underline { r#" u="sng""# } else { "" },
        solid_fill(run.colour),
    );
    if let Some(rel) = run.jump {
        let _ = write!(
            out,
            r#"<a:hlinkClick r:id="{rel}" action="ppaction://hlinksldjump"/>"#
        );
    }
    let _ = write!(out, "</a:{element}>");
}

/// `<a:r>`: one run.
pub fn run(out: &mut String, run: &Run<'_>) {
    out.push_str("<a:r>");
    run_properties(out, run, "rPr");
    let _ = write!(out, "<a:t>{}</a:t></a:r>", escape(run.text));
}

/// How a paragraph's lines are aligned.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Align {
    /// Flush left.
    #[default]
    Left,
    /// Centred.
    Centre,
    /// Flush right.
    Right,
}

/// How a paragraph is set.
#[derive(Clone, Copy, Debug, Default)]
pub struct Para {
    /// Exact line height in points; `None` for the font's own.
    pub line_pt: Option<f32>,
    /// Space before the paragraph, in points.
    pub before_pt: f32,
    /// How lines are aligned.
    pub align: Align,
    /// A bullet (•) hanging in a margin this many points wide.
    pub bullet_pt: Option<f32>,
}

/// `<a:p>` of `runs`, set as `para`. A paragraph with no runs still carries the first
/// run's size in its end mark, so an empty line keeps its height.
pub fn paragraph(out: &mut String, para: Para, runs: &[Run<'_>]) {
    out.push_str("<a:p><a:pPr");
    if let Some(margin) = para.bullet_pt {
        let _ = write!(out, r#" marL="{}" indent="{}""#, emu(margin), -emu(margin));
    }
    let align = match para.align {
        Align::Left => "l",
        Align::Centre => "ctr",
        Align::Right => "r",
    };
    let _ = write!(out, r#" algn="{align}">"#);
    if let Some(line) = para.line_pt {
        let _ = write!(
            out,
            r#"<a:lnSpc><a:spcPts val="{}"/></a:lnSpc>"#,
            spacing(line)
        );
    }
    let _ = write!(
        out,
        r#"<a:spcBef><a:spcPts val="{}"/></a:spcBef>"#,
        spacing(para.before_pt)
    );
    if para.bullet_pt.is_some() {
        let _ = write!(
            out,
            r#"<a:buFont typeface="{LATIN_TYPEFACE}"/><a:buChar char="•"/>"#
        );
    } else {
        out.push_str("<a:buNone/>");
    }
    out.push_str("</a:pPr>");
    for each in runs {
        run(out, each);
    }
    if let Some(first) = runs.first() {
        run_properties(
            out,
            &Run {
                jump: None,
                ..*first
            },
            "endParaRPr",
        );
    }
    out.push_str("</a:p>");
}

/// Points as DrawingML's spacing unit (hundredths of a point), within its range.
fn spacing(points: f32) -> i64 {
    ((points * 100.0).round() as i64).clamp(0, 158_400)
}

/// `<a:bodyPr>` with insets in points, text from the top, not wrapped (the layout
/// broke the lines) and never shrunk.
pub fn body_properties(insets_pt: [f32; 4], anchor: &str, wrap: bool) -> String {
    let [left, top, right, bottom] = insets_pt.map(emu);
    format!(
        r#"<a:bodyPr wrap="{}" lIns="{left}" tIns="{top}" rIns="{right}" bIns="{bottom}" anchor="{anchor}" rtlCol="0"><a:noAutofit/></a:bodyPr><a:lstStyle/>"#,
        if wrap { "square" } else { "none" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_runs_say_so_and_name_both_typefaces() {
        let mut out = String::new();
        run(&mut out, &Run::new("销售部 & <Sales>", 9.0, [0, 0, 0]));
        assert!(
            out.contains(r#"lang="zh-CN" altLang="en-US" sz="900""#),
            "{out}"
        );
        assert!(out.contains(r#"<a:ea typeface="Microsoft YaHei"/>"#));
        assert!(out.contains("&amp; &lt;Sales&gt;"));
        let mut out = String::new();
        run(&mut out, &Run::new("Sales", 10.5, [0, 0, 0]));
        assert!(out.contains(r#"lang="en-US" sz="1050""#), "{out}");
    }
}
