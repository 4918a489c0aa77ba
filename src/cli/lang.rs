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
