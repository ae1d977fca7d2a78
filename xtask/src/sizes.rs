//! Raw, gzip and brotli sizes of the files a page downloads.

use crate::Result;
use std::io::Write;
use std::path::Path;

/// Sizes of one file in bytes.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Sizes {
    pub(crate) raw: usize,
    pub(crate) gzip: usize,
    pub(crate) brotli: usize,
}

/// Measures one file: gzip -9 and brotli quality 11, what a well-configured server sends.
pub(crate) fn measure(bytes: &[u8]) -> Result<Sizes> {
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gzip.write_all(bytes).map_err(|e| e.to_string())?;
    let gzip = gzip.finish().map_err(|e| e.to_string())?.len();
    Ok(Sizes { raw: bytes.len(), gzip, brotli: brotli(bytes)?.len() })
}

/// `bytes` by brotli at quality 11 with a 4 MB window: what the table measures and what
/// `precompress` ships as `.br`.
pub(crate) fn brotli(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut brotli = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut brotli, &params).map_err(|e| e.to_string())?;
    Ok(brotli)
}

/// Prints a table of `files` in `dir` with a total line, and returns the total.
pub(crate) fn print(dir: &Path, files: &[String]) -> Result<Sizes> {
    let mut total = Sizes::default();
    println!("{:<36} {:>10} {:>10} {:>10}", "file", "raw", "gzip", "brotli");
    for file in files {
        let path = dir.join(file);
        let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let sizes = measure(&bytes)?;
        println!("{file:<36} {:>10} {:>10} {:>10}", sizes.raw, sizes.gzip, sizes.brotli);
        total.raw += sizes.raw;
        total.gzip += sizes.gzip;
        total.brotli += sizes.brotli;
    }
    println!("{:<36} {:>10} {:>10} {:>10}", "total", total.raw, total.gzip, total.brotli);
    Ok(total)
}
