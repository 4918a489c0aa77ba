//! Bounds on what reading a `.docx` may cost.

/// Bounds on what reading a `.docx` may cost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest archive read (bytes).
    pub max_archive: u64,
    /// Most entries in the archive.
    pub max_entries: usize,
    /// Largest uncompressed part read (bytes), whatever its header says.
    pub max_part: u64,
    /// Largest sum of the entries' declared uncompressed sizes, and of the bytes really
    /// expanded from the parts read.
    pub max_total: u64,
    /// Largest expansion of the archive: the bytes expanded from it, all parts read together,
    /// over the archive's own size; checked past the first MiB.
    pub max_ratio: u64,
    /// Deepest nesting of XML elements.
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_archive: 256 << 20,
            max_entries: 10_000,
            max_part: 64 << 20,
            max_total: 1 << 30,
            max_ratio: 200,
            max_depth: 256,
        }
    }
}
