//! The event-time picture's axis labels (clock ticks and axis names) and where they
//! go: drawn on the canvas by [`super::canvas`], and written as text in a saved
//! picture by the lazy module (`crate::picture::event_time`), from the frame the
//! page hands it with the picture drawn again.

use super::layout::{Frame, BOTTOM, LEFT, TOP};
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

/// Hands `put` each label (text, baseline's left end, bold): five ticks on each axis
/// as clock times (the last one kept whole inside the right edge), then the two axis
/// names. A callback, not a list: the canvas draws them as they come.
pub fn each(f: &Frame, lang: Lang, put: &mut dyn FnMut(&str, f64, f64, bool)) {
    let bottom = f64::from(f.height) - BOTTOM;
    for i in 0..=4 {
        let x_t = f.x_from + (f.x_to - f.x_from) * i / 4;
        let y_t = f.y_from + (f.y_to - f.y_from) * i / 4;
        let x = (f.x(x_t) - 30.0).clamp(LEFT, f64::from(f.width) - 84.0);
        put(&format::clock(x_t), x, bottom + 20.0, false);
        let y = f.y(y_t).clamp(TOP + 12.0, bottom - 4.0);
        put(&format::clock(y_t), 4.0, y, false);
    }
    put(lang.t(Key::EtAxisY), 4.0, 18.0, true);
    put(lang.t(Key::EtAxisX), LEFT, bottom + 42.0, true);
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
        assert_eq!(labels.len(), 12);
        assert_eq!(labels.iter().filter(|l| l.bold).count(), 2);
        for l in &labels {
            assert!(
                l.x >= 0.0 && l.x < 800.0 && l.y > 0.0 && l.y < 400.0,
                "{l:?}"
            );
        }
        assert!(labels.iter().any(|l| l.text == format::clock(0)));
    }
}
