//! Reading inputs and writing outputs safely.
//!
//! Inputs are read whole and must be UTF-8; the error names the file and the byte where decoding
//! failed. Outputs are written whole or not at all: to a temporary file beside the target, then
//! renamed over it. An output that is one of the inputs is refused before anything is written.

use crate::document::Document;
use crate::error::Error;
use crate::ledger::{Ledger, Options};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Read a UTF-8 text file.
pub fn read_text(path: &Path) -> Result<String, Error> {
    let bytes = read_bytes(path)?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        Error::Input {
            path: path.to_owned(),
            message: format!("is not UTF-8 text (invalid byte at offset {at}); convert it to UTF-8 first (e.g. iconv -f SHIFT_JIS -t UTF-8)"),
        }
    })
}

/// Read a ledger (TOML, or JSON when the name ends in `.json`); errors name the file.
pub fn load_ledger(path: &Path) -> Result<Ledger, Error> {
    let text = read_text(path)?;
    let name = path.to_string_lossy();
    Ledger::parse(&text, &name).map_err(|source| Error::Ledger { path: path.to_owned(), source })
}

/// Read a text to compare or revise (a draft, a final, an old or new text), paginated by the
/// ledger's options. A `.docx` file is read as the text of its paragraphs; a `.pdf` file as its
/// pages' lines, paginated by the PDF itself ([`crate::pdf::document`]).
pub fn load_document(path: &Path, options: &Options) -> Result<Document, Error> {
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")) {
        return crate::pdf::document(path);
    }
    let marker = options.page_marker().map_err(|e| Error::Input {
        path: path.to_owned(),
        message: format!("the page marker is not a valid regular expression: {e}"),
    })?;
    let is_docx = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("docx"));
    if !is_docx {
        return Ok(Document::from_string(read_text(path)?, &marker));
    }
    let input = |message: String| Error::Input { path: path.to_owned(), message };
    let read = crate::docx::read(&read_bytes(path)?).map_err(|e| input(e.to_string()))?;
    if let Some(changes) = read.describe_changes() {
        return Err(input(format!(
            "holds {changes}. akaji will not guess which version is the text: accept or reject the tracked changes in a word processor, save, and run again"
        )));
    }
    Ok(Document::from_string(read.text, &marker))
}

/// The draft named by a ledger's `draft` key, relative to the ledger's folder.
pub fn ledger_draft_path(ledger_path: &Path, ledger: &Ledger) -> Option<PathBuf> {
    let draft = ledger.draft.as_ref()?;
    Some(ledger_path.parent().unwrap_or(Path::new("")).join(draft))
}

/// Read a file's bytes (refusing files too large to index, 2 GiB and over).
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, Error> {
    let io = |source| Error::Io { path: path.to_owned(), action: "read it", source };
    let len = fs::metadata(path).map_err(io)?.len();
    if len >= crate::fold::MAX_TEXT as u64 {
        return Err(Error::Input {
            path: path.to_owned(),
            message: format!("is {len} bytes; akaji reads texts under 2 GiB: split the document"),
        });
    }
    fs::read(path).map_err(io)
}

/// Refuse an output path that is one of the inputs (compared after resolving links).
pub fn check_output(output: &Path, inputs: &[&Path]) -> Result<(), Error> {
    let out = canonical(output);
    for input in inputs {
        if canonical(input) == out {
            return Err(Error::Usage(format!(
                "refusing to write the output over the input {}: choose another -o path",
                input.display()
            )));
        }
    }
    Ok(())
}

fn canonical(path: &Path) -> PathBuf {
    if let Ok(p) = fs::canonicalize(path) {
        return p;
    }
    // The file does not exist yet: resolve its folder.
    let parent = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    match (fs::canonicalize(parent), path.file_name()) {
        (Ok(dir), Some(name)) => dir.join(name),
        _ => path.to_owned(),
    }
}

/// Write `bytes` to `path` atomically: a temporary file in the same folder, flushed, then renamed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let io = |source| Error::Io { path: path.to_owned(), action: "write it", source };
    let mut tmp = tempfile::Builder::new().prefix(".akaji-").tempfile_in(dir).map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    // The temporary file is private (0600); give the output the permissions of the file it
    // replaces, or those of an ordinary new file.
    let permissions = match fs::metadata(path) {
        Ok(m) => m.permissions(),
        Err(_) => default_permissions(),
    };
    tmp.as_file().set_permissions(permissions).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

#[cfg(unix)]
fn default_permissions() -> fs::Permissions {
    use std::os::unix::fs::PermissionsExt;
    fs::Permissions::from_mode(0o644)
}

#[cfg(not(unix))]
fn default_permissions() -> fs::Permissions {
    let file = tempfile::tempfile().expect("a temporary file can be made");
    file.metadata().expect("its metadata can be read").permissions()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_to_write_over_an_input() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("draft.txt");
        fs::write(&input, "x").unwrap();
        let same = dir.path().join(".").join("draft.txt");
        assert!(check_output(&same, &[&input]).is_err());
        assert!(check_output(&dir.path().join("final.txt"), &[&input]).is_ok());
    }

    #[test]
    fn writes_whole_files() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.txt");
        write_atomic(&out, "本文".as_bytes()).unwrap();
        assert_eq!(fs::read_to_string(&out).unwrap(), "本文");
        let leftovers = fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(fs::metadata(&out).unwrap().permissions().mode() & 0o777, 0o644);
            fs::set_permissions(&out, fs::Permissions::from_mode(0o600)).unwrap();
            write_atomic(&out, b"again").unwrap();
            assert_eq!(fs::metadata(&out).unwrap().permissions().mode() & 0o777, 0o600, "kept on replace");
        }
    }

    #[test]
    fn non_utf8_names_the_file_and_offset() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sjis.txt");
        fs::write(&p, b"ab\x82\xa0").unwrap();
        let msg = read_text(&p).unwrap_err().to_string();
        assert!(msg.contains("sjis.txt") && msg.contains("offset 2"), "{msg}");
    }
}
