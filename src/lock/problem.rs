//! Why a lock file cannot be used, as data; the words are in [`crate::messages`].

use serde::Serialize;

/// Why a lock file cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
#[non_exhaustive]
pub enum LockProblem {
    /// It is not a lock file (TOML syntax, unknown or missing keys).
    Syntax {
        /// What the TOML reader says.
        message: String,
    },
    /// It is a lock of another version of akaji.
    Version {
        /// The version it says.
        found: u32,
        /// The version this akaji reads.
        supported: u32,
    },
}
