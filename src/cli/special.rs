//! Special files: what a path given as an input or an output really is, and how it is read or
//! written.
//!
//! Outputs are written whole by renaming a temporary file over the path, which is right for a
//! regular file and wrong for anything else: renaming over `/dev/null` as root replaces the
//! device with a regular file, and renaming over a FIFO or a symbolic link replaces the pipe or
//! the link. So an output path is looked at first ([`output`]):
//!
//! | the path is | akaji |
//! | --- | --- |
//! | missing, or a regular file | writes a temporary file beside it and renames it over (whole or not at all) |
//! | a symbolic link to a regular file (or a chain of them) | does the same at the link's target, so the link stays and points at the new file |
//! | a link to nothing | refuses: it would not guess where the file should go |
//! | the null device, a terminal (the one akaji writes to), a pipe (FIFO, `>(command)`) | writes to it directly, as to standard output: a stream has no "whole file" to replace |
//! | another device, a socket, a folder | refuses, saying what it is |
//!
//! Inputs are read whole ([`input`]): a regular file; the null device (empty, as `diff /dev/null
//! new.txt` expects); an anonymous pipe, such as `<(command)` or `/dev/stdin` fed by a pipe, read
//! once to its end. A named FIFO is refused: nobody may ever write to it, and akaji must not
//! hang waiting. Other devices (`/dev/zero` never ends) and sockets are refused.

use std::fs::{self, Metadata};
use std::io;
use std::path::{Path, PathBuf};

/// What an unusual path is, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpecialKind {
    /// A character device other than the null device or akaji's own terminal.
    CharDevice,
    /// A block device (a disk).
    BlockDevice,
    /// A named pipe (FIFO) in the file system.
    NamedPipe,
    /// A Unix socket.
    Socket,
    /// A folder.
    Directory,
    /// A symbolic link whose target does not exist.
    DanglingLink,
}

/// Where and how an output is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutputTarget {
    /// A regular file (or none yet) at this path, replaced whole by a rename.
    File(PathBuf),
    /// A stream (the null device, a terminal, a pipe), written directly.
    Stream(PathBuf),
}

/// How `path`, given as an output, is written; or what it is, when it is refused.
pub fn output(path: &Path) -> Result<OutputTarget, SpecialKind> {
    let refuse = Err;
    let link = match fs::symlink_metadata(path) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(OutputTarget::File(path.to_owned())),
        Err(_) => return Ok(OutputTarget::File(path.to_owned())), // writing will say why
        Ok(m) => m,
    };
    let meta = if link.file_type().is_symlink() {
        match fs::metadata(path) {
            Ok(m) => m,
            Err(_) => return refuse(SpecialKind::DanglingLink),
        }
    } else {
        link.clone()
    };
    if meta.is_file() {
        if !link.file_type().is_symlink() {
            return Ok(OutputTarget::File(path.to_owned()));
        }
        return match fs::canonicalize(path) {
            Ok(target) => Ok(OutputTarget::File(target)),
            Err(_) => refuse(SpecialKind::DanglingLink),
        };
    }
    if meta.is_dir() {
        return refuse(SpecialKind::Directory);
    }
    match kind_of(&meta) {
        Some(SpecialKind::NamedPipe) => Ok(OutputTarget::Stream(path.to_owned())),
        Some(SpecialKind::CharDevice) if is_null_device(&meta) || is_own_terminal(&meta) => {
            Ok(OutputTarget::Stream(path.to_owned()))
        }
        Some(kind) => refuse(kind),
        None => Ok(OutputTarget::File(path.to_owned())),
    }
}

/// Whether `path`, given as an input, is refused before it is opened (and what it is);
/// `Ok(true)` when it is the null device (read as empty).
pub fn input(path: &Path, meta: &Metadata) -> Result<bool, SpecialKind> {
    let refuse = Err;
    if meta.is_file() || meta.is_dir() {
        return Ok(false);
    }
    match kind_of(meta) {
        Some(SpecialKind::CharDevice) if is_null_device(meta) => Ok(true),
        // A pipe that is not a file of the file system (`<(command)`, `/dev/stdin` from a pipe)
        // has its writer already: read it once. A named FIFO may have none.
        Some(SpecialKind::NamedPipe) if fs::canonicalize(path).is_err() => Ok(false),
        Some(kind) => refuse(kind),
        None => Ok(false),
    }
}

#[cfg(unix)]
fn kind_of(meta: &Metadata) -> Option<SpecialKind> {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_fifo() {
        Some(SpecialKind::NamedPipe)
    } else if t.is_char_device() {
        Some(SpecialKind::CharDevice)
    } else if t.is_block_device() {
        Some(SpecialKind::BlockDevice)
    } else if t.is_socket() {
        Some(SpecialKind::Socket)
    } else {
        None
    }
}

#[cfg(not(unix))]
fn kind_of(_meta: &Metadata) -> Option<SpecialKind> {
    None
}

/// Whether a device is the null device, by its device number (so a copy made with mknod is one
/// too): Linux's 1:3, or whatever /dev/null is where it is a character device.
#[cfg(unix)]
fn is_null_device(meta: &Metadata) -> bool {
    use std::os::unix::fs::{FileTypeExt, MetadataExt};
    const LINUX_NULL: u64 = (1 << 8) | 3;
    (cfg!(target_os = "linux") && meta.rdev() == LINUX_NULL)
        || fs::metadata("/dev/null").is_ok_and(|null| null.file_type().is_char_device() && null.rdev() == meta.rdev())
}

#[cfg(not(unix))]
fn is_null_device(_meta: &Metadata) -> bool {
    false
}

/// Whether a device is the terminal akaji's standard output or error is.
#[cfg(unix)]
fn is_own_terminal(meta: &Metadata) -> bool {
    use std::io::IsTerminal;
    use std::os::fd::AsFd;
    use std::os::unix::fs::MetadataExt;
    let same = |fd: std::os::fd::BorrowedFd<'_>| {
        fd.try_clone_to_owned()
            .ok()
            .map(fs::File::from)
            .and_then(|f| f.metadata().ok())
            .is_some_and(|m| m.rdev() == meta.rdev())
    };
    (io::stdout().is_terminal() && same(io::stdout().as_fd()))
        || (io::stderr().is_terminal() && same(io::stderr().as_fd()))
}

#[cfg(not(unix))]
fn is_own_terminal(_meta: &Metadata) -> bool {
    false
}
