//! Running the `akaji` binary from tests.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The crate's folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A path under testdata/.
pub fn testdata(rel: &str) -> PathBuf {
    root().join("testdata").join(rel)
}

/// What a run of the binary gave.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Run `akaji` with `args` in `dir`, in the C locale (English messages).
pub fn akaji_in(dir: &Path, args: &[&str]) -> Run {
    akaji_env(dir, args, &[("LANG", "C")])
}

/// Run `akaji` with `args` in `dir`, with the locale variables `env` only (LC_ALL, LC_MESSAGES
/// and LANG are cleared first).
pub fn akaji_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_akaji"));
    command.args(args).current_dir(dir).env("NO_COLOR", "1");
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        command.env_remove(var);
    }
    command.envs(env.iter().copied());
    let out = command.output().expect("the akaji binary runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Run `akaji` with `args` in testdata/.
pub fn akaji(args: &[&str]) -> Run {
    akaji_in(&root().join("testdata"), args)
}

/// The configuration of a property: `default` cases in the normal run, `PROPTEST_CASES` when
/// the variable is set (README: "Proving it stays fixed"), whatever the property's default.
pub fn cases(default: u32) -> proptest::test_runner::Config {
    let n = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default);
    proptest::test_runner::Config { cases: n, ..proptest::test_runner::Config::default() }
}
