//! Which side of its anchor an insertion goes.

/// Which side of its anchor an insertion goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// `before = "…"`: the new text goes right before the anchor.
    Before,
    /// `after = "…"`: the new text goes right after the anchor.
    After,
}

impl Side {
    /// The ledger key that names an insertion on this side: `before` or `after`.
    pub fn key(self) -> &'static str {
        match self {
            Side::Before => "before",
            Side::After => "after",
        }
    }
}
