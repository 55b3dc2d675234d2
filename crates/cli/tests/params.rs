//! `bslab params` prints the engine's parameter table, and `docs/parameters.md`
//! is that output: the reference is generated, never written by hand.

use std::process::Command;

#[test]
fn the_parameter_reference_in_the_docs_is_the_tables() {
    let out = Command::new(env!("CARGO_BIN_EXE_bslab"))
        .arg("params")
        .output()
        .expect("bslab runs");
    assert!(out.status.success());
    let printed = String::from_utf8(out.stdout).expect("utf-8");
    let docs = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../docs/parameters.md"
    ))
    .expect("docs/parameters.md");
    let table = docs
        .split_once("\n| parameter |")
        .map(|(_, t)| format!("| parameter |{t}"))
        .expect("the table in docs/parameters.md");
    assert_eq!(
        table.trim_end(),
        printed.trim_end(),
        "docs/parameters.md is out of date: regenerate its table with `bslab params`"
    );
    for p in bslab_engine::params::PARAMS.iter() {
        assert!(printed.contains(&format!("`{}`", p.path)), "{}", p.path);
    }
}
