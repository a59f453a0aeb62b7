//! From blocks to what the document says: its title, organisation and notes, its units
//! with their responsibilities, and each unit's posts with their particulars and duties,
//! in document order.

use super::blocks::{Block, BlockKind};
use super::words::{
    clean_name, fields, is_contents, is_end, is_filler, is_name, is_noise, is_outside_units,
    is_sentence, is_unit_label, part_of, Field, Part,
};
use crate::model::join_wrapped_line;

/// A post as the document gives it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct DocPost {
    pub title: String,
    pub at: usize,
    pub duties: Vec<String>,
    pub reports_to: Option<String>,
    /// `Some(None)`: said to be vacant; `None`: not said.
    pub holder: Option<Option<String>>,
    pub headcount: Option<u32>,
    pub assistant: bool,
    pub notes: Vec<String>,
}

/// A unit as the document gives it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct DocUnit {
    pub name: String,
    pub at: usize,
    pub responsibilities: Vec<String>,
    pub reports_to: Option<String>,
    pub notes: Vec<String>,
    pub posts: Vec<DocPost>,
    /// The handbook's "posts outside any unit": its posts are in no unit.
    pub outside: bool,
    /// Where the post duties name the unit, among the units they name: the order of
    /// the chart (the unit responsibilities may list fewer units, or in another order).
    order: Option<usize>,
}

/// A problem met while reading, and what was done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Problem {
    pub at: usize,
    pub message: String,
}

/// What the document says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Outline {
    pub title: String,
    pub organisation: String,
    pub notes: Vec<String>,
    pub units: Vec<DocUnit>,
    pub problems: Vec<Problem>,
}

/// Where the last text went, so that a wrapped line can join it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Last {
    Nothing,
    Responsibility(usize),
    Duty(usize, usize),
}

/// Reads the blocks. `wrapped` says the source breaks long lines (text files): a line
/// that is a sentence's rest joins the duty above it.
pub(crate) fn outline(blocks: &[Block], wrapped: bool) -> Outline {
    let end = blocks
        .iter()
        .position(|b| is_end(&b.raw))
        .unwrap_or(blocks.len());
    let blocks = &blocks[..end];
    // The document's first heading is its title, whatever words it has.
    let part_at = |at: usize, block: &Block| {
        let title = at == 0 && matches!(block.kind, BlockKind::Heading(_) | BlockKind::Title);
        if title {
            None
        } else {
            part_of(block)
        }
    };
    let first_part = blocks
        .iter()
        .enumerate()
        .position(|(at, b)| part_at(at, b).is_some());
    let body_from = first_part.unwrap_or_else(|| first_node(blocks));
    let mut reader = Reader {
        outline: Outline::default(),
        unit: None,
        post: None,
        last: Last::Nothing,
        wrapped,
        levels: None,
        in_posts: false,
        named: 0,
    };
    reader.front(&blocks[..body_from]);
    let mut part = if first_part.is_some() {
        Part::Front
    } else {
        Part::Posts
    };
    reader.levels = heading_levels(&blocks[body_from..]);
    for (at, block) in blocks.iter().enumerate().skip(body_from) {
        if let Some(next) = part_at(at, block) {
            part = next;
            reader.post = None;
            reader.unit = None;
            reader.last = Last::Nothing;
            continue;
        }
        reader.in_posts = part == Part::Posts;
        match part {
            Part::Front | Part::Chart => {}
            Part::Units => reader.unit_block(block),
            Part::Posts => reader.post_block(block, &blocks[at + 1..]),
        }
    }
    // Units in the order the post duties name them; the others after, as listed.
    reader
        .outline
        .units
        .sort_by_key(|unit| unit.order.unwrap_or(usize::MAX));
    reader.outline
}

/// Where the units begin in a document with no part headings: at the first heading, or
/// at the first name followed by a list or by another name.
fn first_node(blocks: &[Block]) -> usize {
    let heading = blocks
        .iter()
        .skip(1)
        .position(|b| matches!(b.kind, BlockKind::Heading(_)))
        .map(|at| at + 1);
    let named = (1..blocks.len()).find(|&at| {
        blocks[at].kind == BlockKind::Para
            && is_name(&blocks[at].text)
            && blocks
                .get(at + 1)
                .is_some_and(|next| matches!(next.kind, BlockKind::Item(_)) || is_name(&next.text))
    });
    match (heading, named) {
        (Some(a), Some(b)) => a.min(b),
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => blocks.len(),
    }
}

/// The outline levels of the units' and the posts' headings, when the document has
/// headings at two levels or more (the lowest is units, the next posts).
fn heading_levels(blocks: &[Block]) -> Option<(u8, u8)> {
    let mut levels: Vec<u8> = blocks
        .iter()
        .filter(|b| part_of(b).is_none())
        .filter_map(|b| match b.kind {
            BlockKind::Heading(level) => Some(level),
            _ => None,
        })
        .collect();
    levels.sort_unstable();
    levels.dedup();
    match levels.as_slice() {
        [unit, post, ..] => Some((*unit, *post)),
        _ => None,
    }
}

struct Reader {
    outline: Outline,
    unit: Option<usize>,
    post: Option<usize>,
    last: Last,
    wrapped: bool,
    levels: Option<(u8, u8)>,
    /// Reading the post duties.
    in_posts: bool,
    /// How many units the post duties have named so far.
    named: usize,
}

impl Reader {
    /// The front matter: the title, the organisation, and everything else as notes.
    fn front(&mut self, blocks: &[Block]) {
        let kept: Vec<&Block> = blocks.iter().filter(|b| !is_noise(&b.raw)).collect();
        let title_at = kept
            .iter()
            .position(|b| b.kind == BlockKind::Title)
            .or_else(|| {
                kept.iter()
                    .position(|b| matches!(b.kind, BlockKind::Heading(_)))
            })
            .or(if kept.is_empty() { None } else { Some(0) });
        let title = title_at.map_or(String::new(), |at| kept[at].raw.clone());
        let mut in_contents = false;
        for (at, block) in kept.iter().enumerate() {
            // A table of contents: its heading and the list below it.
            if is_contents(&block.text) {
                in_contents = true;
                continue;
            }
            in_contents &= matches!(block.kind, BlockKind::Item(_));
            if in_contents || Some(at) == title_at || block.raw == title {
                continue;
            }
            let text = block.raw.as_str();
            if block.kind == BlockKind::Subtitle && self.outline.organisation.is_empty() {
                self.outline.organisation = text.to_owned();
            } else if let Some(prefix) = text
                .strip_suffix(title.as_str())
                .filter(|p| !title.is_empty() && !p.trim().is_empty())
            {
                // 迪亚爱柯节能科技(上海)有限公司营销部组织架构图与岗位职责
                if self.outline.organisation.is_empty() {
                    self.outline.organisation = prefix.trim().to_owned();
                }
            } else {
                self.outline.notes.push(text.to_owned());
            }
        }
        self.outline.title = title;
    }

    fn problem(&mut self, at: usize, message: String) {
        self.outline.problems.push(Problem { at, message });
    }

    /// The unit named `name`, made if new; it becomes the current unit.
    fn enter_unit(&mut self, name: &str, at: usize) -> usize {
        let found = self.outline.units.iter().position(|u| u.name == name);
        let index = found.unwrap_or_else(|| {
            self.outline.units.push(DocUnit {
                name: name.to_owned(),
                at,
                outside: is_outside_units(name),
                ..DocUnit::default()
            });
            self.outline.units.len() - 1
        });
        if self.in_posts && self.outline.units[index].order.is_none() {
            self.outline.units[index].order = Some(self.named);
            self.named += 1;
        }
        self.unit = Some(index);
        self.post = None;
        self.last = Last::Nothing;
        index
    }

    /// A block of the unit responsibilities: `销售部：…` starts a unit, the rest are its
    /// responsibilities (or their wrapped lines).
    fn unit_block(&mut self, block: &Block) {
        let text = block.text.as_str();
        if let BlockKind::Heading(_) = block.kind {
            self.enter_unit(&clean_name(text), block.at);
            return;
        }
        let sub_item = matches!(block.kind, BlockKind::Item(level) if level > 0);
        if !sub_item {
            if let Some((name, rest)) = text.split_once([':', '：']) {
                let name = clean_name(name);
                if is_unit_label(&name) {
                    let unit = self.enter_unit(&name, block.at);
                    let rest = rest.trim();
                    if !rest.is_empty() {
                        self.add_responsibility(unit, rest);
                    }
                    return;
                }
            }
        }
        let continues = matches!(self.last, Last::Responsibility(_))
            && block.kind == BlockKind::Para
            && self.wrapped
            && (is_sentence(text) || block.indented || text.chars().count() > 30);
        match (self.last, self.unit) {
            (Last::Responsibility(unit), _) if continues => {
                if let Some(last) = self.outline.units[unit].responsibilities.last_mut() {
                    join_wrapped_line(last, text);
                }
            }
            (_, _) if block.kind == BlockKind::Para && is_name(text) => {
                self.enter_unit(&clean_name(text), block.at);
            }
            (_, Some(unit)) => self.add_responsibility(unit, text),
            (_, None) => {
                self.outline.notes.push(text.to_owned());
                let message =
                    format!("“{text}” comes before any unit's name; it was kept in the notes");
                self.problem(block.at, message);
            }
        }
    }

    fn add_responsibility(&mut self, unit: usize, text: &str) {
        self.outline.units[unit]
            .responsibilities
            .push(text.to_owned());
        self.last = Last::Responsibility(unit);
    }

    /// A block of the post duties.
    fn post_block(&mut self, block: &Block, after: &[Block]) {
        let text = block.text.as_str();
        match block.kind {
            BlockKind::Title | BlockKind::Subtitle => {}
            BlockKind::Heading(level) => {
                let name = clean_name(text);
                if name.is_empty() {
                    return;
                }
                let is_unit = match self.levels {
                    Some((unit, _)) => level <= unit,
                    None => self.is_unit_name(&name, after),
                };
                self.enter_node(&name, is_unit, block.at);
            }
            BlockKind::Item(_) => self.add_duty(block),
            BlockKind::Para => self.post_para(block, after),
        }
    }

    /// A paragraph of the post duties: particulars, a wrapped line, a unit's or post's
    /// name, or a duty written without a bullet.
    fn post_para(&mut self, block: &Block, after: &[Block]) {
        let text = block.text.as_str();
        if is_filler(text) {
            return;
        }
        if let Some(found) = fields(text) {
            self.apply_fields(found);
            return;
        }
        let continues = self.wrapped
            && matches!(self.last, Last::Duty(..) | Last::Responsibility(_))
            && (is_sentence(text) || block.indented || text.chars().count() > 30);
        if continues {
            self.join_last(text);
        } else if is_name(text) {
            let name = clean_name(text);
            let is_unit = self.is_unit_name(&name, after);
            self.enter_node(&name, is_unit, block.at);
        } else {
            self.add_duty(block);
        }
    }

    /// A name is a unit's when the unit responsibilities named it, when it is the
    /// handbook's "posts outside any unit", or when a post's name follows it directly.
    fn is_unit_name(&self, name: &str, after: &[Block]) -> bool {
        if self.outline.units.iter().any(|u| u.name == name) || is_outside_units(name) {
            return true;
        }
        let next = after
            .iter()
            .find(|b| !is_filler(&b.text) && fields(&b.text).is_none());
        next.is_some_and(|b| match b.kind {
            BlockKind::Heading(_) => self.levels.is_none(),
            BlockKind::Para => is_name(&b.text) && part_of(b).is_none(),
            _ => false,
        })
    }

    fn enter_node(&mut self, name: &str, is_unit: bool, at: usize) {
        if is_unit {
            self.enter_unit(name, at);
            return;
        }
        let unit = match self.unit {
            Some(unit) => unit,
            // Posts before any unit sit in no unit.
            None => {
                let lang = crate::i18n::Lang::of_text(&self.outline.title);
                let name = crate::i18n::tr(lang, "handbook-no-unit");
                let outside = self.enter_unit(&name, at);
                self.outline.units[outside].outside = true;
                outside
            }
        };
        self.outline.units[unit].posts.push(DocPost {
            title: name.to_owned(),
            at,
            ..DocPost::default()
        });
        self.post = Some(self.outline.units[unit].posts.len() - 1);
        self.last = Last::Nothing;
    }

    /// A duty of the current post; under a unit with no post yet, a responsibility.
    fn add_duty(&mut self, block: &Block) {
        let text = block.text.trim();
        if text.is_empty() || is_filler(text) {
            return;
        }
        match (self.unit, self.post) {
            (Some(unit), Some(post)) => {
                let duties = &mut self.outline.units[unit].posts[post].duties;
                duties.push(text.to_owned());
                self.last = Last::Duty(unit, post);
            }
            (Some(unit), None) => self.add_responsibility(unit, text),
            (None, _) => {
                self.outline.notes.push(text.to_owned());
                let message = format!(
                    "the duty “{text}” comes before any unit or post; it was kept in the notes"
                );
                self.problem(block.at, message);
            }
        }
    }

    fn join_last(&mut self, text: &str) {
        let target = match self.last {
            Last::Duty(unit, post) => self.outline.units[unit].posts[post].duties.last_mut(),
            Last::Responsibility(unit) => self.outline.units[unit].responsibilities.last_mut(),
            Last::Nothing => None,
        };
        if let Some(last) = target {
            join_wrapped_line(last, text);
        }
    }

    /// Particulars apply to the current post, or to the current unit before its posts.
    fn apply_fields(&mut self, found: Vec<Field>) {
        let Some(unit) = self.unit else {
            return;
        };
        let unit = &mut self.outline.units[unit];
        match self.post {
            Some(post) => {
                let post = &mut unit.posts[post];
                for field in found {
                    match field {
                        Field::ReportsTo(name) => post.reports_to = Some(name),
                        Field::Holder(holder) => post.holder = Some(holder),
                        Field::Headcount(n) => post.headcount = Some(n),
                        Field::Assistant(yes) => post.assistant = yes,
                        Field::Notes(text) => post.notes.push(text),
                    }
                }
            }
            None => {
                for field in found {
                    match field {
                        Field::ReportsTo(name) => unit.reports_to = Some(name),
                        Field::Notes(text) => unit.notes.push(text),
                        _ => {}
                    }
                }
            }
        }
    }
}
