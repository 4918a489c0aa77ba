//! The lock: what `akaji apply --lock` records of each edit, so that a final can be checked
//! without the draft.
//!
//! A commenter often has only the published final. Without the draft, an edit can be judged
//! only by what the ledger knows: its quote and its promised text, which may stand in many
//! places, or nowhere because the final changed around them. The lock gives the ledger the
//! draft's context, the way a lock file sits beside a manifest: for every edit, each place it
//! resolved to (page, line, column, char offsets), its quote, its promised text, and the draft's
//! text right before and after the quote ([`Lock`], written as TOML beside the ledger:
//! `ledger.toml.lock`). Edits that do not resolve (todos, unanchored edits) are listed with the
//! reason. Every edit carries a fingerprint of its keys, and the lock one of the whole ledger, so
//! that a lock that no longer matches its ledger is told apart ([`edit_fingerprint`]).
//! `verify` without the draft then checks each place by its context ([`crate::verify::locked`]).

mod build;
mod fingerprint;
mod format;
mod problem;

pub use build::{CONTEXT, MAX_CONTEXT};
pub use fingerprint::{edit_fingerprint, ledger_fingerprint};
pub use format::{Lock, LockedEdit, LockedPlace, LOCK_VERSION};
pub use problem::LockProblem;
