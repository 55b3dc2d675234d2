//! Charts as pictures for slides and handouts: each chart as a standalone SVG
//! (title, plot and legend on a white background) and as a PNG at twice its
//! on-screen size (a projector's resolution), and every chart in one PNG ("Save all").
//!
//! The picture is made from the chart as drawn (its SVG plot and legend swatches),
//! never redrawn from the data: what is saved is what the class saw. Composing
//! the SVG text is pure ([`compose`], [`grid`], tested natively); [`dom`] reads the
//! page, [`raster`] turns the SVG into a PNG with a canvas and [`save`] downloads them.
//! All of that runs in the page's lazy module (`src/bin/sweep-view.rs`): the page
//! itself only has the buttons and [`lazy`], which hands a click to the module.
//! The event-time picture is a canvas, not SVG: the page draws it again at
//! twice its size and the module frames it ([`event_time`]).

pub mod dom;
pub mod event_time;
pub mod lazy;
pub mod raster;
pub mod save;

/// Pixels of a saved PNG per pixel on screen (a projector's resolution).
pub const PROJECTOR: f64 = 2.0;
/// Width and height of a chart's plot, in SVG units: the charts' own `viewBox`.
pub const PLOT: (f64, f64) = (crate::charts::line::W, crate::charts::line::H);
/// Margin around a picture, in SVG units (room for the last time tick, centred on the plot's edge).
const PAD: f64 = 24.0;
/// Height of the title line.
const TITLE_H: f64 = 30.0;
/// Height of one legend row.
const LEGEND_ROW: f64 = 22.0;
/// Width of a legend swatch and the gap after it (as on the page: 40 px + a gap).
const SWATCH_W: f64 = 46.0;
/// Rough width of one character of legend text (16 px DejaVu Sans), to wrap legend rows.
const CHAR_W: f64 = 9.0;
/// Gap between the charts of "Save all".
const GAP: f64 = 16.0;

/// One legend entry as drawn: its swatch (SVG markup in a 40×14 box) and its name.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    /// The swatch's inner SVG markup (line and marker).
    pub swatch: String,
    /// The series' name.
    pub name: String,
}

/// A picture's SVG body (no `<svg>` root) and its size in SVG units.
#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
    /// Markup drawn from (0, 0).
    pub body: String,
}

/// Escapes text for SVG/XML content and attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// Lays the legend out in rows under the plot: (markup, height).
fn legend(entries: &[LegendEntry], width: f64) -> (String, f64) {
    let (mut x, mut y, mut out) = (0.0, 0.0, String::new());
    for e in entries {
        let w = SWATCH_W + e.name.chars().count() as f64 * CHAR_W + 20.0;
        if x > 0.0 && x + w > width {
            x = 0.0;
            y += LEGEND_ROW;
        }
        out.push_str(&format!(
            "<g transform=\"translate({x:.1} {y:.1})\"><svg width=\"40\" height=\"14\" y=\"3\" viewBox=\"0 0 40 14\">{}</svg><text x=\"{SWATCH_W}\" y=\"15\" class=\"legend\">{}</text></g>",
            e.swatch,
            escape(&e.name)
        ));
        x += w;
    }
    let rows = if entries.is_empty() {
        0.0
    } else {
        y + LEGEND_ROW
    };
    (out, rows)
}

/// One chart: its title, its plot (the inner markup of its 540×260 SVG) and its legend.
pub fn compose(title: &str, plot: &str, entries: &[LegendEntry]) -> Picture {
    let (legend, legend_h) = legend(entries, PLOT.0);
    let (plot_y, legend_y) = (PAD + TITLE_H, PAD + TITLE_H + PLOT.1 + 6.0);
    let body = format!(
        "<text x=\"{PAD}\" y=\"{:.1}\" class=\"title\">{}</text><svg x=\"{PAD}\" y=\"{plot_y}\" overflow=\"visible\" width=\"{}\" height=\"{}\" viewBox=\"0 0 {} {}\">{plot}</svg><g transform=\"translate({PAD} {legend_y})\">{legend}</g>",
        PAD + 22.0,
        escape(title),
        PLOT.0,
        PLOT.1,
        PLOT.0,
        PLOT.1,
    );
    Picture {
        w: PLOT.0 + 2.0 * PAD,
        h: legend_y + legend_h + PAD,
        body,
    }
}

/// Several pictures in a grid of `columns`, under a `title` line ("Save all").
pub fn grid(title: &str, pictures: &[Picture], columns: usize) -> Picture {
    let columns = columns.max(1);
    let cell_w = pictures.iter().map(|p| p.w).fold(0.0, f64::max);
    let mut body = format!(
        "<text x=\"{PAD}\" y=\"{:.1}\" class=\"title\">{}</text>",
        PAD + 22.0,
        escape(title)
    );
    let mut y = PAD + TITLE_H + GAP / 2.0;
    for row in pictures.chunks(columns) {
        for (i, p) in row.iter().enumerate() {
            let x = i as f64 * (cell_w + GAP);
            body.push_str(&format!(
                "<g transform=\"translate({x:.1} {y:.1})\">{}</g>",
                p.body
            ));
        }
        y += row.iter().map(|p| p.h).fold(0.0, f64::max) + GAP;
    }
    let n = pictures.len().min(columns) as f64;
    Picture {
        w: (n * cell_w + (n - 1.0).max(0.0) * GAP).max(PLOT.0),
        h: y,
        body,
    }
}

/// A standalone SVG document of `picture`: white background, `css` (the page's
/// chart rules) inline, so it looks the same opened on its own.
pub fn standalone_svg(picture: &Picture, css: &str) -> String {
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\"><style>{css} text {{ font-family: \"DejaVu Sans\", sans-serif; }} .title {{ font-size: 20px; font-weight: 700; fill: #111; }} .legend {{ font-size: 16px; fill: #111; }} .cursor {{ display: none; }}</style><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>{}</svg>",
        picture.body,
        w = picture.w.ceil(),
        h = picture.h.ceil(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str) -> LegendEntry {
        LegendEntry {
            swatch: "<line x1=\"1\" x2=\"39\" y1=\"7\" y2=\"7\" stroke=\"#E69F00\"/>".into(),
            name: name.into(),
        }
    }

    #[test]
    fn a_chart_picture_has_its_title_plot_and_legend_escaped() {
        let p = compose(
            "Latency <p99> & co",
            "<path d=\"M0 0\"/>",
            &[entry("Batch"), entry("Streaming")],
        );
        assert!(
            p.body.contains("Latency &lt;p99&gt; &amp; co"),
            "{}",
            p.body
        );
        assert!(p.body.contains("<path d=\"M0 0\"/>"));
        assert!(p.body.contains(">Batch</text>") && p.body.contains(">Streaming</text>"));
        assert!(p.h > PAD + TITLE_H + PLOT.1, "room for the legend: {}", p.h);
    }

    #[test]
    fn a_long_legend_wraps_into_more_rows() {
        let short = compose("t", "", &[entry("a")]);
        let names: Vec<_> = (0..8)
            .map(|i| entry(&format!("a rather long series name {i}")))
            .collect();
        let long = compose("t", "", &names);
        assert!(long.h > short.h + LEGEND_ROW, "{} vs {}", long.h, short.h);
    }

    #[test]
    fn save_all_lays_charts_in_rows_under_a_title() {
        let one = compose("t", "", &[entry("a")]);
        let six = vec![one.clone(); 6];
        let g = grid("Charts", &six, 2);
        assert_eq!(g.w, 2.0 * one.w + GAP);
        assert!(
            g.h > 3.0 * one.h && g.h < 4.0 * one.h,
            "{} for rows of {}",
            g.h,
            one.h
        );
        assert_eq!(g.body.matches("class=\"title\"").count(), 7);
    }

    #[test]
    fn the_document_is_standalone_svg_on_white() {
        let doc = standalone_svg(&compose("t", "", &[]), ".tick { fill: #222; }");
        assert!(doc.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(doc.contains("fill=\"#ffffff\"") && doc.contains(".tick { fill: #222; }"));
        assert!(doc.ends_with("</svg>"));
    }
}
