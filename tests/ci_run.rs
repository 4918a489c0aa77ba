//! `.ci/run` says what it installs and how: as root with apt-get, as another user with sudo,
//! and without sudo it lists the packages and stops. Checked with `--dry-run` on a PATH that
//! holds only the shell tools it needs and a stand-in `id` (and `sudo`), so every tool the tests
//! drive looks missing.

use crate::util::root;
use std::fs;
use std::os::unix::fs::{symlink, PermissionsExt};
use std::path::Path;
use std::process::Command;

fn script(dir: &Path, name: &str, body: &str) {
    let path = dir.join(name);
    fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).unwrap();
}

/// `.ci/run --dry-run` as the user `uid`, with a `sudo` when `sudo`: its exit status and output.
fn dry_run(uid: u32, sudo: bool) -> (Option<i32>, String) {
    let bin = tempfile::tempdir().unwrap();
    for tool in ["bash", "dirname", "mktemp", "cat"] {
        let found = ["/usr/bin", "/bin"].iter().map(|d| Path::new(d).join(tool)).find(|p| p.exists());
        symlink(found.unwrap_or_else(|| panic!("{tool} is on this machine")), bin.path().join(tool)).unwrap();
    }
    script(bin.path(), "id", &format!("echo {uid}"));
    script(bin.path(), "dpkg", "exit 1");
    if sudo {
        script(bin.path(), "sudo", "exec \"$@\"");
    }
    let out = Command::new(bin.path().join("bash"))
        .args([root().join(".ci/run").to_str().unwrap(), "--dry-run"])
        .env_clear()
        .env("PATH", bin.path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code(), text)
}

#[test]
fn ci_run_names_what_it_installs_as_root_with_sudo_or_not_at_all() {
    let (code, root_says) = dry_run(0, false);
    assert_eq!(code, Some(0), "{root_says}");
    assert!(
        root_says.starts_with("would install: pandoc libreoffice-writer libreoffice-calc chromium git patch"),
        "{root_says}"
    );
    assert!(root_says.trim_end().ends_with("(apt-get install)"), "{root_says}");
    let (code, user_says) = dry_run(1000, true);
    assert_eq!(code, Some(0), "{user_says}");
    assert!(user_says.trim_end().ends_with("(sudo apt-get install)"), "{user_says}");
    let (code, stuck) = dry_run(1000, false);
    assert_eq!(code, Some(1), "{stuck}");
    assert!(
        stuck.contains("not root and no sudo: as root, run  apt-get install --no-install-recommends pandoc"),
        "{stuck}"
    );
}
