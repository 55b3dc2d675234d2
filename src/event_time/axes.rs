//! The event-time picture's axis labels (clock ticks and axis names) and where they
//! go: drawn on the canvas by [`super::canvas`], and written as text in a saved
//! picture by the lazy module (`crate::picture::event_time`), from the frame the
//! page hands it with the picture drawn again.

use bslab_engine::TimeMs;

use super::layout::{Frame, BOTTOM, LEFT, TOP};
use crate::charts::scale;
use crate::format;
use crate::i18n::{Key, Lang};

/// One label: its text, where its baseline starts (pixels of the picture) and
/// whether it is an axis name (bold).
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// The text.
    pub text: String,
    /// Left end of the baseline.
    pub x: f64,
    /// See `x`.
    pub y: f64,
    /// An axis name, drawn bold; a tick otherwise.
    pub bold: bool,
}

/// Hands `put` each label (text, baseline's left end, bold): each axis's ticks at
/// round clock times (a whole number of a nice step: 1, 2, 5… s, min, h; at most
/// six), none before the run's start, with milliseconds when the step is under a
/// second (so two ticks never read alike); then the two axis names. A callback,
/// not a list: the canvas draws them as they come.
pub fn each(f: &Frame, lang: Lang, put: &mut dyn FnMut(&str, f64, f64, bool)) {
    let bottom = f64::from(f.height) - BOTTOM;
    for (t, step) in ticks(f.x_from, f.x_to) {
        // `max` then `min`, not `clamp`: no panic (nor its float printing) in a
        // frame narrower than the margins.
        let x = (f.x(t) - 30.0).max(LEFT).min(f64::from(f.width) - 84.0);
        put(&tick_text(t, step), x, bottom + 20.0, false);
    }
    for (t, step) in ticks(f.y_from, f.y_to) {
        let y = f.y(t).max(TOP + 12.0).min(bottom - 4.0);
        put(&tick_text(t, step), 4.0, y, false);
    }
    put(lang.t(Key::EtAxisY), 4.0, 18.0, true);
    put(lang.t(Key::EtAxisX), LEFT, bottom + 42.0, true);
}

/// The ticks of an axis from `from` to `to` (ms), each with the step between them:
/// the multiples of the smallest nice step giving at most five intervals, from 0 on.
fn ticks(from: TimeMs, to: TimeMs) -> impl Iterator<Item = (TimeMs, TimeMs)> {
    let span = (to - from).max(1);
    let step = (scale::time_step(span as f64, 5.0) as TimeMs).max(1);
    let first = from.max(0).div_euclid(step) * step;
    let first = if first < from.max(0) {
        first + step
    } else {
        first
    };
    (0..)
        .map(move |i| first + i * step)
        .take_while(move |t| *t <= to)
        .map(move |t| (t, step))
}

/// A tick's clock time, to the millisecond under a one-second step.
fn tick_text(t: TimeMs, step: TimeMs) -> String {
    if step < 1_000 {
        super::readout::instant(t)
    } else {
        format::clock(t)
    }
}

/// The labels of [`each`], as a list.
pub fn labels(f: &Frame, lang: Lang) -> Vec<Label> {
    let mut out = Vec::with_capacity(12);
    each(f, lang, &mut |text, x, y, bold| {
        out.push(Label {
            text: text.to_string(),
            x,
            y,
            bold,
        })
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_and_names_stay_inside_the_picture() {
        let f = Frame {
            width: 800,
            height: 400,
            x_from: 0,
            x_to: 3_600_000,
            y_from: -1_800_000,
            y_to: 3_600_000,
        };
        let labels = labels(&f, Lang::Pt);
        assert!(labels.len() >= 6, "{labels:?}");
        assert_eq!(labels.iter().filter(|l| l.bold).count(), 2);
        for l in &labels {
            assert!(
                l.x >= 0.0 && l.x < 800.0 && l.y > 0.0 && l.y < 400.0,
                "{l:?}"
            );
        }
        assert!(labels.iter().any(|l| l.text == format::clock(0)));
    }

    #[test]
    fn ticks_are_round_clock_times_that_never_read_alike() {
        // An hour and a quarter past 4 h, as the picture's x axis a little after 5 h.
        let x: Vec<_> = ticks(14_400_000 + 900_000, 18_000_000 + 240_000).collect();
        assert!((3..=6).contains(&x.len()), "{x:?}");
        for (t, step) in &x {
            assert_eq!(t % step, 0, "{x:?}");
        }
        // The first instants of a run: a y axis reaching before the start, spans of ms.
        for (from, to) in [(-1_800_000, 3_600_000), (-40, 90), (0, 3), (5, 6)] {
            let texts: Vec<_> = ticks(from, to).map(|(t, s)| tick_text(t, s)).collect();
            assert!(!texts.is_empty(), "{from}..{to}");
            let mut unique = texts.clone();
            unique.dedup();
            assert_eq!(unique, texts, "{from}..{to}");
            assert!(ticks(from, to).all(|(t, _)| t >= 0 && t >= from && t <= to));
        }
    }
}
