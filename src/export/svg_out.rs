//! Where SVG text goes as it is drawn: into one document, to a writer in pieces, or (for
//! the PDF) into a document of shapes with the text gathered apart, so the PDF can set the
//! text itself instead of having every glyph outlined by the SVG parser.

use std::fmt;
use std::io;

use crate::theme::Rgb;

/// How much SVG text a streaming [`SvgOut`] gathers before it hands it to the writer, in
/// bytes.
pub const SPILL_BYTES: usize = 256 * 1024;

/// A line of text the PDF sets itself: its baseline's start, in the SVG's units.
#[derive(Clone, Debug, PartialEq)]
pub struct TextRun {
    /// Where the baseline starts, left to right.
    pub x: f32,
    /// Where the baseline is, top to bottom.
    pub y: f32,
    /// The font size, in the SVG's units.
    pub size: f32,
    /// The ink.
    pub colour: Rgb,
    /// The words.
    pub text: String,
}

/// SVG text on its way out.
pub(crate) struct SvgOut<'w> {
    text: String,
    sink: Option<&'w mut dyn io::Write>,
    /// The first write that failed; later text is dropped.
    failed: Option<io::Error>,
    /// When set, text is gathered here instead of written as `<text>`.
    runs: Option<Vec<TextRun>>,
    /// When set, what is drawn over the cards' text (change marks, ghost cards) goes here,
    /// as a document of its own, with its text as `<text>`.
    above: Option<Box<SvgOut<'w>>>,
}

impl<'w> SvgOut<'w> {
    /// One whole document.
    pub(crate) fn whole(capacity_bytes: usize) -> SvgOut<'w> {
        SvgOut {
            text: String::with_capacity(capacity_bytes),
            sink: None,
            failed: None,
            runs: None,
            above: None,
        }
    }

    /// A document handed to `sink` in pieces of about [`SPILL_BYTES`].
    pub(crate) fn streaming(sink: &'w mut dyn io::Write) -> SvgOut<'w> {
        SvgOut {
            text: String::with_capacity(2 * SPILL_BYTES),
            sink: Some(sink),
            ..SvgOut::whole(0)
        }
    }

    /// A document of shapes, the text gathered apart, and a document of what lies above.
    pub(crate) fn text_apart(capacity_bytes: usize) -> SvgOut<'w> {
        SvgOut {
            runs: Some(Vec::new()),
            above: Some(Box::new(SvgOut::whole(1024))),
            ..SvgOut::whole(capacity_bytes)
        }
    }

    /// Appends `text` to the document.
    pub(crate) fn push_str(&mut self, text: &str) {
        self.text.push_str(text);
    }

    /// True when text is gathered apart rather than written as `<text>`.
    pub(crate) fn gathers_text(&self) -> bool {
        self.runs.is_some()
    }

    /// Keeps `run` apart (when [`SvgOut::gathers_text`]; otherwise it is dropped).
    pub(crate) fn gather(&mut self, run: TextRun) {
        if let Some(runs) = self.runs.as_mut() {
            runs.push(run);
        }
    }

    /// Where to draw what lies above the cards' text: the document of its own if there
    /// is one, else this one.
    pub(crate) fn above(&mut self) -> &mut SvgOut<'w> {
        match self.above {
            Some(ref mut above) => above,
            None => self,
        }
    }

    /// The document of what lies above, if this output keeps one.
    pub(crate) fn above_apart(&mut self) -> Option<&mut SvgOut<'w>> {
        self.above.as_deref_mut()
    }

    /// Hands the text to the writer once there is [`SPILL_BYTES`] of it.
    pub(crate) fn spill(&mut self) {
        if self.text.len() >= SPILL_BYTES {
            self.spill_all();
        }
    }

    /// Hands all the text gathered so far to the writer (if there is one).
    fn spill_all(&mut self) {
        let Some(sink) = self.sink.as_mut() else {
            return;
        };
        if self.failed.is_none() {
            if let Err(error) = sink.write_all(self.text.as_bytes()) {
                self.failed = Some(error);
            }
        }
        self.text.clear();
    }

    /// Hands the rest to the writer: the first write error, if any.
    pub(crate) fn finish(mut self) -> io::Result<()> {
        self.spill_all();
        match self.failed {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }

    /// The document, the text gathered apart, and the document of what lies above.
    pub(crate) fn into_parts(self) -> (String, Vec<TextRun>, Option<String>) {
        (
            self.text,
            self.runs.unwrap_or_default(),
            self.above.map(|above| above.text),
        )
    }

    /// The length of the document so far, in bytes.
    pub(crate) fn len_bytes(&self) -> usize {
        self.text.len()
    }
}

impl fmt::Write for SvgOut<'_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        self.text.push_str(text);
        Ok(())
    }
}
