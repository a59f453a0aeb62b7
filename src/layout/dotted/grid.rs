//! A uniform grid over rectangles (cards, and the thin boxes of line segments), to find
//! what lies near a point of the chart without looking at every card. Built once per
//! layout in two passes (count, then fill), so it allocates three flat arrays.

use crate::layout::RectInChart;

/// Cell size, in chart units: about a card (150 × 60) and its gaps.
const CELL: f32 = 192.0;
/// The grid never has more cells than this many per item (cells grow on charts whose
/// items are few and far apart).
const CELLS_PER_ITEM: f32 = 4.0;

/// Rectangles, bucketed by the grid cells they touch.
#[derive(Clone, Debug, Default)]
pub(super) struct RectGrid {
    /// The rectangles, as given.
    pub rects: Vec<RectInChart>,
    origin: [f32; 2],
    cell: f32,
    columns: usize,
    rows: usize,
    /// For cell `c`, its items are `items[starts[c]..starts[c + 1]]`.
    starts: Vec<u32>,
    items: Vec<u32>,
}

impl RectGrid {
    /// The grid over `rects`.
    pub fn new(rects: Vec<RectInChart>) -> RectGrid {
        let Some(bounds) = rects.iter().copied().reduce(|a, b| a.union(&b)) else {
            return RectGrid::default();
        };
        let area = bounds.width.max(1.0) * bounds.height.max(1.0);
        let most_cells = rects.len() as f32 * CELLS_PER_ITEM + 1_024.0;
        let cell = CELL.max((area / most_cells).sqrt());
        let columns = (bounds.width / cell).floor() as usize + 1;
        let rows = (bounds.height / cell).floor() as usize + 1;
        let mut grid = RectGrid {
            rects,
            origin: [bounds.x, bounds.y],
            cell,
            columns,
            rows,
            starts: vec![0; columns * rows + 1],
            items: Vec::new(),
        };
        for at in 0..grid.rects.len() {
            let (c0, r0, c1, r1) = grid.cells_of(&grid.rects[at]);
            for r in r0..=r1 {
                for c in c0..=c1 {
                    grid.starts[r * columns + c + 1] += 1;
                }
            }
        }
        for c in 1..grid.starts.len() {
            grid.starts[c] += grid.starts[c - 1];
        }
        let mut fill = grid.starts.clone();
        grid.items = vec![0; grid.starts[grid.starts.len() - 1] as usize];
        for at in 0..grid.rects.len() {
            let (c0, r0, c1, r1) = grid.cells_of(&grid.rects[at]);
            for r in r0..=r1 {
                for c in c0..=c1 {
                    let slot = &mut fill[r * columns + c];
                    grid.items[*slot as usize] = at as u32;
                    *slot += 1;
                }
            }
        }
        grid
    }

    /// The cell range `(first column, first row, last column, last row)` that `rect`
    /// touches, clamped to the grid.
    fn cells_of(&self, rect: &RectInChart) -> (usize, usize, usize, usize) {
        let column =
            |x: f32| (((x - self.origin[0]) / self.cell).max(0.0) as usize).min(self.columns - 1);
        let row =
            |y: f32| (((y - self.origin[1]) / self.cell).max(0.0) as usize).min(self.rows - 1);
        (
            column(rect.x),
            row(rect.y),
            column(rect.right()),
            row(rect.bottom()),
        )
    }

    /// Calls `visit` with the index of every rectangle that overlaps `area` or touches
    /// it (each once; `seen` is scratch space the grid reuses between queries).
    pub fn for_each_near(&self, area: &RectInChart, seen: &mut Seen, mut visit: impl FnMut(usize)) {
        if self.rects.is_empty() {
            return;
        }
        seen.next_query(self.rects.len());
        let (c0, r0, c1, r1) = self.cells_of(area);
        for r in r0..=r1 {
            for c in c0..=c1 {
                let cell = r * self.columns + c;
                for &at in &self.items[self.starts[cell] as usize..self.starts[cell + 1] as usize] {
                    let at = at as usize;
                    if seen.first_time(at) && touches(&self.rects[at], area) {
                        visit(at);
                    }
                }
            }
        }
    }

    /// True when some rectangle that `keep` accepts overlaps `area` (shares inside area
    /// with it, or, for a rectangle of no width or height, crosses its inside).
    pub fn any_overlap(
        &self,
        area: &RectInChart,
        seen: &mut Seen,
        keep: impl Fn(usize) -> bool,
    ) -> bool {
        let mut found = false;
        self.for_each_near(area, seen, |at| {
            if !found && keep(at) && overlaps(&self.rects[at], area) {
                found = true;
            }
        });
        found
    }
}

/// Cell size of [`Placed`], in chart units.
const PLACED_CELL: f32 = 128.0;

/// Boxes placed one at a time (routes, stubs, labels), in a hashed grid.
#[derive(Clone, Debug, Default)]
pub(super) struct Placed {
    cells: rustc_hash::FxHashMap<(i32, i32), Vec<u32>>,
    /// The boxes, in the order placed.
    pub rects: Vec<RectInChart>,
}

impl Placed {
    fn cells_of(rect: &RectInChart) -> (i32, i32, i32, i32) {
        let cell = |v: f32| (v / PLACED_CELL).floor() as i32;
        (
            cell(rect.x),
            cell(rect.y),
            cell(rect.right()),
            cell(rect.bottom()),
        )
    }

    /// Adds `rect`.
    pub fn insert(&mut self, rect: RectInChart) {
        let at = self.rects.len() as u32;
        self.rects.push(rect);
        let (c0, r0, c1, r1) = Placed::cells_of(&rect);
        for r in r0..=r1 {
            for c in c0..=c1 {
                self.cells.entry((c, r)).or_default().push(at);
            }
        }
    }

    /// Calls `visit` with every box that overlaps or touches `area`, each once.
    pub fn for_each_near(
        &self,
        area: &RectInChart,
        seen: &mut Seen,
        mut visit: impl FnMut(&RectInChart),
    ) {
        if self.rects.is_empty() {
            return;
        }
        seen.next_query(self.rects.len());
        let (c0, r0, c1, r1) = Placed::cells_of(area);
        for r in r0..=r1 {
            for c in c0..=c1 {
                for &at in self.cells.get(&(c, r)).map_or(&[][..], Vec::as_slice) {
                    let rect = &self.rects[at as usize];
                    if seen.first_time(at as usize) && touches(rect, area) {
                        visit(rect);
                    }
                }
            }
        }
    }

    /// True when some box overlaps `area`.
    pub fn any_overlap(&self, area: &RectInChart, seen: &mut Seen) -> bool {
        let mut found = false;
        self.for_each_near(area, seen, |rect| found = found || overlaps(rect, area));
        found
    }
}

/// True when `a` and `b` overlap or touch.
pub(super) fn touches(a: &RectInChart, b: &RectInChart) -> bool {
    a.x <= b.right() && b.x <= a.right() && a.y <= b.bottom() && b.y <= a.bottom()
}

/// True when `a` and `b` share inside points; a box of no width (a vertical line) shares
/// them when it runs through `b`'s inside, not along its edge.
pub(super) fn overlaps(a: &RectInChart, b: &RectInChart) -> bool {
    a.x < b.right() && b.x < a.right() && a.y < b.bottom() && b.y < a.bottom()
}

/// Which items a query has met already: a stamp per item, so clearing is free.
#[derive(Clone, Debug, Default)]
pub(super) struct Seen {
    stamps: Vec<u32>,
    query: u32,
}

impl Seen {
    fn next_query(&mut self, items: usize) {
        if self.stamps.len() < items {
            self.stamps.resize(items, 0);
        }
        self.query = self.query.wrapping_add(1);
        if self.query == 0 {
            self.stamps.fill(0);
            self.query = 1;
        }
    }

    fn first_time(&mut self, at: usize) -> bool {
        let fresh = self.stamps[at] != self.query;
        self.stamps[at] = self.query;
        fresh
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x: f32, y: f32, width: f32, height: f32) -> RectInChart {
        RectInChart {
            x,
            y,
            width,
            height,
        }
    }

    #[test]
    fn finds_each_nearby_rect_once() {
        let rects: Vec<RectInChart> = (0..400)
            .map(|i| {
                rect(
                    (i % 20) as f32 * 200.0,
                    (i / 20) as f32 * 100.0,
                    150.0,
                    60.0,
                )
            })
            .collect();
        let grid = RectGrid::new(rects.clone());
        let mut seen = Seen::default();
        let area = rect(420.0, 230.0, 500.0, 300.0);
        let mut found = Vec::new();
        grid.for_each_near(&area, &mut seen, |at| found.push(at));
        found.sort_unstable();
        let wanted: Vec<usize> = (0..rects.len())
            .filter(|&at| touches(&rects[at], &area))
            .collect();
        assert_eq!(found, wanted);
        assert!(grid.any_overlap(&area, &mut seen, |_| true));
        assert!(!grid.any_overlap(&rect(160.0, 0.0, 30.0, 500.0), &mut seen, |_| true));
    }

    #[test]
    fn a_line_box_overlaps_only_what_it_crosses() {
        let card = rect(0.0, 0.0, 100.0, 50.0);
        assert!(overlaps(&rect(50.0, -10.0, 0.0, 20.0), &card));
        assert!(
            !overlaps(&rect(0.0, -10.0, 0.0, 80.0), &card),
            "along the edge"
        );
        assert!(
            !overlaps(&rect(-20.0, 50.0, 40.0, 0.0), &card),
            "along the bottom"
        );
    }
}
