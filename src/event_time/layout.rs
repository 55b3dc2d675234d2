//! Where things go on the event-time picture, and its pixels: pure Rust (no
//! browser), so the drawing is tested natively and costs one `putImageData`.
//!
//! x = arrival (processing) time, y = event time, newest at the top, as the
//! *Streaming Systems* figures draw it. Window bands are horizontal stripes of
//! event time; each event a 3×3 square, a late one a 7×7 cross in another
//! colour (shape *and* colour), one a fired window took late a 7×7 plus in a third.

use bslab_engine::event_time::{Band, EventTimePicture};
use bslab_engine::TimeMs;

/// Space for the event-time labels, on the left, in pixels.
pub const LEFT: f64 = 96.0;
/// Space for the arrival-time labels and the axis name, at the bottom, in pixels.
pub const BOTTOM: f64 = 48.0;
/// Space above the plot (the event-time axis name), in pixels.
pub const TOP: f64 = 26.0;
/// Space on the right of the cursor: the x axis runs this share past the instant.
const AHEAD: f64 = 0.06;

/// RGBA colours (the legend under the picture uses the same).
pub const EVENT: [u8; 4] = [37, 99, 170, 255];
/// A late event: red-orange, and a cross.
pub const LATE: [u8; 4] = [213, 62, 15, 255];
/// An event a fired window took late (Flink's allowed lateness): amber, and a plus.
pub const LATE_FIRED: [u8; 4] = [200, 120, 0, 255];
const BACKGROUND: [u8; 4] = [255, 255, 255, 255];

/// The picture's axes on a canvas of `width` × `height` pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// Canvas size, in pixels.
    pub width: u32,
    /// See `width`.
    pub height: u32,
    /// Arrival time at the left and right edges, in ms.
    pub x_from: TimeMs,
    /// See `x_from`.
    pub x_to: TimeMs,
    /// Event time at the bottom and top edges, in ms.
    pub y_from: TimeMs,
    /// See `y_from`.
    pub y_to: TimeMs,
}

impl Frame {
    /// Axes for `p`: x from the picture's left edge to a little after the
    /// instant; y over the same stretch of time plus half of it below (late
    /// events are older than their arrival; older still sit on the bottom edge).
    pub fn new(p: &EventTimePicture, width: u32, height: u32) -> Self {
        let c = &p.counts;
        let span = (c.t_ms - c.from_ms).max(1);
        let ahead = ((span as f64) * AHEAD) as TimeMs;
        Self {
            width,
            height,
            x_from: c.from_ms,
            x_to: c.t_ms + ahead,
            y_from: c.from_ms - span / 2,
            y_to: c.t_ms + ahead,
        }
    }

    /// Pixel column of arrival time `t`.
    pub fn x(&self, t: TimeMs) -> f64 {
        let w = f64::from(self.width) - LEFT;
        LEFT + w * (t - self.x_from) as f64 / (self.x_to - self.x_from).max(1) as f64
    }

    /// Pixel row of event time `t`, clamped to the plot.
    pub fn y(&self, t: TimeMs) -> f64 {
        let h = f64::from(self.height) - BOTTOM - TOP;
        let share = (t - self.y_from) as f64 / (self.y_to - self.y_from).max(1) as f64;
        TOP + h * (1.0 - share.clamp(0.0, 1.0))
    }
}

/// Paints the bands and the marks of `p` into `rgba` (`width × height × 4` bytes).
pub fn rasterize(p: &EventTimePicture, f: &Frame, rgba: &mut Vec<u8>) {
    let (w, h) = (f.width as usize, f.height as usize);
    rgba.clear();
    // White and opaque: every byte 255.
    rgba.resize(w * h * 4, BACKGROUND[0]);
    super::bands::paint(p, f, rgba);
    // A mark is three rows of three pixels, each row one copy of `row`.
    let row: Vec<u8> = EVENT.repeat(3);
    for m in p.marks.iter().filter(|m| !m.late && !m.late_fired) {
        let (x, y) = (
            f.x(m.arrival_time_ms) as usize,
            f.y(m.event_time_ms) as usize,
        );
        paint_rows(
            rgba,
            w,
            (x.saturating_sub(1), y.saturating_sub(1)),
            y + 2,
            &row,
        );
    }
    for m in p.marks.iter().filter(|m| m.late_fired) {
        let (x, y) = (
            f.x(m.arrival_time_ms) as usize,
            f.y(m.event_time_ms) as usize,
        );
        let (x0, y0) = (x.saturating_sub(3), y.saturating_sub(3));
        fill(
            rgba,
            w,
            (x0, y.saturating_sub(1)),
            (x + 4, y + 1),
            LATE_FIRED,
        );
        fill(
            rgba,
            w,
            (x.saturating_sub(1), y0),
            (x + 1, y + 4),
            LATE_FIRED,
        );
    }
    // Late events last, on top: never hidden under the others.
    for m in p.marks.iter().filter(|m| m.late) {
        let (x, y) = (f.x(m.arrival_time_ms) as i64, f.y(m.event_time_ms) as i64);
        for d in -3..=3_i64 {
            for (cx, cy) in [
                (x + d, y + d),
                (x + d, y - d),
                (x + d + 1, y + d),
                (x + d + 1, y - d),
            ] {
                if cx >= 0 && cy >= 0 && (cx as usize) < w && (cy as usize) < h {
                    let i = (cy as usize * w + cx as usize) * 4;
                    rgba[i..i + 4].copy_from_slice(&LATE);
                }
            }
        }
    }
}

/// Columns needed to draw `bands` side by side: the most windows holding one
/// instant (1 when windows tile event time). Bands come in (start, end) order.
pub fn lanes(bands: &[Band]) -> usize {
    let mut ends: Vec<TimeMs> = Vec::new();
    let mut most = 1;
    for b in bands {
        ends.retain(|&end| end > b.start_ms);
        ends.push(b.end_ms);
        most = most.max(ends.len());
    }
    most
}

/// Fills the pixels `[x0, x1) × [y0, y1)`, clipped to the canvas.
pub(super) fn fill(
    rgba: &mut [u8],
    w: usize,
    (x0, y0): (usize, usize),
    (x1, y1): (usize, usize),
    c: [u8; 4],
) {
    let row = c.repeat(x1.min(w).saturating_sub(x0));
    paint_rows(rgba, w, (x0, y0), y1, &row);
}

/// Copies the pixels `row` to rows `[y0, y1)` from column `x0`, clipped to the
/// canvas: one `memcpy` per row, not a loop over pixels (the page's wasm is
/// optimised for size, where a per-pixel loop is several times slower; 100,000
/// marks and whole-width bands are painted at every change of the picture).
pub(super) fn paint_rows(
    rgba: &mut [u8],
    w: usize,
    (x0, y0): (usize, usize),
    y1: usize,
    row: &[u8],
) {
    let h = rgba.len() / 4 / w.max(1);
    let len = row.len().min(w.saturating_sub(x0) * 4);
    if len == 0 {
        return;
    }
    for y in y0..y1.min(h) {
        let at = (y * w + x0) * 4;
        rgba[at..at + len].copy_from_slice(&row[..len]);
    }
}

/// The mark nearest to pixel (`px`, `py`), within 12 pixels.
pub fn nearest(p: &EventTimePicture, f: &Frame, px: f64, py: f64) -> Option<usize> {
    p.marks
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let (dx, dy) = (f.x(m.arrival_time_ms) - px, f.y(m.event_time_ms) - py);
            (i, dx * dx + dy * dy)
        })
        .filter(|&(_, d)| d <= 144.0)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

#[cfg(test)]
pub(super) mod tests {
    use super::super::bands::{stage_colour, MAX_LANE_PX};
    use super::*;
    use bslab_engine::event_time::{self, picture_span_ms};
    use bslab_engine::{presets, RecentLimits, Simulation};

    fn picture() -> EventTimePicture {
        picture_of("late-data-watermark")
    }

    fn picture_of(preset: &str) -> EventTimePicture {
        picture_at(preset, 15)
    }

    /// The picture of `preset` after `minutes` (the run lasts 5 more).
    pub(in crate::event_time) fn picture_at(preset: &str, minutes: i64) -> EventTimePicture {
        let mut config = presets::by_name(preset).expect("preset").config;
        config.duration_ms = (minutes + 5) * 60_000;
        let limits = RecentLimits {
            span_ms: picture_span_ms(&config),
            max_events: RecentLimits::APP_MAX_EVENTS,
        };
        let mut sim = Simulation::with_recent(config, limits).expect("valid");
        sim.step_until(minutes * 60_000).expect("forward");
        sim.event_time_picture(event_time::MAX_MARKS)
            .expect("recorded")
    }

    #[test]
    fn every_mark_is_painted_and_late_ones_as_crosses() {
        let p = picture();
        let f = Frame::new(&p, 800, 400);
        let mut rgba = Vec::new();
        rasterize(&p, &f, &mut rgba);
        let at = |x: f64, y: f64| {
            let i = (y as usize * 800 + x as usize) * 4;
            [rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]]
        };
        let late = p
            .marks
            .iter()
            .find(|m| m.late)
            .expect("the preset has late events");
        let (x, y) = (f.x(late.arrival_time_ms), f.y(late.event_time_ms));
        assert_eq!(
            at(x + 3.0, y + 3.0),
            LATE,
            "a late event is a cross (its arm's end)"
        );
        assert!(p.marks.iter().all(|m| {
            let c = at(f.x(m.arrival_time_ms), f.y(m.event_time_ms));
            c == EVENT || c == LATE
        }));
        assert_eq!(nearest(&p, &f, x, y).map(|i| p.marks[i].id), Some(late.id));
        assert_eq!(nearest(&p, &f, 1.0, 1.0), None, "nothing in the corner");
    }

    #[test]
    fn rows_are_clipped_to_the_canvas_never_wrapped() {
        let (w, h) = (5, 3);
        let mut rgba = vec![0_u8; w * h * 4];
        let row = EVENT.repeat(3);
        // From the last column: one pixel, not two more at the start of the next row.
        paint_rows(&mut rgba, w, (w - 1, 0), 2, &row);
        let px = |x: usize, y: usize| rgba[(y * w + x) * 4..(y * w + x) * 4 + 4].to_vec();
        assert_eq!(px(w - 1, 0), EVENT);
        assert_eq!(px(w - 1, 1), EVENT);
        assert_eq!(px(0, 1), [0; 4], "nothing wrapped onto the next row");
        assert_eq!(px(0, 2), [0; 4]);
        // Past the right or bottom edge: nothing painted, no panic.
        paint_rows(&mut rgba, w, (w + 3, 2), 3, &row);
        paint_rows(&mut rgba, w, (0, h), h + 3, &row);
        assert_eq!(rgba.iter().filter(|&&b| b != 0).count(), 2 * 4);
    }

    #[test]
    fn overlapping_windows_get_one_column_each() {
        assert_eq!(
            lanes(&picture().bands),
            1,
            "tumbling windows tile event time"
        );
        let sliding = picture_of("sliding-moving-average");
        assert_eq!(lanes(&sliding.bands), 10, "10-minute windows every minute");
        let f = Frame::new(&sliding, 800, 400);
        let mut rgba = Vec::new();
        rasterize(&sliding, &f, &mut rgba);
        // Every band is visible: its column holds its stage's colour mid-height.
        for (i, b) in sliding.bands.iter().enumerate() {
            let y = ((f.y(b.end_ms) + f.y(b.start_ms)) / 2.0) as usize;
            let x = LEFT as usize + (i % 10) * MAX_LANE_PX + 1;
            let px = (y * 800 + x) * 4;
            let mid = f.y(b.end_ms) + 2.0 < f.y(b.start_ms);
            if mid && y < 400 - BOTTOM as usize {
                assert_eq!(rgba[px..px + 4], stage_colour(b.stage), "band {i}: {b:?}");
            }
        }
    }
}
