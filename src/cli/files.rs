//! Reading inputs and writing outputs safely: the command line's file policy.
//!
//! Inputs are read whole (refused from 2 GiB on, before they are read) and must be UTF-8, or a
//! `.docx`; the library says what the bytes hold ([`akaji::read_document`]), and the error names
//! the file. Outputs are written whole or not at all: to a temporary file beside the target, then
//! renamed over it. An output that is one of the inputs is refused before anything is written.

use super::error::{CliError, IoAction, Usage};
use super::pipe::WriteSend;
use super::special::{self, OutputTarget};
use akaji::{Document, InputKind, InputProblem, Ledger, PageMarker, MAX_INPUT};
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// Read a UTF-8 text file.
pub fn read_text(path: &Path) -> Result<String, CliError> {
    akaji::decode_text(read_bytes(path)?).map_err(|problem| CliError::Input { path: path.to_owned(), problem })
}

/// Read a ledger (TOML, or JSON when the name ends in `.json`); errors name the file.
pub fn load_ledger(path: &Path) -> Result<Ledger, CliError> {
    let text = read_text(path)?;
    let name = path.to_string_lossy();
    let ledger =
        Ledger::parse(&text, &name).map_err(|problems| CliError::Ledger { path: path.to_owned(), problems })?;
    super::lang::ledger_lang(ledger.options.lang);
    Ok(ledger)
}

/// Read a text to compare or revise (a draft, a final, an old or new text), paginated by
/// `marker`. A `.docx` file is read as the text of its paragraphs.
pub fn load_document(path: &Path, marker: &PageMarker) -> Result<Document, CliError> {
    let bytes = read_bytes(path)?;
    akaji::read_document(bytes, InputKind::from_path(path), marker)
        .map_err(|problem| CliError::Input { path: path.to_owned(), problem })
}

/// Read two documents at once, the second on a thread of its own: reading a text (UTF-8
/// validation, lines, pages, running heads and footers) is nearly a third of a paged `akaji diff`, and
/// the two texts do not depend on each other. Errors come as if read in order: the first
/// document's problem is the one reported when both have one.
pub fn load_documents(first: &Path, second: &Path, marker: &PageMarker) -> Result<(Document, Document), CliError> {
    let (second, first) = akaji::threads::join(|| load_document(second, marker), || load_document(first, marker));
    Ok((first?, second?))
}

/// The draft named by a ledger's `draft` key, relative to the ledger's folder. A ledger is
/// untrusted (a CI may verify the ledger of a pull request and publish the report): its `draft`
/// must stay inside the ledger's folder, or any readable file of the machine could be embedded
/// in a report. An absolute path, a `..` or a symbolic link leading out is refused; the user may
/// still name such a draft with `--draft`.
pub fn ledger_draft_path(ledger_path: &Path, ledger: &Ledger) -> Result<Option<PathBuf>, CliError> {
    let Some(draft) = ledger.draft.as_ref() else { return Ok(None) };
    let folder = ledger_path.parent().unwrap_or(Path::new(""));
    let path = folder.join(draft);
    let outside = || Usage::DraftOutsideLedger { ledger: ledger_path.to_owned(), draft: draft.clone() };
    let relative = Path::new(draft);
    if relative.is_absolute()
        || relative.components().any(|c| !matches!(c, std::path::Component::Normal(_) | std::path::Component::CurDir))
    {
        return Err(outside().into());
    }
    // Through symbolic links: the draft as found must be inside the folder as found.
    let base = if folder.as_os_str().is_empty() { Path::new(".") } else { folder };
    if let (Ok(real), Ok(base)) = (fs::canonicalize(&path), fs::canonicalize(base)) {
        if !real.starts_with(&base) {
            return Err(outside().into());
        }
    }
    Ok(Some(path))
}

/// Read a file's bytes, refusing one too large to index (2 GiB and over) before reading it,
/// and a special file that cannot be read whole ([`special::input`]): a pipe is read once, to
/// its end, as long as it stays under that size.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, CliError> {
    let io = |source| CliError::Io { path: path.to_owned(), action: IoAction::Read, source };
    let too_large = |bytes| CliError::Input { path: path.to_owned(), problem: InputProblem::TooLarge { bytes }.into() };
    let meta = fs::metadata(path).map_err(io)?;
    let refused = |kind| CliError::from(Usage::SpecialFile { path: path.to_owned(), kind, output: false });
    if special::input(path, &meta).map_err(refused)? {
        return Ok(Vec::new());
    }
    if meta.len() >= MAX_INPUT {
        return Err(too_large(meta.len()));
    }
    if meta.is_file() {
        return fs::read(path).map_err(io);
    }
    let mut bytes = Vec::new();
    fs::File::open(path).and_then(|f| f.take(MAX_INPUT).read_to_end(&mut bytes)).map_err(io)?;
    if bytes.len() as u64 >= MAX_INPUT {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Refuse an output path that is one of the inputs (compared after resolving links).
pub fn check_output(output: &Path, inputs: &[&Path]) -> Result<(), CliError> {
    let out = canonical(output);
    for input in inputs {
        if canonical(input) == out {
            return Err(Usage::OutputOverInput { input: input.to_path_buf() }.into());
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

/// Fill `path` with `fill`: a regular file atomically (a temporary file in the same folder,
/// flushed, then renamed; through a symbolic link, at its target), a stream (the null device, a
/// terminal, a pipe) directly; any other special file is refused ([`special::output`]).
pub fn write_output(
    path: &Path,
    fill: impl FnOnce(&mut dyn WriteSend) -> Result<(), CliError>,
) -> Result<(), CliError> {
    let refused = |kind| CliError::from(Usage::SpecialFile { path: path.to_owned(), kind, output: true });
    match special::output(path).map_err(refused)? {
        OutputTarget::File(target) => write_atomic(&target, fill),
        OutputTarget::Stream(stream) => {
            let io = |source| CliError::Io { path: path.to_owned(), action: IoAction::Write, source };
            let mut f = fs::OpenOptions::new().write(true).open(&stream).map_err(io)?;
            fill(&mut f)?;
            f.flush().map_err(io)
        }
    }
}

/// Fill the regular file `path` with `fill` atomically: a temporary file in the same folder,
/// flushed, then renamed. When `fill` fails the temporary file is removed and `path` is as it
/// was.
fn write_atomic(path: &Path, fill: impl FnOnce(&mut dyn WriteSend) -> Result<(), CliError>) -> Result<(), CliError> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let io = |source| CliError::Io { path: path.to_owned(), action: IoAction::Write, source };
    let mut tmp = tempfile::Builder::new().prefix(".akaji-").tempfile_in(dir).map_err(io)?;
    fill(tmp.as_file_mut())?;
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
    use crate::cli::messages;

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
        let fill = |parts: &'static [&'static str]| {
            move |w: &mut dyn WriteSend| {
                let io = |source| CliError::Io { path: PathBuf::new(), action: IoAction::Write, source };
                parts.iter().try_for_each(|p| w.write_all(p.as_bytes())).map_err(io)
            }
        };
        write_atomic(&out, fill(&["本", "文"])).unwrap();
        assert_eq!(fs::read_to_string(&out).unwrap(), "本文");
        let leftovers = fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(fs::metadata(&out).unwrap().permissions().mode() & 0o777, 0o644);
            fs::set_permissions(&out, fs::Permissions::from_mode(0o600)).unwrap();
            write_atomic(&out, fill(&["again"])).unwrap();
            assert_eq!(fs::metadata(&out).unwrap().permissions().mode() & 0o777, 0o600, "kept on replace");
        }
    }

    #[test]
    fn a_failed_fill_leaves_the_old_file_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.html");
        fs::write(&out, "before").unwrap();
        let failed = write_atomic(&out, |w| {
            w.write_all(b"half of it").unwrap();
            Err(Usage::Unsupported { detail: "cannot".into() }.into())
        });
        assert!(failed.is_err());
        assert_eq!(fs::read_to_string(&out).unwrap(), "before");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1, "the temporary file is gone");
    }

    #[test]
    fn non_utf8_names_the_file_and_offset() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sjis.txt");
        fs::write(&p, b"ab\x82\xa0").unwrap();
        let msg = messages::error(&read_text(&p).unwrap_err());
        assert!(msg.contains("sjis.txt") && msg.contains("offset 2"), "{msg}");
    }
}
