//! Generates the UI's string lookups from the language files, `locales/*.toml`
//! (`build/locales.rs` says how): a new language is a new file, and a file whose
//! keys differ from `en.toml` fails the build, naming the file and the key. Each
//! language also gets its string table, `strings_<code>.txt`: the UI's strings, then
//! the lessons' texts (`lessons/*.json`, `build/lessons.rs`), whose structure the
//! page keeps (`lessons.rs`).

#[path = "build/locales.rs"]
mod locales;

use std::path::PathBuf;

fn main() {
    println!("cargo::rerun-if-changed=locales");
    println!("cargo::rerun-if-changed=build");
    println!("cargo::rerun-if-changed=lessons");
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
    let mut generated = locales::generate(&all)?;
    let codes: Vec<&str> = all.iter().map(|l| l.code.as_str()).collect();
    let first = locales::tables::table_paths(&all[0]).len();
    let lessons = locales::lessons::split(&lesson_files()?, &codes, first)?;
    for ((_, table), texts) in generated.tables.iter_mut().zip(&lessons.texts) {
        for text in texts {
            table.push(locales::tables::SEPARATOR);
            table.push_str(text);
        }
    }
    let dir = PathBuf::from(std::env::var("OUT_DIR").map_err(|e| e.to_string())?);
    let write = |name: String, text: &str| {
        let out = dir.join(name);
        std::fs::write(&out, text).map_err(|e| format!("{}: {e}", out.display()))
    };
    write("locales.rs".to_string(), &generated.code)?;
    write("lessons.rs".to_string(), &lessons_code(&lessons))?;
    for (code, table) in &generated.tables {
        write(format!("strings_{code}.txt"), table)?;
    }
    Ok(())
}

/// The lesson files, `(name, text)`, in course order: by the number their name starts
/// with (`3-sales.json`), then by name.
fn lesson_files() -> Result<Vec<(String, String)>, String> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir("lessons").map_err(|e| format!("lessons/: {e}"))? {
        let path = entry.map_err(|e| format!("lessons/: {e}"))?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if name.ends_with(".json") {
            let text =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            files.push((name.to_string(), text));
        }
    }
    let number = |name: &str| -> u32 {
        let digits: String = name.chars().take_while(char::is_ascii_digit).collect();
        digits.parse().unwrap_or(u32::MAX)
    };
    files.sort_by(|(a, _), (b, _)| (number(a), a).cmp(&(number(b), b)));
    Ok(files)
}

/// `FILES` (each lesson's structure, its texts as indices) and `TEXTS` (how many
/// strings the lessons add to every language's table), for `src/lessons/mod.rs`.
fn lessons_code(lessons: &locales::lessons::Split) -> String {
    let files: Vec<String> = lessons
        .files
        .iter()
        .map(|f| format!("    {f:?},\n"))
        .collect();
    format!(
        "/// The lesson files, in course order, each text an index into the string tables.\n\
         const FILES: [&str; {}] = [\n{}];\n\n\
         /// How many strings the lessons add to every language's table, after the UI's.\n\
         pub(crate) const TEXTS: usize = {};\n",
        files.len(),
        files.concat(),
        lessons.texts.first().map_or(0, Vec::len)
    )
}
