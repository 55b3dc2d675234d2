//! Generates the UI's string lookups from the language files, `locales/*.toml`
//! (`build/locales.rs` says how): a new language is a new file, and a file whose
//! keys differ from `en.toml` fails the build, naming the file and the key. Each
//! language also gets its string table, `strings_<code>.txt`.

#[path = "build/locales.rs"]
mod locales;

use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-changed=locales");
    println!("cargo::rerun-if-changed=build");
    if let Err(e) = run() {
        eprintln!("{e}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir("locales")
        .map_err(|e| format!("locales/: {e}"))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut all = Vec::new();
    for path in &files {
        let code = path
            .file_stem()
            .and_then(|s| s.to_str())
            .filter(|c| !c.is_empty() && c.bytes().all(|b| b.is_ascii_lowercase()))
            .ok_or_else(|| {
                format!(
                    "{}: name a language file by its lowercase code (es.toml)",
                    path.display()
                )
            })?;
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        all.push(locales::Locale::parse(code, &text)?);
    }
    // The reference first: it is the default language and the others' key list.
    let at = all
        .iter()
        .position(|l| l.code == locales::REFERENCE)
        .ok_or_else(|| format!("locales/{}.toml is missing", locales::REFERENCE))?;
    let reference = all.remove(at);
    all.insert(0, reference);
    let errors: Vec<String> = all[1..]
        .iter()
        .filter_map(|l| locales::check_keys(&all[0], l).err())
        .collect();
    if !errors.is_empty() {
        return Err(errors.join("\n"));
    }
    let generated = locales::generate(&all)?;
    let dir = PathBuf::from(std::env::var("OUT_DIR").map_err(|e| e.to_string())?);
    let write = |name: String, text: &str| {
        let out = dir.join(name);
        std::fs::write(&out, text).map_err(|e| format!("{}: {e}", out.display()))
    };
    write("locales.rs".to_string(), &generated.code)?;
    for (code, table) in &generated.tables {
        write(format!("strings_{code}.txt"), table)?;
    }
    Ok(())
}
