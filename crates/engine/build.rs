//! Writes `golden_table.rs` into `OUT_DIR`: every golden report of
//! `tests/golden/` as `(preset name, include_str!(its file))`, sorted by name.
//! The wasm test (`tests/wasm.rs`) compiles the reports in, since the browser
//! has no file system; generated here, a new preset's golden file is picked
//! up without a hand-kept list. Nothing else of the crate uses it.

use std::io;
use std::path::PathBuf;
use std::{env, fs};

fn main() -> io::Result<()> {
    let var = |name: &str| {
        env::var_os(name)
            .map(PathBuf::from)
            .ok_or_else(|| io::Error::other(format!("cargo did not set {name}")))
    };
    let dir = var("CARGO_MANIFEST_DIR")?.join("tests").join("golden");
    println!("cargo::rerun-if-changed=tests/golden");
    let mut names: Vec<String> = fs::read_dir(&dir)?
        .filter_map(Result::ok)
        .filter_map(|e| Some(e.file_name().to_str()?.strip_suffix(".json")?.to_string()))
        .collect();
    names.sort();
    let mut table = String::from("&[\n");
    for name in &names {
        let file = dir.join(format!("{name}.json"));
        table.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            file.display().to_string()
        ));
    }
    table.push(']');
    fs::write(var("OUT_DIR")?.join("golden_table.rs"), table)
}
