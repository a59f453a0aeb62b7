//! A fast reader for chart files as Organigram writes them: a byte-level lexer over the
//! flat node list, with no serde and no intermediate values.
//!
//! It is an accelerator, not a second parser to trust: it reads the common forms (the
//! fields in any order, `None`/`Some(..)`/implicit `Some`, `//` comments, trailing
//! commas, the escapes the writer uses) and gives up (`None`) on anything else, valid or
//! not: unknown or repeated fields, other escapes, named structs, block comments, numbers
//! in other notations, errors. The caller then reads the file with ron and serde, which
//! also words every error. So both readers agree on every input by construction, and the
//! tests and the fuzz target check that whatever this one accepts, serde reads the same.

use crate::model::{ChartPoint, Colour, Node, NodeId, NodeKind, NodeRecord};

use super::ron_read::Parsed;

/// Reads `text` if it is in the forms this reader knows, exactly as the strict serde
/// reader would; `None` otherwise.
///
/// A big file's node list is read by two threads: one from a node near the middle to
/// the end, the other from the start. The first thread's nodes are used only if the
/// second, reading on, arrives at exactly that node; so a guess that falls inside a
/// string, or a second half that does not read, costs time but never changes the result.
pub(super) fn parse_fast(text: &str) -> Option<Parsed> {
    std::thread::scope(|scope| {
        let mut tail = split_point(text).map(|at| Tail {
            at,
            nodes: scope.spawn(move || {
                let mut lexer = Lexer::new(text, at);
                lexer.node_run().map(|nodes| (nodes, lexer.at))
            }),
        });
        let mut lexer = Lexer::new(text, 0);
        let parsed = lexer.chart(&mut tail)?;
        lexer.skip_blank()?;
        (lexer.at == lexer.bytes.len()).then_some(parsed)
    })
}

/// Files smaller than this are read by one thread.
pub(super) const PARALLEL_FROM_BYTES: usize = 1 << 20;

/// Where a node starts near the middle of a big file, as the writer lays nodes out (a
/// line holding only `(` at eight spaces' indent).
fn split_point(text: &str) -> Option<usize> {
    if text.len() < PARALLEL_FROM_BYTES {
        return None;
    }
    let middle = text.len() / 2;
    Some(middle + first_node_start(&text.as_bytes()[middle..])?)
}

/// Where the first node in `bytes` starts (its `(`), as the writer lays nodes out: a
/// line holding only `(` at eight spaces' indent.
pub(super) fn first_node_start(bytes: &[u8]) -> Option<usize> {
    const NODE_START: &[u8] = b"\n        (\n";
    let found = bytes
        .windows(NODE_START.len())
        .position(|window| window == NODE_START)?;
    // The `(` is the pattern's second-to-last byte.
    Some(found + NODE_START.len() - 2)
}

/// A node as read, and whether it was placed with the old absolute `pin:`.
pub(super) type ReadNode = (NodeRecord, bool);

/// The nodes read ahead by the other thread, from byte `at`.
struct Tail<'scope> {
    at: usize,
    nodes: std::thread::ScopedJoinHandle<'scope, Option<(Vec<ReadNode>, usize)>>,
}

/// The reader's place in the text.
pub(super) struct Lexer<'t> {
    bytes: &'t [u8],
    text: &'t str,
    /// The byte the reader is at.
    pub(super) at: usize,
}

/// The top-level fields read so far, but the node list.
#[derive(Clone, Default)]
pub(super) struct Fields {
    seen: Seen,
    format: Option<(u32, u32)>,
    title: String,
    organisation: String,
    roots: Vec<NodeId>,
}

/// What [`Fields::step`] read.
pub(super) enum Top {
    /// The file's closing `)`.
    End,
    /// A field and its value, and whether a comma followed (more may come).
    Field { more: bool },
    /// `nodes: [`: the node list follows, for the caller to read, then a comma or `)`.
    Nodes,
}

impl Fields {
    /// After the file's `(` or a field's comma: the closing `)`, or one more field with
    /// its value and the comma or `)` after it; for the node list, only up to its `[`.
    /// Ends on a token it requires, so a text cut short fails rather than misreads.
    pub(super) fn step(&mut self, lexer: &mut Lexer<'_>) -> Option<Top> {
        if lexer.eat(b')')? {
            return Some(Top::End);
        }
        match lexer.field_name()? {
            "format" if self.seen.first(0) => self.format = Some(lexer.version()?),
            "title" if self.seen.first(1) => self.title = lexer.string()?,
            "organisation" if self.seen.first(2) => self.organisation = lexer.string()?,
            "roots" if self.seen.first(3) => self.roots = lexer.list(Lexer::node_id)?,
            "nodes" if self.seen.first(4) => {
                lexer.expect(b'[')?;
                return Some(Top::Nodes);
            }
            _ => return None,
        }
        Some(Top::Field {
            more: lexer.next_item(b')')?,
        })
    }

    /// The file, with its `nodes`; `None` without a `format`.
    pub(super) fn finish(self, nodes: Vec<ReadNode>) -> Option<Parsed> {
        let absolute_pins = nodes
            .iter()
            .filter(|(_, absolute)| *absolute)
            .map(|(record, _)| record.id)
            .collect();
        // Collected in place, in the nodes' larger slots: give back what is left over.
        let mut records: Vec<NodeRecord> = nodes.into_iter().map(|(record, _)| record).collect();
        records.shrink_to_fit();
        Some(Parsed {
            format: self.format?,
            title: self.title,
            organisation: self.organisation,
            roots: self.roots,
            records,
            absolute_pins,
        })
    }
}

/// Which top-level fields were seen (each at most once).
#[derive(Clone, Copy, Default)]
struct Seen {
    fields: u32,
}

impl Seen {
    /// Marks field `bit`; false if it was already there.
    fn first(&mut self, bit: u32) -> bool {
        let fresh = self.fields & (1 << bit) == 0;
        self.fields |= 1 << bit;
        fresh
    }
}

impl<'t> Lexer<'t> {
    pub(super) fn new(text: &'t str, at: usize) -> Lexer<'t> {
        Lexer {
            bytes: text.as_bytes(),
            text,
            at,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    /// Skips whitespace and `//` comments; `None` on a block comment.
    pub(super) fn skip_blank(&mut self) -> Option<()> {
        while let Some(byte) = self.peek() {
            match byte {
                b' ' | b'\t' | b'\n' | b'\r' => self.at += 1,
                b'/' => match self.bytes.get(self.at + 1) {
                    Some(b'/') => {
                        let rest = &self.bytes[self.at..];
                        self.at += rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
                    }
                    _ => return None,
                },
                _ => break,
            }
        }
        Some(())
    }

    /// Expects `byte` after any blanks.
    pub(super) fn expect(&mut self, byte: u8) -> Option<()> {
        self.skip_blank()?;
        (self.peek()? == byte).then(|| self.at += 1)
    }

    /// Consumes `byte` after any blanks if it is next.
    pub(super) fn eat(&mut self, byte: u8) -> Option<bool> {
        self.skip_blank()?;
        if self.peek() == Some(byte) {
            self.at += 1;
            Some(true)
        } else {
            Some(false)
        }
    }

    /// An identifier (ASCII letters, digits, `_`).
    fn ident(&mut self) -> Option<&'t str> {
        self.skip_blank()?;
        let start = self.at;
        while self
            .peek()
            .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
        {
            self.at += 1;
        }
        let ident = &self.text[start..self.at];
        (!ident.is_empty() && !ident.as_bytes()[0].is_ascii_digit()).then_some(ident)
    }

    /// A field name and its colon.
    pub(super) fn field_name(&mut self) -> Option<&'t str> {
        let name = self.ident()?;
        self.expect(b':')?;
        Some(name)
    }

    /// After an item: a comma (true: more may follow), or the closing `close`, consumed
    /// (false).
    pub(super) fn next_item(&mut self, close: u8) -> Option<bool> {
        if self.eat(b',')? {
            return Some(true);
        }
        self.expect(close)?;
        Some(false)
    }

    /// A decimal unsigned integer that fits in `u32`.
    fn integer(&mut self) -> Option<u32> {
        self.skip_blank()?;
        let start = self.at;
        let mut value: u32 = 0;
        while let Some(digit) = self.peek().filter(u8::is_ascii_digit) {
            value = value
                .checked_mul(10)?
                .checked_add(u32::from(digit - b'0'))?;
            self.at += 1;
        }
        // Leading zeros, and a digit run followed by anything number-like (`1_000`,
        // `1.5`, `0x1`), are left to ron.
        if self.at - start > 1 && self.bytes[start] == b'0' {
            return None;
        }
        let next_is_number_like = self
            .peek()
            .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'.');
        (self.at > start && !next_is_number_like).then_some(value)
    }

    /// A float written as `-?digits(.digits)?([eE][+-]?digits)?`.
    fn float(&mut self) -> Option<f32> {
        self.skip_blank()?;
        let start = self.at;
        let digits = |lexer: &mut Self| {
            let from = lexer.at;
            while lexer.peek().is_some_and(|b| b.is_ascii_digit()) {
                lexer.at += 1;
            }
            lexer.at > from
        };
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        if !digits(self) {
            return None;
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if !digits(self) {
                return None;
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if !digits(self) {
                return None;
            }
        }
        if self
            .peek()
            .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
        {
            return None;
        }
        self.text[start..self.at].parse().ok()
    }

    /// A string literal with the writer's escapes (`\" \\ \n \r \t \0 \u{..}`).
    pub(super) fn string(&mut self) -> Option<String> {
        self.expect(b'"')?;
        let start = self.at;
        let rest = &self.bytes[start..];
        let end = rest.iter().position(|&b| b == b'"' || b == b'\\')?;
        if rest[end] == b'"' {
            self.at = start + end + 1;
            return Some(self.text[start..start + end].to_owned());
        }
        self.escaped_string(start)
    }

    /// The rest of a string that has escapes, from its first character at `start`.
    fn escaped_string(&mut self, start: usize) -> Option<String> {
        let mut out = String::new();
        let mut from = start;
        loop {
            let rest = &self.bytes[from..];
            let stop = rest.iter().position(|&b| b == b'"' || b == b'\\')?;
            out.push_str(&self.text[from..from + stop]);
            let at = from + stop;
            if self.bytes[at] == b'"' {
                self.at = at + 1;
                return Some(out);
            }
            let (ch, used) = self.escape(at + 1)?;
            out.push(ch);
            from = at + 1 + used;
        }
    }

    /// The escape after a backslash at `at`: the character and the bytes it took.
    fn escape(&self, at: usize) -> Option<(char, usize)> {
        Some(match self.bytes.get(at)? {
            b'"' => ('"', 1),
            b'\\' => ('\\', 1),
            b'n' => ('\n', 1),
            b'r' => ('\r', 1),
            b't' => ('\t', 1),
            b'0' => ('\0', 1),
            b'u' if self.bytes.get(at + 1) == Some(&b'{') => {
                let digits = &self.bytes[at + 2..];
                let close = digits.iter().take(7).position(|&b| b == b'}')?;
                let hex = std::str::from_utf8(&digits[..close]).ok()?;
                if hex.is_empty() || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                    return None;
                }
                let ch = char::from_u32(u32::from_str_radix(hex, 16).ok()?)?;
                (ch, close + 3)
            }
            _ => return None,
        })
    }

    /// `None`, `Some(value)` or the bare value (implicit `Some`).
    fn option<T>(&mut self, value: impl Fn(&mut Self) -> Option<T>) -> Option<Option<T>> {
        self.skip_blank()?;
        match self.peek()? {
            b'N' => (self.ident()? == "None").then_some(None),
            b'S' => {
                if self.ident()? != "Some" {
                    return None;
                }
                self.expect(b'(')?;
                let inner = value(self)?;
                self.eat(b',')?;
                self.expect(b')')?;
                Some(Some(inner))
            }
            _ => value(self).map(Some),
        }
    }

    /// `[item, item, …]`, a trailing comma allowed.
    pub(super) fn list<T>(&mut self, item: impl Fn(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        self.expect(b'[')?;
        let mut items = Vec::new();
        while !self.eat(b']')? {
            items.push(item(self)?);
            if !self.next_item(b']')? {
                break;
            }
        }
        Some(items)
    }

    fn bool(&mut self) -> Option<bool> {
        match self.ident()? {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        }
    }

    pub(super) fn node_id(&mut self) -> Option<NodeId> {
        self.integer().map(NodeId)
    }

    fn kind(&mut self) -> Option<NodeKind> {
        match self.ident()? {
            "Unit" => Some(NodeKind::Unit),
            "Position" => Some(NodeKind::Position),
            "Assistant" => Some(NodeKind::Assistant),
            _ => None,
        }
    }

    /// `(x: F, y: F)`, in either order.
    fn point(&mut self) -> Option<ChartPoint> {
        self.expect(b'(')?;
        let (mut x, mut y) = (None, None);
        while !self.eat(b')')? {
            match self.field_name()? {
                "x" if x.is_none() => x = Some(self.float()?),
                "y" if y.is_none() => y = Some(self.float()?),
                _ => return None,
            }
            if !self.next_item(b')')? {
                break;
            }
        }
        Some(ChartPoint { x: x?, y: y? })
    }

    /// `(a, b)`.
    pub(super) fn version(&mut self) -> Option<(u32, u32)> {
        self.expect(b'(')?;
        let major = self.integer()?;
        self.expect(b',')?;
        let minor = self.integer()?;
        self.eat(b',')?;
        self.expect(b')')?;
        Some((major, minor))
    }

    /// The whole file: `( format: …, title: …, organisation: …, roots: […], nodes: […] )`.
    fn chart(&mut self, tail: &mut Option<Tail<'_>>) -> Option<Parsed> {
        self.expect(b'(')?;
        let mut fields = Fields::default();
        let mut nodes = Vec::new();
        loop {
            let more = match fields.step(self)? {
                Top::End => break,
                Top::Field { more } => more,
                Top::Nodes => {
                    nodes = self.node_list(tail)?;
                    self.next_item(b')')?
                }
            };
            if !more {
                break;
            }
        }
        fields.finish(nodes)
    }

    /// The node list after its `[`: `node, node, …]`, taking the other thread's nodes if
    /// this reading arrives where they start.
    fn node_list(&mut self, tail: &mut Option<Tail<'_>>) -> Option<Vec<(NodeRecord, bool)>> {
        let mut items = Vec::new();
        while !self.eat(b']')? {
            if tail.as_ref().is_some_and(|t| t.at == self.at) {
                let read_ahead = tail.take().and_then(|t| t.nodes.join().ok()).flatten();
                if let Some((more, end)) = read_ahead {
                    items.reserve_exact(more.len());
                    items.extend(more);
                    self.at = end;
                    return Some(items);
                }
            }
            items.push(self.node()?);
            if !self.next_item(b']')? {
                break;
            }
        }
        Some(items)
    }

    /// Nodes from here to the end of the list, and its closing `]`.
    fn node_run(&mut self) -> Option<Vec<(NodeRecord, bool)>> {
        let mut items = Vec::new();
        loop {
            items.push(self.node()?);
            if !self.next_item(b']')? || self.eat(b']')? {
                return Some(items);
            }
        }
    }

    /// One node, and whether it was placed with the old absolute `pin:`.
    pub(super) fn node(&mut self) -> Option<(NodeRecord, bool)> {
        self.expect(b'(')?;
        let mut seen = Seen::default();
        let (mut id, mut kind) = (None, None);
        let mut node = Box::new(Node::new(NodeKind::Position, ""));
        let mut reports = Vec::new();
        let (mut pin, mut offset) = (None, None);
        while !self.eat(b')')? {
            match self.field_name()? {
                "id" if seen.first(0) => id = Some(self.node_id()?),
                "kind" if seen.first(1) => kind = Some(self.kind()?),
                "title" if seen.first(2) => node.title = self.string()?,
                "holder" if seen.first(3) => node.holder = self.option(Self::string)?,
                "headcount" if seen.first(4) => node.headcount = self.integer()?,
                "colour" if seen.first(5) => node.colour = self.colour()?,
                "reports" if seen.first(6) => reports = self.list(Self::node_id)?,
                "dotted" if seen.first(7) => node.dotted = self.list(Self::node_id)?,
                "collapsed" if seen.first(8) => node.collapsed = self.bool()?,
                "pin" if seen.first(9) => pin = self.option(Self::point)?,
                "offset" if seen.first(10) => offset = self.option(Self::point)?,
                "notes" if seen.first(11) => node.notes = self.string()?,
                "ref" if seen.first(12) => node.reference = self.option(Self::string)?,
                "duties" if seen.first(13) => {
                    // Exact capacity: a chart holds a million duties, and a list grown
                    // by doubling wastes a third of its slots.
                    node.duties = self.list(Self::string)?;
                    node.duties.shrink_to_fit();
                }
                _ => return None,
            }
            if !self.next_item(b')')? {
                break;
            }
        }
        node.kind = kind?;
        node.pin = offset.or(pin);
        let record = NodeRecord {
            id: id?,
            node,
            reports,
        };
        Some((record, pin.is_some()))
    }

    /// A colour as `"#rrggbb"` (or `None`); a bad colour is left to serde's error.
    fn colour(&mut self) -> Option<Option<Colour>> {
        match self.option(Self::string)? {
            None => Some(None),
            Some(text) => Colour::from_hex(&text).map(Some),
        }
    }
}
