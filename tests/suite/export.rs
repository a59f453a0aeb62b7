//! SVG, PNG and PDF exports of every sample, checked by parsing what was written.

use organigram::export::page::{top_level_units, whole};
use organigram::export::svg::{size, MARGIN};
use organigram::export::{
    export_bytes, raster, ExportError, ExportFormat, ExportOptions, PageSetup, Paper, Scope,
};
use organigram::layout::{layout_chart, CardStyle};
use organigram::model::Chart;
use organigram::samples::SAMPLES;

fn options_for(chart: &Chart) -> ExportOptions {
    ExportOptions {
        style: CardStyle::for_language(organigram::i18n::Lang::of_text(chart.title())),
        ..ExportOptions::default()
    }
}

#[test]
fn every_sample_exports_a_parsable_svg_with_editable_cjk_text() {
    for sample in &SAMPLES {
        let chart = sample.load().expect("sample loads");
        let svg = String::from_utf8(
            export_bytes(&chart, ExportFormat::Svg, &options_for(&chart)).expect("svg"),
        )
        .expect("utf-8");
        let tree = raster::parse(&svg).unwrap_or_else(|e| panic!("{}: {e}", sample.name));
        assert!(tree.size().width() > 100.0);
        assert!(
            svg.contains("<text")
                && svg.contains("'Noto Sans SC', 'Microsoft YaHei', 'PingFang SC'")
        );
        for id in chart.tree_order() {
            let title = &chart.node(id).expect("node").title;
            let shown =
                organigram::export::svg::escape(title.split_whitespace().next().unwrap_or(""));
            assert!(
                svg.contains(&shown),
                "{}: {title} is not in the SVG as text",
                sample.name
            );
        }
    }
}

#[test]
fn every_sample_exports_a_png_of_the_right_size_with_ink_in_every_card() {
    for sample in &SAMPLES {
        let chart = sample.load().expect("sample loads");
        let mut options = options_for(&chart);
        // The mid-size chart is over 20,000 units wide: at the default 2× its PNG is past
        // the pixel limit and refused with advice; at 1× it renders.
        let png = match export_bytes(&chart, ExportFormat::Png, &options) {
            Err(ExportError::TooLarge { .. }) if sample.name == "midsize-northwind" => {
                options.png_scale = 1.0;
                export_bytes(&chart, ExportFormat::Png, &options).expect("png at 1×")
            }
            other => other.expect("png"),
        };
        let pixmap = resvg::tiny_skia::Pixmap::decode_png(&png).expect("the PNG decodes");
        let layout = layout_chart(&chart, &options.style, &options.layout);
        let drawing = whole(&chart, &layout, &options).expect("drawing");
        let (width, height) = size(&drawing, &options);
        let scale = options.png_scale;
        assert_eq!(
            (pixmap.width(), pixmap.height()),
            (
                (width * scale).ceil() as u32,
                (height * scale).ceil() as u32
            )
        );
        let background = pixmap.pixel(1, 1).expect("corner pixel");
        for card in &layout.cards {
            let left = ((card.rect.x - drawing.bounds.x + MARGIN) * scale) as u32;
            let top = ((card.rect.y - drawing.bounds.y + MARGIN) * scale) as u32;
            let right = left + (card.rect.width * scale) as u32;
            let bottom = top + (card.rect.height * scale) as u32;
            let inked = (top + 2..bottom - 2).any(|y| {
                (left + 2..right - 2).any(|x| pixmap.pixel(x, y).is_some_and(|p| p != background))
            });
            assert!(
                inked,
                "{}: no ink in the card of {}",
                sample.name,
                chart.label(card.id)
            );
        }
    }
}

#[test]
fn every_sample_exports_a_pdf_with_the_pages_asked_for() {
    for sample in &SAMPLES {
        let chart = sample.load().expect("sample loads");
        let mut options = options_for(&chart);
        let single = export_bytes(&chart, ExportFormat::Pdf, &options).expect("pdf");
        let document = lopdf::Document::load_mem(&single).expect("the PDF parses");
        assert_eq!(document.get_pages().len(), 1);

        options.page = PageSetup {
            paper: Some(Paper::A4),
            landscape: true,
            per_unit: true,
        };
        let split = export_bytes(&chart, ExportFormat::Pdf, &options).expect("pdf");
        let document = lopdf::Document::load_mem(&split).expect("the PDF parses");
        let pages = document.get_pages();
        // An overview, then a page per top-level unit, more where one does not fit A4.
        let layout = layout_chart(&chart, &options.style, &options.layout);
        let plan = organigram::export::pdf::page_plan(&chart, &layout, &options).expect("plan");
        assert_eq!(pages.len(), plan.pages.len(), "{}", sample.name);
        assert!(
            pages.len() > top_level_units(&chart).len(),
            "{}: {} pages",
            sample.name,
            pages.len()
        );
        for page in pages.values() {
            let media = document
                .get_object(*page)
                .and_then(|o| o.as_dict())
                .and_then(|d| d.get(b"MediaBox"))
                .expect("media box");
            let size: Vec<f32> = media
                .as_array()
                .expect("array")
                .iter()
                .map(|n| n.as_float().expect("number"))
                .collect();
            assert!(
                (size[2] - 841.89).abs() < 0.1 && (size[3] - 595.28).abs() < 0.1,
                "A4 landscape: {size:?}"
            );
        }
    }
}

/// Per-unit pages draw every dotted line into their cards, also from a manager on
/// another page (as a stub naming them), and the pages together draw every dotted line.
#[test]
fn per_unit_pages_keep_dotted_lines_to_managers_on_other_pages() {
    use organigram::export::svg::render;
    use organigram::layout::CARD_SPEC;
    let chart = organigram::samples::find("midsize-northwind")
        .and_then(|s| s.load().ok())
        .expect("mid-size sample");
    let relations: usize = chart
        .tree_order()
        .filter_map(|id| chart.node(id))
        .map(|node| node.dotted.len())
        .sum();
    assert!(relations > 0);
    let mut options = options_for(&chart);
    options.page = PageSetup {
        paper: Some(Paper::A4),
        landscape: true,
        per_unit: true,
    };
    let layout = layout_chart(&chart, &options.style, &options.layout);
    let plan = organigram::export::pdf::page_plan(&chart, &layout, &options).expect("plan");
    let [on, off] = CARD_SPEC.dotted_dash;
    let dotted_line = format!(r#"stroke-dasharray="{on} {off}"/>"#);
    let (mut drawn, mut off_page) = (0, 0);
    for page in &plan.pages {
        let svg = render(
            page.chart(&chart),
            page.layout(&layout),
            &page.drawing,
            &options,
        );
        let lines = svg
            .lines()
            .filter(|l| l.starts_with("<polyline") && l.ends_with(&dotted_line))
            .count();
        let Some(requests) = &page.drawing.dotted else {
            continue;
        };
        assert_eq!(lines, requests.len(), "{:?}", page.breadcrumb);
        drawn += requests.len();
        off_page += requests
            .iter()
            .filter(|r| !page.drawing.cards.contains(&r.from))
            .count();
    }
    assert!(
        drawn >= relations,
        "{drawn} of {relations} dotted lines drawn"
    );
    assert!(off_page > 0, "some managers are on other pages");
}

#[test]
fn the_seed_pdf_has_extractable_chinese_text_with_its_duties() {
    let chart = organigram::samples::find("seed-marketing-zh")
        .and_then(|s| s.load().ok())
        .expect("seed");
    let mut options = options_for(&chart);
    options.style.show_duties = true;
    let pdf = export_bytes(&chart, ExportFormat::Pdf, &options).expect("pdf");
    let text = pdf_extract::extract_text_from_mem(&pdf).expect("text extracts");
    let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    for expected in [
        "大区销售经理",
        "销售内勤",
        "负责销售货款的回笼和催收",
        "空缺",
    ] {
        assert!(
            text.contains(expected),
            "{expected} missing from the PDF text"
        );
    }
}

#[test]
fn a_subtree_exports_alone() {
    let chart = organigram::samples::find("seed-marketing-zh")
        .and_then(|s| s.load().ok())
        .expect("seed");
    let unit = chart
        .tree_order()
        .find(|&id| chart.node(id).is_some_and(|n| n.title == "工程示范中心"))
        .expect("unit");
    let mut options = options_for(&chart);
    options.scope = Scope::Subtree(unit);
    let svg = String::from_utf8(export_bytes(&chart, ExportFormat::Svg, &options).expect("svg"))
        .expect("utf-8");
    assert!(svg.contains("工程销售经理"));
    assert!(!svg.contains("大区销售经理"));
    options.scope = Scope::Subtree(organigram::model::NodeId(9999));
    assert!(matches!(
        export_bytes(&chart, ExportFormat::Svg, &options),
        Err(ExportError::NoSuchRoot(_))
    ));
}

#[test]
fn ten_thousand_positions_export_to_svg_and_one_page_pdf_and_a_huge_png_is_refused() {
    let chart =
        organigram::generate::generate(10_000, 1, organigram::generate::Shape::Organisation);
    let options = ExportOptions::default();
    let svg = export_bytes(&chart, ExportFormat::Svg, &options).expect("svg");
    assert!(svg.len() > 1_000_000);
    let pdf = export_bytes(&chart, ExportFormat::Pdf, &options).expect("pdf");
    assert_eq!(
        lopdf::Document::load_mem(&pdf)
            .expect("parses")
            .get_pages()
            .len(),
        1
    );
    let refused = export_bytes(
        &chart,
        ExportFormat::Png,
        &ExportOptions {
            png_scale: 4.0,
            ..options
        },
    );
    match refused {
        Err(error @ ExportError::TooLarge { .. }) => {
            assert!(error.to_string().contains("SVG or PDF"), "{error}")
        }
        other => panic!("expected a refusal, got {:?}", other.map(|b| b.len())),
    }
}

/// A writer that counts the pieces it is handed and fails after `fail_after` of them.
struct Pieces {
    bytes: Vec<u8>,
    writes: usize,
    fail_after: Option<usize>,
}

impl std::io::Write for Pieces {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.fail_after.is_some_and(|limit| self.writes >= limit) {
            return Err(std::io::Error::other("disk full"));
        }
        self.writes += 1;
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_streamed_svg_is_the_whole_svg_written_in_pieces_and_a_failed_write_is_an_error() {
    use organigram::export::svg::{render, write, SPILL_BYTES};
    use organigram::generate::{generate, Shape};
    let mut charts: Vec<(&str, Chart)> = SAMPLES
        .iter()
        .map(|sample| (sample.name, sample.load().expect("sample loads")))
        .collect();
    charts.push(("5k", generate(5_000, 7, Shape::Organisation)));
    for (name, chart) in charts {
        let options = options_for(&chart);
        let layout = layout_chart(&chart, &options.style, &options.layout);
        let drawing = whole(&chart, &layout, &options).expect("drawing");
        let whole_text = render(&chart, &layout, &drawing, &options);
        let mut pieces = Pieces {
            bytes: Vec::new(),
            writes: 0,
            fail_after: None,
        };
        write(&chart, &layout, &drawing, &options, &mut pieces).expect("written");
        assert_eq!(pieces.bytes, whole_text.as_bytes(), "{name}");
        // The mid-size chart's SVG is several pieces long; no piece is much over the
        // spill size (one card's text at most is added past it).
        if name == "5k" {
            assert!(whole_text.len() > 2 * SPILL_BYTES);
            assert!(pieces.writes >= whole_text.len() / (SPILL_BYTES + 4096));
        }
        let mut failing = Pieces {
            bytes: Vec::new(),
            writes: 0,
            fail_after: Some(0),
        };
        let error = write(&chart, &layout, &drawing, &options, &mut failing);
        assert!(error.is_err(), "{name}: a failed write is reported");
    }
}
