//! Exit statuses of the command line, in one place.
//!
//! The contract of the README ("Exit statuses"): 0 when the command did its job with nothing to
//! report, 1 when it did its job and found differences or problems (`diff`: the texts differ;
//! `verify`: a promise is not kept), 2 when the input was bad and the job could not be done.

/// The job is done: the texts are the same (`diff`), every promise is kept (`verify`), the
/// output is written (`apply`, `redline`, `import`).
pub const SUCCESS: u8 = 0;

/// The job is done and found something: `diff` saw differences, `verify` found problems.
pub const DIFFERENCES: u8 = 1;

/// Bad input: an unreadable file, a broken ledger, an edit that does not resolve, a wrong
/// combination of arguments. Nothing was written.
pub const BAD_INPUT: u8 = 2;
