//! English's string table in a wasm of its own (`locale_table` says why).

#![cfg_attr(target_arch = "wasm32", no_main)]

#[cfg(target_arch = "wasm32")]
const TABLE: &str = include_str!(concat!(env!("OUT_DIR"), "/strings_en.txt"));

mod locale_table;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    locale_table::main();
}
