//! The window bands' pixels: each window a stripe of event time in its stage's
//! look, overlapping windows in narrow columns, session windows one column per
//! key shown (the rule is said under the picture), a merge of two sessions a
//! dark bar across the joined band. Stages differ by pattern as well as
//! colour: a window still accepting late events (Flink's allowed lateness) is
//! hatched. Rows are copied whole (see [`super::layout::paint_rows`]): no
//! per-pixel loop in the page's size-optimised wasm.

use bslab_engine::event_time::{Band, EventTimePicture, WindowStage};

use super::layout::{fill, lanes, paint_rows, Frame, LEFT};

const OPEN: [u8; 4] = [255, 244, 204, 255];
const FIRED: [u8; 4] = [214, 240, 214, 255];
/// Fired and still accepting late events: light blue, hatched with [`HATCH`].
const ACCEPTING: [u8; 4] = [210, 228, 246, 255];
/// The hatching's lines.
pub const HATCH: [u8; 4] = [90, 130, 190, 255];
const CLOSED: [u8; 4] = [228, 228, 228, 255];
/// A thin line between two windows.
const EDGE: [u8; 4] = [170, 170, 170, 255];
/// The bar where a late event joined two sessions.
pub const MERGE: [u8; 4] = [40, 40, 40, 255];
/// Widest column of an overlapping window, in pixels.
pub const MAX_LANE_PX: usize = 14;
/// Widest column of a key's sessions, in pixels: room for a stage's word.
pub const SESSION_LANE_PX: usize = 84;
/// Distance between two hatching lines, in pixels.
const HATCH_EVERY: usize = 8;

/// Pixel colour of a window stage's band (its ground, under any pattern).
pub fn stage_colour(stage: WindowStage) -> [u8; 4] {
    match stage {
        WindowStage::Open => OPEN,
        WindowStage::Fired => FIRED,
        WindowStage::Accepting => ACCEPTING,
        WindowStage::Closed => CLOSED,
    }
}

/// Pixel columns `[x0, x1)` of band `i` of `p` on a canvas `w` pixels wide.
pub fn band_columns(p: &EventTimePicture, w: usize, i: usize) -> (usize, usize) {
    let left = LEFT as usize;
    let b = &p.bands[i];
    if let Some(lane) = b
        .key
        .and_then(|k| p.session_keys.iter().position(|&s| s == k))
    {
        let px = session_lane_px(p, w);
        let x0 = left + lane * px;
        return (x0, x0 + px - 2);
    }
    let lanes = lanes(&p.bands);
    if lanes == 1 {
        return (left, w);
    }
    // Overlapping windows (sliding, cumulative): one narrow column each, side by
    // side from the left edge, so every window stays visible.
    let px = (w.saturating_sub(left) / 4 / lanes).clamp(3, MAX_LANE_PX);
    let x0 = left + (i % lanes) * px;
    (x0, x0 + px - 1)
}

/// Width of one key's column of sessions: together at most half the plot.
pub fn session_lane_px(p: &EventTimePicture, w: usize) -> usize {
    let keys = p.session_keys.len().max(1);
    (w.saturating_sub(LEFT as usize) / 2 / keys).clamp(8, SESSION_LANE_PX)
}

/// Paints every band of `p` into `rgba` (`f.width` pixels a row).
pub fn paint(p: &EventTimePicture, f: &Frame, rgba: &mut [u8]) {
    let w = f.width as usize;
    for (i, b) in p.bands.iter().enumerate() {
        let (top, bottom) = (f.y(b.end_ms) as usize, f.y(b.start_ms) as usize);
        let (x0, x1) = band_columns(p, w, i);
        if b.stage == WindowStage::Accepting {
            hatch(rgba, w, (x0, top), (x1, bottom));
        } else {
            fill(rgba, w, (x0, top), (x1, bottom), stage_colour(b.stage));
        }
        // A line at each window's end: across the plot, or a session's column.
        let edge = match b.key {
            Some(_) => (x0, x1),
            None => (LEFT as usize, w),
        };
        fill(rgba, w, (edge.0, top), (edge.1, top + 1), EDGE);
        merge_bar(rgba, f, b, (x0, x1));
    }
}

/// The dark bar across a session where a late event joined two of them.
fn merge_bar(rgba: &mut [u8], f: &Frame, b: &Band, (x0, x1): (usize, usize)) {
    if let Some(at) = b.merged_at_ms {
        let y = f.y(at) as usize;
        fill(
            rgba,
            f.width as usize,
            (x0, y.saturating_sub(2)),
            (x1, y + 3),
            MERGE,
        );
    }
}

/// Fills `[x0, x1) × [y0, y1)` with [`ACCEPTING`] crossed by diagonal
/// [`HATCH`] lines: one prepared row, copied at a shifting offset.
fn hatch(rgba: &mut [u8], w: usize, (x0, y0): (usize, usize), (x1, y1): (usize, usize)) {
    let width = x1.min(w).saturating_sub(x0);
    let pattern: Vec<u8> = (0..width + HATCH_EVERY)
        .flat_map(|x| {
            if x % HATCH_EVERY < 2 {
                HATCH
            } else {
                ACCEPTING
            }
        })
        .collect();
    for y in y0..y1 {
        let shift = (HATCH_EVERY - y % HATCH_EVERY) * 4;
        paint_rows(rgba, w, (x0, y), y + 1, &pattern[shift..shift + width * 4]);
    }
}

#[cfg(test)]
mod tests {
    use super::super::layout::{rasterize, tests::picture_at};
    use super::*;

    const W: usize = 1000;

    fn pixels(p: &EventTimePicture) -> (Frame, Vec<u8>) {
        let f = Frame::new(p, W as u32, 500);
        let mut rgba = Vec::new();
        rasterize(p, &f, &mut rgba);
        (f, rgba)
    }

    fn row_of(rgba: &[u8], y: usize, (x0, x1): (usize, usize)) -> Vec<[u8; 4]> {
        (x0..x1)
            .map(|x| {
                let i = (y * W + x) * 4;
                [rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]]
            })
            .collect()
    }

    #[test]
    fn a_window_accepting_late_events_is_hatched_not_just_coloured() {
        let p = picture_at("late-data-spark-vs-flink", 40);
        let (f, rgba) = pixels(&p);
        let (i, b) = p
            .bands
            .iter()
            .enumerate()
            .find(|(_, b)| {
                b.stage == WindowStage::Accepting && f.y(b.start_ms) - f.y(b.end_ms) > 6.0
            })
            .expect("a window accepting late events, tall enough");
        let y = ((f.y(b.end_ms) + f.y(b.start_ms)) / 2.0) as usize;
        let row = row_of(&rgba, y, band_columns(&p, W, i));
        // Marks may sit on it; the ground shows both the hatching and its colour.
        assert!(row.contains(&HATCH) && row.contains(&ACCEPTING), "hatched");
        let closed = p.bands.iter().position(|b| b.stage == WindowStage::Closed);
        if let Some(j) = closed {
            let c = &p.bands[j];
            let y = ((f.y(c.end_ms) + f.y(c.start_ms)) / 2.0) as usize;
            assert!(
                !row_of(&rgba, y, band_columns(&p, W, j)).contains(&HATCH),
                "a closed one is not"
            );
        }
    }

    #[test]
    fn each_key_shown_has_its_column_of_sessions_and_merges_a_bar() {
        let p = picture_at("sales-sessions", 90);
        assert!(!p.session_keys.is_empty());
        let (f, rgba) = pixels(&p);
        let px = session_lane_px(&p, W);
        for (i, b) in p.bands.iter().enumerate() {
            let lane = p
                .session_keys
                .iter()
                .position(|&k| Some(k) == b.key)
                .expect("shown");
            let (x0, x1) = band_columns(&p, W, i);
            assert_eq!(x0, LEFT as usize + lane * px, "{b:?}");
            let (top, bottom) = (f.y(b.end_ms), f.y(b.start_ms));
            if bottom - top > 8.0 && b.merged_at_ms.is_none() {
                let mid = row_of(&rgba, ((top + bottom) / 2.0) as usize, (x0, x1));
                assert!(
                    mid.contains(&stage_colour(b.stage)) || mid.contains(&HATCH),
                    "{b:?}"
                );
            }
            if let Some(at) = b.merged_at_ms {
                assert!(
                    row_of(&rgba, f.y(at) as usize, (x0, x1)).contains(&MERGE),
                    "{b:?}"
                );
            }
        }
    }
}
