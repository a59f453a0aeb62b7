//! Free space among placed cards: a grid of what is placed, and the nearest free place
//! for a block (a pinned tree, a removed node's ghost card).

/// `rect` (`[x0, y0, x1, y1]`) moved by `(db, dd)`.
pub(super) fn shifted(rect: [f64; 4], (db, dd): (f64, f64)) -> [f64; 4] {
    [rect[0] + db, rect[1] + dd, rect[2] + db, rect[3] + dd]
}

/// The cards placed so far, in a grid, to find a free place for a pinned tree.
pub(super) struct FreeSpace {
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
            cells: rustc_hash::FxHashMap::default(),
            bottom: 0.0,
            gap,
        }
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
        let (x0, y0, x1, y1) = FreeSpace::cell_range(wide);
        (x0..=x1).all(|x| {
            (y0..=y1).all(|y| {
                self.cells.get(&(x, y)).is_none_or(|placed| {
                    placed.iter().all(|p| {
                        p[0] >= wide[2] || wide[0] >= p[2] || p[1] >= wide[3] || wide[1] >= p[3]
                    })
                })
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
