//! What a `.docx` holds as akaji reads it: its text, and the tracked changes in it.

use serde::Serialize;

/// What a tracked change in an input does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ChangeKind {
    /// `w:ins`
    Inserted,
    /// `w:del`
    Deleted,
    /// `w:moveFrom`
    MovedFrom,
    /// `w:moveTo`
    MovedTo,
}

/// One tracked change found in an input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrackedChange {
    /// What it does.
    pub kind: ChangeKind,
    /// Whether it is a paragraph mark (a line break) rather than text.
    pub paragraph_mark: bool,
    /// `w:author`, when given.
    pub author: Option<String>,
    /// `w:date`, when given.
    pub date: Option<String>,
    /// The paragraph it is in, 1-based.
    pub paragraph: usize,
    /// The text it inserts or deletes.
    pub text: String,
}

/// The text of a `.docx`, and the tracked changes it holds.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DocxText {
    /// The paragraphs, each ended by a line feed, with every tracked change accepted.
    pub text: String,
    /// Every tracked change, in document order.
    pub changes: Vec<TrackedChange>,
}

impl DocxText {
    /// The tracked changes' count, their authors (each once, `None` for an unnamed one), and
    /// the first: what a message about them says.
    pub fn change_summary(&self) -> Option<(usize, Vec<Option<String>>, &TrackedChange)> {
        let first = self.changes.first()?;
        let mut authors: Vec<Option<String>> = Vec::new();
        for c in &self.changes {
            if !authors.contains(&c.author) {
                authors.push(c.author.clone());
            }
        }
        Some((self.changes.len(), authors, first))
    }
}
