//! Centring and spreading routed lines: each run of a route moves, across its length,
//! to the middle of the widest free stretch of its gap, away from the cards on either
//! side, from the solid lines running the same way and from the routed runs placed
//! before it. So a lone line runs down the middle of its gap, beside a bus bar rather than
//! on it, and parallel lines in one gap sit apart. Runs that end on a card slide along
//! its edge, clear of its rounded corners.

use super::grid::{Placed, Seen};
use super::router::{simplify, CLEARANCE};
use super::{line_box, Env, Job};
use crate::layout::RectInChart;

/// How far a run may move from where the router put it, in chart units.
const REACH: f32 = 40.0;
/// How far from a card's corner a line may meet its edge.
const CORNER_ROOM: f32 = 10.0;

/// Centres and spreads the runs of every job's path (horizontal runs first, then
/// vertical ones). A path that would cross a card after moving keeps its routed shape.
pub(super) fn nudge(jobs: &mut [Job], env: &mut Env) {
    let before: Vec<Option<Vec<[f32; 2]>>> = jobs.iter().map(|job| job.path.clone()).collect();
    for across in [1usize, 0] {
        let mut tracks = Placed::default();
        for job in jobs.iter_mut() {
            let Some(path) = job.path.as_mut() else {
                continue;
            };
            for at in 0..path.len().saturating_sub(1) {
                let (a, b) = (path[at], path[at + 1]);
                if a[across] != b[across] || a[1 - across] == b[1 - across] {
                    continue;
                }
                let ends = (at == 0, at + 2 == path.len());
                let run = Run { a, b, across, ends };
                if let Some(to) = place(env, &tracks, &run, &job.from_rect, &job.to_rect) {
                    path[at][across] = to;
                    path[at + 1][across] = to;
                }
                tracks.insert(line_box(path[at], path[at + 1]));
            }
        }
    }
    for (job, old) in jobs.iter_mut().zip(before) {
        let Some(path) = job.path.take() else {
            continue;
        };
        let path = simplify(path);
        let crosses = path.windows(2).any(|p| env.crosses_a_card(p[0], p[1]));
        job.path = if crosses { old } else { Some(path) };
    }
}

/// One straight run of a path: from `a` to `b`, constant in coordinate `across`;
/// `ends` says whether it starts on the manager's card and ends on the subordinate's.
struct Run {
    a: [f32; 2],
    b: [f32; 2],
    across: usize,
    ends: (bool, bool),
}

/// Where `run` goes across its length, or `None` to leave it.
fn place(
    env: &mut Env,
    tracks: &Placed,
    run: &Run,
    from: &RectInChart,
    to: &RectInChart,
) -> Option<f32> {
    let (k, along) = (run.across, 1 - run.across);
    let at = run.a[k];
    let (s0, s1) = (
        run.a[along].min(run.b[along]),
        run.a[along].max(run.b[along]),
    );
    let (lo, hi) = gap(env, run, at, (s0, s1))?;
    let mut allowed = (lo + CLEARANCE, hi - CLEARANCE);
    for (ends_here, card) in [(run.ends.0, from), (run.ends.1, to)] {
        if ends_here {
            let (c0, c1) = span(card, k);
            allowed = (
                allowed.0.max(c0 + CORNER_ROOM),
                allowed.1.min(c1 - CORNER_ROOM),
            );
        }
    }
    if allowed.0 > allowed.1 {
        return None;
    }
    let area = span_rect(k, (lo, hi), (s0, s1));
    let mut stops = vec![lo, hi];
    let parallel = |line: &RectInChart| {
        let (l0, l1) = span(line, along);
        let (c0, c1) = span(line, k);
        c0 == c1 && c0 > lo && c0 < hi && l0 < s1 - 0.5 && l1 > s0 + 0.5
    };
    let solid = &env.solid;
    solid.for_each_near(&area, &mut env.seen, |line| {
        if parallel(&solid.rects[line]) {
            stops.push(span(&solid.rects[line], k).0);
        }
    });
    let mut seen = Seen::default();
    tracks.for_each_near(&area, &mut seen, |line| {
        if parallel(line) {
            stops.push(span(line, k).0);
        }
    });
    stops.sort_unstable_by(f32::total_cmp);
    let mut best: Option<(f32, f32)> = None;
    for pair in stops.windows(2) {
        let spot = ((pair[0] + pair[1]) / 2.0).clamp(allowed.0, allowed.1);
        let room = (spot - pair[0]).min(pair[1] - spot);
        let better = best.is_none_or(|(r, s)| {
            room > r + 0.01 || (room > r - 0.01 && (spot - at).abs() < (s - at).abs())
        });
        if better {
            best = Some((room, spot));
        }
    }
    best.map(|(_, spot)| spot)
}

/// The free stretch across `run` (at `at`, spanning `s0..s1` along): from the nearest
/// card on one side to the nearest on the other, no further than [`REACH`]. `None` when a
/// card straddles the run (it should not).
fn gap(env: &mut Env, run: &Run, at: f32, (s0, s1): (f32, f32)) -> Option<(f32, f32)> {
    let (k, along) = (run.across, 1 - run.across);
    let (mut lo, mut hi) = (at - REACH, at + REACH);
    let area = span_rect(k, (lo, hi), (s0, s1));
    let mut straddled = false;
    let cards = &env.cards;
    cards.for_each_near(&area, &mut env.seen, |card| {
        let rect = &cards.rects[card];
        let (l0, l1) = span(rect, along);
        if l0 >= s1 || l1 <= s0 {
            return;
        }
        let (c0, c1) = span(rect, k);
        if c1 <= at + 0.01 {
            lo = lo.max(c1);
        } else if c0 >= at - 0.01 {
            hi = hi.min(c0);
        } else {
            straddled = true;
        }
    });
    (!straddled).then_some((lo, hi))
}

/// The extent of `rect` in coordinate `k` (0: x, 1: y).
fn span(rect: &RectInChart, k: usize) -> (f32, f32) {
    if k == 0 {
        (rect.x, rect.right())
    } else {
        (rect.y, rect.bottom())
    }
}

/// The rectangle spanning `across` in coordinate `k` and `along` in the other.
fn span_rect(k: usize, across: (f32, f32), along: (f32, f32)) -> RectInChart {
    let (x, y) = if k == 0 {
        (across, along)
    } else {
        (along, across)
    };
    RectInChart {
        x: x.0,
        y: y.0,
        width: x.1 - x.0,
        height: y.1 - y.0,
    }
}
