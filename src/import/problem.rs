//! Why a comment table could not be read.

use super::role::Role;
use serde::Serialize;

/// Why a table (or the names given for its columns) could not be read, as data; the words are
/// in [`crate::messages`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
#[non_exhaustive]
pub enum TableProblem {
    /// No row names an id and an answer column.
    NoHeader {
        /// The header given for the id with `--columns`, if one was.
        given_id: Option<String>,
        /// The header given for the answer with `--columns`, if one was.
        given_response: Option<String>,
    },
    /// A header given with `--columns` is in no row of the table.
    NoSuchColumn {
        /// Its role.
        role: Role,
        /// The header as given.
        header: String,
    },
    /// The CSV is malformed.
    Csv {
        /// The line.
        line: u64,
        /// What the CSV reader says.
        detail: String,
    },
    /// A `--columns` item without `=`.
    ColumnWithoutHeader {
        /// The item as given.
        item: String,
    },
    /// A `--columns` item naming a role that is not one.
    UnknownRole {
        /// The item as given.
        item: String,
        /// The role it names.
        role: String,
    },
    /// A `--columns` item with nothing after `=`.
    EmptyHeader {
        /// The item as given.
        item: String,
    },
    /// The spreadsheet cannot be read.
    Sheet {
        /// What the spreadsheet reader says.
        detail: String,
    },
}
