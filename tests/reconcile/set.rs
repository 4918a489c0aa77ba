//! The reconcile set as its README defines it: the truth of each plan, and the content of a
//! text (white space, `- N -` footers and the running heads the truth lists left out, radicals
//! folded), with the content offset of every byte.

use serde_json::Value;
use std::collections::HashMap;
use std::path::PathBuf;

/// The plans of the set.
pub const PLANS: [&str; 3] = ["plan-b", "plan-c", "plan-d"];

/// The radical code points an extraction writes for some ideographs (testdata/gen/textlayout.py).
const RADICALS: [(char, char); 6] =
    [('⾏', '行'), ('⽤', '用'), ('⽣', '生'), ('⽅', '方'), ('⺠', '民'), ('⻑', '長')];

/// A file of the set.
pub fn path(plan: &str, file: &str) -> PathBuf {
    crate::util::testdata(&format!("reconcile-set/{plan}/{file}"))
}

/// A plan's truth.
pub fn truth(plan: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path(plan, "truth.json")).unwrap()).unwrap()
}

/// A char as content compares it: radicals folded.
pub fn fold_char(c: char) -> char {
    RADICALS.iter().find(|(r, _)| *r == c).map_or(c, |(_, u)| *u)
}

/// A piece of text as content: white space out, radicals folded.
pub fn fold(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).map(fold_char).collect()
}

/// A text's content and where each byte falls in it.
pub struct Content {
    /// The content, as chars.
    pub chars: Vec<char>,
    /// For every byte offset of the text (and its end), how many content chars stand before it.
    before: Vec<usize>,
}

impl Content {
    /// The content of `text`, whose pages' running heads are `layout["running_heads"]`.
    pub fn of(text: &str, layout: &Value) -> Content {
        let mut heads: HashMap<u64, Vec<String>> = HashMap::new();
        for h in layout["running_heads"].as_array().unwrap() {
            let list = h["heads"].as_array().unwrap().iter().map(|s| fold(s.as_str().unwrap())).collect();
            heads.insert(h["page"].as_u64().unwrap(), list);
        }
        // Each line with its page: the number of the footer that closes it.
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        let mut page_of = vec![0u64; lines.len()];
        let mut open = Vec::new();
        for (i, l) in lines.iter().enumerate() {
            if let Some(n) = footer(l) {
                for &j in &open {
                    page_of[j] = n;
                }
                open.clear();
                page_of[i] = u64::MAX;
            } else {
                open.push(i);
            }
        }
        let mut before = Vec::with_capacity(text.len() + 1);
        // The running heads of a page stand at its top, or right after the cover and contents
        // when those share the first page (`front_matter = "none"`): where the heading of the
        // chapter that opens the page follows them.
        let mut head_line = vec![false; lines.len()];
        for (&page, list) in &heads {
            let on: Vec<usize> =
                (0..lines.len()).filter(|&i| page_of[i] == page && !fold(lines[i]).is_empty()).collect();
            let fits = |at: usize| {
                at + list.len() <= on.len()
                    && list.iter().enumerate().all(|(k, h)| fold(lines[on[at + k]]) == *h)
                    && (at == 0 || on.get(at + list.len()).is_some_and(|&n| fold(lines[n]) == list[0]))
            };
            let at =
                (0..on.len()).find(|&at| fits(at)).unwrap_or_else(|| panic!("page {page}'s running heads {list:?}"));
            for k in 0..list.len() {
                head_line[on[at + k]] = true;
            }
        }
        let mut chars = Vec::new();
        for (i, l) in lines.iter().enumerate() {
            let skip = page_of[i] == u64::MAX || head_line[i];
            for c in l.chars() {
                for _ in 0..c.len_utf8() {
                    before.push(chars.len());
                }
                if !skip && !c.is_whitespace() {
                    chars.push(fold_char(c));
                }
            }
        }
        before.push(chars.len());
        Content { chars, before }
    }

    /// The content range of byte range `r` of the text.
    pub fn range(&self, r: std::ops::Range<usize>) -> std::ops::Range<usize> {
        self.before[r.start]..self.before[r.end]
    }

    /// The content as a string.
    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }
}

/// The number of a `- N -` footer line (pandoc writes it escaped, `\\- N -`).
pub fn footer(line: &str) -> Option<u64> {
    let t = line.trim().trim_start_matches('\\');
    t.strip_prefix('-')?.strip_suffix('-')?.trim().parse().ok()
}
