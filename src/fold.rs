//! Folding: the draft as the matcher sees it.
