//! A `requestAnimationFrame` loop that sleeps when there is nothing to animate.
//!
//! One closure lives as long as the loop (never dropped while it runs: the
//! "closure invoked after being dropped" trap); it re-arms itself while its tick
//! returns `true`, and [`FrameLoop::wake`] re-arms it after it went to sleep. At
//! most one frame is ever pending, so there is never more than one loop running.
//! Dropping the loop cancels the pending frame.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::browser;

/// The frame callback (a timestamp in ms).
type FrameCallback = Closure<dyn FnMut(f64)>;

struct Inner {
    pending: Cell<Option<i32>>,
    callback: RefCell<Option<FrameCallback>>,
}

/// The loop. Not `Clone`: hold it in one place (the app holds it in a `use_mut_ref`).
pub struct FrameLoop {
    inner: Rc<Inner>,
}

impl FrameLoop {
    /// A sleeping loop calling `tick(timestamp_ms)` once per frame while `tick` returns `true`.
    pub fn new(mut tick: impl FnMut(f64) -> bool + 'static) -> Self {
        let inner = Rc::new(Inner {
            pending: Cell::new(None),
            callback: RefCell::new(None),
        });
        let weak = Rc::downgrade(&inner);
        let closure = Closure::<dyn FnMut(f64)>::new(move |ts: f64| {
            let Some(inner) = weak.upgrade() else { return };
            inner.pending.set(None);
            if tick(ts) {
                request(&inner);
            }
        });
        *inner.callback.borrow_mut() = Some(closure);
        Self { inner }
    }

    /// Makes sure a frame is coming (does nothing if one is already pending).
    pub fn wake(&self) {
        request(&self.inner);
    }
}

fn request(inner: &Inner) {
    if inner.pending.get().is_some() {
        return;
    }
    let Some(window) = browser::window() else {
        return;
    };
    let Ok(callback) = inner.callback.try_borrow() else {
        return;
    };
    if let Some(callback) = callback.as_ref() {
        if let Ok(id) = window.request_animation_frame(callback.as_ref().unchecked_ref()) {
            inner.pending.set(Some(id));
        }
    }
}

impl Drop for FrameLoop {
    fn drop(&mut self) {
        if let (Some(id), Some(window)) = (self.inner.pending.take(), browser::window()) {
            let _ = window.cancel_animation_frame(id);
        }
        if let Ok(mut callback) = self.inner.callback.try_borrow_mut() {
            callback.take();
        }
    }
}
