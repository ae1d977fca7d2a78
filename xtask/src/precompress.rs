//! Precompressed copies of the runtime files in dist/ (the page files and `Formlotse.check`'s):
//! `F.gz` and `F.br` next to each, for web servers that send a file's compressed copy as it is
//! (nginx `gzip_static`, Caddy `precompressed`, the demo server). A server left as installed
//! often sends the wasm uncompressed (nginx compresses only `text/html` until `gzip_types` says
//! more) or compresses at a low level (nginx's `gzip_comp_level` is 1); these are compressed
//! once, as hard as the formats allow: `.gz` by zopfli (an ordinary gzip stream, about 4 %
//! smaller than `gzip -9` on the wasm) and `.br` by brotli at quality 11. The size budget still
//! measures `gzip -9` (`budget.rs`).

use crate::Result;
use std::path::Path;

/// Bytes of the precompressed copies of some files.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Shipped {
    pub(crate) gzip: usize,
    pub(crate) brotli: usize,
}

/// Writes `F.gz` and `F.br` next to each of `files` in `dir`; returns their total sizes.
pub(crate) fn write(dir: &Path, files: &[String]) -> Result<Shipped> {
    let mut total = Shipped::default();
    for file in files {
        let path = dir.join(file);
        let bytes = std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let (gzip, brotli) = compress(&bytes)?;
        for (suffix, compressed) in [("gz", &gzip), ("br", &brotli)] {
            let target = dir.join(format!("{file}.{suffix}"));
            std::fs::write(&target, compressed)
                .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
        }
        total.gzip += gzip.len();
        total.brotli += brotli.len();
    }
    Ok(total)
}

/// `bytes` as a zopfli gzip stream and as brotli at quality 11.
fn compress(bytes: &[u8]) -> Result<(Vec<u8>, Vec<u8>)> {
    let mut gzip = Vec::new();
    zopfli::compress(zopfli::Options::default(), zopfli::Format::Gzip, bytes, &mut gzip)
        .map_err(|e| format!("zopfli: {e}"))?;
    Ok((gzip, crate::sizes::brotli(bytes)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};

    /// Both copies decompress to the file, and the gzip copy is no larger than `gzip -9`.
    #[test]
    fn copies_decompress_to_the_original() {
        let text: Vec<u8> = (0..500).flat_map(|i: u32| format!("field-{} ", i % 97).into_bytes()).collect();
        let (gzip, brotli) = compress(&text).unwrap();

        let mut unzipped = Vec::new();
        flate2::read::GzDecoder::new(&gzip[..]).read_to_end(&mut unzipped).unwrap();
        assert_eq!(unzipped, text);
        let mut unbrotlied = Vec::new();
        brotli::BrotliDecompress(&mut &brotli[..], &mut unbrotlied).unwrap();
        assert_eq!(unbrotlied, text);

        let mut best = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        best.write_all(&text).unwrap();
        assert!(gzip.len() <= best.finish().unwrap().len());
    }
}
