//! Safe access to the parts of a `.docx` archive that may be hostile.
//!
//! Nothing is ever extracted to disk. Before any part is read, every entry of the archive is
//! checked: a name that climbs out of the archive or names a drive or an absolute path (`../x`,
//! `/etc/x`, `C:\x`), a duplicated name, an encrypted entry, too many entries, or declared sizes
//! that add up to more than [`Limits::max_total`] refuse the whole archive. A part is then read
//! in chunks with its size bounded by [`Limits::max_part`] whatever its header claims; all the
//! parts read together are bounded by [`Limits::max_total`], and the archive is refused as a zip
//! bomb as soon as what was read from it is more than [`Limits::max_ratio`] times the whole
//! archive's size (past the first MiB). The ratio is the whole archive's, not a part's: the body
//! of a genuine document of repetitive text compresses far more than 200 times (a 1.8 MB
//! `.docx` with pictures was refused when each part was held to it), while a bomb is small
//! altogether. Reading to the end checks the CRC, so a damaged part is refused too. Memory stays
//! bounded by the archive, one part, and the text drawn from it.

use super::limits::Limits;
use super::problem::{DocxProblem, UnsafeName};
use crate::keyed::Set;
use std::io::{Cursor, Read};
use zip::result::ZipError;
use zip::ZipArchive;

/// An archive whose entries have passed the checks.
pub(super) struct Package<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    limits: Limits,
    /// The archive's size in bytes.
    archive: u64,
    /// Bytes expanded from it so far, all parts together.
    expanded: u64,
}

impl<'a> Package<'a> {
    /// Open `bytes` as a zip archive and check every entry.
    pub fn open(bytes: &'a [u8], limits: &Limits) -> Result<Package<'a>, DocxProblem> {
        if bytes.len() as u64 > limits.max_archive {
            return Err(DocxProblem::TooLarge { part: "the archive".into(), limit: limits.max_archive });
        }
        let not_zip = |e: ZipError| DocxProblem::NotZip { detail: e.to_string() };
        let mut zip = ZipArchive::new(Cursor::new(bytes)).map_err(not_zip)?;
        if zip.len() > limits.max_entries {
            return Err(DocxProblem::TooManyEntries { count: zip.len(), limit: limits.max_entries });
        }
        let mut names = Set::default();
        let mut total = 0u64;
        for i in 0..zip.len() {
            let f = zip.by_index_raw(i).map_err(not_zip)?;
            let name = f.name().to_owned();
            if let Some(reason) = unsafe_name(&name) {
                return Err(DocxProblem::UnsafeEntry { name, reason });
            }
            if !names.insert(name.to_ascii_lowercase()) {
                return Err(DocxProblem::UnsafeEntry { name, reason: UnsafeName::Duplicate });
            }
            if f.encrypted() {
                return Err(DocxProblem::Encrypted { name });
            }
            total = total.saturating_add(f.size());
            if total > limits.max_total {
                return Err(DocxProblem::TooLarge {
                    part: "the archive's entries together".into(),
                    limit: limits.max_total,
                });
            }
        }
        Ok(Package { zip, limits: limits.clone(), archive: bytes.len() as u64, expanded: 0 })
    }

    /// Whether the archive holds a part of this name.
    pub fn has(&self, name: &str) -> bool {
        self.zip.index_for_name(name).is_some()
    }

    /// Read one part, bounded in size and expansion; the CRC is checked.
    pub fn part(&mut self, name: &str) -> Result<Vec<u8>, DocxProblem> {
        let corrupt = |detail: String| DocxProblem::Corrupt { part: name.to_owned(), detail };
        let mut f = match self.zip.by_name(name) {
            Ok(f) => f,
            Err(ZipError::FileNotFound) => return Err(DocxProblem::Missing { part: name.to_owned() }),
            Err(e) => return Err(corrupt(e.to_string())),
        };
        let archive = self.archive.max(1);
        let mut out = Vec::with_capacity(f.size().min(1 << 20) as usize);
        let mut chunk = vec![0u8; 64 * 1024];
        loop {
            let n = f.read(&mut chunk).map_err(|e| corrupt(e.to_string()))?;
            if n == 0 {
                return Ok(out);
            }
            out.extend_from_slice(&chunk[..n]);
            self.expanded += n as u64;
            if out.len() as u64 > self.limits.max_part {
                return Err(DocxProblem::TooLarge { part: name.to_owned(), limit: self.limits.max_part });
            }
            if self.expanded > self.limits.max_total {
                let part = "the archive's parts together".to_owned();
                return Err(DocxProblem::TooLarge { part, limit: self.limits.max_total });
            }
            if self.expanded > (1 << 20) && self.expanded / archive > self.limits.max_ratio {
                return Err(DocxProblem::Bomb {
                    part: name.to_owned(),
                    compressed: archive,
                    ratio: self.limits.max_ratio,
                });
            }
        }
    }
}

/// Why an entry name is a path trick, if it is one.
fn unsafe_name(name: &str) -> Option<UnsafeName> {
    if name.is_empty() {
        return Some(UnsafeName::Empty);
    }
    if name.starts_with('/') {
        return Some(UnsafeName::Absolute);
    }
    if name.contains('\\') {
        return Some(UnsafeName::Backslash);
    }
    if name.contains(':') {
        return Some(UnsafeName::Colon);
    }
    if name.chars().any(char::is_control) {
        return Some(UnsafeName::Control);
    }
    if name.split('/').any(|c| c == "..") {
        return Some(UnsafeName::ClimbsOut);
    }
    None
}

/// Resolve a relationship target against the folder of its source part (`""` for the package
/// root); `None` when the target leaves the package or is external.
pub(super) fn resolve(base: &str, target: &str) -> Option<String> {
    if target.contains("://") || target.contains('\\') || target.contains(':') {
        return None;
    }
    let mut parts: Vec<&str> = if target.starts_with('/') { Vec::new() } else { base.split('/').collect() };
    for c in target.split('/') {
        match c {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            c => parts.push(c),
        }
    }
    parts.retain(|p| !p.is_empty());
    (!parts.is_empty()).then(|| parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_tricks_are_named() {
        assert!(unsafe_name("../evil.xml").is_some());
        assert!(unsafe_name("word/../../evil.xml").is_some());
        assert!(unsafe_name("/etc/passwd").is_some());
        assert!(unsafe_name("C:/x").is_some());
        assert!(unsafe_name("word\\document.xml").is_some());
        assert_eq!(unsafe_name("word/document.xml"), None);
        assert_eq!(unsafe_name("[Content_Types].xml"), None);
    }

    #[test]
    fn targets_resolve_inside_the_package_only() {
        assert_eq!(resolve("", "word/document.xml").as_deref(), Some("word/document.xml"));
        assert_eq!(resolve("", "/word/document.xml").as_deref(), Some("word/document.xml"));
        assert_eq!(resolve("word", "../customXml/item.xml").as_deref(), Some("customXml/item.xml"));
        assert_eq!(resolve("", "../../etc/passwd"), None);
        assert_eq!(resolve("", "https://example.com/x.xml"), None);
    }
}
