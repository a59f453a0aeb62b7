//! The handbook as a Word document (.docx, Office Open XML), written part by part with
//! `zip`: unit and post names are real Heading 1 and Heading 2 paragraphs (outline
//! levels 0 and 1, so Word's navigation pane and table of contents work), duties are
//! list paragraphs of a real list in `numbering.xml` (➢ is Word's own Wingdings arrow,
//! so the reader's font draws it), runs name a CJK typeface for East Asian text, the
//! chart is a sharp PNG placed inline, and pages are numbered in the footer.

use std::fmt::Write as _;
use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use super::figure::{chart_png, png_size};
use super::{Bullets, Handbook, PostPart, Section, UnitPart};
use crate::export::svg::escape;
use crate::export::ExportError;
use crate::i18n::Lang;
use crate::model::Chart;

const NS_W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const NS_R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XML_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

/// A4 in twentieths of a point, and the margins.
const PAGE_W_TWIPS: u32 = 11_906;
const PAGE_H_TWIPS: u32 = 16_838;
const MARGIN_X_TWIPS: u32 = 1_304;
const MARGIN_Y_TWIPS: u32 = 1_440;
/// The text width: the page less both margins.
const TEXT_W_TWIPS: u32 = PAGE_W_TWIPS - 2 * MARGIN_X_TWIPS;
/// The tallest the figure may be: the text height less room for its heading.
const FIGURE_MAX_H_TWIPS: u32 = PAGE_H_TWIPS - 2 * MARGIN_Y_TWIPS - 1_600;
/// English Metric Units per twip.
const EMU_PER_TWIP: u64 = 635;
/// The most the figure is enlarged beyond its natural size (96 chart units per inch).
const FIGURE_MAX_ENLARGE: f64 = 1.5;

/// The list of the unit responsibilities part.
const UNITS_NUM_ID: usize = 1;
/// The first post's duty list; each post has its own, so numbering restarts at 1.
const FIRST_DUTY_NUM_ID: usize = 2;

/// Writes the handbook as a .docx.
pub fn docx(handbook: &Handbook, chart: &Chart) -> Result<Vec<u8>, ExportError> {
    let figure = chart_png(chart, handbook.lang)?;
    let mut body = Body::new(handbook);
    body.write(figure.as_ref().and_then(|(png, scale)| {
        png_size(png).map(|(w, h)| {
            (
                f64::from(w) / f64::from(*scale),
                f64::from(h) / f64::from(*scale),
            )
        })
    }));
    let posts = body.next_num_id - FIRST_DUTY_NUM_ID;
    let parts: Vec<(&str, Vec<u8>)> = vec![
        (
            "[Content_Types].xml",
            content_types(figure.is_some()).into_bytes(),
        ),
        ("_rels/.rels", package_rels().into_bytes()),
        ("docProps/core.xml", core(handbook).into_bytes()),
        ("docProps/app.xml", app().into_bytes()),
        ("word/document.xml", body.finish().into_bytes()),
        (
            "word/_rels/document.xml.rels",
            document_rels(figure.is_some()).into_bytes(),
        ),
        ("word/styles.xml", styles(handbook.lang).into_bytes()),
        (
            "word/numbering.xml",
            numbering(handbook, posts).into_bytes(),
        ),
        (
            "word/settings.xml",
            settings(handbook.options.toc).into_bytes(),
        ),
        ("word/fontTable.xml", font_table().into_bytes()),
        ("word/footer1.xml", footer().into_bytes()),
    ];
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let broken = |e: &dyn std::fmt::Display| ExportError::Render(format!("writing the .docx: {e}"));
    for (name, bytes) in parts {
        zip.start_file(name, deflated).map_err(|e| broken(&e))?;
        zip.write_all(&bytes).map_err(|e| broken(&e))?;
    }
    if let Some((png, _)) = &figure {
        // A PNG is compressed already.
        let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
        zip.start_file("word/media/chart.png", stored)
            .map_err(|e| broken(&e))?;
        zip.write_all(png).map_err(|e| broken(&e))?;
    }
    let cursor = zip.finish().map_err(|e| broken(&e))?;
    Ok(cursor.into_inner())
}

/// The document body, paragraph by paragraph.
struct Body<'a> {
    handbook: &'a Handbook,
    xml: String,
    /// The next `w:num` id for a duty list.
    next_num_id: usize,
}

impl<'a> Body<'a> {
    fn new(handbook: &'a Handbook) -> Body<'a> {
        Body {
            handbook,
            xml: String::new(),
            next_num_id: FIRST_DUTY_NUM_ID,
        }
    }

    /// The whole body: title, contents, the figure (its natural size in chart units),
    /// the unit responsibilities and the post duties.
    fn write(&mut self, figure: Option<(f64, f64)>) {
        let handbook = self.handbook;
        self.paragraph("Title", "", &run(&handbook.title, ""));
        if !handbook.organisation.is_empty() {
            self.paragraph("Subtitle", "", &run(&handbook.organisation, ""));
        }
        if handbook.options.toc {
            self.contents();
        }
        let sections = handbook.sections();
        for &section in &sections {
            // The figure ends its page; the post duties follow the unit responsibilities.
            let break_before = match section {
                Section::Chart => handbook.options.toc,
                Section::Units => true,
                Section::Posts => !sections.contains(&Section::Units),
            };
            let ppr = if break_before {
                "<w:pageBreakBefore/>"
            } else {
                ""
            };
            self.paragraph("Heading1", ppr, &run(&handbook.heading(section), ""));
            match section {
                Section::Chart => self.figure(figure),
                Section::Units => self.unit_responsibilities(),
                Section::Posts => self.post_duties(),
            }
        }
    }

    fn finish(self) -> String {
        format!(
            "{XML_HEAD}<w:document xmlns:w=\"{NS_W}\" xmlns:r=\"{NS_R}\" \
             xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" \
             xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" \
             xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\
             <w:body>{}<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>\
             <w:pgSz w:w=\"{PAGE_W_TWIPS}\" w:h=\"{PAGE_H_TWIPS}\"/>\
             <w:pgMar w:top=\"{MARGIN_Y_TWIPS}\" w:right=\"{MARGIN_X_TWIPS}\" w:bottom=\"{MARGIN_Y_TWIPS}\" \
             w:left=\"{MARGIN_X_TWIPS}\" w:header=\"851\" w:footer=\"709\" w:gutter=\"0\"/>\
             <w:cols w:space=\"425\"/></w:sectPr></w:body></w:document>",
            self.xml
        )
    }

    /// A paragraph of `style` (empty: Normal), with more paragraph properties `ppr`
    /// (in schema order after the style) and its runs.
    fn paragraph(&mut self, style: &str, ppr: &str, runs: &str) {
        self.xml.push_str("<w:p>");
        if !style.is_empty() || !ppr.is_empty() {
            self.xml.push_str("<w:pPr>");
            if !style.is_empty() {
                let _ = write!(self.xml, "<w:pStyle w:val=\"{style}\"/>");
            }
            self.xml.push_str(ppr);
            self.xml.push_str("</w:pPr>");
        }
        self.xml.push_str(runs);
        self.xml.push_str("</w:p>");
    }

    /// A table of contents: Word's TOC field over heading levels 1–2, with the headings
    /// as its last result (no page numbers yet); Word fills it in when the document
    /// opens (`w:updateFields`), and Update Field refreshes it anywhere.
    fn contents(&mut self) {
        let handbook = self.handbook;
        self.paragraph(
            "TOCHeading",
            "",
            &run(&handbook.word("handbook-contents"), ""),
        );
        let mut entries: Vec<(u8, String)> = Vec::new();
        for section in handbook.sections() {
            entries.push((1, handbook.heading(section)));
            if section == Section::Posts {
                for unit in &handbook.units {
                    entries.push((1, unit.name.clone()));
                    entries.extend(unit.posts.iter().map(|p| (2, p.title.clone())));
                }
            }
        }
        let begin = "<w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r>\
                     <w:r><w:instrText xml:space=\"preserve\"> TOC \\o &quot;1-2&quot; \\h \\z \\u </w:instrText></w:r>\
                     <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>";
        for (at, (level, text)) in entries.iter().enumerate() {
            let style = if *level == 1 { "TOC1" } else { "TOC2" };
            let lead = if at == 0 { begin } else { "" };
            self.paragraph(style, "", &format!("{lead}{}", run(text, "")));
        }
        self.paragraph("", "", "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>");
    }

    /// The chart as an inline picture fitted to the text width (and to the page's
    /// height), or a line saying it is too large.
    fn figure(&mut self, natural: Option<(f64, f64)>) {
        let Some((width_units, height_units)) = natural else {
            let words = self.handbook.word("handbook-chart-too-large");
            self.paragraph("", "", &run(&words, ""));
            return;
        };
        // 96 chart units to the inch, 1440 twips to the inch.
        let natural_w_twips = width_units * 15.0;
        let mut scale = (f64::from(TEXT_W_TWIPS) / natural_w_twips).min(FIGURE_MAX_ENLARGE);
        if height_units * 15.0 * scale > f64::from(FIGURE_MAX_H_TWIPS) {
            scale = f64::from(FIGURE_MAX_H_TWIPS) / (height_units * 15.0);
        }
        let cx = (width_units * 15.0 * scale) as u64 * EMU_PER_TWIP;
        let cy = (height_units * 15.0 * scale) as u64 * EMU_PER_TWIP;
        let name = escape(&self.handbook.title);
        let picture = format!(
            "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">\
             <wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>\
             <wp:docPr id=\"1\" name=\"Chart\" descr=\"{name}\"/>\
             <wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>\
             <a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\
             <pic:pic><pic:nvPicPr><pic:cNvPr id=\"0\" name=\"chart.png\"/><pic:cNvPicPr/></pic:nvPicPr>\
             <pic:blipFill><a:blip r:embed=\"rIdChart\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
             <pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm>\
             <a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic>\
             </a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
        );
        self.paragraph("Figure", "", &picture);
    }

    /// 二、部门解析: one numbered item per unit, `销售部：…`; a unit with several
    /// responsibilities lists them one level down.
    fn unit_responsibilities(&mut self) {
        let handbook = self.handbook;
        let colon = match handbook.lang {
            Lang::Chinese => "：",
            Lang::English => ": ",
        };
        for unit in handbook.units_with_responsibilities() {
            let list = |level: u8| {
                format!("<w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{UNITS_NUM_ID}\"/></w:numPr>")
            };
            let name = run(&format!("{}{colon}", unit.name), "<w:b/><w:bCs/>");
            match unit.responsibilities.as_slice() {
                [only] => self.paragraph(
                    "ListParagraph",
                    &list(0),
                    &format!("{name}{}", run(only, "")),
                ),
                many => {
                    self.paragraph("ListParagraph", &list(0), &name);
                    for text in many {
                        self.paragraph("ListParagraph", &list(1), &run(text, ""));
                    }
                }
            }
        }
    }

    /// 三、岗位职责分解: each unit a Heading 1, each post a Heading 2 with its
    /// particulars and its duties as a list.
    fn post_duties(&mut self) {
        let handbook = self.handbook;
        for (at, unit) in handbook.units.iter().enumerate() {
            let ppr = if handbook.options.page_break_per_unit && at > 0 {
                "<w:pageBreakBefore/>"
            } else {
                ""
            };
            self.paragraph("Heading1", ppr, &run(&unit.name, ""));
            self.unit_particulars(unit);
            for post in &unit.posts {
                self.post(post);
            }
        }
    }

    fn unit_particulars(&mut self, unit: &UnitPart) {
        let handbook = self.handbook;
        let fields = handbook.unit_fields(unit);
        if !fields.is_empty() {
            self.paragraph("PostInfo", "", &run(&handbook.fields_line(&fields), ""));
        }
        if !unit.notes.trim().is_empty() {
            self.paragraph("PostInfo", "", &run(&handbook.notes_line(&unit.notes), ""));
        }
    }

    fn post(&mut self, post: &PostPart) {
        let handbook = self.handbook;
        self.paragraph("Heading2", "", &run(&post.title, ""));
        let fields = handbook.fields_line(&handbook.post_fields(post));
        self.paragraph("PostInfo", "", &run(&fields, ""));
        if !post.notes.trim().is_empty() {
            self.paragraph("PostInfo", "", &run(&handbook.notes_line(&post.notes), ""));
        }
        if post.duties.is_empty() {
            let words = handbook.word("handbook-no-duties");
            self.paragraph("PostInfo", "", &run(&words, "<w:i/><w:iCs/>"));
            return;
        }
        let num_id = self.next_num_id;
        self.next_num_id += 1;
        let list = format!("<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"{num_id}\"/></w:numPr>");
        for duty in &post.duties {
            self.paragraph("ListParagraph", &list, &run(duty, ""));
        }
    }
}

/// A run of `text` with run properties `rpr` (in schema order after the fonts); CJK
/// text is marked East Asian, and line breaks in the text become Word line breaks.
fn run(text: &str, rpr: &str) -> String {
    let east_asian = text.chars().any(crate::fonts::is_wide);
    let fonts = if east_asian {
        "<w:rFonts w:hint=\"eastAsia\"/>"
    } else {
        ""
    };
    let mut out = String::from("<w:r>");
    if !fonts.is_empty() || !rpr.is_empty() {
        let _ = write!(out, "<w:rPr>{fonts}{rpr}</w:rPr>");
    }
    for (at, line) in text.split('\n').enumerate() {
        if at > 0 {
            out.push_str("<w:br/>");
        }
        let _ = write!(out, "<w:t xml:space=\"preserve\">{}</w:t>", escape(line));
    }
    out.push_str("</w:r>");
    out
}

fn content_types(with_png: bool) -> String {
    let main = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    let png = if with_png {
        "<Default Extension=\"png\" ContentType=\"image/png\"/>"
    } else {
        ""
    };
    format!(
        "{XML_HEAD}<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
         <Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
         <Default Extension=\"xml\" ContentType=\"application/xml\"/>{png}\
         <Override PartName=\"/word/document.xml\" ContentType=\"{main}.document.main+xml\"/>\
         <Override PartName=\"/word/styles.xml\" ContentType=\"{main}.styles+xml\"/>\
         <Override PartName=\"/word/numbering.xml\" ContentType=\"{main}.numbering+xml\"/>\
         <Override PartName=\"/word/settings.xml\" ContentType=\"{main}.settings+xml\"/>\
         <Override PartName=\"/word/fontTable.xml\" ContentType=\"{main}.fontTable+xml\"/>\
         <Override PartName=\"/word/footer1.xml\" ContentType=\"{main}.footer+xml\"/>\
         <Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
         <Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>\
         </Types>"
    )
}

fn package_rels() -> String {
    format!(
        "{XML_HEAD}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rId1\" Type=\"{REL}/officeDocument\" Target=\"word/document.xml\"/>\
         <Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
         <Relationship Id=\"rId3\" Type=\"{REL}/extended-properties\" Target=\"docProps/app.xml\"/>\
         </Relationships>"
    )
}

fn document_rels(with_png: bool) -> String {
    let image = if with_png {
        format!("<Relationship Id=\"rIdChart\" Type=\"{REL}/image\" Target=\"media/chart.png\"/>")
    } else {
        String::new()
    };
    format!(
        "{XML_HEAD}<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rIdStyles\" Type=\"{REL}/styles\" Target=\"styles.xml\"/>\
         <Relationship Id=\"rIdNumbering\" Type=\"{REL}/numbering\" Target=\"numbering.xml\"/>\
         <Relationship Id=\"rIdSettings\" Type=\"{REL}/settings\" Target=\"settings.xml\"/>\
         <Relationship Id=\"rIdFonts\" Type=\"{REL}/fontTable\" Target=\"fontTable.xml\"/>\
         <Relationship Id=\"rIdFooter\" Type=\"{REL}/footer\" Target=\"footer1.xml\"/>{image}\
         </Relationships>"
    )
}

fn core(handbook: &Handbook) -> String {
    format!(
        "{XML_HEAD}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
         xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
         <dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:creator>Organigram</dc:creator>\
         </cp:coreProperties>",
        escape(&handbook.title),
        escape(&handbook.organisation)
    )
}

fn app() -> String {
    format!(
        "{XML_HEAD}<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">\
         <Application>Organigram</Application></Properties>"
    )
}

fn settings(update_fields: bool) -> String {
    let update = if update_fields {
        "<w:updateFields w:val=\"true\"/>"
    } else {
        ""
    };
    format!(
        "{XML_HEAD}<w:settings xmlns:w=\"{NS_W}\"><w:defaultTabStop w:val=\"420\"/>\
         <w:characterSpacingControl w:val=\"compressPunctuation\"/>{update}\
         <w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat>\
         </w:settings>"
    )
}

fn font_table() -> String {
    format!(
        "{XML_HEAD}<w:fonts xmlns:w=\"{NS_W}\">\
         <w:font w:name=\"Calibri\"><w:charset w:val=\"00\"/><w:family w:val=\"swiss\"/><w:pitch w:val=\"variable\"/></w:font>\
         <w:font w:name=\"Microsoft YaHei\"><w:altName w:val=\"微软雅黑\"/><w:charset w:val=\"86\"/><w:family w:val=\"swiss\"/><w:pitch w:val=\"variable\"/></w:font>\
         <w:font w:name=\"Wingdings\"><w:charset w:val=\"02\"/><w:family w:val=\"auto\"/><w:pitch w:val=\"variable\"/></w:font>\
         </w:fonts>"
    )
}

fn footer() -> String {
    format!(
        "{XML_HEAD}<w:ftr xmlns:w=\"{NS_W}\" xmlns:r=\"{NS_R}\"><w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>\
         <w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>\
         <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>\
         </w:p></w:ftr>"
    )
}

/// The styles: Normal, Title, Subtitle, Heading 1 and 2 (outline levels 0 and 1), List
/// Paragraph, the post particulars, the figure, the contents and the footer. East Asian
/// text is set in Microsoft YaHei (Word substitutes the system's CJK font elsewhere).
fn styles(lang: Lang) -> String {
    let (language, justify) = match lang {
        Lang::Chinese => ("zh-CN", "both"),
        Lang::English => ("en-US", "left"),
    };
    let all = [
        // Chinese text is justified, as Chinese documents are; English is set ragged.
        format!(
            "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>\
             <w:pPr><w:jc w:val=\"{justify}\"/></w:pPr></w:style>"
        ),
        "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">\
         <w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"
            .to_owned(),
        paragraph_style(
            "Title",
            "Title",
            "Normal",
            "<w:next w:val=\"Normal\"/><w:uiPriority w:val=\"10\"/><w:qFormat/>\
             <w:pPr><w:spacing w:before=\"480\" w:after=\"120\"/><w:jc w:val=\"center\"/></w:pPr>\
             <w:rPr><w:b/><w:bCs/><w:kern w:val=\"28\"/><w:sz w:val=\"40\"/><w:szCs w:val=\"40\"/></w:rPr>",
        ),
        paragraph_style(
            "Subtitle",
            "Subtitle",
            "Normal",
            "<w:next w:val=\"Normal\"/><w:uiPriority w:val=\"11\"/><w:qFormat/>\
             <w:pPr><w:spacing w:after=\"360\"/><w:jc w:val=\"center\"/></w:pPr>\
             <w:rPr><w:color w:val=\"595959\"/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/></w:rPr>",
        ),
        heading_style("Heading1", "heading 1", 0, 32, 360, "1F3864"),
        heading_style("Heading2", "heading 2", 1, 26, 240, "2F5496"),
        paragraph_style(
            "ListParagraph",
            "List Paragraph",
            "Normal",
            "<w:uiPriority w:val=\"34\"/><w:qFormat/><w:pPr><w:ind w:left=\"420\"/></w:pPr>",
        ),
        paragraph_style(
            "PostInfo",
            "Post Particulars",
            "Normal",
            "<w:next w:val=\"ListParagraph\"/><w:qFormat/><w:pPr><w:spacing w:after=\"120\"/></w:pPr>\
             <w:rPr><w:color w:val=\"595959\"/><w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/></w:rPr>",
        ),
        paragraph_style(
            "Figure",
            "Figure",
            "Normal",
            "<w:pPr><w:keepNext/><w:spacing w:before=\"120\" w:after=\"120\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"center\"/></w:pPr>",
        ),
    ];
    let all = all.into_iter().chain(contents_styles());
    format!(
        "{XML_HEAD}<w:styles xmlns:w=\"{NS_W}\"><w:docDefaults><w:rPrDefault><w:rPr>\
         <w:rFonts w:ascii=\"Calibri\" w:eastAsia=\"Microsoft YaHei\" w:hAnsi=\"Calibri\" w:cs=\"Arial\"/>\
         <w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/><w:lang w:val=\"{language}\" w:eastAsia=\"zh-CN\" w:bidi=\"ar-SA\"/>\
         </w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"60\" w:line=\"312\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault>\
         </w:docDefaults>{}</w:styles>",
        all.collect::<String>()
    )
}

/// The styles of the table of contents and the footer.
fn contents_styles() -> [String; 4] {
    [
        paragraph_style(
            "TOCHeading",
            "TOC Heading",
            "Heading1",
            "<w:next w:val=\"Normal\"/><w:uiPriority w:val=\"39\"/><w:unhideWhenUsed/><w:qFormat/>\
             <w:pPr><w:outlineLvl w:val=\"9\"/></w:pPr>",
        ),
        paragraph_style(
            "TOC1",
            "toc 1",
            "Normal",
            &format!(
                "<w:next w:val=\"Normal\"/><w:uiPriority w:val=\"39\"/><w:unhideWhenUsed/>\
                 <w:pPr><w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"{TEXT_W_TWIPS}\"/></w:tabs><w:spacing w:after=\"60\"/></w:pPr>"
            ),
        ),
        paragraph_style(
            "TOC2",
            "toc 2",
            "Normal",
            &format!(
                "<w:next w:val=\"Normal\"/><w:uiPriority w:val=\"39\"/><w:unhideWhenUsed/>\
                 <w:pPr><w:tabs><w:tab w:val=\"right\" w:leader=\"dot\" w:pos=\"{TEXT_W_TWIPS}\"/></w:tabs><w:spacing w:after=\"60\"/><w:ind w:left=\"420\"/></w:pPr>"
            ),
        ),
        paragraph_style(
            "Footer",
            "footer",
            "Normal",
            "<w:uiPriority w:val=\"99\"/><w:unhideWhenUsed/><w:pPr><w:jc w:val=\"center\"/></w:pPr>\
             <w:rPr><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/></w:rPr>",
        ),
    ]
}

/// A paragraph style: its id, name, the style it is based on, and the rest of it.
fn paragraph_style(id: &str, name: &str, based_on: &str, body: &str) -> String {
    let based = if based_on.is_empty() {
        String::new()
    } else {
        format!("<w:basedOn w:val=\"{based_on}\"/>")
    };
    format!(
        "<w:style w:type=\"paragraph\" w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>{based}{body}</w:style>"
    )
}

/// A heading style: bold, kept with the next paragraph, at outline `level`.
fn heading_style(id: &str, name: &str, level: u8, size: u32, before: u32, colour: &str) -> String {
    paragraph_style(
        id,
        name,
        "Normal",
        &format!(
            "<w:next w:val=\"Normal\"/><w:uiPriority w:val=\"9\"/><w:qFormat/>\
             <w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before=\"{before}\" w:after=\"120\"/>\
             <w:jc w:val=\"left\"/><w:outlineLvl w:val=\"{level}\"/></w:pPr>\
             <w:rPr><w:b/><w:bCs/><w:color w:val=\"{colour}\"/><w:kern w:val=\"28\"/><w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/></w:rPr>"
        ),
    )
}

/// One list level: its number format, its text and (for a symbol) the symbol's font.
fn level(ilvl: u8, format: &str, text: &str, font: Option<&str>, left_twips: u32) -> String {
    let rpr = font.map_or(String::new(), |font| {
        format!(
            "<w:rPr><w:rFonts w:ascii=\"{font}\" w:hAnsi=\"{font}\" w:hint=\"default\"/></w:rPr>"
        )
    });
    format!(
        "<w:lvl w:ilvl=\"{ilvl}\"><w:start w:val=\"1\"/><w:numFmt w:val=\"{format}\"/>\
         <w:lvlText w:val=\"{text}\"/><w:lvlJc w:val=\"left\"/>\
         <w:pPr><w:ind w:left=\"{left_twips}\" w:hanging=\"420\"/></w:pPr>{rpr}</w:lvl>"
    )
}

/// The lists: the unit responsibilities (1、 or 1., with • one level down), and the duty
/// style, with one list per post so numbered duties start at 1 under each post.
fn numbering(handbook: &Handbook, posts: usize) -> String {
    let duty_level = match handbook.options.bullets {
        // Word's own ➢: the arrowhead of Wingdings (U+F0D8).
        Bullets::Arrow => level(0, "bullet", "\u{F0D8}", Some("Wingdings"), 420),
        Bullets::Dot => level(0, "bullet", "•", None, 420),
        Bullets::Numbered => level(0, "decimal", "%1.", None, 420),
        Bullets::ChineseNumbered => level(0, "decimal", "%1、", None, 420),
    };
    let unit_text = match handbook.lang {
        Lang::Chinese => "%1、",
        Lang::English => "%1.",
    };
    let mut xml = format!(
        "{XML_HEAD}<w:numbering xmlns:w=\"{NS_W}\">\
         <w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/>{duty_level}</w:abstractNum>\
         <w:abstractNum w:abstractNumId=\"1\"><w:multiLevelType w:val=\"multilevel\"/>{}{}</w:abstractNum>\
         <w:num w:numId=\"{UNITS_NUM_ID}\"><w:abstractNumId w:val=\"1\"/></w:num>",
        level(0, "decimal", unit_text, None, 420),
        level(1, "bullet", "•", None, 840),
    );
    for num_id in FIRST_DUTY_NUM_ID..FIRST_DUTY_NUM_ID + posts {
        let _ = write!(
            xml,
            "<w:num w:numId=\"{num_id}\"><w:abstractNumId w:val=\"0\"/>\
             <w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>"
        );
    }
    xml.push_str("</w:numbering>");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_keeps_text_and_drops_what_xml_forbids() {
        assert_eq!(
            escape("A&B <c> \"d\"\u{1}"),
            "A&amp;B &lt;c&gt; &quot;d&quot;"
        );
        assert_eq!(escape("销售部"), "销售部");
        assert_eq!(escape("a\u{FFFE}b\u{FFFF}"), "ab");
    }

    #[test]
    fn runs_mark_east_asian_text_and_keep_line_breaks() {
        assert_eq!(
            run("一\n二", ""),
            "<w:r><w:rPr><w:rFonts w:hint=\"eastAsia\"/></w:rPr><w:t xml:space=\"preserve\">一</w:t><w:br/><w:t xml:space=\"preserve\">二</w:t></w:r>"
        );
        assert_eq!(
            run("x", ""),
            "<w:r><w:t xml:space=\"preserve\">x</w:t></w:r>"
        );
    }
}
