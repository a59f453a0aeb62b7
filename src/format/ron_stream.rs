//! Reads a big chart file in pieces, so the file's whole text is never held at once: the
//! fast reader's lexer runs over a window of the file that moves on as nodes are read.
//!
//! Each step (a top-level field, one node and the comma after it) ends on a token it
//! requires, so a step cut short by the end of the window fails rather than misreads;
//! the window then reads on and the step runs again from its start. Whatever the fast
//! reader would not read, this does not either (`None`), and the caller reads the file
//! whole, which also words every error. A property test checks both read the same.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

use super::ron_fast::{first_node_start, Fields, Lexer, ReadNode, Top, PARALLEL_FROM_BYTES};
use super::ron_read::Parsed;

/// Where a file's bytes come from: opened at any offset, once per reader thread.
pub(super) trait Source: Sync {
    /// The bytes from `offset` to the end.
    fn open_at(&self, offset: u64) -> std::io::Result<Box<dyn Read + Send + '_>>;
    /// How many bytes there are.
    fn len_bytes(&self) -> u64;
}

impl Source for &Path {
    fn open_at(&self, offset: u64) -> std::io::Result<Box<dyn Read + Send + '_>> {
        let mut file = File::open(*self)?;
        file.seek(SeekFrom::Start(offset))?;
        Ok(Box::new(file))
    }

    fn len_bytes(&self) -> u64 {
        std::fs::metadata(self).map_or(0, |meta| meta.len())
    }
}

impl Source for &[u8] {
    fn open_at(&self, offset: u64) -> std::io::Result<Box<dyn Read + Send + '_>> {
        let from = usize::try_from(offset).map_or(self.len(), |at| at.min(self.len()));
        let rest: &[u8] = &self[from..];
        Ok(Box::new(rest))
    }

    fn len_bytes(&self) -> u64 {
        self.len() as u64
    }
}

/// How a file is read in pieces.
#[derive(Clone, Copy, Debug)]
pub(super) struct Pieces {
    /// Bytes read at a time.
    pub(super) piece_bytes: usize,
    /// Files at least this long are read by two threads, as the fast reader does.
    pub(super) parallel_from_bytes: usize,
}

impl Default for Pieces {
    fn default() -> Pieces {
        Pieces {
            piece_bytes: 1 << 16,
            parallel_from_bytes: PARALLEL_FROM_BYTES,
        }
    }
}

/// Reads the chart file at `path` in pieces; `None` if the fast reader would not read it
/// (or it cannot be read), for the caller to read it whole.
pub(super) fn read_file(path: &Path) -> Option<Parsed> {
    read_in_pieces(&path, Pieces::default())
}

/// Reads `source` as [`read_file`] does, `pieces` at a time.
pub(super) fn read_in_pieces(source: &dyn Source, pieces: Pieces) -> Option<Parsed> {
    let split = split_point(source, pieces);
    std::thread::scope(|scope| {
        let tail = split.map(|at| {
            let nodes = scope.spawn(move || {
                let mut window = Window::open(source, at, pieces.piece_bytes)?;
                match node_steps(&mut window, at, None)? {
                    (nodes, end, Ended::List) => Some((nodes, end)),
                    (_, _, Ended::AtStop) => None,
                }
            });
            (at, nodes)
        });
        read_chart(source, pieces, tail)
    })
}

/// The other thread's read-ahead: where its nodes start, and them with where they end.
type Tail<'scope> = (
    usize,
    std::thread::ScopedJoinHandle<'scope, Option<(Vec<ReadNode>, usize)>>,
);

/// The file, read from its start; the node list's second part comes from `tail` if the
/// reading arrives exactly where it starts.
fn read_chart(source: &dyn Source, pieces: Pieces, mut tail: Option<Tail<'_>>) -> Option<Parsed> {
    let mut window = Window::open(source, 0, pieces.piece_bytes)?;
    window.hold('\u{feff}'.len_utf8())?;
    let mut at = if window.text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    at = window.run(at, |lexer, _| lexer.expect(b'('))?.1;
    let mut fields = Fields::default();
    let mut nodes = Vec::new();
    loop {
        let ((next, top), end) = window.run(at, |lexer, _| {
            let mut trial = fields.clone();
            let top = trial.step(lexer)?;
            Some((trial, top))
        })?;
        (fields, at) = (next, end);
        let more = match top {
            Top::End => break,
            Top::Field { more } => more,
            Top::Nodes => {
                (nodes, at) = node_list(&mut window, at, tail.take(), source, pieces)?;
                let (more, end) = window.run(at, |lexer, _| lexer.next_item(b')'))?;
                at = end;
                more
            }
        };
        if !more {
            break;
        }
    }
    window.only_blanks_from(at)?;
    fields.finish(nodes)
}

/// The node list after its `[`, up to and with its `]`: the nodes and where the list
/// ends.
fn node_list<'s>(
    window: &mut Window<'s>,
    at: usize,
    tail: Option<Tail<'_>>,
    source: &'s dyn Source,
    pieces: Pieces,
) -> Option<(Vec<ReadNode>, usize)> {
    let stop = tail.as_ref().map(|(start, _)| *start);
    let (mut nodes, end, ended) = node_steps(window, at, stop)?;
    if ended == Ended::List {
        return Some((nodes, end));
    }
    let read_ahead = tail.and_then(|(_, handle)| handle.join().ok()).flatten();
    if let Some((more, end)) = read_ahead {
        // Exactly: a doubled list of a million nodes is tens of megabytes unused.
        nodes.reserve_exact(more.len());
        nodes.extend(more);
        *window = Window::open(source, end, pieces.piece_bytes)?;
        return Some((nodes, end));
    }
    let (more, end, _) = node_steps(window, end, None)?;
    nodes.extend(more);
    Some((nodes, end))
}

/// Why [`node_steps`] returned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ended {
    /// At the list's `]`.
    List,
    /// At the stop: where the other thread's nodes start.
    AtStop,
}

/// One step of a node list.
enum Step {
    /// Its `]`.
    End,
    /// Arrived at the stop, before a node.
    AtStop,
    /// A node, and whether a comma followed it.
    Node(ReadNode, bool),
}

/// Nodes from `at`, until the list's `]` or the node at absolute offset `stop`.
fn node_steps(
    window: &mut Window<'_>,
    mut at: usize,
    stop: Option<usize>,
) -> Option<(Vec<ReadNode>, usize, Ended)> {
    let mut nodes = Vec::new();
    loop {
        let (step, end) = window.run(at, |lexer, base| {
            if lexer.eat(b']')? {
                return Some(Step::End);
            }
            if stop == Some(base + lexer.at) {
                return Some(Step::AtStop);
            }
            let node = lexer.node()?;
            Some(Step::Node(node, lexer.next_item(b']')?))
        })?;
        match step {
            Step::End => return Some((nodes, end, Ended::List)),
            Step::AtStop => return Some((nodes, end, Ended::AtStop)),
            Step::Node(node, more) => {
                nodes.push(node);
                at = end;
                if !more {
                    return Some((nodes, end, Ended::List));
                }
            }
        }
    }
}

/// Where a node starts near the middle of a big file, as the fast reader guesses it.
fn split_point(source: &dyn Source, pieces: Pieces) -> Option<usize> {
    let len = usize::try_from(source.len_bytes()).ok()?;
    if len < pieces.parallel_from_bytes.max(1) {
        return None;
    }
    let middle = len / 2;
    let mut near = Vec::new();
    source
        .open_at(middle as u64)
        .ok()?
        .take(1 << 20)
        .read_to_end(&mut near)
        .ok()?;
    Some(middle + first_node_start(&near)?)
}

/// A stretch of the file's text, from byte `base`, read on as steps need more.
struct Window<'s> {
    reader: Box<dyn Read + Send + 's>,
    text: String,
    /// The file's byte offset of `text`'s first byte.
    base: usize,
    /// The start of a character cut by the last read, for the next text.
    carry: Vec<u8>,
    at_end: bool,
    piece_bytes: usize,
}

impl<'s> Window<'s> {
    /// The window from byte `offset`, with its first piece read.
    fn open(source: &'s dyn Source, offset: usize, piece_bytes: usize) -> Option<Window<'s>> {
        let mut window = Window {
            reader: source.open_at(offset as u64).ok()?,
            text: String::new(),
            base: offset,
            carry: Vec::new(),
            at_end: false,
            piece_bytes: piece_bytes.max(1),
        };
        window.read_on(offset, window.piece_bytes)?;
        Some(window)
    }

    /// Runs `step` from byte `at` (in the file), reading on while it fails and the file
    /// has more: the step and where it ended. The step is also given the file's byte
    /// offset of the lexer's text.
    ///
    /// Each time the same step fails, twice as much is read as the time before, so a
    /// step as long as the file (a string of hundreds of megabytes) is run again a few
    /// dozen times at most, not once per piece.
    fn run<T>(
        &mut self,
        at: usize,
        step: impl Fn(&mut Lexer<'_>, usize) -> Option<T>,
    ) -> Option<(T, usize)> {
        let mut more_bytes = self.piece_bytes;
        loop {
            let mut lexer = Lexer::new(&self.text, at.checked_sub(self.base)?);
            if let Some(value) = step(&mut lexer, self.base) {
                return Some((value, self.base + lexer.at));
            }
            if self.at_end {
                return None;
            }
            self.read_on(at, more_bytes)?;
            more_bytes = more_bytes.saturating_mul(2);
        }
    }

    /// Drops the text before byte `keep` and reads up to `more_bytes` more; `None` if the
    /// file cannot be read or is not UTF-8 there.
    fn read_on(&mut self, keep: usize, more_bytes: usize) -> Option<()> {
        let drop_bytes = keep.checked_sub(self.base)?;
        self.text.drain(..drop_bytes);
        self.base = keep;
        let mut bytes = std::mem::take(&mut self.carry);
        let before = bytes.len();
        (&mut self.reader)
            .take(more_bytes as u64)
            .read_to_end(&mut bytes)
            .ok()?;
        if bytes.len() == before {
            self.at_end = true;
            // A character cut short at the very end is not UTF-8.
            return bytes.is_empty().then_some(());
        }
        let valid = match std::str::from_utf8(&bytes) {
            Ok(_) => bytes.len(),
            Err(error) if error.error_len().is_none() => error.valid_up_to(),
            Err(_) => return None,
        };
        self.text
            .push_str(std::str::from_utf8(&bytes[..valid]).ok()?);
        self.carry = bytes.split_off(valid);
        Some(())
    }

    /// Checks that only blanks and comments follow byte `at`, to the end of the file.
    fn only_blanks_from(&mut self, at: usize) -> Option<()> {
        let mut more_bytes = self.piece_bytes;
        loop {
            let ((), end) = self.run(at, |lexer, _| lexer.skip_blank())?;
            if end < self.base + self.text.len() {
                return None;
            }
            if self.at_end {
                return Some(());
            }
            // From `at` again: a comment may go on in the next piece.
            self.read_on(at, more_bytes)?;
            more_bytes = more_bytes.saturating_mul(2);
        }
    }

    /// Reads on until the text holds `bytes` bytes or the file ends.
    fn hold(&mut self, bytes: usize) -> Option<()> {
        while self.text.len() < bytes && !self.at_end {
            self.read_on(self.base, self.piece_bytes)?;
        }
        Some(())
    }
}

/// Whether reading `bytes` in pieces of `piece_bytes` (on two threads from
/// `parallel_from_bytes`) gives exactly what the fast reader gives on the whole text:
/// `Ok(true)` when both read it, `Ok(false)` when neither does, and what differs
/// otherwise. For the tests and the fuzz target.
pub fn pieces_agree(
    bytes: &[u8],
    piece_bytes: usize,
    parallel_from_bytes: usize,
) -> Result<bool, String> {
    let pieces = Pieces {
        piece_bytes,
        parallel_from_bytes,
    };
    let streamed = read_in_pieces(&bytes, pieces);
    let whole = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes))
        .ok()
        .and_then(super::ron_fast::parse_fast);
    match (streamed, whole) {
        (None, None) => Ok(false),
        (Some(streamed), Some(whole)) if streamed == whole => Ok(true),
        (streamed, whole) => Err(format!(
            "read in pieces of {piece_bytes} bytes: {streamed:?}\nread whole: {whole:?}"
        )),
    }
}
