//! The language of this run's messages and reports: `--lang`, else the ledger's
//! `options.lang` once a ledger is read, else the locale (`akaji::Lang::from_env`). Kept apart
//! (it depends on no other part of the command line) so every part may ask it.

use akaji::Lang;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};

/// The language chosen for this run: 0 none yet, else 1 + the index in `Lang::ALL`.
static CHOSEN: AtomicU8 = AtomicU8::new(0);
/// Whether `--lang` chose it (a ledger's options.lang then does not change it).
static BY_FLAG: AtomicBool = AtomicBool::new(false);

fn choose(lang: Lang) {
    let at = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    CHOSEN.store(u8::try_from(at).unwrap_or(0) + 1, Ordering::Relaxed);
}

/// The run starts: `--lang` if given, else the locale.
pub fn start(flag: Option<Lang>) {
    BY_FLAG.store(flag.is_some(), Ordering::Relaxed);
    choose(flag.unwrap_or_else(Lang::from_env));
}

/// The language of this run's messages and reports.
pub fn lang() -> Lang {
    match CHOSEN.load(Ordering::Relaxed) {
        0 => Lang::from_env(),
        n => Lang::ALL[usize::from(n - 1)],
    }
}

/// A ledger was read: its `options.lang` chooses the language, unless `--lang` did.
pub fn ledger_lang(lang: Option<Lang>) {
    if let (Some(l), false) = (lang, BY_FLAG.load(Ordering::Relaxed)) {
        choose(l);
    }
}

/// The language `--lang` names among raw arguments, for a command line clap could not parse
/// (its error is then worded in that language).
pub fn from_args(args: impl IntoIterator<Item = std::ffi::OsString>) -> Option<Lang> {
    let args: Vec<String> = args.into_iter().map(|a| a.to_string_lossy().into_owned()).collect();
    let value = args.iter().enumerate().find_map(|(i, a)| match a.strip_prefix("--lang") {
        Some("") => args.get(i + 1).cloned(),
        Some(rest) => rest.strip_prefix('=').map(str::to_owned),
        None => None,
    })?;
    match value.as_str() {
        "ja" => Some(Lang::Ja),
        "en" => Some(Lang::En),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<std::ffi::OsString> {
        a.iter().map(|s| s.into()).collect()
    }

    #[test]
    fn lang_is_found_among_arguments_clap_refused() {
        assert_eq!(from_args(args(&["akaji", "apply", "--lang", "ja", "--bogus"])), Some(Lang::Ja));
        assert_eq!(from_args(args(&["akaji", "--lang=en", "verify"])), Some(Lang::En));
        assert_eq!(from_args(args(&["akaji", "apply", "--lang"])), None);
        assert_eq!(from_args(args(&["akaji", "apply", "--lang", "fr"])), None);
    }
}
