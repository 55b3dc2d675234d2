//! Shared helpers of the CLI's integration tests: the binary, scratch folders
//! and the bundle most tests start from.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs `bslab` with `args` and waits for it.
pub fn bslab(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bslab"))
        .args(args)
        .output()
        .expect("bslab runs")
}

/// A scratch path for this test binary and `name`, emptied first and not
/// created (so commands that refuse an existing folder can create it).
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "bslab-{}-{}-{name}",
        env!("CARGO_CRATE_NAME"),
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// `bslab export --preset PRESET --duration DURATION --out OUT`, asserted to succeed.
pub fn export(preset: &str, duration: &str, out: &Path) {
    let o = bslab(&[
        "export",
        "--preset",
        preset,
        "--duration",
        duration,
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}
