//! Draws the event-time picture on a `<canvas>`: the pixels of
//! [`super::layout::rasterize`] in one `putImageData`, then the few lines and
//! labels on top (watermark, max event time, batch runs, axes, band stages).

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use bslab_engine::event_time::{EventTimePicture, WindowStage};
use bslab_engine::TimeMs;
use wasm_bindgen::{Clamped, JsCast, JsValue};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, ImageData};

use super::bands::{band_columns, session_lane_px};
use super::layout::{lanes, rasterize, Frame, BOTTOM, LEFT};
use crate::i18n::{late_windows, Key, Lang};
use crate::user_timing;

/// A picture and the canvas size (pixels) it was rasterized for.
type RasterKey = (Weak<EventTimePicture>, (u32, u32));

thread_local! {
    /// The pixel buffer, kept between frames (a 1920×500 picture is 3.8 MB).
    static PIXELS: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    /// What `PIXELS` holds: the picture and the size it was rasterized for (a weak
    /// reference: it keeps no marks alive, and its address is never reused meanwhile).
    static RASTER_OF: RefCell<Option<RasterKey>> = const { RefCell::new(None) };
    /// The size the picture was last drawn at on screen (where the next one will be).
    static SHOWN_SIZE: Cell<Option<(u32, u32)>> = const { Cell::new(None) };
}

/// Draws `p` at the canvas's displayed size; returns the frame used (for
/// pointing at events), or None if the browser gave no 2D context.
pub fn draw(canvas: &HtmlCanvasElement, p: &Rc<EventTimePicture>, lang: Lang) -> Option<Frame> {
    let size = (
        canvas.client_width().max(320) as u32,
        canvas.client_height().max(200) as u32,
    );
    SHOWN_SIZE.with(|s| s.set(Some(size)));
    draw_at(canvas, p, lang, size, 1, true)
}

/// Rasterizes `p` at the size the picture was last drawn at on screen, ahead of its
/// drawing: the driver calls it on a frame of its own (one that neither steps nor
/// renders), so the frame that draws the new picture only puts the pixels and draws
/// the lines. Nothing is done before the picture was first drawn (its size unknown):
/// returns whether it rasterized.
pub fn prepare(p: &Rc<EventTimePicture>) -> bool {
    let Some(size) = SHOWN_SIZE.with(Cell::get) else {
        return false;
    };
    user_timing::span("bslab:picture-raster", || raster(p, size));
    true
}

/// Makes `PIXELS` hold `p`'s bands and marks at `(w, h)`, unless it already does
/// (prepared by [`prepare`], or drawn again after a change of language).
fn raster(p: &Rc<EventTimePicture>, (w, h): (u32, u32)) {
    let held = RASTER_OF.with(|r| {
        r.borrow()
            .as_ref()
            .is_some_and(|(of, size)| *size == (w, h) && Weak::as_ptr(of) == Rc::as_ptr(p))
    });
    if !held {
        PIXELS.with(|px| rasterize(p, &Frame::new(p, w, h), &mut px.borrow_mut()));
        RASTER_OF.with(|r| *r.borrow_mut() = Some((Rc::downgrade(p), (w, h))));
    }
}

/// Draws `p` as on a `w`×`h` canvas, at `scale` canvas pixels per pixel (a saved
/// picture is drawn at 2, see [`super::save_buttons`]): the marks' raster is the
/// screen's, doubled pixel for pixel (each shape as the class saw it); the lines and
/// labels are drawn again at the scale, sharp. Without `axis_text` the axes' labels
/// are left out (a saved SVG writes them as text).
pub fn draw_at(
    canvas: &HtmlCanvasElement,
    p: &Rc<EventTimePicture>,
    lang: Lang,
    (w, h): (u32, u32),
    scale: u32,
    axis_text: bool,
) -> Option<Frame> {
    let (cw, ch) = (w * scale, h * scale);
    if canvas.width() != cw || canvas.height() != ch {
        canvas.set_width(cw);
        canvas.set_height(ch);
    }
    let ctx = context(canvas)?;
    let _ = ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
    let f = Frame::new(p, w, h);
    user_timing::span("bslab:picture-raster", || raster(p, (w, h)));
    user_timing::span("bslab:picture-put", || {
        PIXELS.with(|px| {
            let px = px.borrow();
            let data = ImageData::new_with_u8_clamped_array_and_sh(Clamped(&px), w, h).ok()?;
            ctx.put_image_data(&data, 0.0, 0.0).ok()
        })
    })?;
    if scale > 1 {
        enlarge(canvas, &ctx, (w, h), scale)?;
    }
    user_timing::span("bslab:picture-lines", || {
        stage_labels(&ctx, p, &f, lang);
        steps(&ctx, &f, p.counts.t_ms, &p.watermark, WATERMARK, true);
        steps(
            &ctx,
            &f,
            p.counts.t_ms,
            &p.max_event_time,
            MAX_EVENT_TIME,
            false,
        );
        batch_runs(&ctx, p, &f);
        if axis_text {
            axes(&ctx, &f, lang);
        }
    });
    Some(f)
}

/// Colour of the watermark's line (the legend's key is the same).
pub const WATERMARK: &str = "#7a1fa2";
/// Colour of the max event time's line.
pub const MAX_EVENT_TIME: &str = "#1b5e20";

/// Doubles (or more) the raster put in the canvas's top-left `w`×`h` pixels to the
/// whole canvas, pixel for pixel, then scales what is drawn next to match.
fn enlarge(
    canvas: &HtmlCanvasElement,
    ctx: &CanvasRenderingContext2d,
    (w, h): (u32, u32),
    scale: u32,
) -> Option<()> {
    let (w, h, s) = (f64::from(w), f64::from(h), f64::from(scale));
    ctx.set_image_smoothing_enabled(false);
    ctx.draw_image_with_html_canvas_element_and_sw_and_sh_and_dx_and_dy_and_dw_and_dh(
        canvas,
        0.0,
        0.0,
        w,
        h,
        0.0,
        0.0,
        w * s,
        h * s,
    )
    .ok()?;
    ctx.set_transform(s, 0.0, 0.0, s, 0.0, 0.0).ok()
}

/// The canvas's 2D context, asked for with `willReadFrequently`: the picture is
/// replaced by `putImageData` at every change, which a canvas kept in memory
/// takes as a plain copy, where a GPU canvas uploads it on the main thread.
fn context(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"willReadFrequently".into(), &true.into()).ok()?;
    canvas
        .get_context_with_context_options("2d", &options)
        .ok()??
        .dyn_into()
        .ok()
}

/// A line through `(arrival time, event time)` points, held flat between them.
fn steps(
    ctx: &CanvasRenderingContext2d,
    f: &Frame,
    now_ms: TimeMs,
    points: &[(TimeMs, TimeMs)],
    colour: &str,
    dashed: bool,
) {
    let dash = js_sys::Array::new();
    if dashed {
        dash.push(&JsValue::from(10.0));
        dash.push(&JsValue::from(6.0));
    }
    let _ = ctx.set_line_dash(&dash);
    ctx.set_stroke_style_str(colour);
    ctx.set_line_width(3.0);
    ctx.begin_path();
    for (i, &(x, y)) in points.iter().enumerate() {
        if i == 0 {
            ctx.move_to(f.x(x), f.y(y));
        } else {
            ctx.line_to(f.x(x), f.y(points[i - 1].1));
            ctx.line_to(f.x(x), f.y(y));
        }
    }
    // The last value holds until now, not into the future right of the cursor.
    if let Some(&(x, y)) = points.last() {
        ctx.line_to(f.x(now_ms.max(x)), f.y(y));
    }
    ctx.stroke();
    let _ = ctx.set_line_dash(&js_sys::Array::new());
}

/// A window stage's word.
pub fn stage_word(stage: WindowStage, lang: Lang) -> &'static str {
    match stage {
        WindowStage::Open => lang.t(Key::EtStageOpen),
        WindowStage::Fired => lang.t(Key::EtStageFired),
        WindowStage::Accepting => late_windows::t(lang, late_windows::Text::StageAccepting),
        WindowStage::Closed => lang.t(Key::EtStageClosed),
    }
}

/// The stage of each band tall and wide enough for a word (colour is never
/// alone); overlapping windows' narrow columns have no room for one. Session
/// columns are numbered at the top (the legend names each number's key).
fn stage_labels(ctx: &CanvasRenderingContext2d, p: &EventTimePicture, f: &Frame, lang: Lang) {
    let sessions = !p.session_keys.is_empty();
    if !sessions && lanes(&p.bands) > 1 {
        return;
    }
    let w = f.width as usize;
    let roomy = session_lane_px(p, w) >= 60;
    ctx.set_font(if sessions {
        "bold 12px sans-serif"
    } else {
        "bold 15px sans-serif"
    });
    ctx.set_fill_style_str("#333");
    for (i, b) in p.bands.iter().enumerate() {
        let (top, bottom) = (f.y(b.end_ms), f.y(b.start_ms));
        let x0 = band_columns(p, w, i).0 as f64;
        if bottom - top >= 18.0 && (!sessions || roomy) {
            let _ = ctx.fill_text(stage_word(b.stage, lang), x0 + 4.0, top + 15.0);
        }
    }
    // At the foot of each column, where the oldest event times are (rarely a
    // session): the top margin holds the axis name.
    ctx.set_font("bold 15px sans-serif");
    let px = session_lane_px(p, w) as f64;
    let foot = f64::from(f.height) - BOTTOM - 14.0;
    for n in 0..p.session_keys.len() {
        let _ = ctx.fill_text(&format!("#{}", n + 1), LEFT + px * n as f64 + 4.0, foot);
    }
}

/// The batch pipeline's runs, as thick segments along the bottom.
fn batch_runs(ctx: &CanvasRenderingContext2d, p: &EventTimePicture, f: &Frame) {
    let y = f64::from(f.height) - BOTTOM - 4.0;
    ctx.set_fill_style_str("#b35900");
    for &(start, end) in &p.batch_runs {
        let (x0, x1) = (f.x(start).max(LEFT), f.x(end));
        if x1 > LEFT {
            ctx.fill_rect(x0, y, (x1 - x0).max(3.0), 6.0);
        }
    }
}

/// The axes' labels ([`super::axes::each`]), 16 px (readable on a projector).
fn axes(ctx: &CanvasRenderingContext2d, f: &Frame, lang: Lang) {
    ctx.set_fill_style_str("#222");
    super::axes::each(f, lang, &mut |text, x, y, bold| {
        ctx.set_font(if bold {
            "bold 16px sans-serif"
        } else {
            "16px sans-serif"
        });
        let _ = ctx.fill_text(text, x, y);
    });
}
