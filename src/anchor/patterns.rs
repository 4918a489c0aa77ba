//! The quotes of a ledger, each folded and kept once, searched for all at once.

use aho_corasick::{AhoCorasick, MatchKind};
use rustc_hash::FxHashMap;
use std::ops::Range;

/// Folded quotes, each stored once, numbered in the order they were added.
#[derive(Debug, Clone, Default)]
pub(crate) struct Patterns {
    list: Vec<String>,
    ids: FxHashMap<String, usize>,
}

impl Patterns {
    /// The number of `pattern`, added if it is new.
    pub fn add(&mut self, pattern: String) -> usize {
        if let Some(&id) = self.ids.get(&pattern) {
            return id;
        }
        let id = self.list.len();
        self.ids.insert(pattern.clone(), id);
        self.list.push(pattern);
        id
    }

    /// Pattern number `id`.
    pub fn get(&self, id: usize) -> &str {
        &self.list[id]
    }

    /// Every match of every pattern in `text` (a view of a document that folds more than the
    /// fold), overlapping ones included, sorted by start for each pattern: one pass of a
    /// many-pattern automaton, however many quotes there are. (Resolving searches each scope
    /// for its own quotes instead: [`super::search`].)
    pub fn search_text(&self, text: &str) -> Vec<Vec<Range<usize>>> {
        let mut found = vec![Vec::new(); self.list.len()];
        if self.list.is_empty() {
            return found;
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&self.list)
            .expect("quotes are short enough for the automaton");
        for m in ac.find_overlapping_iter(text) {
            found[m.pattern().as_usize()].push(m.range());
        }
        for f in &mut found {
            f.sort_by_key(|r| r.start);
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Document, PageMarker};
    use crate::fold::Folded;

    #[test]
    fn patterns_are_kept_once_and_found_overlapping() {
        let mut p = Patterns::default();
        assert_eq!((p.add("ああ".into()), p.add("い".into()), p.add("ああ".into())), (0, 1, 0));
        let doc = Document::new("あああ\nい", &PageMarker::default());
        let found = p.search_text(Folded::new(&doc, false).text());
        assert_eq!(found[0], vec![0..6, 3..9]);
        assert_eq!(found[1], vec![9..12]);
    }
}
