//! Free space among placed cards: a grid of what is placed, and the nearest free place
//! for a block (a pinned tree, a removed node's ghost card).

/// `rect` (`[x0, y0, x1, y1]`) moved by `(db, dd)`.
pub(super) fn shifted(rect: [f64; 4], (db, dd): (f64, f64)) -> [f64; 4] {
    [rect[0] + db, rect[1] + dd, rect[2] + db, rect[3] + dd]
}

/// The cards placed so far, in a grid, to find a free place for a pinned tree.
pub(super) struct FreeSpace {
    /// What was placed all at once, when it was given that way.
    bulk: Option<Grid>,
    /// What was placed one by one.
    cells: rustc_hash::FxHashMap<(i64, i64), Vec<[f64; 4]>>,
    /// The lowest edge of anything placed.
    bottom: f64,
    /// Space kept between a pinned tree and other cards.
    gap: f64,
}

/// Grid cell size, in chart units.
const CELL: f64 = 256.0;
/// How far apart the places tried around a pin are, in chart units.
const STEP: f64 = 16.0;
/// How many rings of places are tried around a pin before the tree goes below the chart.
const RINGS: i64 = 40;
/// How many places along a row are tried for a ghost card when the rings are full.
const ALONG_TRIES: u32 = 4_000;

impl FreeSpace {
    pub(super) fn new(gap: f64) -> FreeSpace {
        FreeSpace {
            bulk: None,
            cells: rustc_hash::FxHashMap::default(),
            bottom: 0.0,
            gap,
        }
    }

    /// Free space with everything in `placed` placed at once: in one dense grid when the
    /// rectangles are not spread over far more cells than there are rectangles (a whole
    /// chart's cards are not), which takes two passes and three allocations where
    /// placing them one by one took a hashed cell and a list each.
    pub(super) fn with_all(gap: f64, placed: &[[f64; 4]]) -> FreeSpace {
        let mut free = FreeSpace::new(gap);
        match Grid::of(placed) {
            Some(grid) => {
                free.bottom = placed.iter().map(|rect| rect[3]).fold(0.0, f64::max);
                free.bulk = Some(grid);
            }
            None => placed.iter().for_each(|&rect| free.insert(rect)),
        }
        free
    }

    fn cell_range(rect: [f64; 4]) -> (i64, i64, i64, i64) {
        (
            (rect[0] / CELL).floor() as i64,
            (rect[1] / CELL).floor() as i64,
            (rect[2] / CELL).floor() as i64,
            (rect[3] / CELL).floor() as i64,
        )
    }

    pub(super) fn insert(&mut self, rect: [f64; 4]) {
        self.bottom = self.bottom.max(rect[3]);
        let (x0, y0, x1, y1) = FreeSpace::cell_range(rect);
        for x in x0..=x1 {
            for y in y0..=y1 {
                self.cells.entry((x, y)).or_default().push(rect);
            }
        }
    }

    /// True when `rect`, kept `gap` away, touches nothing placed.
    fn is_free(&self, rect: [f64; 4]) -> bool {
        let wide = [
            rect[0] - self.gap,
            rect[1] - self.gap,
            rect[2] + self.gap,
            rect[3] + self.gap,
        ];
        let apart =
            |p: &[f64; 4]| p[0] >= wide[2] || wide[0] >= p[2] || p[1] >= wide[3] || wide[1] >= p[3];
        let (x0, y0, x1, y1) = FreeSpace::cell_range(wide);
        (x0..=x1).all(|x| {
            (y0..=y1).all(|y| {
                self.cells
                    .get(&(x, y))
                    .is_none_or(|placed| placed.iter().all(apart))
                    && self
                        .bulk
                        .as_ref()
                        .is_none_or(|grid| grid.cell(x, y).iter().all(apart))
            })
        })
    }

    /// The shift nearest `wanted` that puts `block` on free space: `wanted` itself if it
    /// is free, else the nearest free place on rings of places around it, else below
    /// everything placed.
    pub(super) fn nearest(&self, block: [f64; 4], wanted: (f64, f64)) -> (f64, f64) {
        self.nearest_in_rings(block, wanted, |_| true)
            .unwrap_or_else(|| self.below_everything(block, wanted))
    }

    /// Like [`FreeSpace::nearest`], but never above `wanted`'s row (`across_x`; its
    /// column otherwise), and when the rings around `wanted` are full, the first free
    /// place along that row before going below everything: a ghost card stays below its
    /// manager, beside its team.
    pub(super) fn nearest_along(
        &self,
        block: [f64; 4],
        wanted: (f64, f64),
        across_x: bool,
    ) -> (f64, f64) {
        let not_above = |shift: (f64, f64)| {
            if across_x {
                shift.1 >= wanted.1
            } else {
                shift.0 >= wanted.0
            }
        };
        if let Some(shift) = self.nearest_in_rings(block, wanted, not_above) {
            return shift;
        }
        let stride = if across_x {
            block[2] - block[0]
        } else {
            block[3] - block[1]
        } + self.gap;
        for step in 1..=ALONG_TRIES {
            let along = stride.max(STEP) * f64::from(step);
            let shift = if across_x {
                (wanted.0 + along, wanted.1)
            } else {
                (wanted.0, wanted.1 + along)
            };
            if self.is_free(shifted(block, shift)) {
                return shift;
            }
        }
        self.below_everything(block, wanted)
    }

    fn below_everything(&self, block: [f64; 4], wanted: (f64, f64)) -> (f64, f64) {
        (wanted.0, self.bottom + 2.0 * self.gap - block[1] + STEP)
    }

    /// The nearest free place on rings around `wanted` that `allowed` accepts.
    fn nearest_in_rings(
        &self,
        block: [f64; 4],
        wanted: (f64, f64),
        allowed: impl Fn((f64, f64)) -> bool,
    ) -> Option<(f64, f64)> {
        if self.is_free(shifted(block, wanted)) {
            return Some(wanted);
        }
        for ring in 1..=RINGS {
            let mut best: Option<((f64, f64), f64)> = None;
            for i in -ring..=ring {
                for j in -ring..=ring {
                    if i.abs() != ring && j.abs() != ring {
                        continue;
                    }
                    let shift = (wanted.0 + i as f64 * STEP, wanted.1 + j as f64 * STEP);
                    let distance = ((i * i + j * j) as f64).sqrt();
                    if best.is_some_and(|(_, d)| d <= distance) || !allowed(shift) {
                        continue;
                    }
                    if self.is_free(shifted(block, shift)) {
                        best = Some((shift, distance));
                    }
                }
            }
            if let Some((shift, _)) = best {
                return Some(shift);
            }
        }
        None
    }
}

/// Rectangles in a dense grid of cells: each cell's rectangles side by side in one list.
struct Grid {
    /// The cell at the grid's top-left corner.
    first: (i64, i64),
    columns: i64,
    rows: i64,
    /// Cell `c`'s rectangles are `rects[starts[c]..starts[c + 1]]`.
    starts: Vec<u32>,
    rects: Vec<[f64; 4]>,
}

impl Grid {
    /// The grid of `placed`; `None` if it would be mostly empty cells or too big.
    fn of(placed: &[[f64; 4]]) -> Option<Grid> {
        let ranges: Vec<(i64, i64, i64, i64)> = placed
            .iter()
            .map(|&rect| FreeSpace::cell_range(rect))
            .collect();
        let x0 = ranges.iter().map(|r| r.0).min()?;
        let y0 = ranges.iter().map(|r| r.1).min()?;
        let x1 = ranges.iter().map(|r| r.2).max()?;
        let y1 = ranges.iter().map(|r| r.3).max()?;
        let (columns, rows) = (x1 - x0 + 1, y1 - y0 + 1);
        let cells = usize::try_from(columns.checked_mul(rows)?).ok()?;
        if cells > 8 * placed.len() + 4096 {
            return None;
        }
        let index = |x: i64, y: i64| ((y - y0) * columns + (x - x0)) as usize;
        let each_cell = |range: (i64, i64, i64, i64)| {
            (range.0..=range.2).flat_map(move |x| (range.1..=range.3).map(move |y| (x, y)))
        };
        let mut starts = vec![0u32; cells + 1];
        for &range in &ranges {
            for (x, y) in each_cell(range) {
                starts[index(x, y) + 1] += 1;
            }
        }
        for at in 1..starts.len() {
            starts[at] += starts[at - 1];
        }
        let mut next = starts.clone();
        let mut rects = vec![[0.0; 4]; starts[cells] as usize];
        for (&range, &rect) in ranges.iter().zip(placed) {
            for (x, y) in each_cell(range) {
                let slot = &mut next[index(x, y)];
                rects[*slot as usize] = rect;
                *slot += 1;
            }
        }
        Some(Grid {
            first: (x0, y0),
            columns,
            rows,
            starts,
            rects,
        })
    }

    /// The rectangles in cell `(x, y)`; none outside the grid.
    fn cell(&self, x: i64, y: i64) -> &[[f64; 4]] {
        let (dx, dy) = (x - self.first.0, y - self.first.1);
        if dx < 0 || dy < 0 || dx >= self.columns || dy >= self.rows {
            return &[];
        }
        let at = (dy * self.columns + dx) as usize;
        &self.rects[self.starts[at] as usize..self.starts[at + 1] as usize]
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn rect() -> impl Strategy<Value = [f64; 4]> {
        (
            -3_000.0f64..3_000.0,
            -3_000.0f64..3_000.0,
            1.0f64..600.0,
            1.0f64..300.0,
        )
            .prop_map(|(x, y, w, h)| [x, y, x + w, y + h])
    }

    proptest! {
        /// Placed at once or one by one, the same places are free and the same place
        /// is found for a block.
        #[test]
        fn placing_at_once_is_placing_one_by_one(
            placed in prop::collection::vec(rect(), 0..60),
            later in prop::collection::vec(rect(), 0..5),
            queries in prop::collection::vec(rect(), 1..20),
        ) {
            let mut at_once = FreeSpace::with_all(8.0, &placed);
            let mut one_by_one = FreeSpace::new(8.0);
            for &rect in &placed {
                one_by_one.insert(rect);
            }
            for &rect in &later {
                at_once.insert(rect);
                one_by_one.insert(rect);
            }
            prop_assert_eq!(at_once.bottom, one_by_one.bottom);
            for &query in &queries {
                prop_assert_eq!(at_once.is_free(query), one_by_one.is_free(query));
                let block = [0.0, 0.0, query[2] - query[0], query[3] - query[1]];
                let wanted = (query[0], query[1]);
                prop_assert_eq!(
                    at_once.nearest_along(block, wanted, true),
                    one_by_one.nearest_along(block, wanted, true)
                );
            }
        }
    }

    #[test]
    fn rectangles_spread_far_apart_are_placed_one_by_one() {
        let free = FreeSpace::with_all(
            8.0,
            &[[0.0, 0.0, 10.0, 10.0], [1e9, 1e9, 1e9 + 10.0, 1e9 + 10.0]],
        );
        assert!(free.bulk.is_none());
        assert!(!free.is_free([1e9, 1e9, 1e9 + 5.0, 1e9 + 5.0]));
        let dense = FreeSpace::with_all(8.0, &[[0.0, 0.0, 10.0, 10.0], [300.0, 0.0, 310.0, 10.0]]);
        assert!(dense.bulk.is_some());
        assert!(!dense.is_free([300.0, 0.0, 305.0, 5.0]));
        assert!(dense.is_free([100.0, 100.0, 105.0, 105.0]));
    }
}
