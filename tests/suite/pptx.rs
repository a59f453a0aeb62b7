//! The PowerPoint deck, checked by unzipping it and parsing its XML: every post a shape
//! with its text, connectors glued to shapes on their slide, Chinese runs with an East
//! Asian typeface, every shape on its slide, no text under 9 pt, duties in the notes,
//! big charts split at one scale; and, where LibreOffice is installed, the deck rendered.
// Scenario tests read best as one story; the 100-line limit is for src/.
#![allow(clippy::too_many_lines)]

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{Cursor, Read};

use organigram::export::page::PageKind;
use organigram::export::pptx::{deck_plan, deck_style, SLIDE_HEIGHT_EMU, SLIDE_WIDTH_EMU};
use organigram::export::{export_bytes, ExportChoices, ExportFormat, ExportOptions, PageSetup};
use organigram::layout::layout_chart;
use organigram::model::{Chart, NodeKind};
use proptest::prelude::*;
use quick_xml::events::Event;
use quick_xml::{Reader, XmlVersion};

use crate::common;

/// A deck's parts by name.
struct Deck {
    parts: BTreeMap<String, String>,
}

impl Deck {
    fn of(bytes: &[u8]) -> Deck {
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("the deck is a zip");
        let mut parts = BTreeMap::new();
        for at in 0..zip.len() {
            let mut file = zip.by_index(at).expect("an entry");
            let mut text = String::new();
            file.read_to_string(&mut text).expect("UTF-8 XML");
            parts.insert(file.name().expect("a name").into_owned(), text);
        }
        Deck { parts }
    }

    fn part(&self, name: &str) -> &str {
        self.parts
            .get(name)
            .unwrap_or_else(|| panic!("{name} is in the deck"))
    }

    fn slide_count(&self) -> usize {
        (1..)
            .take_while(|n| self.parts.contains_key(&format!("ppt/slides/slide{n}.xml")))
            .count()
    }

    fn slide(&self, n: usize) -> Vec<Shape> {
        shapes(self.part(&format!("ppt/slides/slide{n}.xml")))
    }

    /// A part's relationships: id → (type's last word, target).
    fn rels(&self, part: &str) -> BTreeMap<String, (String, String)> {
        let (dir, file) = part.rsplit_once('/').unwrap_or(("", part));
        let name = if dir.is_empty() {
            format!("_rels/{file}.rels")
        } else {
            format!("{dir}/_rels/{file}.rels")
        };
        let mut rels = BTreeMap::new();
        let mut reader = Reader::from_str(self.part(&name));
        loop {
            match reader.read_event().expect("well-formed rels") {
                Event::Empty(e) if AsRef::<str>::as_ref(&e.name()) == "Relationship" => {
                    let attrs = attributes(&e);
                    let kind = attrs["Type"].rsplit('/').next().unwrap_or("").to_owned();
                    let fresh = rels
                        .insert(attrs["Id"].clone(), (kind, attrs["Target"].clone()))
                        .is_none();
                    assert!(fresh, "{name}: relationship ids are unique");
                }
                Event::Eof => break,
                _ => {}
            }
        }
        rels
    }
}

/// One run of text.
#[derive(Clone, Debug, Default)]
struct RunInfo {
    text: String,
    size: Option<i64>,
    lang: Option<String>,
    latin: Option<String>,
    east_asian: Option<String>,
}

/// A shape, group or connector, as the tests see it.
#[derive(Clone, Debug, Default)]
struct Shape {
    element: String,
    id: u32,
    name: String,
    /// x, y, cx, cy in EMU, and the turn in degrees.
    frame: Option<[i64; 4]>,
    rotation: i64,
    runs: Vec<RunInfo>,
    start: Option<(u32, u32)>,
    end: Option<(u32, u32)>,
    geometry: String,
    jump: Option<String>,
}

impl Shape {
    fn text(&self) -> String {
        self.runs.iter().map(|r| r.text.as_str()).collect()
    }

    /// The box it covers on the slide, turned: x0, y0, x1, y1.
    fn covers(&self) -> Option<[i64; 4]> {
        let [x, y, cx, cy] = self.frame?;
        let (w, h) = if self.rotation % 180 == 90 {
            (cy, cx)
        } else {
            (cx, cy)
        };
        let (mx, my) = (x + cx / 2, y + cy / 2);
        Some([mx - w / 2, my - h / 2, mx + w / 2, my + h / 2])
    }
}

fn attributes(e: &quick_xml::events::BytesStart<'_>) -> HashMap<String, String> {
    e.attributes()
        .map(|a| {
            let a = a.expect("an attribute");
            (
                AsRef::<str>::as_ref(&a.key).to_owned(),
                a.normalized_value(XmlVersion::Implicit1_0)
                    .expect("an attribute value")
                    .into_owned(),
            )
        })
        .collect()
}

/// The shapes of a slide, innermost first (a group after its children).
fn shapes(xml: &str) -> Vec<Shape> {
    let mut reader = Reader::from_str(xml);
    let mut open: Vec<Shape> = Vec::new();
    let mut done = Vec::new();
    let mut in_text = false;
    let mut ids = BTreeSet::new();
    loop {
        let event = reader.read_event().expect("well-formed slide XML");
        let (element, attrs, empty) = match &event {
            Event::Start(e) => (
                AsRef::<str>::as_ref(&e.name()).to_owned(),
                attributes(e),
                false,
            ),
            Event::Empty(e) => (
                AsRef::<str>::as_ref(&e.name()).to_owned(),
                attributes(e),
                true,
            ),
            Event::Text(t) if in_text => {
                if let Some(run) = open.last_mut().and_then(|s| s.runs.last_mut()) {
                    run.text.push_str(&t.xml10_content());
                }
                continue;
            }
            Event::GeneralRef(r) if in_text => {
                let name = r.xml10_content();
                let ch = match name.as_ref() {
                    "amp" => '&',
                    "lt" => '<',
                    "gt" => '>',
                    "quot" => '"',
                    "apos" => '\'',
                    _ => r.resolve_char_ref().ok().flatten().unwrap_or('?'),
                };
                if let Some(run) = open.last_mut().and_then(|s| s.runs.last_mut()) {
                    run.text.push(ch);
                }
                continue;
            }
            Event::End(e) => {
                let name = e.name();
                match AsRef::<str>::as_ref(&name) {
                    "a:t" => in_text = false,
                    "p:sp" | "p:grpSp" | "p:cxnSp" => {
                        done.extend(open.pop());
                    }
                    _ => {}
                }
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        let current = open.last_mut();
        match (element.as_str(), current) {
            ("p:sp" | "p:grpSp" | "p:cxnSp", _) if !empty => open.push(Shape {
                element,
                ..Shape::default()
            }),
            ("p:cNvPr", Some(shape)) => {
                shape.id = attrs["id"].parse().expect("a numeric id");
                shape.name = attrs["name"].clone();
                assert!(ids.insert(shape.id), "shape id {} is used twice", shape.id);
            }
            ("a:xfrm", Some(shape)) if shape.frame.is_none() => {
                shape.rotation = attrs.get("rot").map_or(0, |r| r.parse().expect("rot")) / 60_000;
                shape.frame = Some([0; 4]);
            }
            ("a:off", Some(shape)) => {
                if let Some(frame) = shape.frame.as_mut().filter(|f| f[2] == 0 && f[3] == 0) {
                    frame[0] = attrs["x"].parse().expect("x");
                    frame[1] = attrs["y"].parse().expect("y");
                }
            }
            ("a:ext", Some(shape)) => {
                if let Some(frame) = shape.frame.as_mut().filter(|f| f[2] == 0 && f[3] == 0) {
                    frame[2] = attrs["cx"].parse().expect("cx");
                    frame[3] = attrs["cy"].parse().expect("cy");
                }
            }
            ("a:prstGeom", Some(shape)) if shape.geometry.is_empty() => {
                shape.geometry = attrs["prst"].clone();
            }
            ("a:rPr", Some(shape)) => shape.runs.push(RunInfo {
                size: attrs.get("sz").map(|s| s.parse().expect("sz")),
                lang: attrs.get("lang").cloned(),
                ..RunInfo::default()
            }),
            ("a:latin", Some(shape)) => {
                if let Some(run) = shape.runs.last_mut() {
                    run.latin = Some(attrs["typeface"].clone());
                }
            }
            ("a:ea", Some(shape)) => {
                if let Some(run) = shape.runs.last_mut() {
                    run.east_asian = Some(attrs["typeface"].clone());
                }
            }
            ("a:t", _) if !empty => in_text = true,
            ("a:stCxn", Some(shape)) => {
                shape.start = Some((
                    attrs["id"].parse().expect("id"),
                    attrs["idx"].parse().expect("idx"),
                ));
            }
            ("a:endCxn", Some(shape)) => {
                shape.end = Some((
                    attrs["id"].parse().expect("id"),
                    attrs["idx"].parse().expect("idx"),
                ));
            }
            ("a:hlinkClick", Some(shape)) if shape.jump.is_none() => {
                shape.jump = attrs.get("r:id").cloned();
            }
            _ => {}
        }
    }
    done
}

fn sample(name: &str) -> Chart {
    organigram::samples::find(name)
        .and_then(|s| s.load().ok())
        .expect("the sample loads")
}

fn options_for(chart: &Chart) -> ExportOptions {
    ExportChoices {
        format: ExportFormat::Pptx,
        ..ExportChoices::default()
    }
    .options(chart)
}

fn deck(chart: &Chart, options: &ExportOptions) -> Deck {
    Deck::of(&export_bytes(chart, ExportFormat::Pptx, options).expect("the deck is made"))
}

/// The id of the node a card or link shape stands for, from its name.
fn node_of(shape: &Shape, prefix: &str) -> Option<u32> {
    shape
        .name
        .strip_prefix(prefix)?
        .split(':')
        .next()?
        .parse()
        .ok()
}

/// Checks what every deck must hold: a content type and a target for every part and
/// relationship, connectors glued to card shapes of their slide, every shape inside its
/// slide, no text under 9 pt, both typefaces on every run and `zh-CN` on Chinese ones.
fn check_deck(deck: &Deck) {
    let types = deck.part("[Content_Types].xml");
    for name in deck.parts.keys() {
        let declared = types.contains(&format!(r#"PartName="/{name}""#))
            || name.ends_with(".rels")
            || name == "[Content_Types].xml";
        assert!(declared, "{name} has a content type");
    }
    for part in deck
        .parts
        .keys()
        .filter(|n| n.ends_with(".xml") && !n.contains("_rels"))
    {
        let Some(dir) = part.rsplit_once('/').map(|(d, _)| d) else {
            continue;
        };
        if !deck
            .parts
            .contains_key(&format!("{dir}/_rels/{}.rels", &part[dir.len() + 1..]))
        {
            continue;
        }
        for (id, (_, target)) in deck.rels(part) {
            let mut path: Vec<&str> = dir.split('/').collect();
            for step in target.split('/') {
                if step == ".." {
                    path.pop();
                } else {
                    path.push(step);
                }
            }
            let resolved = path.join("/");
            assert!(
                deck.parts.contains_key(&resolved),
                "{part} {id} → {resolved} exists"
            );
        }
    }
    for n in 1..=deck.slide_count() {
        let shapes = deck.slide(n);
        let by_id: HashMap<u32, &Shape> = shapes.iter().map(|s| (s.id, s)).collect();
        for shape in &shapes {
            if shape.element == "p:cxnSp" {
                for (end, site) in [shape.start, shape.end].map(|e| e.expect("both ends glued")) {
                    let card = by_id.get(&end).unwrap_or_else(|| {
                        panic!("slide {n}: connector {} ends at shape {end}", shape.id)
                    });
                    assert_eq!(
                        card.geometry, "roundRect",
                        "slide {n}: a connector ends at a card"
                    );
                    assert!(site <= 3, "roundRect has sites 0–3");
                }
                assert!(
                    shape.geometry.starts_with("bentConnector")
                        || shape.geometry == "straightConnector1"
                );
            }
            if let Some([x0, y0, x1, y1]) = shape.covers() {
                assert!(
                    x0 >= 0 && y0 >= 0 && x1 <= SLIDE_WIDTH_EMU && y1 <= SLIDE_HEIGHT_EMU,
                    "slide {n}: {} ({}) is on the slide: {:?}",
                    shape.name,
                    shape.element,
                    shape.covers()
                );
            }
            for run in &shape.runs {
                let size = run.size.expect("every run has a size");
                assert!(size >= 900, "slide {n}: “{}” is {size}/100 pt", run.text);
                assert_eq!(run.latin.as_deref(), Some("Arial"), "{run:?}");
                assert_eq!(
                    run.east_asian.as_deref(),
                    Some("Microsoft YaHei"),
                    "{run:?}"
                );
                if run
                    .text
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
                {
                    assert_eq!(run.lang.as_deref(), Some("zh-CN"), "{run:?}");
                }
            }
        }
    }
}

#[test]
fn the_seed_deck_is_one_slide_of_shapes_with_the_posts_texts() {
    let chart = sample("seed-marketing-zh");
    let deck = deck(&chart, &options_for(&chart));
    check_deck(&deck);
    assert_eq!(deck.slide_count(), 1);
    let shapes = deck.slide(1);
    let title = shapes
        .iter()
        .find(|s| s.name == "Title 1")
        .expect("a title placeholder");
    assert_eq!(title.text(), chart.title());
    assert!(deck
        .part("ppt/slides/slide1.xml")
        .contains(r#"<p:ph type="title"/>"#));
    for id in chart.tree_order() {
        let node = chart.node(id).expect("node");
        let card = shapes
            .iter()
            .find(|s| s.element == "p:sp" && node_of(s, "Card ") == Some(id.0))
            .unwrap_or_else(|| panic!("{} is a shape", node.title));
        assert_eq!(card.geometry, "roundRect");
        let text = card.text();
        assert!(text.contains(&node.title), "{text}");
        if node.kind.is_post() {
            assert!(
                text.contains(node.holder.as_deref().unwrap_or("空缺")),
                "{text}"
            );
        }
        let dashed = deck
            .part("ppt/slides/slide1.xml")
            .split("<p:sp>")
            .find(|sp| sp.contains(&format!(r#"<p:cNvPr id="{}""#, card.id)))
            .is_some_and(|sp| sp.contains(r#"<a:prstDash val="dash"/>"#));
        assert_eq!(dashed, node.kind == NodeKind::Assistant, "{}", node.title);
    }
    // A line to every card but the top one, glued to both cards.
    let lines = shapes.iter().filter(|s| s.element == "p:cxnSp").count();
    assert_eq!(lines, chart.len() - 1);
    // Chinese runs say so.
    let chinese = shapes
        .iter()
        .flat_map(|s| &s.runs)
        .filter(|r| r.text.contains("销售"))
        .count();
    assert!(chinese > 5);
    // The theme's fonts name the Chinese typeface too.
    let theme = deck.part("ppt/theme/theme1.xml");
    assert!(
        theme.contains(r#"<a:ea typeface="Microsoft YaHei"/>"#)
            && theme.contains(r#"script="Hans""#)
    );
}

#[test]
fn the_notes_hold_each_posts_duties() {
    let chart = sample("seed-marketing-zh");
    let deck = deck(&chart, &options_for(&chart));
    let rels = deck.rels("ppt/slides/slide1.xml");
    let (_, notes) = rels
        .values()
        .find(|(kind, _)| kind == "notesSlide")
        .expect("the slide has notes");
    let notes = deck.part(&format!("ppt/{}", notes.trim_start_matches("../")));
    for id in chart.tree_order() {
        for duty in &chart.node(id).expect("node").duties {
            assert!(
                notes.contains(&organigram::export::svg::escape(duty)),
                "{duty} is in the notes"
            );
        }
    }
    assert!(deck.parts.contains_key("ppt/notesMasters/notesMaster1.xml"));
}

#[test]
fn duties_add_a_handout_slide_per_post_with_duties() {
    let chart = sample("seed-marketing-en");
    let mut options = options_for(&chart);
    options.style.show_duties = true;
    let deck = deck(&chart, &options);
    check_deck(&deck);
    let with_duties: Vec<_> = chart
        .tree_order()
        .filter_map(|id| chart.node(id))
        .filter(|n| n.kind.is_post() && !n.duties.is_empty())
        .collect();
    assert!(deck.slide_count() > with_duties.len());
    for node in with_duties {
        // Its handout, and the slides continuing it.
        let body: String = (2..=deck.slide_count())
            .map(|n| deck.slide(n))
            .filter(|shapes| {
                shapes
                    .iter()
                    .any(|s| s.name == "Title 1" && s.text().starts_with(&node.title))
            })
            .flat_map(|shapes| shapes.into_iter().filter(|s| s.name == "Duties"))
            .map(|s| s.text())
            .collect();
        assert!(!body.is_empty(), "{} has a handout", node.title);
        for duty in &node.duties {
            assert!(body.contains(duty.as_str()), "{duty}");
        }
    }
    // The chart slide's cards stay small: no duties on them.
    let cards: String = deck
        .slide(1)
        .iter()
        .filter(|s| s.name.starts_with("Card "))
        .map(Shape::text)
        .collect();
    for id in chart.tree_order() {
        for duty in &chart.node(id).expect("node").duties {
            assert!(!cards.contains(duty.as_str()), "{duty} is not on a card");
        }
    }
}

#[test]
fn the_midsize_deck_is_an_overview_and_unit_slides_at_one_scale_each_card_once() {
    let chart = sample("midsize-northwind");
    let options = options_for(&chart);
    let deck = deck(&chart, &options);
    check_deck(&deck);
    let slides = deck.slide_count();
    assert!(slides > 3, "{slides} slides");
    let mut seen: BTreeMap<u32, usize> = BTreeMap::new();
    let mut title_sizes = BTreeSet::new();
    for n in 1..=slides {
        let shapes = deck.slide(n);
        let crumb = shapes.iter().find(|s| s.name == "Breadcrumb");
        assert_eq!(
            crumb.is_none(),
            n == 1,
            "slide {n}: only unit slides have a breadcrumb"
        );
        if let Some(crumb) = crumb {
            let title = shapes
                .iter()
                .find(|s| s.name == "Title 1")
                .expect("title")
                .text();
            assert!(
                crumb.text().starts_with("Northwind Renewables › "),
                "{}",
                crumb.text()
            );
            // A unit slide is titled by the last crumb; a slide of small branches
            // side by side continues the slide of the last crumb.
            let last = crumb.text().rsplit(" › ").next().unwrap_or("").to_owned();
            assert!(
                title == last || title == format!("{last} (continued)"),
                "{} ends with {title}",
                crumb.text()
            );
        }
        for shape in shapes.iter().filter(|s| s.element == "p:sp") {
            if let Some(id) = node_of(shape, "Card ") {
                *seen.entry(id).or_default() += 1;
                title_sizes.extend(shape.runs.first().and_then(|r| r.size));
            }
            if node_of(shape, "Link ").is_some() {
                // A link jumps to the slide its subtree continues on.
                let rel = shape.jump.as_ref().expect("a link jumps");
                let (kind, target) = &deck.rels(&format!("ppt/slides/slide{n}.xml"))[rel];
                assert_eq!(kind, "slide");
                let target: usize = target
                    .trim_start_matches("slide")
                    .trim_end_matches(".xml")
                    .parse()
                    .expect("a slide");
                let link = node_of(shape, "Link ");
                let there = deck.slide(target);
                assert!(
                    there
                        .iter()
                        .any(|s| s.element == "p:sp" && node_of(s, "Card ") == link),
                    "{} → slide {target} has its card",
                    shape.text()
                );
            }
        }
    }
    let layout = layout_chart(&chart, &deck_style(&options.style), &options.layout);
    for card in &layout.cards {
        assert_eq!(
            seen.get(&card.id.0),
            Some(&1),
            "{} is on exactly one slide",
            chart.label(card.id)
        );
    }
    // One scale: posts' and units' titles are each one size on every slide.
    assert!(title_sizes.len() <= 2, "{title_sizes:?}");
    let plan = deck_plan(&chart, &layout, &options).expect("plan");
    assert!(matches!(plan.pages[0].kind, PageKind::Overview));
    assert!(plan
        .pages
        .iter()
        .all(|p| (p.scale - plan.scale).abs() < 1e-6));
    assert!(plan.scale >= 0.75 - 1e-6, "{}", plan.scale);
}

#[test]
fn pdf_per_unit_pages_share_the_plan_and_are_headed_by_their_path() {
    let chart = sample("midsize-northwind");
    let mut options = options_for(&chart);
    options.page = PageSetup {
        paper: Some(organigram::export::Paper::A4),
        landscape: true,
        per_unit: true,
    };
    let layout = layout_chart(&chart, &options.style, &options.layout);
    let plan = organigram::export::pdf::page_plan(&chart, &layout, &options).expect("plan");
    for page in &plan.pages {
        assert!(
            (page.scale - plan.scale).abs() < 1e-6,
            "{:?} at {} not {}",
            page.kind,
            page.scale,
            plan.scale
        );
    }
    assert!(
        plan.scale * 11.0 >= 9.0 - 1e-3,
        "no card text under 9 pt: {}",
        plan.scale
    );
    let mut shown = BTreeMap::new();
    for page in &plan.pages {
        for &id in &page.drawing.cards {
            if page.link_of(id).is_none() {
                *shown.entry(id).or_insert(0) += 1;
            }
        }
        if let PageKind::Part(subject) = page.kind {
            let heading = page.drawing.heading.as_deref().expect("a heading");
            assert!(heading.ends_with(&chart.node(subject).expect("node").title));
            assert!(heading.contains(" › "), "{heading}");
        }
    }
    for card in &layout.cards {
        assert_eq!(shown.get(&card.id), Some(&1), "{}", chart.label(card.id));
    }
    let pdf = export_bytes(&chart, ExportFormat::Pdf, &options).expect("pdf");
    let document = lopdf::Document::load_mem(&pdf).expect("parses");
    assert_eq!(document.get_pages().len(), plan.pages.len());
}

#[test]
fn the_binary_writes_a_deck_by_its_extension() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let out = dir.path().join("seed.pptx");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_organigram"))
        .args(["export", "sample:seed-marketing-zh", "-o"])
        .arg(&out)
        .status()
        .expect("runs");
    assert!(status.success());
    let deck = Deck::of(&std::fs::read(&out).expect("written"));
    check_deck(&deck);
    assert!(deck.part("ppt/slides/slide1.xml").contains("营销总监"));
}

/// Where LibreOffice is installed, it renders the seed deck to a PDF holding the posts'
/// titles (in Chinese).
#[test]
fn libreoffice_renders_the_seed_deck() {
    let found = std::process::Command::new("soffice")
        .arg("--version")
        .output();
    if !found.is_ok_and(|o| o.status.success()) {
        eprintln!("skipped: LibreOffice (soffice) is not installed");
        return;
    }
    let chart = sample("seed-marketing-zh");
    let dir = tempfile::tempdir().expect("a temp dir");
    let deck_path = dir.path().join("seed.pptx");
    let bytes = export_bytes(&chart, ExportFormat::Pptx, &options_for(&chart)).expect("deck");
    std::fs::write(&deck_path, bytes).expect("written");
    let profile = format!(
        "-env:UserInstallation=file://{}/profile",
        dir.path().display()
    );
    let status = std::process::Command::new("soffice")
        .args([
            profile.as_str(),
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir.path())
        .arg(&deck_path)
        .output()
        .expect("soffice runs");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let pdf = std::fs::read(dir.path().join("seed.pdf")).expect("LibreOffice wrote a PDF");
    let text: String = pdf_extract::extract_text_from_mem(&pdf)
        .expect("text extracts")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    for id in chart.tree_order() {
        let title = &chart.node(id).expect("node").title;
        assert!(
            text.contains(title.as_str()),
            "{title} is in LibreOffice's rendering"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Any chart (pins, folds, dotted lines, odd text) makes a deck with every visible
    /// card on exactly one slide, on the slide, glued connectors, readable text.
    #[test]
    fn any_chart_makes_a_sound_deck(recipes in prop::collection::vec(common::node_recipe(), 1..160)) {
        let chart = common::build_chart(&recipes);
        let options = ExportOptions::default();
        let deck = deck(&chart, &options);
        check_deck(&deck);
        let mut seen: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
        for n in 1..=deck.slide_count() {
            for shape in deck.slide(n).iter().filter(|s| s.element == "p:sp") {
                if let Some(id) = node_of(shape, "Card ") {
                    seen.entry(id).or_default().push(n);
                }
            }
        }
        let layout = layout_chart(&chart, &deck_style(&options.style), &options.layout);
        for card in &layout.cards {
            prop_assert_eq!(
                seen.get(&card.id.0).map(Vec::len),
                Some(1),
                "{} on slides {:?} of {}",
                chart.label(card.id),
                seen.get(&card.id.0),
                deck.slide_count()
            );
        }
    }
}
