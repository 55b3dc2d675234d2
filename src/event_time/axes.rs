//! The event-time picture's axis labels (clock ticks and axis names) and where they
//! go: drawn on the canvas by [`super::canvas`], and written as text in a saved SVG
//! (the page hands them to the lazy module with the picture, see
//! [`super::save_buttons`]).

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

/// Five ticks on each axis as clock times (the last one kept whole inside the
/// right edge), then the two axis names.
pub fn labels(f: &Frame, lang: Lang) -> Vec<Label> {
    let bottom = f64::from(f.height) - BOTTOM;
    let label = |text: String, x: f64, y: f64, bold: bool| Label { text, x, y, bold };
    let mut out = Vec::with_capacity(12);
    for i in 0..=4 {
        let x_t = f.x_from + (f.x_to - f.x_from) * i / 4;
        let y_t = f.y_from + (f.y_to - f.y_from) * i / 4;
        let x = (f.x(x_t) - 30.0).clamp(LEFT, f64::from(f.width) - 84.0);
        out.push(label(format::clock(x_t), x, bottom + 20.0, false));
        let y = f.y(y_t).clamp(TOP + 12.0, bottom - 4.0);
        out.push(label(format::clock(y_t), 4.0, y, false));
    }
    out.push(label(lang.t(Key::EtAxisY).into(), 4.0, 18.0, true));
    out.push(label(
        lang.t(Key::EtAxisX).into(),
        LEFT,
        bottom + 42.0,
        true,
    ));
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
