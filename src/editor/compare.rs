//! Compare mode and updates from an HR file, in the editor.
//!
//! - **Compare with…** loads a chart or an HR file as the as-is and marks, on the open
//!   chart (the to-be), what is new, moved, changed and removed. The comparison is
//!   derived data: rebuilt whenever the chart or its layout changes, and dropped when
//!   another chart is opened or the user stops comparing.
//! - **Update from HR file…** lists what the file would change, each with a checkbox;
//!   **Apply** makes the chosen changes one undoable step.

use std::path::Path;
use std::sync::Arc;

use super::document::Document;
use super::message::{Label, Message};
use super::modal::{ErrorDetail, Failure};
use super::{Editor, ViewRequest};
use crate::compare::report::{self, Charts};
use crate::compare::update::{self, UpdatePlan};
use crate::compare::{self, ChangeKind, ChangeMarks, Diff, GhostPlace, LoadedSide, What};
use crate::i18n::Lang;
use crate::layout::{card_text, CardText, RectInChart};
use crate::model::{ChartStats, Edit};

/// Which changes the Changes panel lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangeFilter {
    /// Added, removed, moved, changed: each listed or not.
    pub kinds: [bool; 4],
    /// Only changes whose line contains this text (any case).
    pub text: String,
}

impl Default for ChangeFilter {
    fn default() -> ChangeFilter {
        ChangeFilter {
            kinds: [true; 4],
            text: String::new(),
        }
    }
}

impl ChangeFilter {
    /// True when changes of `kind` are listed.
    pub fn shows(&self, kind: ChangeKind) -> bool {
        self.kinds[kind as usize]
    }
}

/// The open chart compared with a file.
pub struct Comparison {
    base: LoadedSide,
    /// The base's figures, counted once.
    base_stats: ChartStats,
    built_for: Option<u64>,
    /// The language its lines and values are in.
    built_lang: Lang,
    diff: Diff,
    marks: Arc<ChangeMarks>,
    ghosts: Vec<GhostPlace>,
    /// Each ghost's card text, measured in the chart's look.
    ghost_cards: Vec<Arc<CardText>>,
    lines: Vec<String>,
    filter: ChangeFilter,
    rows: Vec<usize>,
}

impl Comparison {
    fn new(base: LoadedSide) -> Comparison {
        Comparison {
            base_stats: ChartStats::of(&base.chart),
            base,
            built_for: None,
            built_lang: Lang::default(),
            diff: Diff::default(),
            marks: Arc::default(),
            ghosts: Vec::new(),
            ghost_cards: Vec::new(),
            lines: Vec::new(),
            filter: ChangeFilter::default(),
            rows: Vec::new(),
        }
    }

    /// What the chart is compared with: its file name.
    pub fn base_name(&self) -> &str {
        &self.base.name
    }

    /// True when the base is an HR file.
    pub fn base_is_hr_file(&self) -> bool {
        self.base.hr_file
    }

    /// The changes and the figures before and after.
    pub fn diff(&self) -> &Diff {
        &self.diff
    }

    /// The marks the canvas and exports draw.
    pub fn marks(&self) -> &Arc<ChangeMarks> {
        &self.marks
    }

    /// Where the removed nodes' ghost cards are drawn, in chart space.
    pub fn ghosts(&self) -> &[GhostPlace] {
        &self.ghosts
    }

    /// The card text of ghost `at` (an index into [`ChangeMarks::ghosts`]).
    pub fn ghost_card(&self, at: usize) -> Option<&Arc<CardText>> {
        self.ghost_cards.get(at)
    }

    /// The filter of the Changes panel.
    pub fn filter(&self) -> &ChangeFilter {
        &self.filter
    }

    /// The changes the filter lets through (indices into [`Diff::changes`]), grouped
    /// by kind.
    pub fn rows(&self) -> &[usize] {
        &self.rows
    }

    /// Change `at` in one line (`大区销售经理 (王芳) #4: holder vacant → 王芳`).
    pub fn line(&self, at: usize) -> &str {
        self.lines.get(at).map_or("", String::as_str)
    }

    /// The marks with the change list, for a CSV or Excel export of the changes.
    pub fn marks_with_table(&self, chart: &crate::model::Chart) -> ChangeMarks {
        let charts = Charts {
            old: &self.base.chart,
            new: chart,
        };
        (*self.marks).clone().with_table(&self.diff, charts)
    }

    /// Brings the comparison up to date with `doc`, if the chart or its layout changed,
    /// in `lang`.
    fn refresh(&mut self, doc: &Document, lang: Lang) {
        let revision = doc.derived_revision();
        if self.built_for == Some(revision) && self.built_lang == lang {
            return;
        }
        self.built_lang = lang;
        let chart = doc.chart();
        // Nodes are matched the way chosen when the comparison began, so an edit never
        // switches every mark to another matching.
        let match_by = self.built_for.map(|_| self.diff.match_by);
        let stats = [self.base_stats.clone(), doc.stats().clone()];
        let side = compare::Side::chart(chart);
        self.diff = compare::diff_with_stats(&self.base.side(), &side, match_by, &stats).0;
        self.built_for = Some(revision);
        let charts = Charts {
            old: &self.base.chart,
            new: chart,
        };
        self.lines = self
            .diff
            .changes
            .iter()
            .map(|change| report::describe(change, charts, lang))
            .collect();
        self.marks = Arc::new(ChangeMarks::of(&self.diff, charts, &self.base.name, lang));
        (self.ghosts, self.ghost_cards) = match doc.look() {
            Some(look) => (
                self.marks
                    .ghost_places(chart, doc.layout(), &look.style, &look.layout),
                self.marks
                    .ghosts
                    .iter()
                    .map(|ghost| Arc::new(card_text(&ghost.node, &look.style)))
                    .collect(),
            ),
            None => (Vec::new(), Vec::new()),
        };
        self.refilter();
    }

    fn refilter(&mut self) {
        let needle = self.filter.text.to_lowercase();
        let mut rows = Vec::new();
        for kind in ChangeKind::ALL {
            if !self.filter.shows(kind) {
                continue;
            }
            rows.extend(
                self.diff
                    .changes
                    .iter()
                    .enumerate()
                    .filter(|(at, change)| {
                        change.kind() == kind
                            && (needle.is_empty()
                                || self.lines[*at].to_lowercase().contains(&needle))
                    })
                    .map(|(at, _)| at),
            );
        }
        self.rows = rows;
    }

    /// Where change `at` is on the canvas: its card, or its ghost's rectangle.
    fn place_of(&self, at: usize) -> Option<Place> {
        let change = self.diff.changes.get(at)?;
        match change.what {
            What::Removed { .. } => {
                let ghost = self
                    .marks
                    .ghosts
                    .iter()
                    .position(|g| g.old_id == change.id)?;
                self.ghosts
                    .iter()
                    .find(|place| place.ghost == ghost)
                    .map(|place| Place::Ghost(place.rect))
            }
            _ => Some(Place::Card(change.id)),
        }
    }
}

/// Where a change is shown.
enum Place {
    Card(crate::model::NodeId),
    Ghost(RectInChart),
}

/// The update an HR file would make, with the user's choice for each change.
pub struct UpdatePreview {
    file: LoadedSide,
    plan: UpdatePlan,
    built_for: u64,
    /// The language of `lines`.
    lines_lang: Lang,
    lines: Vec<String>,
    chosen: Vec<bool>,
}

impl UpdatePreview {
    /// The HR file's name.
    pub fn file_name(&self) -> &str {
        &self.file.name
    }

    /// The changes an update would make.
    pub fn diff(&self) -> &Diff {
        &self.plan.diff
    }

    /// Change `at` in one line.
    pub fn line(&self, at: usize) -> &str {
        self.lines.get(at).map_or("", String::as_str)
    }

    /// Whether change `at` is chosen.
    pub fn is_chosen(&self, at: usize) -> bool {
        self.chosen.get(at).copied().unwrap_or(false)
    }

    /// How many changes are chosen.
    pub fn chosen_count(&self) -> usize {
        self.chosen.iter().filter(|&&c| c).count()
    }

    /// The HR file's problems, as `FILE:LINE: …`.
    pub fn problems(&self) -> &[String] {
        &self.file.problems
    }

    fn plan(file: LoadedSide, doc: &Document, lang: Lang) -> UpdatePreview {
        let plan = update::plan(doc.chart(), &file.chart, file.carries, None);
        let chosen = vec![true; plan.diff.changes.len()];
        let mut preview = UpdatePreview {
            file,
            plan,
            built_for: doc.revision(),
            lines: Vec::new(),
            lines_lang: lang,
            chosen,
        };
        preview.word(doc, lang);
        preview
    }

    /// Words each change in `lang`.
    fn word(&mut self, doc: &Document, lang: Lang) {
        let charts = Charts {
            old: doc.chart(),
            new: &self.file.chart,
        };
        self.lines = self
            .plan
            .diff
            .changes
            .iter()
            .map(|change| report::describe(change, charts, lang))
            .collect();
        self.lines_lang = lang;
    }
}

/// A change in the update window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UpdateChoice {
    /// Choose change `at` or not.
    One(usize, bool),
    /// Choose every change, or none.
    All(bool),
}

impl Editor {
    /// File ▸ Compare with…: compares the open chart with the chart or HR file at `path`.
    pub(super) fn start_compare(&mut self, path: &Path) {
        match compare::load_side(path) {
            Ok(base) => {
                let mut comparison = Comparison::new(base);
                comparison.refresh(&self.doc, self.language());
                self.compare = Some(comparison);
            }
            Err(error) => self.fail(Failure::Compare, error.into()),
        }
    }

    /// Keeps the comparison and the update preview up to date with the chart.
    pub(super) fn refresh_compare(&mut self) {
        let lang = self.language();
        if let Some(comparison) = &mut self.compare {
            comparison.refresh(&self.doc, lang);
        }
        if self
            .update
            .as_ref()
            .is_some_and(|preview| preview.built_for != self.doc.revision())
        {
            // The chart changed under the preview: plan again (every change chosen).
            if let Some(preview) = self.update.take() {
                self.update = Some(UpdatePreview::plan(preview.file, &self.doc, lang));
            }
        }
        if let Some(preview) = self.update.as_mut().filter(|p| p.lines_lang != lang) {
            preview.word(&self.doc, lang);
        }
    }

    /// The Changes panel's filter changed.
    pub(super) fn filter_changes(&mut self, filter: ChangeFilter) {
        if let Some(comparison) = &mut self.compare {
            comparison.filter = filter;
            comparison.refilter();
        }
    }

    /// A change in the Changes panel was clicked: select its card and bring it into
    /// view (a removed node: its ghost).
    pub(super) fn go_to_change(&mut self, at: usize) {
        let Some(place) = self.compare.as_ref().and_then(|c| c.place_of(at)) else {
            return;
        };
        match place {
            Place::Card(id) if self.doc.chart().contains(id) => {
                self.queue.push_back(super::Action::Reveal(id));
            }
            Place::Card(_) => {}
            Place::Ghost(rect) => {
                self.selection.clear();
                self.view_request = Some(ViewRequest::RevealRect(rect));
            }
        }
    }

    /// File ▸ Update from HR file…: plans the update from the HR file at `path`.
    pub(super) fn start_update(&mut self, path: &Path) {
        match compare::load_side(path) {
            Ok(file) if file.hr_file => {
                self.update = Some(UpdatePreview::plan(file, &self.doc, self.language()));
            }
            Ok(file) => self.fail(Failure::Update, ErrorDetail::NotHrFile { name: file.name }),
            Err(error) => self.fail(Failure::Update, error.into()),
        }
    }

    /// A checkbox in the update window changed.
    pub(super) fn choose_update(&mut self, choice: UpdateChoice) {
        let Some(preview) = &mut self.update else {
            return;
        };
        match choice {
            UpdateChoice::One(at, on) => {
                if let Some(chosen) = preview.chosen.get_mut(at) {
                    *chosen = on;
                }
            }
            UpdateChoice::All(on) => preview.chosen.iter_mut().for_each(|c| *c = on),
        }
    }

    /// Apply: the chosen changes as one undoable step.
    pub(super) fn apply_update(&mut self) {
        let Some(preview) = self.update.take() else {
            return;
        };
        let applied = preview
            .plan
            .apply(self.doc.chart(), &preview.file.chart, &preview.chosen);
        let count = preview.chosen_count();
        if !applied.edits.is_empty() && !self.edit(Edit::Batch(applied.edits), Label::Update(count))
        {
            return;
        }
        if !applied.skipped.is_empty() {
            let skipped: Vec<String> = applied
                .skipped
                .iter()
                .map(|(at, why)| format!("{}: {why}", preview.line(*at)))
                .collect();
            self.say(Message::UpdateSkipped(skipped), true);
        }
    }

    /// The comparison, while comparing.
    pub fn comparison(&self) -> Option<&Comparison> {
        self.compare.as_ref()
    }

    /// The update being previewed, if one is.
    pub fn update_preview(&self) -> Option<&UpdatePreview> {
        self.update.as_ref()
    }
}
