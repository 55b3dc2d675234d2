//! One small part of the page per file: plain functions returning `Html`, or a Yew
//! component where it needs hooks (each component type costs its own copy of Yew's code).

pub mod alerts;
pub mod clock;
pub mod concepts;
pub mod config_line;
pub mod csv_export;
pub mod dashboard;
pub mod diagram;
pub mod engine_names;
pub mod field;
pub mod ghost_note;
pub mod header;
pub mod header_status;
pub mod lesson_card;
pub mod notice;
pub mod params;
pub mod pipeline;
pub mod pool_time;
pub mod print_sheet;
pub mod qr;
pub mod queueing;
pub mod save_picture;
pub mod share_note;
pub mod spark_metrics;
pub mod summary;
pub mod timeline_bar;
pub mod web_sessions;
