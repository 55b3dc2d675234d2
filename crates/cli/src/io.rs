//! The CLI's file and terminal I/O, as Unix tools do it: a reader that stops
//! early (`bslab run … | head`) ends the run quietly, any other failure is one
//! line with exit code 2, and nothing is read without a size limit.

use std::fs::File;
use std::io::{self, BufWriter, Read, Write};
use std::path::Path;

use bslab_engine::{QueryProgress, ReportDetail, Simulation};

/// What a command prints on stdout.
pub enum Printed {
    /// A line of text.
    Text(String),
    /// The report of a finished run, as pretty JSON written as it is
    /// serialised, window rows included ([`crate::windows_out`]): a report
    /// with every window can be hundreds of MB, never held whole.
    Report(Box<Simulation>, ReportDetail),
    /// Spark-shaped progress, one JSON object per line (`bslab run --progress`).
    Progress(Vec<QueryProgress>),
}

/// Prints `what` and a newline on stdout. A reader that has gone (broken pipe)
/// is not an error: the caller exits 0 without a word, like `cat` under `head`.
pub fn print(what: &Printed) -> Result<(), String> {
    let mut out = BufWriter::new(io::stdout().lock());
    let written = match what {
        Printed::Text(text) => out.write_all(text.as_bytes()),
        Printed::Report(sim, detail) => crate::windows_out::write_report(&mut out, sim, *detail)
            .map_err(|e| io::Error::new(e.io_error_kind().unwrap_or(io::ErrorKind::Other), e)),
        Printed::Progress(log) => log.iter().enumerate().try_for_each(|(i, p)| {
            let newline: &[u8] = if i == 0 { b"" } else { b"\n" };
            out.write_all(newline)
                .and_then(|()| out.write_all(p.to_json().as_bytes()))
        }),
    }
    .and_then(|()| out.write_all(b"\n"))
    .and_then(|()| out.flush());
    match written {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("writing the output: {e}")),
    }
}

/// Prints one error line on stderr; a closed stderr is not worth a panic.
pub fn print_error(message: &str) {
    let _ = writeln!(io::stderr().lock(), "bslab: {message}");
}

/// The whole of a small text file, refused past `max_bytes` (so `/dev/zero` or a
/// huge file cannot exhaust memory) or when it is not UTF-8.
pub fn read_small_text(path: &Path, max_bytes: usize) -> Result<String, String> {
    let at = |e: io::Error| format!("{}: {e}", path.display());
    let mut bytes = Vec::new();
    File::open(path)
        .and_then(|f| f.take(max_bytes as u64 + 1).read_to_end(&mut bytes))
        .map_err(at)?;
    if bytes.len() > max_bytes {
        return Err(format!(
            "{}: larger than {max_bytes} bytes, the most a config file may hold",
            path.display()
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "{}: not UTF-8 text (invalid byte at offset {})",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })
}

/// Refuses to write the file `path` given by option `flag` (`--csv`, `--out`)
/// over a directory, or over an existing file without `--force`: nothing
/// deletes a user's file unasked.
pub fn check_file_target(flag: &str, path: &Path, force: bool) -> Result<(), String> {
    if path.is_dir() {
        return Err(format!(
            "{flag}: {} is a directory; give a file name",
            path.display()
        ));
    }
    if path.exists() && !force {
        return Err(format!(
            "{flag}: {} already exists (use --force to overwrite)",
            path.display()
        ));
    }
    Ok(())
}
