//! Issue 10.6: special files. An output is a regular file replaced whole (through a symbolic
//! link, its target); the null device, a terminal and a pipe are written to directly; other
//! devices and sockets are refused. An input that is a named pipe is refused at once instead of
//! waiting forever; a pipe such as `<(command)` is read once.

use crate::util::{akaji_in, Run};
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[cfg(unix)]
use std::os::unix::fs::FileTypeExt;

const DRAFT: &str = "本部を設置する。\n";
const LEDGER: &str = "[[decision]]\nid = \"1\"\n[[decision.edit]]\nold = \"設置\"\nnew = \"開催\"\n";
const FINAL: &str = "本部を開催する。\n";

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("draft.txt"), DRAFT).unwrap();
    fs::write(dir.path().join("ledger.toml"), LEDGER).unwrap();
    dir
}

fn apply_to(dir: &Path, out: &str) -> Run {
    akaji_in(dir, &["apply", "draft.txt", "ledger.toml", "-o", out])
}

/// `-o` a null device: as root, main replaced the device with a regular file. The device is
/// made with mknod in a temporary folder (root only), so that no test ever risks /dev/null.
#[cfg(unix)]
#[test]
fn a_null_device_output_stays_a_device() {
    let dir = folder();
    let null = dir.path().join("null");
    let made = Command::new("mknod").arg(&null).args(["c", "1", "3"]).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("SKIPPED: mknod needs root");
        return;
    }
    let run = apply_to(dir.path(), "null");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(fs::symlink_metadata(&null).unwrap().file_type().is_char_device(), "still the null device");
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 3, "no temporary file left beside it");
}

/// `-o` a symbolic link: the link stays, its target gets the final.
#[cfg(unix)]
#[test]
fn a_symlink_output_writes_its_target() {
    let dir = folder();
    fs::create_dir(dir.path().join("real")).unwrap();
    fs::write(dir.path().join("real/final.txt"), "old").unwrap();
    std::os::unix::fs::symlink("real/final.txt", dir.path().join("final.txt")).unwrap();
    let run = apply_to(dir.path(), "final.txt");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(fs::symlink_metadata(dir.path().join("final.txt")).unwrap().file_type().is_symlink(), "the link stays");
    assert_eq!(fs::read_to_string(dir.path().join("real/final.txt")).unwrap(), FINAL);
    // A link to nothing is refused.
    std::os::unix::fs::symlink("missing/x.txt", dir.path().join("dangling.txt")).unwrap();
    let run = apply_to(dir.path(), "dangling.txt");
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("dangling.txt is a symbolic link to a file that does not exist"), "{}", run.stderr);
}

/// `-o` a FIFO: written to as a stream (main replaced the pipe with a regular file).
#[cfg(unix)]
#[test]
fn a_fifo_output_is_written_to_and_stays_a_fifo() {
    let dir = folder();
    let fifo = dir.path().join("pipe");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
    };
    let run = apply_to(dir.path(), "pipe");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(reader.join().unwrap(), FINAL);
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo(), "still a FIFO");
}

/// `-o` a socket or a folder: refused with what it is.
#[cfg(unix)]
#[test]
fn a_socket_output_is_refused() {
    let dir = folder();
    let _listener = std::os::unix::net::UnixListener::bind(dir.path().join("sock")).unwrap();
    let run = apply_to(dir.path(), "sock");
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("refusing to write to sock, which is a socket"), "{}", run.stderr);
    assert!(fs::symlink_metadata(dir.path().join("sock")).unwrap().file_type().is_socket());
    fs::create_dir(dir.path().join("sub")).unwrap();
    let run = apply_to(dir.path(), "sub");
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("which is a folder"), "{}", run.stderr);
}

/// A named pipe as an input is refused at once (main waited forever for a writer).
#[cfg(unix)]
#[test]
fn a_fifo_input_does_not_hang() {
    let dir = folder();
    assert!(Command::new("mkfifo").arg(dir.path().join("draft.fifo")).status().unwrap().success());
    let mut child = Command::new(env!("CARGO_BIN_EXE_akaji"))
        .args(["apply", "draft.fifo", "ledger.toml"])
        .current_dir(dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > Duration::from_secs(20) {
            child.kill().unwrap();
            panic!("akaji hung on a FIFO input");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert_eq!(status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("refusing to read draft.fifo, a named pipe"), "{stderr}");
}

/// A pipe given as `<(command)` (or `/dev/stdin` fed by a pipe) is read once; /dev/null reads as
/// an empty text, and other devices are refused (`/dev/zero` never ends).
#[cfg(unix)]
#[test]
fn pipes_and_the_null_device_are_read_once() {
    let dir = folder();
    let bash = Command::new("bash")
        .arg("-c")
        .arg(format!("{} apply <(cat draft.txt) ledger.toml", env!("CARGO_BIN_EXE_akaji")))
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&bash.stdout), FINAL, "{}", String::from_utf8_lossy(&bash.stderr));
    let run = akaji_in(dir.path(), &["diff", "/dev/null", "draft.txt", "--format", "critic"]);
    assert_eq!((run.code, run.stdout.as_str()), (1, "{++本部を設置する。\n++}"), "{}", run.stderr);
    let run = akaji_in(dir.path(), &["diff", "/dev/zero", "draft.txt"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("refusing to read /dev/zero, which is a character device"), "{}", run.stderr);
}

/// Outputs are drawn and written as they go, in chunks of 1 MiB handed to a writer thread: an
/// output of more than one chunk written to `-o` is byte for byte the one written to stdout, in every
/// format of `diff`, `redline` and `verify`, and a reader that closes stdout early (`| head`)
/// stops akaji quietly with its usual exit status.
#[test]
fn outputs_of_many_chunks_are_the_same_in_a_file_and_on_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let plan = crate::plan::plan(3_000_000, 4_000);
    fs::write(dir.path().join("draft.txt"), &plan.draft).unwrap();
    fs::write(dir.path().join("ledger.toml"), plan.ledger.to_toml()).unwrap();
    let applied = akaji_in(dir.path(), &["apply", "draft.txt", "ledger.toml", "-o", "final.txt"]);
    assert_eq!(applied.code, 0, "{}", applied.stderr);
    let raw = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_akaji"))
            .args(args)
            .current_dir(dir.path())
            .env("LANG", "C")
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        (out.status.code(), out.stdout, String::from_utf8_lossy(&out.stderr).into_owned())
    };
    let runs: [(&[&str], &str); 7] = [
        (&["diff", "draft.txt", "final.txt", "--format", "json"], "d.json"),
        (&["diff", "draft.txt", "final.txt", "--format", "html"], "d.html"),
        (&["diff", "draft.txt", "final.txt", "--format", "docx"], "d.docx"),
        (&["diff", "draft.txt", "final.txt", "--format", "unified"], "d.patch"),
        (&["redline", "draft.txt", "ledger.toml", "--format", "table"], "r.html"),
        (&["redline", "draft.txt", "ledger.toml", "--format", "critic"], "r.md"),
        (&["verify", "ledger.toml", "--final", "final.txt", "--draft", "draft.txt", "--format", "json"], "v.json"),
    ];
    for (args, file) in runs {
        let (code, stdout, stderr) = raw(args);
        // A .docx is compressed: its 3 MB of text are 100 KB, less than a chunk.
        let least = if file.ends_with(".docx") { 50_000 } else { 1 << 20 };
        assert!(stdout.len() > least, "{args:?}: {} bytes is not more than one chunk", stdout.len());
        let mut to_file = args.to_vec();
        to_file.extend(["-o", file]);
        let (file_code, _, file_stderr) = raw(&to_file);
        assert_eq!(file_code, code, "{args:?}: {stderr} / {file_stderr}");
        assert!(fs::read(dir.path().join(file)).unwrap() == stdout, "{args:?}: the file differs from stdout");
    }
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".akaji-"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");

    // A reader that takes 10 bytes and goes away: akaji stops, says nothing, exits as usual.
    let mut child = Command::new(env!("CARGO_BIN_EXE_akaji"))
        .args(["diff", "draft.txt", "final.txt", "--format", "json"])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut head = [0u8; 10];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut head).unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}
