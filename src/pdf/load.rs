//! Finding and loading libpdfium, once per process, only when a PDF is read.
//!
//! PDFium is not a Debian package and akaji does not build it: the library is loaded at run time
//! (`dlopen`) from the first of these that exists:
//!
//! 1. the file named by `AKAJI_PDFIUM` (or `libpdfium.so` in the folder it names). When set, it is
//!    the only place tried, so a wrong value is reported rather than quietly passed over;
//! 2. `libpdfium.so` beside the `akaji` executable, or in `../lib` from it;
//! 3. `~/.local/lib/akaji/libpdfium.so` (where `.ci/install-pdfium` puts it: no root needed);
//! 4. `/usr/local/lib/akaji/`, `/usr/local/lib/`, `/usr/lib/akaji/`, `/usr/lib/`;
//! 5. the system's library search (`LD_LIBRARY_PATH`, the loader's cache).
//!
//! The variable is akaji's own name, not pdfium-render's `PDFIUM_DYNAMIC_LIB_PATH`: that one is
//! read by pdfium-render's build script when linking at build time, and reusing it would make a
//! build setting change what a run loads.
//!
//! The library comes from the `pypdfium2` wheel on PyPI, pinned in `.ci/install-pdfium`
//! (pypdfium2 5.15.2, PDFium build 8149), bound with pdfium-render's `pdfium_8125` API (the
//! newest that pdfium-render 0.9.5 knows; every function it binds is in build 8149). A library
//! that lacks one of those functions fails to bind and is reported as the wrong version.
//!
//! Text and `.docx` inputs never reach this module.

use super::problem::{LibraryFailure, LibraryTry, PdfProblem};
use pdfium_render::prelude::{Pdfium, PdfiumError};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The environment variable naming the library (a file, or a folder holding `libpdfium.so`).
pub const ENV: &str = "AKAJI_PDFIUM";

/// The pypdfium2 wheel whose PDFium akaji binds (messages name it).
pub(crate) const PYPDFIUM: &str = "5.15.2";

/// The PDFium build that wheel ships.
pub(crate) const BUILD: u32 = 8149;

static PDFIUM: OnceLock<Result<Pdfium, PdfProblem>> = OnceLock::new();

/// The process's PDFium, loaded on first use; the problem says what was tried.
pub(crate) fn pdfium() -> Result<&'static Pdfium, PdfProblem> {
    PDFIUM.get_or_init(load).as_ref().map_err(Clone::clone)
}

/// The places tried, in order (without the system search, which has no path).
pub(crate) fn candidates() -> Vec<PathBuf> {
    if let Some(v) = std::env::var_os(ENV).filter(|v| !v.is_empty()) {
        let p = PathBuf::from(v);
        return vec![if p.is_dir() { p.join(LIB) } else { p }];
    }
    let mut out = Vec::new();
    if let Some(dir) = std::env::current_exe().ok().and_then(|e| e.parent().map(Path::to_owned)) {
        out.push(dir.join(LIB));
        out.push(dir.join("../lib").join(LIB));
    }
    if let Some(home) = std::env::var_os("HOME").filter(|h| !h.is_empty()) {
        out.push(PathBuf::from(home).join(".local/lib/akaji").join(LIB));
    }
    for dir in ["/usr/local/lib/akaji", "/usr/local/lib", "/usr/lib/akaji", "/usr/lib"] {
        out.push(Path::new(dir).join(LIB));
    }
    out
}

const LIB: &str = "libpdfium.so";

fn load() -> Result<Pdfium, PdfProblem> {
    let explicit = std::env::var_os(ENV).is_some_and(|v| !v.is_empty());
    let mut tried = Vec::new();
    for path in candidates() {
        if !path.is_file() {
            tried.push(LibraryTry { place: Some(path), failure: LibraryFailure::Missing });
            continue;
        }
        match Pdfium::bind_to_library(&path) {
            Ok(bindings) => return Ok(Pdfium::new(bindings)),
            Err(e) => tried.push(LibraryTry { place: Some(path), failure: failure(&e) }),
        }
    }
    if !explicit {
        match Pdfium::bind_to_system_library() {
            Ok(bindings) => return Ok(Pdfium::new(bindings)),
            Err(e) => tried.push(LibraryTry { place: None, failure: failure(&e) }),
        }
    }
    Err(PdfProblem::NoLibrary { tried })
}

fn failure(e: &PdfiumError) -> LibraryFailure {
    match e {
        PdfiumError::LoadLibraryError(e) => {
            // libloading's message is "dlopen failed"; the reason is its source.
            let s = match std::error::Error::source(e) {
                Some(why) => format!("{e}: {why}"),
                None => e.to_string(),
            };
            if s.contains("undefined symbol") || s.contains("GetProcAddress") || s.contains("dlsym") {
                LibraryFailure::WrongBuild(s)
            } else {
                LibraryFailure::NotLoaded(s)
            }
        }
        other => LibraryFailure::NotLoaded(format!("{other:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_usual_places_are_searched_in_order() {
        if std::env::var_os(ENV).is_some() {
            return; // the variable replaces the search; covered by the CLI test
        }
        let places = candidates();
        let home = places.iter().position(|p| p.ends_with(".local/lib/akaji/libpdfium.so")).unwrap();
        let usr = places.iter().position(|p| p == Path::new("/usr/lib/libpdfium.so")).unwrap();
        assert!(places[0].ends_with(LIB) && home < usr, "{places:?}");
    }
}
