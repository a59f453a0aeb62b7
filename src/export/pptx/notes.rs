//! Speaker notes: a notes slide per chart slide that has posts with duties, holding
//! each post's title, holder and duties.

use super::parts::{DECLARATION, NAMESPACES, TREE_START};
use super::slide::NoteLine;
use super::text::{body_properties, paragraph, Para, Run};

/// Text size of the notes.
const NOTES_SIZE_PT: f32 = 12.0;

/// The notes slide holding `lines`.
pub fn notes_slide(lines: &[NoteLine], ink: crate::theme::Rgb) -> String {
    let mut out = format!(
        r#"{DECLARATION}<p:notes {NAMESPACES}><p:cSld><p:spTree>{TREE_START}<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image Placeholder 1"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp><p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes Placeholder 2"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/><p:txBody>{}"#,
        body_properties([7.2, 3.6, 7.2, 3.6], "t", true)
    );
    for line in lines {
        let run = Run {
            bold: line.heading,
            ..Run::new(&line.text, NOTES_SIZE_PT, ink)
        };
        paragraph(&mut out, Para::default(), &[run]);
    }
    out.push_str(
        r#"</p:txBody></p:sp></p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>"#,
    );
    out
}
