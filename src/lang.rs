//! The language of messages and reports: English or Japanese.
//!
//! Every word akaji writes of its own goes through [`crate::messages`], which takes a [`Lang`]
//! and matches on it: a message written in one language only does not compile (the match is
//! exhaustive, and the Japanese diagnostics match every problem variant the English ones do).
//! The choice is `--lang` on the command line, else the ledger's `options.lang` for the outputs
//! of its document, else the locale ([`Lang::from_locale`]): the first of `LC_ALL`,
//! `LC_MESSAGES`, `LANG` that is set and not empty; one starting with `ja` gives Japanese.
//! JSON keeps its English keys and values in both, and the documents' own words are never
//! translated.
//!
//! ```
//! use akaji::Lang;
//! let env = |name: &str| (name == "LANG").then(|| "ja_JP.UTF-8".to_owned());
//! assert_eq!(Lang::from_locale(env), Lang::Ja);
//! let env = |name: &str| match name { "LC_ALL" => Some("C".to_owned()), _ => Some("ja_JP.UTF-8".to_owned()) };
//! assert_eq!(Lang::from_locale(env), Lang::En);
//! assert_eq!(Lang::from_name("ja"), Some(Lang::Ja));
//! ```

use serde::{Deserialize, Serialize};

/// A language akaji writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    /// English (the default without a Japanese locale).
    #[default]
    En,
    /// Japanese.
    Ja,
}

impl Lang {
    /// Every language, for tests that check each message in each.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ja];

    /// The name on the command line and in the ledger: `en`, `ja`.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
        }
    }

    /// The language named `en` or `ja`.
    pub fn from_name(name: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.name() == name)
    }

    /// The locale's language: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that `var` finds set
    /// and not empty decides; `ja…` is Japanese, anything else (or none) English.
    pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Lang {
        let first = ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().find_map(|n| var(n).filter(|v| !v.is_empty()));
        match first {
            Some(v) if v.starts_with("ja") => Lang::Ja,
            _ => Lang::En,
        }
    }

    /// The language of this process's locale ([`Lang::from_locale`] on the environment).
    pub fn from_env() -> Lang {
        Lang::from_locale(|n| std::env::var(n).ok())
    }
}
