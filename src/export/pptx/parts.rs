//! The parts every deck has the same: the theme (whose fonts name a Chinese typeface
//! too), the slide master with its one layout, the notes master, and the presentation's
//! properties.

use std::fmt::Write;

use crate::theme::{Palette, UNIT_COLOURS};

use super::text::{rgb, EAST_ASIAN_TYPEFACE, LATIN_TYPEFACE};

/// The namespaces of PresentationML parts.
pub const NAMESPACES: &str = r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main""#;

/// The XML declaration every part starts with.
pub const DECLARATION: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
"#;

/// An empty shape tree's group properties.
pub const TREE_START: &str = r#"<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/><a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>"#;

/// The colour map every master uses.
const COLOUR_MAP: &str = r#"<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>"#;

/// Character properties taking the theme's fonts: `mj` (major) or `mn` (minor).
fn theme_fonts(size: u32, bold: bool, which: &str) -> String {
    format!(
        r#"<a:defRPr sz="{size}"{} kern="1200"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill><a:latin typeface="+{which}-lt"/><a:ea typeface="+{which}-ea"/><a:cs typeface="+{which}-cs"/></a:defRPr>"#,
        if bold { r#" b="1""# } else { "" }
    )
}

/// A theme of the palette's colours, Arial with Microsoft YaHei for Chinese.
pub fn theme(palette: &Palette) -> String {
    let mut out = String::from(DECLARATION);
    out.push_str(r#"<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Organigram"><a:themeElements><a:clrScheme name="Organigram">"#);
    let slot = |out: &mut String, name: &str, colour: [u8; 3]| {
        let _ = write!(
            out,
            r#"<a:{name}><a:srgbClr val="{}"/></a:{name}>"#,
            rgb(colour)
        );
    };
    slot(&mut out, "dk1", palette.title);
    slot(&mut out, "lt1", palette.page_background);
    slot(&mut out, "dk2", palette.caption);
    slot(&mut out, "lt2", palette.badge_fill);
    for (n, colour) in UNIT_COLOURS.iter().enumerate() {
        slot(
            &mut out,
            &format!("accent{}", n + 1),
            [colour.r, colour.g, colour.b],
        );
    }
    slot(&mut out, "hlink", palette.moved);
    slot(&mut out, "folHlink", palette.dotted);
    out.push_str(r#"</a:clrScheme><a:fontScheme name="Organigram">"#);
    for which in ["majorFont", "minorFont"] {
        let _ = write!(
            out,
            r#"<a:{which}><a:latin typeface="{LATIN_TYPEFACE}"/><a:ea typeface="{EAST_ASIAN_TYPEFACE}"/><a:cs typeface=""/><a:font script="Hans" typeface="{EAST_ASIAN_TYPEFACE}"/></a:{which}>"#
        );
    }
    out.push_str(r#"</a:fontScheme><a:fmtScheme name="Organigram"><a:fillStyleLst>"#);
    let fill = r#"<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>"#;
    out.push_str(&fill.repeat(3));
    out.push_str("</a:fillStyleLst><a:lnStyleLst>");
    for width in [6350, 12700, 19050] {
        let _ = write!(out, r#"<a:ln w="{width}">{fill}</a:ln>"#);
    }
    out.push_str("</a:lnStyleLst><a:effectStyleLst>");
    out.push_str(&"<a:effectStyle><a:effectLst/></a:effectStyle>".repeat(3));
    out.push_str("</a:effectStyleLst><a:bgFillStyleLst>");
    out.push_str(&fill.repeat(3));
    out.push_str("</a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>");
    out
}

/// A placeholder shape of `kind` (`title`, `body`, …) for a master or layout.
fn placeholder(id: u32, name: &str, ph: &str, frame: Option<[i64; 4]>) -> String {
    let xfrm = frame.map_or_else(String::new, |[x, y, cx, cy]| {
        format!(r#"<a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>"#)
    });
    format!(
        r#"<p:sp><p:nvSpPr><p:cNvPr id="{id}" name="{name}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>{ph}</p:nvPr></p:nvSpPr><p:spPr>{xfrm}</p:spPr><p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang="en-US"/></a:p></p:txBody></p:sp>"#
    )
}

/// Where the master's title and body sit: the chart slides' title line, and the body
/// of a handout slide (EMU).
const TITLE_FRAME: [i64; 4] = [304_800, 330_200, 11_582_400, 381_000];
const BODY_FRAME: [i64; 4] = [304_800, 889_000, 11_582_400, 5_689_600];

/// The slide master: a title and a body placeholder, Chinese-capable text styles.
pub fn slide_master() -> String {
    let mut out = String::from(DECLARATION);
    let _ = write!(
        out,
        r#"<p:sldMaster {NAMESPACES}><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg><p:spTree>{TREE_START}{}{}</p:spTree></p:cSld>{COLOUR_MAP}<p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/></p:sldLayoutIdLst><p:txStyles>"#,
        placeholder(
            2,
            "Title Placeholder 1",
            r#"<p:ph type="title"/>"#,
            Some(TITLE_FRAME)
        ),
        placeholder(
            3,
            "Text Placeholder 2",
            r#"<p:ph type="body" idx="1"/>"#,
            Some(BODY_FRAME)
        ),
    );
    let _ = write!(
        out,
        r#"<p:titleStyle><a:lvl1pPr algn="l"><a:spcBef><a:spcPct val="0"/></a:spcBef><a:buNone/>{}</a:lvl1pPr></p:titleStyle>"#,
        theme_fonts(2000, true, "mj")
    );
    let _ = write!(
        out,
        r#"<p:bodyStyle><a:lvl1pPr marL="228600" indent="-228600" algn="l"><a:spcBef><a:spcPts val="600"/></a:spcBef><a:buFont typeface="{LATIN_TYPEFACE}"/><a:buChar char="•"/>{}</a:lvl1pPr></p:bodyStyle>"#,
        theme_fonts(1800, false, "mn")
    );
    let _ = write!(
        out,
        r#"<p:otherStyle><a:lvl1pPr algn="l">{}</a:lvl1pPr></p:otherStyle></p:txStyles></p:sldMaster>"#,
        theme_fonts(1200, false, "mn")
    );
    out
}

/// The one layout: a title and content.
pub fn slide_layout() -> String {
    format!(
        r#"{DECLARATION}<p:sldLayout {NAMESPACES} type="obj" preserve="1"><p:cSld name="Title and Content"><p:spTree>{TREE_START}{}{}</p:spTree></p:cSld><p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>"#,
        placeholder(2, "Title 1", r#"<p:ph type="title"/>"#, None),
        placeholder(3, "Content Placeholder 2", r#"<p:ph idx="1"/>"#, None),
    )
}

/// The notes master: the slide's picture above, the notes below, on a portrait page.
pub fn notes_master() -> String {
    format!(
        r#"{DECLARATION}<p:notesMaster {NAMESPACES}><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg><p:spTree>{TREE_START}<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image Placeholder 1"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr><p:nvPr><p:ph type="sldImg" idx="2"/></p:nvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="685800" y="1143000"/><a:ext cx="5486400" cy="3086100"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln w="12700"><a:solidFill><a:prstClr val="black"/></a:solidFill></a:ln></p:spPr></p:sp>{}</p:spTree></p:cSld>{COLOUR_MAP}<p:notesStyle><a:lvl1pPr marL="0" algn="l">{}</a:lvl1pPr></p:notesStyle></p:notesMaster>"#,
        placeholder(
            3,
            "Notes Placeholder 2",
            r#"<p:ph type="body" sz="quarter" idx="3"/>"#,
            Some([685_800, 4_400_550, 5_486_400, 3_600_450])
        ),
        theme_fonts(1200, false, "mn")
    )
}

/// The presentation's properties (none set).
pub fn presentation_properties() -> String {
    format!(r#"{DECLARATION}<p:presentationPr {NAMESPACES}/>"#)
}

/// The view's properties: a normal view.
pub fn view_properties() -> String {
    format!(
        r#"{DECLARATION}<p:viewPr {NAMESPACES}><p:normalViewPr><p:restoredLeft sz="15620"/><p:restoredTop sz="94660"/></p:normalViewPr><p:gridSpacing cx="76200" cy="76200"/></p:viewPr>"#
    )
}

/// No table styles but the default's id.
pub fn table_styles() -> String {
    format!(
        r#"{DECLARATION}<a:tblStyleLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" def="{{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}}"/>"#
    )
}
