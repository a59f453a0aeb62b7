//! The analysis in the editor: built while View ▸ Analysis is open or cards are coloured
//! by span band, layer or vacancy, and rebuilt when the chart changes.

use std::sync::Arc;

use super::{Editor, ViewRequest};
use crate::analysis::colour_by::CardColouring;
use crate::analysis::{ColourBy, Report, DEFAULT_THRESHOLD};
use crate::i18n::Lang;
use crate::model::NodeId;

/// The analysis of the open chart, and the card colours it gives.
pub struct Analysis {
    report: Arc<Report>,
    colouring: Option<Arc<CardColouring>>,
    /// The chart's revision, what cards are coloured by, and the legend's language.
    built_for: (u64, ColourBy, Lang),
}

impl Analysis {
    /// The report: spans, layers, units, shared duties, similar posts.
    pub fn report(&self) -> &Arc<Report> {
        &self.report
    }

    /// The card colours and legend, when cards are coloured by the analysis.
    pub fn colouring(&self) -> Option<&Arc<CardColouring>> {
        self.colouring.as_ref()
    }
}

impl Editor {
    /// Builds or drops the analysis: it is kept while the panel is open or cards are
    /// coloured by it, and rebuilt when the chart (or what cards are coloured by, or the
    /// language of the legend) changes.
    pub(super) fn refresh_analysis(&mut self) {
        let by = self.settings.view.colour_by;
        if !self.settings.show_analysis && by == ColourBy::Unit {
            self.analysis = None;
            return;
        }
        let key = (self.doc.revision(), by, self.language());
        if self.analysis.as_ref().is_some_and(|a| a.built_for == key) {
            return;
        }
        let chart = self.doc.chart();
        // The report is of the chart, so a change of colouring alone reuses it.
        let report = match &self.analysis {
            Some(analysis) if analysis.built_for.0 == key.0 => analysis.report.clone(),
            _ => Arc::new(Report::of(chart, DEFAULT_THRESHOLD)),
        };
        let colouring = CardColouring::of(by, chart, &report, key.2).map(Arc::new);
        self.analysis = Some(Analysis {
            report,
            colouring,
            built_for: key,
        });
    }

    /// A shared duty in the Analysis panel was clicked: select every post that has it,
    /// `post` first (the inspector shows it, with the duty at `index` marked), and bring
    /// `post` into view.
    pub(super) fn show_duty(&mut self, posts: Vec<NodeId>, post: NodeId, index: usize) {
        if !self.doc.chart().contains(post) {
            return;
        }
        let mut selection: Vec<NodeId> = posts
            .into_iter()
            .filter(|&p| p != post && self.doc.chart().contains(p))
            .collect();
        // The selection's last entry is the one the inspector edits.
        selection.push(post);
        self.expand_to(post);
        self.selection = selection;
        self.duty_highlight = Some((post, index));
        self.view_request = Some(ViewRequest::Reveal(post));
    }

    /// The analysis, while it is kept (see [`Editor::refresh_analysis`]).
    pub fn analysis(&self) -> Option<&Analysis> {
        self.analysis.as_ref()
    }

    /// The duty the Analysis panel asked the inspector to mark: its post and index.
    pub fn duty_highlight(&self) -> Option<(NodeId, usize)> {
        self.duty_highlight
    }
}
