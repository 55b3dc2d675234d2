//! The event-time picture as a picture to save: its title, its counts line, the
//! picture the page drew again at twice its size, its axes' labels, the "now" line
//! and its legend (each key drawn as the page's shape), on white.
//!
//! The marks are one embedded PNG image, not a vector mark per event: 100,000
//! events as SVG elements would be megabytes. The text (title, counts, axes,
//! legend) is SVG text, sharp at any size; the PNG is this SVG drawn at
//! [`PROJECTOR`] scale, where the embedded image's pixels fall one to one.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlCanvasElement};

use super::{dom, escape, legend, LegendEntry, Picture, CHAR_W, LEGEND_ROW, PROJECTOR};
use crate::event_time::axes::{labels, Label};
use crate::event_time::bands::{stage_colour, HATCH, MERGE};
use crate::event_time::layout::{Frame, BOTTOM, EVENT, LATE, LATE_FIRED, TOP};
use crate::event_time::{MAX_EVENT_TIME, WATERMARK};
use crate::i18n::Lang;
use bslab_engine::event_time::WindowStage;
use bslab_engine::TimeMs;

/// Left margin of the text over and under the picture (the axis labels start at 4).
const MARGIN: f64 = 8.0;

/// What the page drew: the picture's size on screen, its image (a `data:` URL of
/// it drawn at [`PROJECTOR`] scale), its axes' labels and the "now" line's column.
#[derive(Debug, Clone, PartialEq)]
pub struct Drawn {
    /// Width on screen, in pixels.
    pub w: f64,
    /// Height on screen, in pixels.
    pub h: f64,
    /// The bands, marks and lines without the axes' labels.
    pub image: String,
    /// The axes' labels, in the picture's pixels.
    pub labels: Vec<Label>,
    /// The "now" line's column, if it is drawn.
    pub now_x: Option<f64>,
}

/// `rgb(r,g,b)` of an RGBA colour.
fn rgb([r, g, b, _]: [u8; 4]) -> String {
    format!("rgb({r},{g},{b})")
}

/// A line of the 40×14 swatch box.
fn line((x1, y1, x2, y2): (f64, f64, f64, f64), colour: &str, width: f64, extra: &str) -> String {
    format!("<line x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\" stroke=\"{colour}\" stroke-width=\"{width}\"{extra}/>")
}

/// The swatch of a legend key, by its class on the page (`et-key-late`…), drawn as
/// the page draws it; empty for a key this does not know.
pub fn swatch(class: &str) -> String {
    // The most specific class names the key (`et-key-bands et-key-bands-append`).
    let key = class.split_whitespace().rfind(|c| *c != "et-key");
    match key.unwrap_or_default() {
        "et-key-event" => format!(
            "<rect x=\"17\" y=\"4\" width=\"6\" height=\"6\" fill=\"{}\"/>",
            rgb(EVENT)
        ),
        "et-key-late" => {
            let c = rgb(LATE);
            line((13.0, 0.0, 27.0, 14.0), &c, 2.5, "") + &line((13.0, 14.0, 27.0, 0.0), &c, 2.5, "")
        }
        "et-key-late-fired" => {
            let c = rgb(LATE_FIRED);
            line((13.0, 7.0, 27.0, 7.0), &c, 3.0, "") + &line((20.0, 0.0, 20.0, 14.0), &c, 3.0, "")
        }
        "et-key-watermark" => line(
            (0.0, 7.0, 40.0, 7.0),
            WATERMARK,
            3.0,
            " stroke-dasharray=\"10 6\"",
        ),
        "et-key-max" => line((0.0, 7.0, 40.0, 7.0), MAX_EVENT_TIME, 3.0, ""),
        "et-key-now" => line((20.0, 0.0, 20.0, 14.0), "#000", 2.0, ""),
        // Hatched as on the picture: the stage is told by its pattern, not its colour alone.
        "et-key-accepting" => {
            let hatch = rgb(HATCH);
            let mut s = format!(
                "<rect x=\"2\" y=\"1\" width=\"36\" height=\"12\" fill=\"{}\"/>",
                rgb(stage_colour(WindowStage::Accepting))
            );
            for x in (2..38).step_by(6) {
                s += &line((x as f64, 13.0, x as f64 + 6.0, 1.0), &hatch, 2.0, "");
            }
            s
        }
        "et-key-merge" => line((2.0, 7.0, 38.0, 7.0), &rgb(MERGE), 5.0, ""),
        "et-key-bands" => bands(&[WindowStage::Open, WindowStage::Fired, WindowStage::Closed]),
        // Append mode: a window is published when it closes, so it is never seen fired.
        "et-key-bands-append" => bands(&[WindowStage::Open, WindowStage::Closed]),
        _ => String::new(),
    }
}

/// One square per stage, in the stages' colours.
fn bands(stages: &[WindowStage]) -> String {
    stages
        .iter()
        .enumerate()
        .map(|(i, &s)| {
            format!(
                "<rect x=\"{}\" y=\"1\" width=\"12\" height=\"12\" fill=\"{}\"/>",
                2 + 12 * i,
                rgb(stage_colour(s))
            )
        })
        .collect()
}

/// `items` in lines of text no wider than `width` (16 px text, roughly measured).
fn wrap(items: &[String], width: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for item in items.iter().filter(|i| !i.is_empty()) {
        match lines.last_mut() {
            Some(last)
                if (last.chars().count() + 3 + item.chars().count()) as f64 * CHAR_W <= width =>
            {
                last.push_str(" · ");
                last.push_str(item);
            }
            _ => lines.push(item.clone()),
        }
    }
    lines
}

/// The picture: `title`, the `counts` (wrapped), the drawn picture with its labels
/// and "now" line, the legend `entries` and the `thinning` rule under them.
pub fn compose(
    title: &str,
    counts: &[String],
    drawn: &Drawn,
    entries: &[LegendEntry],
    thinning: &str,
) -> Picture {
    let text_w = drawn.w - 2.0 * MARGIN;
    let mut body = format!(
        "<text x=\"{MARGIN}\" y=\"28\" class=\"title\">{}</text>",
        escape(title)
    );
    let mut y = 40.0;
    for line in wrap(counts, text_w) {
        body.push_str(&format!(
            "<text x=\"{MARGIN}\" y=\"{:.1}\" class=\"legend\">{}</text>",
            y + 16.0,
            escape(&line)
        ));
        y += LEGEND_ROW;
    }
    let top = y + 6.0;
    body.push_str(&format!(
        "<image x=\"0\" y=\"{top:.1}\" width=\"{}\" height=\"{}\" href=\"{}\"/>",
        drawn.w, drawn.h, drawn.image
    ));
    for l in &drawn.labels {
        let weight = if l.bold { " font-weight=\"700\"" } else { "" };
        body.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"16\" fill=\"#222\"{weight}>{}</text>",
            l.x,
            top + l.y,
            escape(&l.text)
        ));
    }
    if let Some(x) = drawn.now_x {
        let ends = (x, top + TOP, x, top + drawn.h - BOTTOM);
        body.push_str(&line(ends, "#000", 2.0, ""));
    }
    let (keys, keys_h) = legend(entries, text_w);
    let keys_y = top + drawn.h + 6.0;
    body.push_str(&format!(
        "<g transform=\"translate({MARGIN} {keys_y:.1})\">{keys}</g>"
    ));
    let mut h = keys_y + keys_h;
    if !thinning.is_empty() {
        body.push_str(&format!(
            "<text x=\"{MARGIN}\" y=\"{:.1}\" class=\"legend\">{}</text>",
            h + 16.0,
            escape(thinning)
        ));
        h += LEGEND_ROW;
    }
    Picture {
        w: drawn.w,
        h: h + 10.0,
        body,
    }
}

/// The frame the page drew `canvas` with: its size on screen and the times it
/// handed over (`drawn`: `[canvas, x_from, x_to, y_from, y_to]`).
fn frame_of(canvas: &HtmlCanvasElement, drawn: &js_sys::Array) -> Option<Frame> {
    let time = |i: u32| drawn.get(i).as_f64().map(|t| t as TimeMs);
    let on_screen = |px: u32| (f64::from(px) / PROJECTOR) as u32;
    Some(Frame {
        width: on_screen(canvas.width()),
        height: on_screen(canvas.height()),
        x_from: time(1)?,
        x_to: time(2)?,
        y_from: time(3)?,
        y_to: time(4)?,
    })
}

/// The event-time picture of a clicked save `button`, from what the page `drawn`
/// (`[canvas, x_from, x_to, y_from, y_to]`: see `crate::event_time::save_buttons`) and the words
/// around the picture on the page, in `lang`; `None` if either is missing.
pub fn prepare(button: &Element, drawn: &JsValue, lang: Lang) -> Option<Picture> {
    let section = button.closest("[data-testid=event-time]").ok()??;
    let drawn = drawn.dyn_ref::<js_sys::Array>()?;
    let canvas: HtmlCanvasElement = drawn.get(0).dyn_into().ok()?;
    let frame = frame_of(&canvas, drawn)?;
    let text = |e: &Element| e.text_content().unwrap_or_default().trim().to_string();
    let first = |selector: &str| section.query_selector(selector).ok().flatten();
    let now_x = match (first(".et-cursor"), first(".et-canvas")) {
        (Some(now), Some(shown)) => {
            Some(now.get_bounding_client_rect().left() - shown.get_bounding_client_rect().left())
        }
        _ => None,
    };
    let drawn = Drawn {
        w: f64::from(frame.width),
        h: f64::from(frame.height),
        image: canvas.to_data_url_with_type("image/png").ok()?,
        labels: labels(&frame, lang),
        now_x,
    };
    let counts: Vec<String> = dom::all(&section, ".et-counts > *")
        .iter()
        .map(text)
        .collect();
    let entries: Vec<LegendEntry> = dom::all(&section, ".et-legend li")
        .iter()
        .map(|li| LegendEntry {
            swatch: li
                .query_selector(".et-key")
                .ok()
                .flatten()
                .map(|k| swatch(&k.class_name()))
                .unwrap_or_default(),
            name: text(li),
        })
        .collect();
    let thinning = first(".et-thinning").map(|e| text(&e)).unwrap_or_default();
    Some(compose(
        &text(&first("h2")?),
        &counts,
        &drawn,
        &entries,
        &thinning,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drawn() -> Drawn {
        Drawn {
            w: 800.0,
            h: 400.0,
            image: "data:image/png;base64,AAAA".into(),
            labels: vec![Label {
                text: "Event time <t>".into(),
                x: 4.0,
                y: 18.0,
                bold: true,
            }],
            now_x: Some(700.0),
        }
    }

    #[test]
    fn the_picture_is_framed_by_its_words_as_text_and_its_marks_as_one_image() {
        let entries = [LegendEntry {
            swatch: swatch("et-key et-key-late"),
            name: "late".into(),
        }];
        let counts = ["1,000 arrived".to_string(), "✕ 3 late".to_string()];
        let p = compose(
            "Event time & arrival",
            &counts,
            &drawn(),
            &entries,
            "1 in 2 drawn",
        );
        assert_eq!(p.w, 800.0, "as wide as on screen: the PNG is twice that");
        assert!(
            p.h > 400.0 + 40.0 + LEGEND_ROW,
            "title, counts, legend: {}",
            p.h
        );
        assert_eq!(p.body.matches("<image ").count(), 1);
        for text in [
            "Event time &amp; arrival",
            "1,000 arrived · ✕ 3 late",
            "Event time &lt;t&gt;",
            ">late</text>",
            "1 in 2 drawn",
        ] {
            assert!(p.body.contains(text), "{text} in {}", p.body);
        }
        assert!(p.body.contains(&rgb(LATE)), "the late key's cross");
    }

    #[test]
    fn long_counts_wrap_and_every_known_key_has_a_shape() {
        let counts: Vec<String> = (0..12)
            .map(|i| format!("{i} of something counted"))
            .collect();
        assert!(wrap(&counts, 400.0).len() > 2);
        assert_eq!(wrap(&counts, 1e6).len(), 1);
        // Every key the page's legend draws (read from its source, so a new key
        // without a saved shape fails here).
        let legend = include_str!("../event_time/why.rs");
        let keys: Vec<&str> = legend
            .split("et-key-")
            .skip(1)
            .map(|rest| {
                rest.split(|c: char| c != '-' && !c.is_ascii_lowercase())
                    .next()
                    .unwrap_or("")
            })
            .collect();
        assert!(keys.len() >= 9, "{keys:?}");
        for key in keys {
            assert!(!swatch(&format!("et-key et-key-{key}")).is_empty(), "{key}");
        }
        assert_eq!(swatch("et-key something-new"), "");
    }
}
