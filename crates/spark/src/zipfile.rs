//! The bundle as one `.zip` (feature `zip`): what the app's "Export for Spark"
//! button downloads. Pure Rust (deflate), so it works in wasm32 too.

use std::io::{Seek, Write};

use bslab_engine::time::civil_from_days;
use bslab_engine::ExperimentConfig;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use crate::{bundle_name, check_in_memory, Bundle, BundleFile, Export, ExportError};

/// Days from 1970-01-01 to 2024-01-01: the (fixed) date of the archive's files.
const BASE_DAYS: i64 = 19_723;

/// The zip of `config`'s bundle, in memory (the app's download): the bytes of
/// [`zip_bundle`] of [`crate::bundle`], packed as each file is made, so only
/// the compressed archive is held. The same cap as [`crate::bundle`].
pub fn bundle_zip(config: &ExperimentConfig) -> Result<Vec<u8>, ExportError> {
    check_in_memory(config)?;
    let export = Export::prepare(config)?;
    let out = zip_export(
        &export,
        &bundle_name(config),
        std::io::Cursor::new(Vec::new()),
    )?;
    Ok(out.into_inner())
}

/// Packs `bundle` as a zip whose files are under the folder `root`. Event file k
/// gets the modification time 2024-01-01 00:00:00 + 2·k s (zip times have 2 s
/// resolution), so unzipping keeps Spark's file order where the tool keeps times.
/// Deterministic: the same bundle gives the same bytes.
pub fn zip_bundle(bundle: &Bundle, root: &str) -> Result<Vec<u8>, ExportError> {
    let mut packer = Packer::new(std::io::Cursor::new(Vec::new()), root);
    for file in &bundle.files {
        packer.add(file)?;
    }
    Ok(packer.finish()?.into_inner())
}

/// Packs `export` into `out` file by file as [`Export::write`] makes them (`bslab
/// export --zip`): the bytes of [`zip_bundle`] of the same config, without
/// holding the bundle. Returns `out`.
pub fn zip_export<W: Write + Seek>(export: &Export, root: &str, out: W) -> Result<W, ExportError> {
    let mut packer = Packer::new(out, root);
    export.write(|file| packer.add(&file).map_err(|e| e.to_string()))?;
    packer.finish()
}

/// A zip being written: each file goes in under `root` as it comes.
struct Packer<W: Write + Seek> {
    zip: ZipWriter<W>,
    root: String,
}

impl<W: Write + Seek> Packer<W> {
    fn new(out: W, root: &str) -> Self {
        Self {
            zip: ZipWriter::new(out),
            root: root.to_string(),
        }
    }

    fn add(&mut self, file: &BundleFile) -> Result<(), ExportError> {
        let seconds = 2 * file.micro_batch.unwrap_or(0) as i64;
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .last_modified_time(dos_time(seconds).map_err(|e| zip_error(&e))?)
            .unix_permissions(if file.path.ends_with(".py") {
                0o755
            } else {
                0o644
            });
        self.zip
            .start_file(format!("{}/{}", self.root, file.path), options)
            .map_err(|e| zip_error(&e))?;
        self.zip.write_all(&file.bytes).map_err(|e| zip_error(&e))
    }

    fn finish(self) -> Result<W, ExportError> {
        self.zip.finish().map_err(|e| zip_error(&e))
    }
}

fn zip_error(e: &dyn std::fmt::Display) -> ExportError {
    ExportError::Zip(e.to_string())
}

/// 2024-01-01 00:00:00 plus `seconds`, as a zip (MS-DOS) time.
fn dos_time(seconds: i64) -> Result<DateTime, zip::result::DateTimeRangeError> {
    let (y, m, d) = civil_from_days(BASE_DAYS + seconds.div_euclid(86_400));
    let s = seconds.rem_euclid(86_400);
    DateTime::from_date_and_time(
        y as u16,
        m as u8,
        d as u8,
        (s / 3_600) as u8,
        (s / 60 % 60) as u8,
        (s % 60) as u8,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(BASE_DAYS), (2024, 1, 1));
        assert_eq!(civil_from_days(BASE_DAYS + 59), (2024, 2, 29));
        assert_eq!(civil_from_days(BASE_DAYS + 366), (2025, 1, 1));
        let t = dos_time(2 * 43_201).expect("in range");
        assert_eq!((t.day(), t.hour(), t.minute(), t.second()), (2, 0, 0, 2));
    }
}
