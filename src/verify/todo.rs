//! Todo edits that know their text: an import writes a todo with `new` for an answer that gives
//! only the new wording (「「関係府省庁からの取組状況の報告」に修正」); verify checks that wording.

use crate::ledger::{Action, Edit};
use std::ops::Range;

/// The new text of a todo edit that has one (`None` for any other edit).
pub(super) fn todo_new(edit: &Edit) -> Option<&str> {
    match edit.action() {
        Action::Todo(t) => t.new.as_deref().filter(|n| !n.trim().is_empty()),
        _ => None,
    }
}

/// A todo's new text as a view holds it.
pub(super) struct TodoText {
    pattern: String,
}

impl TodoText {
    /// `folded`, the text folded as the view is; `breaks`: the view has a line break after each
    /// 「。」 (so the text must too).
    pub fn new(folded: &str, breaks: bool) -> TodoText {
        let pattern = if breaks { folded.replace('。', "。\n") } else { folded.to_owned() };
        TodoText { pattern }
    }

    /// Every place (view bytes) the text stands within `range` of `view`, not overlapping.
    pub fn find(&self, view: &str, range: Range<usize>) -> Vec<Range<usize>> {
        if self.pattern.is_empty() {
            return Vec::new();
        }
        let (s, e) = (range.start.min(view.len()), range.end.min(view.len()));
        let Some(hay) = view.get(s..e.max(s)) else { return Vec::new() };
        hay.match_indices(&self.pattern).map(|(i, m)| s + i..s + i + m.len()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_is_found_as_the_view_breaks_it() {
        let t = TodoText::new("報告する。次に", true);
        let view = "前文。\n報告する。\n次に進む。\n";
        assert_eq!(t.find(view, 0..view.len()), vec![view.find("報告").unwrap()..view.find("進む").unwrap()]);
        assert!(t.find(view, 0..5).is_empty());
        assert!(TodoText::new("報告する。次に", false).find(view, 0..view.len()).is_empty());
    }
}
