//! One node of the chart: a unit, a position or an assistant, and its content.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A node's stable identifier. Ids never change when a node's title, place or kind does,
/// and titles are not unique, so ids are the only key.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct NodeId(pub u32);

impl fmt::Display for NodeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// What a node stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NodeKind {
    /// A department or division box. Its `duties` are the unit's responsibilities.
    Unit,
    /// A post in the reporting line, held by someone or vacant.
    Position,
    /// A staff post that supports its manager and manages no one (销售内勤).
    /// Layout draws it beside the manager's line.
    Assistant,
}

impl NodeKind {
    /// True for the kinds people hold: positions and assistants.
    pub fn is_post(self) -> bool {
        matches!(self, NodeKind::Position | NodeKind::Assistant)
    }

    /// The name used in the file format and in messages.
    pub fn name(self) -> &'static str {
        match self {
            NodeKind::Unit => "unit",
            NodeKind::Position => "position",
            NodeKind::Assistant => "assistant",
        }
    }
}

/// An sRGB colour, written as `#rrggbb` in files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Colour {
    /// Red, 0–255.
    pub r: u8,
    /// Green, 0–255.
    pub g: u8,
    /// Blue, 0–255.
    pub b: u8,
}

impl Colour {
    /// Parses `#rrggbb` (the `#` is optional, hex digits in either case).
    pub fn from_hex(text: &str) -> Option<Colour> {
        let digits = text.strip_prefix('#').unwrap_or(text);
        if digits.len() != 6 || !digits.is_ascii() {
            return None;
        }
        let channel = |at: usize| u8::from_str_radix(&digits[at..at + 2], 16).ok();
        Some(Colour {
            r: channel(0)?,
            g: channel(2)?,
            b: channel(4)?,
        })
    }

    /// Formats as lowercase `#rrggbb`.
    pub fn to_hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

/// A point in chart space: chart units (one unit is one logical pixel at 100 % zoom),
/// x to the right and y downwards.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChartPoint {
    /// Horizontal coordinate in chart units.
    pub x: f32,
    /// Vertical coordinate in chart units, growing downwards.
    pub y: f32,
}

/// The content of one node. Where it sits in the tree is kept by the [`crate::model::Chart`].
///
/// All kinds share one shape so a node can change kind without losing text; fields that do
/// not apply to a kind are kept but not drawn (a unit's `holder`, say).
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// Unit, position or assistant.
    pub kind: NodeKind,
    /// The unit's name or the post's title. Titles need not be unique.
    pub title: String,
    /// Who holds the post; `None` means vacant.
    pub holder: Option<String>,
    /// How many people the post stands for; at least 1.
    pub headcount: u32,
    /// A unit's colour; posts take the colour of their nearest unit.
    pub colour: Option<Colour>,
    /// Dotted-line (secondary) managers, each a position, in display order.
    pub dotted: Vec<NodeId>,
    /// Whether the node's subtree is folded away.
    pub collapsed: bool,
    /// A place chosen by hand: the offset of the card's top-left corner from its
    /// manager's top-left corner (from the chart's origin for a top node), in chart units.
    /// The card and its subtree move with the manager, and layout moves them to the
    /// nearest free place if other cards have grown into the spot.
    pub pin: Option<ChartPoint>,
    /// Free-text notes.
    pub notes: String,
    /// The id this node has in the HR system it came from, as text exactly as there
    /// ("00100" keeps its zeros). Updates from that system match nodes on it.
    pub reference: Option<String>,
    /// A post's duties, or a unit's responsibilities, one item each, in order.
    pub duties: Vec<String>,
}

impl Node {
    /// A node of `kind` with `title` and every other field at its default
    /// (vacant, headcount 1, no colour, no duties).
    pub fn new(kind: NodeKind, title: impl Into<String>) -> Node {
        Node {
            kind,
            title: title.into(),
            holder: None,
            headcount: 1,
            colour: None,
            dotted: Vec::new(),
            collapsed: false,
            pin: None,
            notes: String::new(),
            reference: None,
            duties: Vec::new(),
        }
    }

    /// The seats of a post nobody fills: its headcount minus its holder, if it has one
    /// (a post with headcount 3 and one holder has 2). Units have none.
    pub fn vacancies(&self) -> u32 {
        if self.kind.is_post() {
            self.headcount
                .saturating_sub(u32::from(self.holder.is_some()))
        } else {
            0
        }
    }
}
