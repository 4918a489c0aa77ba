//! No two source files import each other (issue 9).
//!
//! A file that imports a second file which imports it back is one concept cut in two, or a type
//! living away from where it is made (`anchor` took `Resolved` from `apply`, which only wrapped
//! `anchor::resolve`). This test reads every file under `src/`, follows the module tree from
//! `src/lib.rs` and `src/main.rs`, and collects what each file refers to: `use` items (braces
//! expanded), and paths written in code that start with `crate::`, `super::`, `self::` or with the
//! name of a module the file declares. A path is charged to the deepest module it names, so
//! `use crate::ledger::Edit` depends on `src/ledger/mod.rs` (where `Edit` is re-exported), while
//! `use super::scope::FoldedScope` depends on `scope.rs` itself. Comments, string literals and the
//! test modules at the end of a file (from `#[cfg(test)]` on) are not read: tests may reach
//! anywhere.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module: its crate (`lib` or `bin`) and its path in that crate.
type Module = (&'static str, Vec<String>);

/// The source files of a crate tree and what each refers to.
#[derive(Debug, Default)]
struct Tree {
    /// Module → its file (relative to the source root).
    files: BTreeMap<Module, String>,
    /// File → its module.
    modules: BTreeMap<String, Module>,
    /// File → its text, comments and tests left out.
    code: BTreeMap<String, String>,
}

impl Tree {
    /// Read the tree under `root` (a `src/` folder), from `lib.rs` and `main.rs`.
    fn read(root: &Path) -> Tree {
        let mut tree = Tree::default();
        for (krate, file) in [("lib", "lib.rs"), ("bin", "main.rs")] {
            if root.join(file).exists() {
                tree.add(root, krate, Vec::new(), file.to_owned(), |p| std::fs::read_to_string(p).ok());
            }
        }
        tree
    }

    /// Build a tree from files held in memory (for the test of this test).
    fn from_memory(files: &[(&str, &str)]) -> Tree {
        let mut tree = Tree::default();
        let read = |p: &Path| files.iter().find(|(name, _)| Path::new(name) == p).map(|(_, t)| t.to_string());
        tree.add(Path::new(""), "lib", Vec::new(), "lib.rs".to_owned(), read);
        tree
    }

    fn add(
        &mut self,
        root: &Path,
        krate: &'static str,
        path: Vec<String>,
        file: String,
        read: impl Fn(&Path) -> Option<String> + Copy,
    ) {
        let Some(text) = read(&root.join(&file)) else { return };
        let code = strip(&text);
        // A file's child modules live beside it (mod.rs, lib.rs, main.rs) or in a folder named
        // after it.
        let dir = match Path::new(&file).file_name().and_then(|n| n.to_str()) {
            Some("mod.rs" | "lib.rs" | "main.rs") => {
                Path::new(&file).parent().map(Path::to_path_buf).unwrap_or_default()
            }
            _ => PathBuf::from(file.trim_end_matches(".rs")),
        };
        for child in declared_modules(&code) {
            let mut child_path = path.clone();
            child_path.push(child.clone());
            let flat = dir.join(format!("{child}.rs"));
            let nested = dir.join(&child).join("mod.rs");
            let child_file = if read(&root.join(&flat)).is_some() { flat } else { nested };
            self.add(root, krate, child_path, child_file.to_string_lossy().into_owned(), read);
        }
        self.files.insert((krate, path.clone()), file.clone());
        self.modules.insert(file.clone(), (krate, path));
        self.code.insert(file, code);
    }

    /// The file the path `segments` (already absolute in `krate`) refers to: its deepest module.
    fn resolve(&self, krate: &'static str, segments: &[String]) -> Option<&String> {
        (0..=segments.len()).rev().find_map(|n| self.files.get(&(krate, segments[..n].to_vec())))
    }

    /// Every file each file refers to.
    fn edges(&self) -> BTreeMap<String, BTreeSet<String>> {
        let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (file, code) in &self.code {
            let (krate, here) = &self.modules[file];
            let children = declared_modules(code);
            for path in referenced_paths(code) {
                let Some(absolute) = absolute(here, &children, &path) else { continue };
                if let Some(target) = self.resolve(krate, &absolute) {
                    if target != file {
                        out.entry(file.clone()).or_default().insert(target.clone());
                    }
                }
            }
        }
        out
    }

    /// Pairs of files that refer to each other.
    fn cycles(&self) -> Vec<(String, String)> {
        let edges = self.edges();
        let mut pairs = Vec::new();
        for (a, targets) in &edges {
            for b in targets {
                if a < b && edges.get(b).is_some_and(|t| t.contains(a)) {
                    pairs.push((a.clone(), b.clone()));
                }
            }
        }
        pairs
    }
}

/// The code of a file: without its test modules, comments and the contents of string literals.
fn strip(text: &str) -> String {
    let end = text.find("\n#[cfg(test)]").unwrap_or(text.len());
    let text = &text[..end];
    let mut out = String::with_capacity(text.len());
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let rest = &text[i..];
        if rest.starts_with("//") {
            // A comment runs to the end of its line.
            while chars.peek().is_some_and(|&(_, c)| c != '\n') {
                chars.next();
            }
        } else if c == '"' || rest.starts_with("r#") || rest.starts_with("r\"") {
            // A string: skip to its end (raw strings end with as many `#` as they open with).
            let hashes = rest.chars().skip(1).take_while(|&h| h == '#').count();
            let raw = c == 'r';
            let close: String = std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
            let body_start = if raw { 1 + hashes + 1 } else { 1 };
            let mut j = body_start;
            let bytes = rest.as_bytes();
            let end = loop {
                match rest[j..].find(if raw { close.as_str() } else { "\"" }) {
                    None => break rest.len(),
                    Some(k) if !raw && rest[..j + k].ends_with('\\') && !rest[..j + k].ends_with("\\\\") => j += k + 1,
                    Some(k) => break j + k + if raw { close.len() } else { 1 },
                }
                if j >= bytes.len() {
                    break rest.len();
                }
            };
            out.push_str("\"\"");
            while chars.peek().is_some_and(|&(k, _)| k < i + end) {
                chars.next();
            }
        } else if let Some(len) = char_literal(rest) {
            while chars.peek().is_some_and(|&(k, _)| k < i + len) {
                chars.next();
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The length in bytes of the char literal `rest` starts with (`'a'`, `'\''`, `'\u{3041}'`);
/// `None` when it starts with a lifetime or is no literal.
fn char_literal(rest: &str) -> Option<usize> {
    let mut it = rest.char_indices();
    if it.next()?.1 != '\'' {
        return None;
    }
    let (_, second) = it.next()?;
    if second == '\\' {
        let (escaped, _) = it.next()?;
        return rest[escaped..].find('\'').map(|k| escaped + k + 1);
    }
    let (at, third) = it.next()?;
    (third == '\'').then_some(at + 1)
}

/// The modules a file declares with `mod name;` (not inline ones).
fn declared_modules(code: &str) -> Vec<String> {
    let re = regex::Regex::new(r"(?m)^\s*(?:pub(?:\([^)]*\))?\s+)?mod\s+([A-Za-z_][A-Za-z0-9_]*)\s*;").unwrap();
    re.captures_iter(code).map(|c| c[1].to_owned()).collect()
}

/// Every path a file's code names: `use` trees expanded, and paths in code.
fn referenced_paths(code: &str) -> Vec<Vec<String>> {
    let use_re = regex::Regex::new(r"(?m)^\s*(?:pub(?:\([^)]*\))?\s+)?use\s+([^;]+);").unwrap();
    let mut out = Vec::new();
    let mut rest = String::with_capacity(code.len());
    let mut at = 0;
    for m in use_re.captures_iter(code) {
        let whole = m.get(0).unwrap();
        rest.push_str(&code[at..whole.start()]);
        at = whole.end();
        for p in expand(&m[1]) {
            out.push(p.split("::").map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect());
        }
    }
    rest.push_str(&code[at..]);
    let path_re = regex::Regex::new(r"\b([A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)+)").unwrap();
    for m in path_re.captures_iter(&rest) {
        out.push(m[1].split("::").map(str::to_owned).collect());
    }
    out
}

/// The paths of a `use` tree: `a::{b, c::{d, self}}` → `a::b`, `a::c::d`, `a::c`.
fn expand(tree: &str) -> Vec<String> {
    let tree = tree.trim();
    let Some(open) = tree.find('{') else {
        let path = tree.split(" as ").next().unwrap_or(tree).trim();
        return vec![path.trim_end_matches("::*").to_owned()];
    };
    let prefix = tree[..open].trim().trim_end_matches("::");
    let close = tree.rfind('}').unwrap_or(tree.len());
    let inner = &tree[open + 1..close];
    let (mut parts, mut depth, mut start) = (Vec::new(), 0, 0);
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    let mut out = Vec::new();
    for part in parts.into_iter().map(str::trim).filter(|p| !p.is_empty()) {
        for p in expand(part) {
            match p.as_str() {
                "self" => out.push(prefix.to_owned()),
                _ if prefix.is_empty() => out.push(p),
                _ => out.push(format!("{prefix}::{p}")),
            }
        }
    }
    out
}

/// `path` as written in the module `here` (which declares `children`), as an absolute path in
/// its crate; `None` for a path into another crate.
fn absolute(here: &[String], children: &[String], path: &[String]) -> Option<Vec<String>> {
    let (first, rest) = path.split_first()?;
    let mut base: Vec<String> = match first.as_str() {
        "crate" => Vec::new(),
        "self" => here.to_vec(),
        "super" => here[..here.len().checked_sub(1)?].to_vec(),
        name if children.iter().any(|c| c == name) => {
            let mut p = here.to_vec();
            p.push(name.to_owned());
            p
        }
        _ => return None,
    };
    let mut rest = rest;
    while let Some(("super", tail)) = rest.split_first().map(|(h, t)| (h.as_str(), t)) {
        base.pop()?;
        rest = tail;
    }
    base.extend(rest.iter().cloned());
    Some(base)
}

#[test]
fn no_two_source_files_import_each_other() {
    let tree = Tree::read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    assert!(tree.files.len() > 50, "the tree was read: {} files", tree.files.len());
    let cycles = tree.cycles();
    assert!(cycles.is_empty(), "files that import each other:\n{cycles:#?}");
}

#[test]
fn the_check_finds_a_cycle_and_follows_every_kind_of_path() {
    let tree = Tree::from_memory(&[
        ("lib.rs", "mod a;\nmod b;\nmod c;\npub use a::A;\n"),
        ("a.rs", "use crate::b::{self, B};\npub struct A;\n// use crate::c::C; is a comment\n"),
        ("b.rs", "pub struct B;\nfn f() { let _ = super::a::A; }\n"),
        ("c/mod.rs", "mod d;\npub fn g() { d::h() }\n"),
        ("c/d.rs", "pub fn h() { let _ = crate::lib_item(); }\n#[cfg(test)]\nmod tests { use super::super::*; }\n"),
    ]);
    assert_eq!(tree.files.len(), 5, "{:?}", tree.files);
    let edges = tree.edges();
    assert_eq!(edges["a.rs"], BTreeSet::from(["b.rs".to_owned()]), "the comment is not read");
    assert_eq!(edges["c/mod.rs"], BTreeSet::from(["c/d.rs".to_owned()]));
    assert_eq!(edges["c/d.rs"], BTreeSet::from(["lib.rs".to_owned()]), "the test module is not read");
    assert_eq!(tree.cycles(), vec![("a.rs".to_owned(), "b.rs".to_owned())]);
}

#[test]
fn use_trees_expand() {
    assert_eq!(
        expand("crate::a::{b, c::{d, self}, e as f}"),
        ["crate::a::b", "crate::a::c::d", "crate::a::c", "crate::a::e"]
    );
    assert_eq!(expand("super::*"), ["super"]);
}

#[test]
fn strings_comments_and_char_literals_are_not_code() {
    let code = strip("let a = \"use crate::x; \\\" crate::y\"; // crate::z\nlet b = r#\"super::w\"#; let c = '\"'; let d = crate::v;\n#[cfg(test)]\nmod tests { use crate::t; }\n");
    assert_eq!(code, "let a = \"\"; \nlet b = \"\"; let c = ; let d = crate::v;");
}
