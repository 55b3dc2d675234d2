//! Batch × Stream Lab: the Yew web app, a thin shell over `bslab-engine`.
//!
//! The engine simulates; this crate only drives it from animation frames and
//! draws what it reports. Layout:
//!
//! - [`app`]: the root component (state, simulation cell, frame loop, layout);
//! - [`state`]: the UI state and its typed actions (`impl Reducible`);
//! - [`runner`], [`driver`], [`frame_loop`]: stepping the simulation under a frame budget;
//! - [`fields`]: every engine parameter by its dotted path, read/write/validate;
//! - [`qr_code`]: the share link as a QR code (its script, added to the page on demand);
//! - [`share`]: the share link (config + seed in the URL hash); [`export`]: the Spark bundle;
//! - [`sweep`]: the trade-off frontier, computed in the [`worker`] and drawn on the page;
//! - [`lazy_module`]: the lazily loaded wasm with the Sweep view, the print view's handout and
//!   picture saving ([`lazy_mount`]: its views as apps of their own in the page);
//! - [`browser`]: the only module touching browser APIs (storage, URL, clipboard…);
//! - [`standalone`]: what differs in the single self-contained HTML file opened from disk;
//! - [`components`], [`charts`]: one small component per file; SVG charts;
//! - [`i18n`], [`format`]: every visible string in English and Português (Brasil).
//!
//! The components live in this library so that tests (`tests/web.rs`) can mount them;
//! `src/main.rs` only installs the panic hook and renders [`App`] into the page body.

pub mod app;
pub mod boot;
pub mod browser;
pub mod bursts;
pub mod charts;
pub mod components;
pub mod downsample;
pub mod driver;
pub mod embed;
pub mod event_time;
pub mod export;
pub mod fields;
pub mod flink;
pub mod format;
pub mod frame_loop;
pub mod i18n;
pub mod keyboard;
pub mod lazy_module;
pub mod lazy_mount;
pub mod lessons;
pub mod messages;
pub mod numbers;
pub mod picture;
pub mod presenting;
pub mod qr_code;
pub mod runner;
pub mod share;
pub mod standalone;
pub mod state;
pub mod stepping;
pub mod sweep;
pub mod timeline;
pub mod user_timing;
pub mod worker;

pub use app::App;
