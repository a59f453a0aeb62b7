//! The parts of a chart that routing looks at: around each stub and each route. On a
//! big chart these are a small share of it, so only the cards and tree lines there go
//! into the routing's grids (at 100,000 posts, a few thousand instead of all).
//!
//! A coarse bitmap of the chart marks the cells the regions touch; each row keeps a
//! running count, so "does this box touch a marked cell" costs one lookup per row.

use crate::layout::RectInChart;

/// Cell size, in chart units.
const CELL: f32 = 256.0;
/// The bitmap never has more cells than this (the cells grow on huge charts).
const MOST_CELLS: f32 = 4_000_000.0;

/// Where routing looks.
pub(super) struct Interest {
    origin: [f32; 2],
    cell: f32,
    columns: usize,
    rows: usize,
    /// Row by row, `columns + 1` running counts of the marked cells along the row.
    along_rows: Vec<u32>,
    /// `rows + 1` rows of `columns` counts: how many cells of each column are marked
    /// above the row.
    down_columns: Vec<u32>,
    /// `columns + 1` running counts of the columns with a marked cell: most boxes are
    /// turned away by this one lookup.
    any_in_columns: Vec<u32>,
}

impl Interest {
    /// The cells of `bounds` (the whole chart) that `regions` touch.
    pub fn new(bounds: &RectInChart, regions: &[RectInChart]) -> Interest {
        let area = bounds.width.max(1.0) * bounds.height.max(1.0);
        let cell = CELL.max((area / MOST_CELLS).sqrt());
        let columns = (bounds.width / cell).floor() as usize + 1;
        let rows = (bounds.height / cell).floor() as usize + 1;
        let mut interest = Interest {
            origin: [bounds.x, bounds.y],
            cell,
            columns,
            rows,
            along_rows: vec![0; rows * (columns + 1)],
            down_columns: vec![0; (rows + 1) * columns],
            any_in_columns: vec![0; columns + 1],
        };
        let stride = columns + 1;
        for region in regions {
            let Some((c0, r0, c1, r1)) = interest.cells_of(region) else {
                continue;
            };
            for r in r0..=r1 {
                interest.along_rows[r * stride + c0 + 1..=r * stride + c1 + 1].fill(1);
            }
        }
        for r in 0..rows {
            let (above, below) = interest.down_columns.split_at_mut((r + 1) * columns);
            let marks = &interest.along_rows[r * stride + 1..(r + 1) * stride];
            for ((next, &before), &mark) in below[..columns]
                .iter_mut()
                .zip(&above[r * columns..])
                .zip(marks)
            {
                *next = before + mark;
            }
            let row = &mut interest.along_rows[r * stride..(r + 1) * stride];
            for c in 1..stride {
                row[c] += row[c - 1];
            }
        }
        let totals = &interest.down_columns[rows * columns..];
        for (c, &total) in totals.iter().enumerate().take(columns) {
            interest.any_in_columns[c + 1] = interest.any_in_columns[c] + u32::from(total > 0);
        }
        interest
    }

    /// The cell range `rect` touches, clamped to the chart; `None` when it misses it.
    fn cells_of(&self, rect: &RectInChart) -> Option<(usize, usize, usize, usize)> {
        let to_cell = |v: f32, origin: f32| floor((v - origin) / self.cell);
        let (c0, c1) = (
            to_cell(rect.x, self.origin[0]),
            to_cell(rect.right(), self.origin[0]),
        );
        let (r0, r1) = (
            to_cell(rect.y, self.origin[1]),
            to_cell(rect.bottom(), self.origin[1]),
        );
        let (columns, rows) = (self.columns as f32, self.rows as f32);
        if c1 < 0.0 || r1 < 0.0 || c0 >= columns || r0 >= rows {
            return None;
        }
        let clamp = |v: f32, count: f32| v.clamp(0.0, count - 1.0) as usize;
        Some((
            clamp(c0, columns),
            clamp(r0, rows),
            clamp(c1, columns),
            clamp(r1, rows),
        ))
    }

    /// True when `rect` touches a marked cell. Most boxes far from every region are
    /// turned away by the columns alone, before any row is looked at.
    pub fn touches(&self, rect: &RectInChart) -> bool {
        let last = self.columns as f32 - 1.0;
        let column = |x: f32| ((x - self.origin[0]) / self.cell).clamp(0.0, last) as usize;
        if self.any_in_columns[column(rect.right()) + 1] == self.any_in_columns[column(rect.x)] {
            return false;
        }
        let Some((c0, r0, c1, r1)) = self.cells_of(rect) else {
            return false;
        };
        let stride = self.columns + 1;
        (r0..=r1).any(|r| self.along_rows[r * stride + c1 + 1] > self.along_rows[r * stride + c0])
    }

    /// The parts of the line box `line` (no width or no height) over marked cells: a
    /// long bus bar crosses a wide chart, and routing needs only the bits near its
    /// stubs and routes.
    pub fn clip_line(&self, line: RectInChart, out: &mut Vec<RectInChart>) {
        let Some((c0, r0, c1, r1)) = self.cells_of(&line) else {
            return;
        };
        let along_x = line.height == 0.0;
        let (stride, columns) = (self.columns + 1, self.columns);
        // How many cells before cell `i` along the line are marked.
        let before = |i: usize| {
            if along_x {
                self.along_rows[r0 * stride + i]
            } else {
                self.down_columns[i * columns + c0]
            }
        };
        let (first, last) = if along_x { (c0, c1) } else { (r0, r1) };
        let mut at = first;
        while at <= last {
            // The first marked cell from `at` on: where the count first rises.
            let (mut low, mut high) = (at, last + 1);
            while low < high {
                let middle = (low + high) / 2;
                if before(middle + 1) > before(at) {
                    high = middle;
                } else {
                    low = middle + 1;
                }
            }
            if low > last {
                break;
            }
            let mut end = low;
            while end < last && before(end + 2) > before(end + 1) {
                end += 1;
            }
            let (from, to) = (low as f32 * self.cell, (end + 1) as f32 * self.cell);
            out.push(if along_x {
                let x = line.x.max(self.origin[0] + from);
                RectInChart {
                    x,
                    width: line.right().min(self.origin[0] + to) - x,
                    ..line
                }
            } else {
                let y = line.y.max(self.origin[1] + from);
                RectInChart {
                    y,
                    height: line.bottom().min(self.origin[1] + to) - y,
                    ..line
                }
            });
            at = end + 1;
        }
    }
}

/// `v` rounded down, inline (`f32::floor` is a library call on plain x86-64).
fn floor(v: f32) -> f32 {
    let whole = (v as i64) as f32;
    if whole > v {
        whole - 1.0
    } else {
        whole
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
    fn boxes_near_a_region_touch_it_and_far_ones_do_not() {
        let chart = rect(0.0, 0.0, 100_000.0, 3_000.0);
        let interest = Interest::new(&chart, &[rect(5_000.0, 1_000.0, 300.0, 100.0)]);
        assert!(interest.touches(&rect(5_100.0, 1_050.0, 10.0, 10.0)));
        assert!(
            interest.touches(&rect(0.0, 1_000.0, 100_000.0, 1.0)),
            "a long bus bar"
        );
        assert!(!interest.touches(&rect(9_000.0, 1_000.0, 100.0, 100.0)));
        assert!(!interest.touches(&rect(5_000.0, 2_500.0, 100.0, 100.0)));
        assert!(!interest.touches(&rect(-900.0, -900.0, 10.0, 10.0)));
    }

    #[test]
    fn a_long_line_is_clipped_to_the_marked_cells() {
        let chart = rect(0.0, 0.0, 100_000.0, 3_000.0);
        let regions = [
            rect(5_000.0, 1_000.0, 300.0, 100.0),
            rect(60_000.0, 1_000.0, 100.0, 100.0),
        ];
        let interest = Interest::new(&chart, &regions);
        let mut parts = Vec::new();
        interest.clip_line(rect(0.0, 1_050.0, 100_000.0, 0.0), &mut parts);
        assert_eq!(parts.len(), 2, "{parts:?}");
        for (part, region) in parts.iter().zip(&regions) {
            assert!(
                part.x <= region.x && part.right() >= region.right(),
                "{part:?}"
            );
            assert!(part.width < 1_000.0, "{part:?}");
        }
        parts.clear();
        interest.clip_line(rect(0.0, 2_900.0, 100_000.0, 0.0), &mut parts);
        assert!(parts.is_empty());
        interest.clip_line(rect(59_000.0, 1_050.0, 1_050.0, 0.0), &mut parts);
        assert_eq!(parts.len(), 1);
        assert!(
            parts[0].right() == 60_050.0 && parts[0].x > 59_000.0,
            "{parts:?}"
        );
        parts.clear();
        interest.clip_line(rect(5_100.0, 0.0, 0.0, 3_000.0), &mut parts);
        assert_eq!(parts.len(), 1);
        assert!(parts[0].y <= 1_000.0 && parts[0].bottom() >= 1_100.0 && parts[0].height < 600.0);
    }
}
