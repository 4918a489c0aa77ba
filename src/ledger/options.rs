//! A ledger's `[options]`: how its draft is paginated and matched.

use crate::document::{DocumentKind, LineCount, PageMarker};

/// How the draft is paginated and how quotes match it. The page marker is compiled once, when
/// the ledger is read, and every document of the run is read with it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LedgerOptions {
    /// A line that closes a page; its first group is the page number (`options.page_marker`).
    pub page_marker: PageMarker,
    /// Whether full- and half-width forms of a character match each other (NFKC;
    /// `options.match_width`).
    pub match_width: bool,
    /// How the lines of a page are counted for `line = N` (`options.count_lines`): body lines
    /// (the default) or every printed line.
    pub count_lines: LineCount,
    /// What kind of document the draft is (`options.kind`): it names the 新旧対照表's columns.
    pub kind: DocumentKind,
}

impl LedgerOptions {
    /// Whether these are the defaults (the ledger then need not write `[options]`).
    pub fn is_default(&self) -> bool {
        *self == LedgerOptions::default()
    }
}
