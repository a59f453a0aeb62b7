//! The post handbook (《组织架构图与岗位职责》): written from a chart as Word, PDF and
//! Markdown, and read back into a chart — from Organigram's own handbook, from a Word
//! document with Chinese style names, and from the scraped plain text of the seed.
// Fixture builders read best whole; the 100-line limit is for src/.
#![allow(clippy::too_many_lines)]

use std::io::{Cursor, Read, Write};
use std::path::Path;
use std::process::{Command, Output};

use organigram::format::duty_doc::{
    document_kind, read_duty_bytes, read_duty_document, DocumentKind, DutyImport,
};
use organigram::format::hr::ImportError;
use organigram::handbook::{handbook_bytes, Bullets, Handbook, HandbookFormat, HandbookOptions};
use organigram::i18n::Lang;
use organigram::model::{Chart, NodeKind};

fn sample(name: &str) -> Chart {
    organigram::samples::find(name)
        .and_then(|s| s.load().ok())
        .expect("the sample loads")
}

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Units in tree order, each with its responsibilities and its own posts (title and
/// duties) in tree order. Posts with no duties are left out when `with_empty` is false.
type Contents = Vec<(String, Vec<String>, Vec<(String, Vec<String>)>)>;

fn contents(chart: &Chart, with_empty: bool) -> Contents {
    let mut units: Contents = Vec::new();
    let mut at_unit = std::collections::HashMap::new();
    for id in chart.tree_order() {
        let node = chart.node(id).expect("node");
        if node.kind == NodeKind::Unit {
            at_unit.insert(id, units.len());
            units.push((node.title.clone(), node.duties.clone(), Vec::new()));
        } else if with_empty || !node.duties.is_empty() {
            let unit = chart.unit_of(id).expect("every post is in a unit");
            units[at_unit[&unit]]
                .2
                .push((node.title.clone(), node.duties.clone()));
        }
    }
    units
}

/// A node's title, kind, holder, headcount and duties.
type PostSummary = (String, NodeKind, Option<String>, u32, Vec<String>);

fn duty_count(chart: &Chart) -> usize {
    chart
        .tree_order()
        .filter_map(|id| chart.node(id))
        .filter(|n| n.kind.is_post())
        .map(|n| n.duties.len())
        .sum()
}

#[test]
fn the_seed_text_imports_to_its_four_units_nine_posts_and_75_duties_verbatim() {
    let bytes = std::fs::read(fixture("seed-duties.txt")).expect("the fixture");
    assert!(
        std::str::from_utf8(&bytes).is_ok(),
        "the fixture is UTF-8 text"
    );
    let import = read_duty_document(&fixture("seed-duties.txt")).expect("the seed reads");
    assert_eq!(import.kind, DocumentKind::Text);
    assert_eq!((import.units, import.posts, import.duties), (4, 9, 75));
    assert_eq!(import.responsibilities, 4);
    assert!(import.problems.is_empty(), "{:?}", import.problems);
    let chart = &import.chart;
    assert_eq!(chart.title(), "营销部组织架构图与岗位职责");
    assert_eq!(chart.organisation(), "迪亚爱柯节能科技(上海)有限公司");

    // The same units, posts and duties as the seed sample made from this document (whose
    // 营销总监 the document names only in a duty, so it has none).
    let seed = sample("seed-marketing-zh");
    assert_eq!(contents(chart, true), contents(&seed, false));
    assert_eq!(duty_count(chart), 75);

    // No reporting lines: posts under their unit, units under the top (营销部, from the
    // title), and the first post of each unit suggested as its head.
    assert!(!import.reporting_lines);
    let top = chart.roots()[0];
    assert_eq!(chart.roots().len(), 1);
    assert_eq!(chart.node(top).expect("top").title, "营销部");
    for id in chart.tree_order().skip(1) {
        let node = chart.node(id).expect("node");
        let parent = chart.parent(id).expect("a parent");
        let parent_kind = chart.node(parent).expect("parent").kind;
        assert_eq!(
            parent_kind,
            NodeKind::Unit,
            "{} sits under a unit",
            node.title
        );
        if node.kind == NodeKind::Unit {
            assert_eq!(parent, top);
        }
    }
    assert_eq!(
        import.suggested_heads,
        [
            ("销售部".to_owned(), "大区销售经理".to_owned()),
            ("工程示范中心".to_owned(), "工程销售经理".to_owned()),
            ("市场部".to_owned(), "市场经理".to_owned()),
        ]
    );
    let note = import.structure_note().expect("a note about the structure");
    assert!(note.contains("no reporting lines") && note.contains("销售部: 大区销售经理"));
    // Wrapped duties were joined, the web page's noise left out.
    let all: Vec<&String> = chart
        .tree_order()
        .filter_map(|id| chart.node(id))
        .flat_map(|n| &n.duties)
        .collect();
    assert!(all.iter().any(|d| d.ends_with("完成销售和各项管理指标。")));
    assert!(!all
        .iter()
        .any(|d| d.contains("下载") || d.contains("相关文档")));
}

/// A .docx with the given parts.
fn docx(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, text) in parts {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .expect("a part");
        zip.write_all(text.as_bytes()).expect("written");
    }
    zip.finish().expect("zipped").into_inner()
}

const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

/// A paragraph: its properties (inside w:pPr) and its text in two runs.
fn p(ppr: &str, text: &str) -> String {
    let (first, rest) = text.split_at(text.char_indices().nth(2).map_or(text.len(), |(at, _)| at));
    format!(
        "<w:p><w:pPr>{ppr}</w:pPr><w:r><w:t xml:space=\"preserve\">{first}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>{rest}</w:t></w:r></w:p>"
    )
}

fn style(id: &str) -> String {
    format!("<w:pStyle w:val=\"{id}\"/>")
}

fn list(num: u32, level: u8) -> String {
    format!("<w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{num}\"/></w:numPr>")
}

/// A Word document as Chinese Word writes one: headings in styles named 标题 1 and
/// 标题 2 (ids that say nothing), one unit style based on 标题 1 with no level of its
/// own, duties as bullet and numbered lists from numbering.xml, and as paragraphs with
/// text markers; a table of contents in front.
fn chinese_word_document() -> Vec<u8> {
    let styles = format!(
        "<w:styles {W}>\
         <w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"a\"><w:name w:val=\"Normal\"/></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"a3\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"a\"/></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"1\"><w:name w:val=\"标题 1\"/><w:basedOn w:val=\"a\"/><w:pPr><w:keepNext/><w:outlineLvl w:val=\"0\"/></w:pPr></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"2\"><w:name w:val=\"标题 2\"/><w:basedOn w:val=\"a\"/><w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"dept\"><w:name w:val=\"部门名称\"/><w:basedOn w:val=\"1\"/></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"a5\"><w:name w:val=\"List Bullet\"/><w:basedOn w:val=\"a\"/><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"10\"><w:name w:val=\"toc 1\"/><w:basedOn w:val=\"a\"/></w:style>\
         </w:styles>"
    );
    let numbering = format!(
        "<w:numbering {W}>\
         <w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\u{F0D8}\"/></w:lvl></w:abstractNum>\
         <w:abstractNum w:abstractNumId=\"1\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1、\"/></w:lvl></w:abstractNum>\
         <w:abstractNum w:abstractNumId=\"2\"><w:lvl w:ilvl=\"0\"><w:numFmt w:val=\"none\"/><w:lvlText w:val=\"\"/></w:lvl></w:abstractNum>\
         <w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>\
         <w:num w:numId=\"2\"><w:abstractNumId w:val=\"1\"/></w:num>\
         <w:num w:numId=\"3\"><w:abstractNumId w:val=\"2\"/></w:num>\
         </w:numbering>"
    );
    let toc = "<w:p><w:pPr><w:pStyle w:val=\"10\"/></w:pPr>\
               <w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> TOC \\o \"1-2\" </w:instrText></w:r>\
               <w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>销售部</w:t></w:r></w:p>\
               <w:p><w:r><w:t>销售经理 1</w:t></w:r></w:p>\
               <w:p><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>";
    let body = [
        p(&style("a3"), "岗位职责说明书"),
        p("", "文件编号：HR-2024-001"),
        p("", "适用范围：销售中心各部门"),
        toc.to_owned(),
        p(&style("dept"), "销售部"),
        p("", "负责公司产品的销售与回款。"),
        p(&style("2"), "销售经理"),
        p(&style("a5"), "制定年度销售计划"),
        p(&style("a5"), "管理销售团队 &amp; 渠道"),
        p(&list(2, 0), "负责重点客户的维护"),
        p(&list(2, 0), "审核销售合同"),
        p("", "➢组织市场调研"),
        p("", "1、完成领导交办的其他工作"),
        p(&style("2"), "销售助理"),
        p("", "（1）整理客户资料"),
        p("", "① 录入销售订单"),
        p("", "• 跟进发货进度"),
        p(&list(3, 0), "这一段的列表不显示编号，是普通段落。"),
        p(
            &format!(
                "{}{}",
                style("1"),
                "<w:numPr><w:numId w:val=\"2\"/></w:numPr>"
            ),
            "客服部",
        ),
        p(&style("2"), "客服专员"),
        p(
            &format!(
                "{}{}",
                style("a5"),
                "<w:numPr><w:numId w:val=\"0\"/></w:numPr>"
            ),
            "解答客户咨询。",
        ),
        p(&list(1, 0), "处理客户投诉"),
    ]
    .concat();
    let document = format!("<w:document {W}><w:body>{body}<w:sectPr/></w:body></w:document>");
    docx(&[
        (
            "[Content_Types].xml",
            "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>",
        ),
        ("word/document.xml", &document),
        ("word/styles.xml", &styles),
        ("word/numbering.xml", &numbering),
    ])
}

#[test]
fn a_word_document_with_chinese_style_names_imports_exactly() {
    let bytes = chinese_word_document();
    assert_eq!(
        document_kind(Path::new("说明书.docx"), &bytes),
        Some(DocumentKind::Word)
    );
    let import =
        read_duty_bytes(&bytes, "说明书.docx", DocumentKind::Word, "说明书").expect("reads");
    let chart = &import.chart;
    assert_eq!(chart.title(), "岗位职责说明书");
    let top = chart.node(chart.roots()[0]).expect("top");
    // The text before the first unit is the chart's title and notes, never posts.
    assert_eq!(top.notes, "文件编号：HR-2024-001\n适用范围：销售中心各部门");
    let expected: Contents = vec![
        ("岗位职责说明书".into(), vec![], vec![]),
        (
            "销售部".into(),
            vec!["负责公司产品的销售与回款。".into()],
            vec![
                (
                    "销售经理".into(),
                    [
                        "制定年度销售计划",
                        "管理销售团队 & 渠道",
                        "负责重点客户的维护",
                        "审核销售合同",
                        "组织市场调研",
                        "完成领导交办的其他工作",
                    ]
                    .map(String::from)
                    .into(),
                ),
                (
                    "销售助理".into(),
                    [
                        "整理客户资料",
                        "录入销售订单",
                        "跟进发货进度",
                        "这一段的列表不显示编号，是普通段落。",
                    ]
                    .map(String::from)
                    .into(),
                ),
            ],
        ),
        (
            "客服部".into(),
            vec![],
            vec![(
                "客服专员".into(),
                ["解答客户咨询。", "处理客户投诉"].map(String::from).into(),
            )],
        ),
    ];
    assert_eq!(contents(chart, true), expected);
    assert_eq!((import.units, import.posts, import.duties), (2, 3, 12));
    assert!(import.problems.is_empty(), "{:?}", import.problems);
}

fn handbook(
    chart: &Chart,
    format: HandbookFormat,
    lang: Lang,
    options: HandbookOptions,
) -> Vec<u8> {
    handbook_bytes(chart, format, lang, options).expect("the handbook is written")
}

fn read_back(bytes: &[u8], kind: DocumentKind) -> DutyImport {
    read_duty_bytes(bytes, "handbook", kind, "handbook").expect("the handbook reads back")
}

#[test]
fn the_handbook_round_trips_through_word_and_markdown_in_both_languages() {
    let options = [
        HandbookOptions::default(),
        HandbookOptions {
            toc: true,
            page_break_per_unit: true,
            bullets: Bullets::ChineseNumbered,
        },
        HandbookOptions {
            toc: true,
            page_break_per_unit: false,
            bullets: Bullets::Numbered,
        },
    ];
    for (name, lang) in [
        ("seed-marketing-zh", Lang::Chinese),
        ("seed-marketing-en", Lang::English),
    ] {
        let chart = sample(name);
        for options in options {
            for (format, kind) in [
                (HandbookFormat::Docx, DocumentKind::Word),
                (HandbookFormat::Markdown, DocumentKind::Markdown),
            ] {
                let bytes = handbook(&chart, format, lang, options);
                let import = read_back(&bytes, kind);
                assert!(import.problems.is_empty(), "{:?}", import.problems);
                assert!(import.reporting_lines);
                // Units, posts, duties, reporting lines, holders, headcounts, kinds,
                // notes, colours: the same chart.
                assert_eq!(import.chart, chart, "{name} {format:?} {options:?}");
            }
        }
    }
    // Headings in the other language read back too.
    let chart = sample("seed-marketing-zh");
    let bytes = handbook(
        &chart,
        HandbookFormat::Docx,
        Lang::English,
        HandbookOptions::default(),
    );
    assert_eq!(read_back(&bytes, DocumentKind::Word).chart, chart);
}

#[test]
fn a_generated_organisation_round_trips_with_holders_headcounts_and_assistants() {
    let chart = organigram::generate::generate(120, 7, organigram::generate::Shape::Organisation);
    let bytes = handbook(
        &chart,
        HandbookFormat::Docx,
        Lang::English,
        HandbookOptions::default(),
    );
    let back = read_back(&bytes, DocumentKind::Word).chart;
    let summary = |c: &Chart| -> Vec<PostSummary> {
        c.tree_order()
            .filter_map(|id| c.node(id))
            .map(|n| {
                (
                    n.title.clone(),
                    n.kind,
                    n.holder.clone(),
                    n.headcount,
                    n.duties.clone(),
                )
            })
            .collect()
    };
    let mut before = summary(&chart);
    let mut after = summary(&back);
    // Units come first in their part, so order within a parent may differ.
    before.sort_by(|a, b| a.0.cmp(&b.0).then(a.2.cmp(&b.2)));
    after.sort_by(|a, b| a.0.cmp(&b.0).then(a.2.cmp(&b.2)));
    assert_eq!(before, after);
}

fn part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> String {
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} is in the .docx"))
        .read_to_string(&mut text)
        .expect("UTF-8");
    text
}

/// Every element closed, every attribute quoted: the part is well-formed XML.
fn assert_well_formed(name: &str, xml: &str) {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut depth = 0i32;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(_)) => depth += 1,
            Ok(quick_xml::events::Event::End(_)) => depth -= 1,
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(error) => panic!("{name} is not well-formed: {error}"),
        }
    }
    assert_eq!(depth, 0, "{name} closes what it opens");
}

#[test]
fn the_word_handbook_has_real_headings_lists_fonts_and_a_sharp_figure() {
    let chart = sample("seed-marketing-zh");
    let options = HandbookOptions {
        toc: true,
        page_break_per_unit: true,
        bullets: Bullets::Arrow,
    };
    let bytes = handbook(&chart, HandbookFormat::Docx, Lang::Chinese, options);
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes.as_slice())).expect("a zip");
    for name in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/document.xml",
        "word/_rels/document.xml.rels",
        "word/styles.xml",
        "word/numbering.xml",
        "word/settings.xml",
        "word/fontTable.xml",
        "word/footer1.xml",
        "docProps/core.xml",
        "docProps/app.xml",
    ] {
        assert_well_formed(name, &part(&mut zip, name));
    }
    let document = part(&mut zip, "word/document.xml");
    let styles = part(&mut zip, "word/styles.xml");
    let numbering = part(&mut zip, "word/numbering.xml");
    // Unit and post names are Heading 1 and Heading 2 paragraphs, outline levels 0 and 1.
    for unit in ["营销部", "销售部", "工程示范中心", "市场部", "客服部"] {
        assert!(document.contains(&format!(
            "<w:pStyle w:val=\"Heading1\"/><w:pageBreakBefore/></w:pPr><w:r><w:rPr><w:rFonts w:hint=\"eastAsia\"/></w:rPr><w:t xml:space=\"preserve\">{unit}</w:t>"
        )) || unit == "营销部", "{unit} is a Heading 1 on a new page");
    }
    assert!(document.contains("<w:pStyle w:val=\"Heading2\"/></w:pPr><w:r><w:rPr><w:rFonts w:hint=\"eastAsia\"/></w:rPr><w:t xml:space=\"preserve\">大区销售经理</w:t>"));
    assert!(styles.contains("w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/>"));
    assert!(
        styles.contains("<w:outlineLvl w:val=\"0\"/>")
            && styles.contains("<w:outlineLvl w:val=\"1\"/>")
    );
    assert!(styles.contains("w:eastAsia=\"Microsoft YaHei\""));
    // Duties are list paragraphs of a real list: ➢ is Wingdings' arrowhead, and each
    // post's list starts again.
    let listed = document
        .matches("<w:pStyle w:val=\"ListParagraph\"/><w:numPr>")
        .count();
    assert_eq!(listed, 75 + 4, "75 duties and 4 unit responsibilities");
    assert!(
        numbering.contains("<w:lvlText w:val=\"\u{F0D8}\"/>") && numbering.contains("Wingdings")
    );
    assert!(numbering.contains("<w:startOverride w:val=\"1\"/>"));
    // The contents are a TOC field Word fills when the document opens.
    assert!(document.contains("TOC \\o &quot;1-2&quot; \\h \\z \\u"));
    assert!(part(&mut zip, "word/settings.xml").contains("<w:updateFields w:val=\"true\"/>"));
    // The figure: a PNG drawn at 2–3 pixels per chart unit, fitted to the text width.
    let mut png = Vec::new();
    zip.by_name("word/media/chart.png")
        .expect("the figure")
        .read_to_end(&mut png)
        .expect("read");
    assert!(png.starts_with(b"\x89PNG"));
    let width_px = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
    let extent = document
        .split("<wp:extent cx=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .and_then(|cx| cx.parse::<u64>().ok())
        .expect("an inline picture");
    let text_width_emu = (11_906 - 2 * 1_304) * 635;
    assert!(extent <= text_width_emu, "the figure fits the page");
    let dpi = f64::from(width_px) / (extent as f64 / 914_400.0);
    assert!(
        dpi >= 150.0,
        "the figure is sharp when printed: {dpi:.0} dpi"
    );
    assert!(part(&mut zip, "word/_rels/document.xml.rels").contains("Target=\"media/chart.png\""));
}

#[test]
fn the_pdf_handbook_keeps_every_duty_as_text_with_the_font_and_page_numbers() {
    let chart = sample("seed-marketing-zh");
    let options = HandbookOptions {
        toc: true,
        ..HandbookOptions::default()
    };
    let pdf = handbook(&chart, HandbookFormat::Pdf, Lang::Chinese, options);
    let text: String = pdf_extract::extract_text_from_mem(&pdf)
        .expect("text extracts")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let handbook = Handbook::of(&chart, Lang::Chinese, options);
    let mut checked = 0;
    for unit in &handbook.units {
        for text_item in unit
            .responsibilities
            .iter()
            .chain(unit.posts.iter().flat_map(|p| &p.duties))
        {
            let item: String = text_item.chars().filter(|c| !c.is_whitespace()).collect();
            assert!(text.contains(&item), "“{text_item}” is in the PDF's text");
            checked += 1;
        }
    }
    assert_eq!(checked, 79);
    for words in [
        "一、组织架构图",
        "二、部门解析",
        "三、岗位职责分解",
        "目录",
        "直接上级：营销总监",
        "第1页，共",
        "大区销售经理",
    ] {
        assert!(text.contains(words), "{words} is in the PDF");
    }
    let document = lopdf::Document::load_mem(&pdf).expect("a PDF lopdf reads");
    let pages = document.get_pages().len();
    assert!(pages >= 4, "{pages} pages");
    assert!(text.contains(&format!("共{pages}页")));
    let catalog = document.catalog().expect("a catalog");
    assert!(catalog.get(b"Outlines").is_ok(), "headings are bookmarks");
    let embedded = document
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .any(|d| d.get(b"FontFile2").is_ok());
    assert!(embedded, "the bundled font is embedded");
}

#[test]
fn the_markdown_handbook_has_headings_and_lists() {
    let chart = sample("seed-marketing-en");
    let options = HandbookOptions {
        bullets: Bullets::Numbered,
        ..HandbookOptions::default()
    };
    let text = String::from_utf8(handbook(
        &chart,
        HandbookFormat::Markdown,
        Lang::English,
        options,
    ))
    .expect("UTF-8");
    assert!(text.starts_with("# Marketing Division: Organisation Chart and Job Duties\n"));
    for line in [
        "## 1. Organisation chart",
        "## 2. Unit responsibilities",
        "## 3. Post duties",
        "### Sales Department",
        "#### Regional Sales Manager",
        "Reports to: Marketing Director  \\|  Holder: Vacant  \\|  Headcount: 1",
    ] {
        assert!(text.lines().any(|l| l == line), "{line}");
    }
    assert!(text.lines().any(|l| l.starts_with("1. ") && l.len() > 10));
}

#[test]
fn bad_documents_get_clear_errors_not_panics() {
    let unreadable = |error: ImportError| error.to_string();
    // Not a zip at all.
    let error = read_duty_bytes(b"PK\x03\x04 not really", "a.docx", DocumentKind::Word, "a")
        .expect_err("refused");
    assert!(unreadable(error).contains("a.docx: this is not a Word document"));
    // An old Word document.
    let error = read_duty_bytes(
        &[0xD0, 0xCF, 0x11, 0xE0, 0, 0],
        "old.doc",
        DocumentKind::Word,
        "old",
    )
    .expect_err("refused");
    assert!(unreadable(error).contains("old Word document (.doc)"));
    // A zip that is not a Word document.
    let error = read_duty_bytes(&docx(&[("x.txt", "x")]), "x.docx", DocumentKind::Word, "x")
        .expect_err("refused");
    assert!(unreadable(error).contains("not a Word document"));
    // Broken XML: the paragraph is named.
    let broken = docx(&[(
        "word/document.xml",
        &format!("<w:document {W}><w:body>{}{}<w:p><w:r><w:t>oops</w:x></w:r></w:p></w:body></w:document>", p("", "销售部"), p("", "➢负责")),
    )]);
    let error =
        read_duty_bytes(&broken, "broken.docx", DocumentKind::Word, "b").expect_err("refused");
    let message = unreadable(error);
    assert!(
        message.contains("broken.docx") && message.contains("paragraph 3"),
        "{message}"
    );
    // Text with no units or posts.
    let error = read_duty_bytes(
        "just one sentence, nothing else.".as_bytes(),
        "n.txt",
        DocumentKind::Text,
        "n",
    )
    .expect_err("refused");
    assert!(unreadable(error).contains("no units or posts were found"));
    // Random bytes of every kind: an error or a chart, never a panic.
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    for round in 0..200 {
        let mut bytes = Vec::new();
        for _ in 0..(round * 7 % 300) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            bytes.push((seed % 256) as u8);
        }
        if round % 3 == 0 {
            bytes.splice(0..0, *b"PK\x03\x04");
        }
        for kind in [
            DocumentKind::Word,
            DocumentKind::Markdown,
            DocumentKind::Text,
        ] {
            let _ = read_duty_bytes(&bytes, "random", kind, "random");
        }
    }
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_unpacked() {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    zip.start_file("word/document.xml", options)
        .expect("a part");
    let zeros = vec![b' '; 1 << 20];
    for _ in 0..260 {
        zip.write_all(&zeros).expect("written");
    }
    let bytes = zip.finish().expect("zipped").into_inner();
    assert!(bytes.len() < 2 << 20, "the bomb is small: {}", bytes.len());
    let error =
        read_duty_bytes(&bytes, "bomb.docx", DocumentKind::Word, "bomb").expect_err("refused");
    assert!(matches!(error, ImportError::TooLarge { .. }), "{error}");
}

fn organigram(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_organigram"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn utf8(path: &Path) -> &str {
    path.to_str().expect("UTF-8 temp path")
}

#[test]
fn the_command_line_writes_handbooks_and_imports_them_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let docx = dir.path().join("手册.docx");
    let output = organigram(&[
        "handbook",
        "sample:seed-marketing-zh",
        "-o",
        utf8(&docx),
        "--toc",
        "--page-break-per-unit",
        "--bullets",
        "1、",
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(std::fs::read(&docx)
        .expect("written")
        .starts_with(b"PK\x03\x04"));
    for (name, extra) in [("h.pdf", "--lang=en"), ("h.md", "--bullets=•")] {
        let out = dir.path().join(name);
        let output = organigram(&[
            "handbook",
            "sample:seed-marketing-zh",
            "-o",
            utf8(&out),
            extra,
        ]);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    assert!(std::fs::read_to_string(dir.path().join("h.md"))
        .expect("md")
        .contains("## 三、岗位职责分解"));

    // The Word handbook imports back into the sample, byte for byte.
    let ron = dir.path().join("back.ron");
    let output = organigram(&["import", utf8(&docx), "-o", utf8(&ron)]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).lines().next(),
        Some("5 units · 10 posts · 75 duties · 4 unit responsibilities · 0 problems")
    );
    let sample_text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/seed-marketing-zh.ron"),
    )
    .expect("the sample");
    assert_eq!(std::fs::read_to_string(&ron).expect("written"), sample_text);

    // The seed's text: four units, nine posts, 75 duties, and the advice.
    let seed = dir.path().join("seed.ron");
    let fixture_path = fixture("seed-duties.txt");
    let output = organigram(&["import", utf8(&fixture_path), "-o", utf8(&seed)]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.starts_with("4 units · 9 posts · 75 duties"),
        "{stdout}"
    );
    assert!(
        stdout.contains("The first post of each unit may be its head"),
        "{stdout}"
    );
    assert!(organigram(&["validate", utf8(&seed)]).status.success());
}

#[test]
fn the_command_line_refuses_what_it_cannot_do() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("h.odt");
    let output = organigram(&["handbook", "sample:seed-marketing-zh", "-o", utf8(&out)]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("use .docx, .pdf or .md"));
    let out = dir.path().join("h.docx");
    let output = organigram(&[
        "handbook",
        "sample:seed-marketing-zh",
        "-o",
        utf8(&out),
        "--bullets",
        "x",
    ]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("not a numbering style"));
    assert!(!out.exists());
    // A broken .docx: a clear error naming the file, and nothing written.
    let bad = dir.path().join("bad.docx");
    std::fs::write(&bad, b"PK\x03\x04 broken").expect("written");
    let ron = dir.path().join("bad.ron");
    let output = organigram(&["import", utf8(&bad), "-o", utf8(&ron)]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("bad.docx") && stderr.contains("not a Word document"),
        "{stderr}"
    );
    assert!(!ron.exists());
}

#[test]
fn a_roster_is_still_a_roster() {
    let dir = tempfile::tempdir().expect("temp dir");
    let roster = dir.path().join("roster.txt");
    std::fs::write(
        &roster,
        "id,name,title,manager\n1,Ann,CEO,\n2,Bo,CFO,1\n3,Cy,Clerk,2\n",
    )
    .expect("written");
    assert_eq!(
        document_kind(&roster, &std::fs::read(&roster).expect("read")),
        None
    );
    let ron = dir.path().join("r.ron");
    let output = organigram(&["import", utf8(&roster), "-o", utf8(&ron)]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("3 posts"));
}

#[cfg(feature = "editor")]
mod editor {
    use super::*;
    use organigram::editor::{Action, Editor, Message, Picked, ScriptedDialogs, Start};

    fn editor(answers: Vec<Picked>) -> Editor {
        let dialogs = ScriptedDialogs {
            answers: answers.into(),
        };
        let mut editor = Editor::new(Start::default(), Box::new(dialogs));
        let mut settings = editor.settings().clone();
        settings.language = organigram::i18n::LanguageChoice::Fixed(Lang::Chinese);
        editor.apply(Action::Settings(settings));
        editor
    }

    #[test]
    fn file_export_handbook_writes_the_editor_s_language_and_import_reads_it_back() {
        let dir = tempfile::tempdir().expect("temp dir");
        // No extension: a Word handbook.
        let chosen = dir.path().join("手册");
        let mut editor = editor(vec![Picked::Path(chosen.clone())]);
        let seed = editor.chart().clone();
        editor.apply(Action::Command(organigram::editor::Command::ExportHandbook));
        let written = dir.path().join("手册.docx");
        assert!(written.exists(), "{:?}", editor.modal());
        assert!(matches!(
            editor.notice().map(|n| &n.message),
            Some(Message::Exported(path)) if *path == written
        ));

        // File ▸ Import… of the handbook: a new, unsaved chart equal to the seed.
        let mut editor = self::editor(vec![Picked::Path(written)]);
        editor.apply(Action::Command(organigram::editor::Command::Import));
        assert!(editor.import_preview().is_none(), "no roster preview");
        assert_eq!(editor.chart(), &seed);
        assert!(editor.document().is_dirty());
        assert!(matches!(
            editor.notice().map(|n| &n.message),
            Some(Message::ImportedDocument {
                units: 5,
                posts: 10,
                duties: 75,
                heads: None
            })
        ));

        // The seed's text: no reporting lines, so the notice suggests heads.
        let mut editor = self::editor(vec![Picked::Path(fixture("seed-duties.txt"))]);
        editor.apply(Action::Command(organigram::editor::Command::Import));
        let Some(Message::ImportedDocument {
            heads: Some(heads), ..
        }) = editor.notice().map(|n| n.message.clone())
        else {
            panic!("a notice with suggested heads: {:?}", editor.notice());
        };
        assert_eq!(heads[0], "销售部 · 大区销售经理");
        assert_eq!(duty_count(editor.chart()), 75);
    }
}

mod props {
    use super::*;
    use organigram::model::{Node, NodeId, NodeRecord};
    use organigram::theme::UNIT_COLOURS;
    use proptest::prelude::*;

    /// A duty or responsibility: Chinese and Latin text with the characters that mean
    /// something to XML, Markdown and the reader (markers, colons, bars, escapes).
    fn text() -> impl Strategy<Value = String> {
        "[负责销售客户计划ab Z09,.;:：、（）()&<>\"'*_#|\\\\➢•1-]{1,40}"
            .prop_map(|t| t.trim().to_owned())
            .prop_filter("a duty has words", |t| {
                !t.is_empty() && t.chars().any(|c| c.is_alphanumeric())
            })
    }

    fn chart(
        top: Vec<String>,
        aide: Vec<String>,
        unit: Vec<String>,
        post: Vec<String>,
        holder: Option<String>,
        headcount: u32,
    ) -> Chart {
        let node = |kind, title: &str, duties: Vec<String>| {
            let mut node = Node::new(kind, title);
            node.duties = duties;
            node
        };
        let mut head = node(NodeKind::Unit, "总部", Vec::new());
        head.colour = Some(UNIT_COLOURS[0]);
        let mut sales = node(NodeKind::Unit, "销售部", unit);
        sales.colour = Some(UNIT_COLOURS[1]);
        let mut manager = node(NodeKind::Position, "销售经理", post);
        manager.holder = holder;
        manager.headcount = headcount;
        let records = vec![
            (head, vec![2]),
            (node(NodeKind::Position, "总经理", top), vec![3, 4]),
            (node(NodeKind::Assistant, "总经理助理", aide), vec![]),
            (sales, vec![5]),
            (manager, vec![]),
        ];
        let records = records
            .into_iter()
            .enumerate()
            .map(|(at, (node, reports))| NodeRecord {
                id: NodeId(at as u32 + 1),
                node: Box::new(node),
                reports: reports.into_iter().map(NodeId).collect(),
            })
            .collect();
        Chart::from_records("岗位职责".into(), "某公司".into(), vec![NodeId(1)], records)
            .expect("a valid chart")
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        #[test]
        fn any_duties_round_trip_through_word_and_markdown(
            top in proptest::collection::vec(text(), 0..4),
            aide in proptest::collection::vec(text(), 0..3),
            unit in proptest::collection::vec(text(), 0..3),
            post in proptest::collection::vec(text(), 0..4),
            holder in proptest::option::of("[王李张][一-龥]{1,2}"),
            headcount in 1u32..5,
            numbered in any::<bool>(),
        ) {
            let chart = chart(top, aide, unit, post, holder, headcount);
            let options = HandbookOptions {
                bullets: if numbered { Bullets::ChineseNumbered } else { Bullets::Arrow },
                ..HandbookOptions::default()
            };
            for (format, kind) in [
                (HandbookFormat::Docx, DocumentKind::Word),
                (HandbookFormat::Markdown, DocumentKind::Markdown),
            ] {
                let bytes = handbook_bytes(&chart, format, Lang::Chinese, options).expect("written");
                let back = read_duty_bytes(&bytes, "prop", kind, "prop").expect("read back");
                prop_assert_eq!(&back.chart, &chart, "{:?}", format);
            }
        }
    }
}
