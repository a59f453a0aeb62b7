//! What goes on a card and how big the card is, measured with the bundled font.
//!
//! The editor and every exporter draw cards from [`card_text`], so a card looks the same
//! everywhere and the layout's boxes fit what is drawn.

use crate::fonts::text_width;
use crate::model::{Node, NodeKind};

use super::wrap::wrap;

/// Sizes and texts that shape a card, in chart units.
#[derive(Clone, Debug, PartialEq)]
pub struct CardStyle {
    /// Narrowest card.
    pub min_width: f32,
    /// Widest card when duties are not shown; longer titles wrap.
    pub max_width: f32,
    /// Card width when duties are shown.
    pub width_with_duties: f32,
    /// Space between the card's edge and its text, left and right.
    pub padding_x: f32,
    /// Space between the card's edge and its text, top and bottom.
    pub padding_y: f32,
    /// Height of the coloured band at the top of the card.
    pub band_height: f32,
    /// Font size of a post's title.
    pub title_px: f32,
    /// Font size of a unit's name.
    pub unit_title_px: f32,
    /// Font size of the holder line.
    pub holder_px: f32,
    /// Font size of duties.
    pub duty_px: f32,
    /// Line height as a multiple of the font size.
    pub line_height: f32,
    /// Titles longer than this many lines are cut with an ellipsis.
    pub max_title_lines: usize,
    /// Draw each post's duties on its card.
    pub show_duties: bool,
    /// What the holder line says for a vacant post.
    pub vacant_text: String,
}

impl Default for CardStyle {
    fn default() -> CardStyle {
        CardStyle {
            min_width: 140.0,
            max_width: 220.0,
            width_with_duties: 300.0,
            padding_x: 10.0,
            padding_y: 8.0,
            band_height: 5.0,
            title_px: 14.0,
            unit_title_px: 15.0,
            holder_px: 12.0,
            duty_px: 11.0,
            line_height: 1.3,
            max_title_lines: 3,
            show_duties: false,
            vacant_text: "Vacant".to_owned(),
        }
    }
}

impl CardStyle {
    /// The default style, speaking `lang`: vacant posts are marked “空缺” in Chinese and
    /// “Vacant” in English.
    pub fn for_language(lang: crate::i18n::Lang) -> CardStyle {
        CardStyle {
            vacant_text: crate::i18n::tr(lang, "card-vacant"),
            ..CardStyle::default()
        }
    }
}

/// What a line of card text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineRole {
    /// The title or unit name.
    Title,
    /// The holder's name.
    Holder,
    /// The vacant marker.
    Vacant,
    /// The headcount badge (“×5”), right-aligned on the holder line.
    Badge,
    /// A line of a duty; `first` lines carry the bullet.
    Duty {
        /// True for a duty's first line.
        first: bool,
    },
}

/// One line of text on a card.
#[derive(Clone, Debug, PartialEq)]
pub struct CardLine {
    /// The text, without bullet.
    pub text: String,
    /// What it is.
    pub role: LineRole,
    /// Its font size in chart units.
    pub font_px: f32,
    /// Its top-left corner relative to the card's top-left, in chart units.
    pub offset: [f32; 2],
}

/// A card's size and its lines of text.
#[derive(Clone, Debug, PartialEq)]
pub struct CardText {
    /// Width in chart units.
    pub width: f32,
    /// Height in chart units.
    pub height: f32,
    /// The lines, top to bottom.
    pub lines: Vec<CardLine>,
}

/// The bullet drawn before each duty, and its indent.
pub const DUTY_BULLET: &str = "•";

/// How many lines each title takes at each width, remembered: the titles of a big chart
/// repeat (every team has its “Sales Engineer”).
#[derive(Default)]
pub struct TitleLines<'a> {
    lines: rustc_hash::FxHashMap<(&'a str, u32, u32), usize>,
}

impl<'a> TitleLines<'a> {
    /// The lines `title` wraps to at `font_px` in `max_width`.
    fn count(&mut self, title: &'a str, font_px: f32, max_width: f32) -> usize {
        *self
            .lines
            .entry((title, font_px.to_bits(), max_width.to_bits()))
            .or_insert_with(|| wrap(title, font_px, max_width).len())
    }
}

/// A card's `[width, height]`, as [`card_text`] measures it, without making its lines:
/// what the layout needs, for every card of a big chart.
pub fn card_size(node: &Node, style: &CardStyle) -> [f32; 2] {
    card_size_with(node, style, &mut TitleLines::default())
}

/// [`card_size`], remembering title wraps in `titles` across cards.
pub fn card_size_with<'a>(
    node: &'a Node,
    style: &CardStyle,
    titles: &mut TitleLines<'a>,
) -> [f32; 2] {
    let title_px = if node.kind == NodeKind::Unit {
        style.unit_title_px
    } else {
        style.title_px
    };
    let show_duties = style.show_duties && !node.duties.is_empty();
    let title_w = text_width(&node.title, title_px);
    let width = if show_duties {
        style.width_with_duties
    } else {
        let holder = match (&node.holder, node.kind.is_post()) {
            (Some(name), true) => Some(name.as_str()),
            (None, true) => Some(style.vacant_text.as_str()),
            (_, false) => None,
        };
        let badge_width = if node.kind.is_post() && node.headcount > 1 {
            text_width(&format!("×{}", node.headcount), style.holder_px)
                + 2.0 * super::spec::CARD_SPEC.badge_padding_x
        } else {
            0.0
        };
        let holder_w = holder.map_or(0.0, |text| text_width(text, style.holder_px)) + badge_width;
        (title_w.max(holder_w) + 2.0 * style.padding_x + 2.0)
            .clamp(style.min_width, style.max_width)
    };
    // The same sums, in the same order, as `card_text`: the sizes agree to the bit.
    let inner = width - 2.0 * style.padding_x;
    let title_lh = title_px * style.line_height;
    // Most titles fit on one line: no need to find where they would break.
    // (Line breaks, U+2028 and other controls force a break.)
    let one_line = title_w <= inner
        && !node
            .title
            .chars()
            .any(|c| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}'));
    let title_lines = if one_line && !node.title.trim().is_empty() {
        1
    } else {
        titles.count(&node.title, title_px, inner)
    }
    .min(style.max_title_lines);
    let mut y = style.band_height + style.padding_y;
    for _ in 0..title_lines.max(1) {
        y += title_lh;
    }
    if node.kind.is_post() {
        y += 2.0;
        y += style.holder_px * style.line_height;
    }
    if show_duties {
        y += 6.0;
        let indent = text_width(DUTY_BULLET, style.duty_px) + super::spec::CARD_SPEC.bullet_gap;
        let duty_lh = style.duty_px * style.line_height;
        for duty in &node.duties {
            for _ in wrap(duty, style.duty_px, inner - indent) {
                y += duty_lh;
            }
            y += 2.0;
        }
    }
    [width.ceil(), (y + style.padding_y).ceil()]
}

/// Lays out a card's text and measures the card.
pub fn card_text(node: &Node, style: &CardStyle) -> CardText {
    let title_px = if node.kind == NodeKind::Unit {
        style.unit_title_px
    } else {
        style.title_px
    };
    let holder = match (&node.holder, node.kind.is_post()) {
        (Some(name), true) => Some((name.as_str(), LineRole::Holder)),
        (None, true) => Some((style.vacant_text.as_str(), LineRole::Vacant)),
        (_, false) => None,
    };
    let badge = (node.kind.is_post() && node.headcount > 1).then(|| format!("×{}", node.headcount));
    let badge_width = badge.as_deref().map_or(0.0, |text| {
        text_width(text, style.holder_px) + 2.0 * super::spec::CARD_SPEC.badge_padding_x
    });

    let show_duties = style.show_duties && !node.duties.is_empty();
    let width = if show_duties {
        style.width_with_duties
    } else {
        let title_w = text_width(&node.title, title_px);
        let holder_w =
            holder.map_or(0.0, |(text, _)| text_width(text, style.holder_px)) + badge_width;
        (title_w.max(holder_w) + 2.0 * style.padding_x + 2.0)
            .clamp(style.min_width, style.max_width)
    };
    let mut lines = Vec::new();
    let mut y = style.band_height + style.padding_y;
    title_lines(&mut lines, &mut y, &node.title, title_px, width, style);
    if let Some((text, role)) = holder {
        let line = Holder {
            text,
            role,
            badge,
            badge_width,
        };
        holder_line(&mut lines, &mut y, line, width, style);
    }
    if show_duties {
        duty_lines(&mut lines, &mut y, &node.duties, width, style);
    }
    let height = (y + style.padding_y).ceil();
    CardText {
        width: width.ceil(),
        height,
        lines,
    }
}

/// The title, wrapped to the card and cut with an ellipsis after the last line allowed;
/// `y` moves down past it.
fn title_lines(
    lines: &mut Vec<CardLine>,
    y: &mut f32,
    title: &str,
    title_px: f32,
    width: f32,
    style: &CardStyle,
) {
    let inner = width - 2.0 * style.padding_x;
    let title_lh = title_px * style.line_height;
    let mut wrapped = wrap(title, title_px, inner);
    let cut = wrapped.len() > style.max_title_lines;
    wrapped.truncate(style.max_title_lines);
    let count = wrapped.len();
    for (n, (from, to)) in wrapped.into_iter().enumerate() {
        let mut text = title[from..to].to_owned();
        if cut && n + 1 == count {
            while !text.is_empty()
                && text_width(&text, title_px) + text_width("…", title_px) > inner
            {
                text.pop();
            }
            text.push('…');
        }
        lines.push(CardLine {
            text,
            role: LineRole::Title,
            font_px: title_px,
            offset: [style.padding_x, *y],
        });
        *y += title_lh;
    }
    if count == 0 {
        *y += title_lh;
    }
}

/// What the holder line shows.
struct Holder<'a> {
    text: &'a str,
    role: LineRole,
    badge: Option<String>,
    badge_width: f32,
}

/// The holder (or vacant) line, cut to fit beside the headcount badge; `y` moves down.
fn holder_line(
    lines: &mut Vec<CardLine>,
    y: &mut f32,
    holder: Holder<'_>,
    width: f32,
    style: &CardStyle,
) {
    let inner = width - 2.0 * style.padding_x;
    *y += 2.0;
    let room = inner - holder.badge_width;
    let mut shown = holder.text.to_owned();
    if text_width(&shown, style.holder_px) > room {
        while !shown.is_empty()
            && text_width(&shown, style.holder_px) + text_width("…", style.holder_px) > room
        {
            shown.pop();
        }
        shown.push('…');
    }
    lines.push(CardLine {
        text: shown,
        role: holder.role,
        font_px: style.holder_px,
        offset: [style.padding_x, *y],
    });
    if let Some(badge) = holder.badge {
        let badge_w = text_width(&badge, style.holder_px);
        lines.push(CardLine {
            text: badge,
            role: LineRole::Badge,
            font_px: style.holder_px,
            offset: [width - style.padding_x - badge_w, *y],
        });
    }
    *y += style.holder_px * style.line_height;
}

/// Each duty, wrapped, its first line with a bullet; `y` moves down past them.
fn duty_lines(
    lines: &mut Vec<CardLine>,
    y: &mut f32,
    duties: &[String],
    width: f32,
    style: &CardStyle,
) {
    let inner = width - 2.0 * style.padding_x;
    *y += 6.0;
    let indent = text_width(DUTY_BULLET, style.duty_px) + super::spec::CARD_SPEC.bullet_gap;
    let duty_lh = style.duty_px * style.line_height;
    for duty in duties {
        for (n, (from, to)) in wrap(duty, style.duty_px, inner - indent)
            .into_iter()
            .enumerate()
        {
            lines.push(CardLine {
                text: duty[from..to].to_owned(),
                role: LineRole::Duty { first: n == 0 },
                font_px: style.duty_px,
                offset: [style.padding_x + indent, *y],
            });
            *y += duty_lh;
        }
        *y += 2.0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn card_size_is_card_texts_size(
            kind in 0u8..3,
            title in "\\PC{0,40}",
            holder in proptest::option::of("\\PC{0,30}"),
            headcount in 1u32..30,
            duties in prop::collection::vec("\\PC{0,60}", 0..4),
            show_duties: bool,
            max_title_lines in 0usize..4,
        ) {
            let kind = [NodeKind::Unit, NodeKind::Position, NodeKind::Assistant][usize::from(kind)];
            let mut node = Node::new(kind, title);
            node.holder = holder;
            node.headcount = headcount;
            node.duties = duties;
            let style = CardStyle { show_duties, max_title_lines, ..CardStyle::default() };
            let text = card_text(&node, &style);
            prop_assert_eq!(card_size(&node, &style), [text.width, text.height]);
        }
    }

    #[test]
    fn every_line_fits_inside_its_card() {
        let mut node = Node::new(
            NodeKind::Position,
            "负责区域市场招商策略的拟定和市场规划以及渠道销售网络的建立",
        );
        node.holder = Some("A very long holder name that will not fit on one line".into());
        node.headcount = 12;
        node.duties = vec![
            "负责渠道的销售合同,订单的拟制和鉴定".into(),
            "Short duty".into(),
        ];
        for show_duties in [false, true] {
            let style = CardStyle {
                show_duties,
                ..CardStyle::default()
            };
            let card = card_text(&node, &style);
            assert!(card.width >= style.min_width);
            for line in &card.lines {
                let right = line.offset[0] + text_width(&line.text, line.font_px);
                assert!(
                    right <= card.width - style.padding_x + 0.5,
                    "{line:?} in {}",
                    card.width
                );
                assert!(line.offset[1] + line.font_px <= card.height, "{line:?}");
            }
            assert_eq!(
                card.lines
                    .iter()
                    .filter(|l| l.role == LineRole::Badge)
                    .count(),
                1
            );
        }
    }

    #[test]
    fn vacant_posts_say_so_and_units_have_no_holder_line() {
        let style = CardStyle::for_language(crate::i18n::Lang::Chinese);
        let post = card_text(&Node::new(NodeKind::Position, "销售主管"), &style);
        assert!(post
            .lines
            .iter()
            .any(|l| l.role == LineRole::Vacant && l.text == "空缺"));
        let unit = card_text(&Node::new(NodeKind::Unit, "销售部"), &style);
        assert!(unit.lines.iter().all(|l| l.role == LineRole::Title));
        assert!(unit.height < post.height);
    }
}
