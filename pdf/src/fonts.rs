//! The typefaces the PDF embeds, and measuring text with them.
//!
//! The fonts are data handed in, never looked up while rendering: a server reads them once at
//! start-up (by default Debian's DejaVu Sans, package `fonts-dejavu-core`, which covers Latin,
//! Greek, Cyrillic and Arabic) and renders every PDF with the same bytes, so the same
//! application gives the same PDF.

use crate::PdfError;
use krilla::text::Font;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where Debian and Ubuntu install DejaVu Sans (`apt-get install fonts-dejavu-core`).
pub const DEFAULT_REGULAR: &str = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
/// The bold face beside it.
pub const DEFAULT_BOLD: &str = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

/// A regular and a bold face (TrueType or OpenType, embedded as subsets).
#[derive(Clone)]
pub struct Fonts {
    regular: Face,
    bold: Face,
}

impl std::fmt::Debug for Fonts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Fonts").finish_non_exhaustive()
    }
}

#[derive(Clone)]
struct Face {
    bytes: Arc<Vec<u8>>,
    font: Font,
}

impl Face {
    fn new(bytes: Vec<u8>, name: &str) -> Result<Face, PdfError> {
        let bytes = Arc::new(bytes);
        // Both readers must accept it: krilla embeds it, rustybuzz measures with it.
        rustybuzz::Face::from_slice(&bytes, 0).ok_or_else(|| PdfError::Font(name.to_owned()))?;
        let font = Font::new(bytes.clone().into(), 0).ok_or_else(|| PdfError::Font(name.to_owned()))?;
        Ok(Face { bytes, font })
    }
}

impl Fonts {
    /// Fonts from the bytes of two font files.
    pub fn from_bytes(regular: Vec<u8>, bold: Vec<u8>) -> Result<Fonts, PdfError> {
        Ok(Fonts { regular: Face::new(regular, "regular")?, bold: Face::new(bold, "bold")? })
    }

    /// Reads two font files, e.g. the paths of a server's configuration.
    pub fn from_files(regular: &Path, bold: &Path) -> Result<Fonts, PdfError> {
        let read =
            |path: &Path| std::fs::read(path).map_err(|e| PdfError::Font(format!("{}: {e}", path.display())));
        let named = |path: &Path, face: Result<Face, PdfError>| {
            face.map_err(|_| PdfError::Font(format!("{}: not a font this renderer reads", path.display())))
        };
        Ok(Fonts {
            regular: named(regular, Face::new(read(regular)?, "regular"))?,
            bold: named(bold, Face::new(read(bold)?, "bold"))?,
        })
    }

    /// DejaVu Sans where Debian installs it ([`DEFAULT_REGULAR`], [`DEFAULT_BOLD`]).
    pub fn system_default() -> Result<Fonts, PdfError> {
        Fonts::from_files(&PathBuf::from(DEFAULT_REGULAR), &PathBuf::from(DEFAULT_BOLD)).map_err(|e| {
            PdfError::Font(format!("{e} (install the Debian package fonts-dejavu-core, or configure fonts)"))
        })
    }

    pub(crate) fn font(&self, bold: bool) -> Font {
        if bold { self.bold.font.clone() } else { self.regular.font.clone() }
    }

    /// The shapers measuring with these fonts while one PDF is laid out.
    pub(crate) fn measure(&self) -> Measure<'_> {
        Measure {
            regular: rustybuzz::Face::from_slice(&self.regular.bytes, 0),
            bold: rustybuzz::Face::from_slice(&self.bold.bytes, 0),
        }
    }
}

/// Measures text as krilla will draw it (shaped by rustybuzz, so ligatures, kerning and Arabic
/// joining forms are counted).
pub(crate) struct Measure<'a> {
    regular: Option<rustybuzz::Face<'a>>,
    bold: Option<rustybuzz::Face<'a>>,
}

impl Measure<'_> {
    /// The advance of `text` at `size` points.
    pub(crate) fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        let face = if bold { &self.bold } else { &self.regular };
        let Some(face) = face else { return 0.0 };
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(text);
        buffer.guess_segment_properties();
        let shaped = rustybuzz::shape(face, &[], buffer);
        let units: i64 = shaped.glyph_positions().iter().map(|p| i64::from(p.x_advance)).sum();
        units as f32 * size / face.units_per_em().max(1) as f32
    }

    /// `text` as it can be drawn: a character the font lacks becomes U+FFFD (a PDF/UA and PDF/A
    /// writer must not draw the missing-glyph box), a control character goes (a tab becomes a
    /// space). `None` when `text` is drawable as it is. The span keeps the original as its
    /// `ActualText`, so copying and screen readers still get what the citizen typed.
    pub(crate) fn drawable(&self, text: &str, bold: bool) -> Option<String> {
        let face = if bold { self.bold.as_ref() } else { self.regular.as_ref() }?;
        let has = |c: char| face.glyph_index(c).is_some();
        let fits = |c: char| !c.is_control() && (has(c) || is_default_ignorable(c));
        if text.chars().all(fits) {
            return None;
        }
        let missing = if has('\u{fffd}') { '\u{fffd}' } else { '?' };
        let drawn = text.chars().filter_map(|c| match c {
            '\t' => Some(' '),
            c if c.is_control() => None,
            c if fits(c) => Some(c),
            _ => Some(missing),
        });
        Some(drawn.collect())
    }
}

/// Characters that are invisible by definition (Unicode's Default_Ignorable_Code_Point): the
/// shaper hides them, so a font need not have them.
fn is_default_ignorable(c: char) -> bool {
    matches!(c as u32,
        0x00AD | 0x034F | 0x061C | 0x115F..=0x1160 | 0x17B4..=0x17B5 | 0x180B..=0x180F
        | 0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x206F | 0x3164 | 0xFE00..=0xFE0F
        | 0xFEFF | 0xFFA0 | 0xFFF0..=0xFFF8 | 0x1BCA0..=0x1BCA3 | 0x1D173..=0x1D17A
        | 0xE0000..=0xE0FFF)
}
