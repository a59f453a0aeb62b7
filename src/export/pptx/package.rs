//! The deck's package: every part with its content type and relationships, zipped.
//! Part names, relationship ids and content types follow what PowerPoint writes, so the
//! file opens with nothing to repair.

use std::fmt::Write as _;
use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::export::svg::escape;
use crate::export::{ExportError, ExportOptions};

use super::notes::notes_slide;
use super::parts::{
    notes_master, presentation_properties, slide_layout, slide_master, table_styles, theme,
    view_properties, DECLARATION, NAMESPACES,
};
use super::slide::{jump_rel, Slide};
use super::text::{EAST_ASIAN_TYPEFACE, LATIN_TYPEFACE};

/// The slide's size in EMU: 13.333 × 7.5 in, 16:9.
pub const SLIDE_WIDTH_EMU: i64 = 12_192_000;
/// The slide's height in EMU.
pub const SLIDE_HEIGHT_EMU: i64 = 6_858_000;

const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CONTENT: &str = "application/vnd.openxmlformats-officedocument.presentationml";

/// A relationships part: (id, type's last word, target).
fn relationships(rels: &[(String, &str, String)]) -> String {
    let mut out = format!(
        r#"{DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
    );
    for (id, kind, target) in rels {
        let kind = match *kind {
            "core-properties" => {
                "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
                    .to_owned()
            }
            other => format!("{REL}/{other}"),
        };
        let _ = write!(
            out,
            r#"<Relationship Id="{id}" Type="{kind}" Target="{target}"/>"#
        );
    }
    out.push_str("</Relationships>");
    out
}

/// The parts of a deck of `slides`, by part name.
fn parts(title: &str, slides: &[Slide], options: &ExportOptions) -> Vec<(String, String)> {
    let with_notes: Vec<usize> = (1..=slides.len())
        .filter(|&n| !slides[n - 1].notes.is_empty())
        .collect();
    let mut parts = vec![
        (
            "[Content_Types].xml".to_owned(),
            content_types(slides.len(), &with_notes),
        ),
        (
            "_rels/.rels".to_owned(),
            relationships(&[
                (
                    "rId1".into(),
                    "officeDocument",
                    "ppt/presentation.xml".into(),
                ),
                ("rId2".into(), "core-properties", "docProps/core.xml".into()),
                (
                    "rId3".into(),
                    "extended-properties",
                    "docProps/app.xml".into(),
                ),
            ]),
        ),
        ("docProps/core.xml".to_owned(), core_properties(title)),
        (
            "docProps/app.xml".to_owned(),
            app_properties(slides.len(), with_notes.len()),
        ),
        (
            "ppt/presentation.xml".to_owned(),
            presentation(slides.len(), !with_notes.is_empty()),
        ),
        (
            "ppt/_rels/presentation.xml.rels".to_owned(),
            presentation_rels(slides.len(), !with_notes.is_empty()),
        ),
        ("ppt/presProps.xml".to_owned(), presentation_properties()),
        ("ppt/viewProps.xml".to_owned(), view_properties()),
        ("ppt/tableStyles.xml".to_owned(), table_styles()),
        ("ppt/theme/theme1.xml".to_owned(), theme(&options.palette)),
        (
            "ppt/slideMasters/slideMaster1.xml".to_owned(),
            slide_master(),
        ),
        (
            "ppt/slideMasters/_rels/slideMaster1.xml.rels".to_owned(),
            relationships(&[
                (
                    "rId1".into(),
                    "slideLayout",
                    "../slideLayouts/slideLayout1.xml".into(),
                ),
                ("rId2".into(), "theme", "../theme/theme1.xml".into()),
            ]),
        ),
        (
            "ppt/slideLayouts/slideLayout1.xml".to_owned(),
            slide_layout(),
        ),
        (
            "ppt/slideLayouts/_rels/slideLayout1.xml.rels".to_owned(),
            relationships(&[(
                "rId1".into(),
                "slideMaster",
                "../slideMasters/slideMaster1.xml".into(),
            )]),
        ),
    ];
    if !with_notes.is_empty() {
        parts.push(("ppt/theme/theme2.xml".to_owned(), theme(&options.palette)));
        parts.push((
            "ppt/notesMasters/notesMaster1.xml".to_owned(),
            notes_master(),
        ));
        parts.push((
            "ppt/notesMasters/_rels/notesMaster1.xml.rels".to_owned(),
            relationships(&[("rId1".into(), "theme", "../theme/theme2.xml".into())]),
        ));
    }
    parts.extend(slide_parts(slides, options));
    parts
}

/// Each slide's part and relationships, and its notes slide's.
fn slide_parts(slides: &[Slide], options: &ExportOptions) -> Vec<(String, String)> {
    let mut parts = Vec::new();
    for (at, slide) in slides.iter().enumerate() {
        let n = at + 1;
        let mut rels = vec![(
            "rId1".to_owned(),
            "slideLayout",
            "../slideLayouts/slideLayout1.xml".to_owned(),
        )];
        if !slide.notes.is_empty() {
            rels.push((
                "rId2".to_owned(),
                "notesSlide",
                format!("../notesSlides/notesSlide{n}.xml"),
            ));
            parts.push((
                format!("ppt/notesSlides/notesSlide{n}.xml"),
                notes_slide(&slide.notes, options.palette.title),
            ));
            parts.push((
                format!("ppt/notesSlides/_rels/notesSlide{n}.xml.rels"),
                relationships(&[
                    (
                        "rId1".into(),
                        "notesMaster",
                        "../notesMasters/notesMaster1.xml".into(),
                    ),
                    ("rId2".into(), "slide", format!("../slides/slide{n}.xml")),
                ]),
            ));
        }
        for (k, target) in slide.jumps.iter().enumerate() {
            rels.push((jump_rel(k), "slide", format!("slide{target}.xml")));
        }
        parts.push((format!("ppt/slides/slide{n}.xml"), slide.xml.clone()));
        parts.push((
            format!("ppt/slides/_rels/slide{n}.xml.rels"),
            relationships(&rels),
        ));
    }
    parts
}

/// `[Content_Types].xml`: a content type for every part.
fn content_types(slides: usize, with_notes: &[usize]) -> String {
    let mut out = format!(
        r#"{DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>"#
    );
    let mut part = |name: &str, kind: &str| {
        let _ = write!(out, r#"<Override PartName="{name}" ContentType="{kind}"/>"#);
    };
    part(
        "/ppt/presentation.xml",
        &format!("{CONTENT}.presentation.main+xml"),
    );
    part("/ppt/presProps.xml", &format!("{CONTENT}.presProps+xml"));
    part("/ppt/viewProps.xml", &format!("{CONTENT}.viewProps+xml"));
    part(
        "/ppt/tableStyles.xml",
        &format!("{CONTENT}.tableStyles+xml"),
    );
    part(
        "/ppt/slideMasters/slideMaster1.xml",
        &format!("{CONTENT}.slideMaster+xml"),
    );
    part(
        "/ppt/slideLayouts/slideLayout1.xml",
        &format!("{CONTENT}.slideLayout+xml"),
    );
    let theme = "application/vnd.openxmlformats-officedocument.theme+xml";
    part("/ppt/theme/theme1.xml", theme);
    if !with_notes.is_empty() {
        part("/ppt/theme/theme2.xml", theme);
        part(
            "/ppt/notesMasters/notesMaster1.xml",
            &format!("{CONTENT}.notesMaster+xml"),
        );
    }
    for n in 1..=slides {
        part(
            &format!("/ppt/slides/slide{n}.xml"),
            &format!("{CONTENT}.slide+xml"),
        );
    }
    for n in with_notes {
        part(
            &format!("/ppt/notesSlides/notesSlide{n}.xml"),
            &format!("{CONTENT}.notesSlide+xml"),
        );
    }
    part(
        "/docProps/core.xml",
        "application/vnd.openxmlformats-package.core-properties+xml",
    );
    part(
        "/docProps/app.xml",
        "application/vnd.openxmlformats-officedocument.extended-properties+xml",
    );
    out.push_str("</Types>");
    out
}

/// `ppt/presentation.xml`: the master, the slides in order, the slide size.
fn presentation(slides: usize, notes: bool) -> String {
    let mut out = format!(
        r#"{DECLARATION}<p:presentation {NAMESPACES} saveSubsetFonts="1"><p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>"#
    );
    if notes {
        let _ = write!(
            out,
            r#"<p:notesMasterIdLst><p:notesMasterId r:id="rId{}"/></p:notesMasterIdLst>"#,
            slides + 2
        );
    }
    out.push_str("<p:sldIdLst>");
    for n in 1..=slides {
        let _ = write!(out, r#"<p:sldId id="{}" r:id="rId{}"/>"#, 255 + n, n + 1);
    }
    let _ = write!(
        out,
        r#"</p:sldIdLst><p:sldSz cx="{SLIDE_WIDTH_EMU}" cy="{SLIDE_HEIGHT_EMU}"/><p:notesSz cx="6858000" cy="9144000"/><p:defaultTextStyle><a:lvl1pPr><a:defRPr sz="1800"><a:latin typeface="{LATIN_TYPEFACE}"/><a:ea typeface="{EAST_ASIAN_TYPEFACE}"/></a:defRPr></a:lvl1pPr></p:defaultTextStyle></p:presentation>"#
    );
    out
}

/// The presentation's relationships: master `rId1`, slides `rId2`…, then the notes
/// master, the properties and the theme.
fn presentation_rels(slides: usize, notes: bool) -> String {
    let mut rels = vec![(
        "rId1".to_owned(),
        "slideMaster",
        "slideMasters/slideMaster1.xml".to_owned(),
    )];
    for n in 1..=slides {
        rels.push((
            format!("rId{}", n + 1),
            "slide",
            format!("slides/slide{n}.xml"),
        ));
    }
    let mut next = slides + 2;
    if notes {
        rels.push((
            format!("rId{next}"),
            "notesMaster",
            "notesMasters/notesMaster1.xml".to_owned(),
        ));
    }
    next += 1;
    for (kind, target) in [
        ("presProps", "presProps.xml"),
        ("viewProps", "viewProps.xml"),
        ("theme", "theme/theme1.xml"),
        ("tableStyles", "tableStyles.xml"),
    ] {
        rels.push((format!("rId{next}"), kind, target.to_owned()));
        next += 1;
    }
    relationships(&rels)
}

/// `docProps/core.xml`: the title and the program.
fn core_properties(title: &str) -> String {
    format!(
        r#"{DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:creator>Organigram</dc:creator></cp:coreProperties>"#,
        escape(title)
    )
}

/// `docProps/app.xml`: the program and the counts.
fn app_properties(slides: usize, notes: usize) -> String {
    format!(
        r#"{DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Organigram</Application><PresentationFormat>Widescreen</PresentationFormat><Slides>{slides}</Slides><Notes>{notes}</Notes></Properties>"#
    )
}

/// The deck of `slides` as the bytes of a .pptx file.
pub fn package(
    title: &str,
    slides: &[Slide],
    options: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    let failed = |error: &dyn std::fmt::Display| {
        ExportError::Render(format!("could not zip the deck: {error}"))
    };
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, text) in parts(title, slides, options) {
        zip.start_file(name, deflated).map_err(|e| failed(&e))?;
        zip.write_all(text.as_bytes()).map_err(|e| failed(&e))?;
    }
    let cursor = zip.finish().map_err(|e| failed(&e))?;
    Ok(cursor.into_inner())
}
