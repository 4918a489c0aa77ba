//! Todos that give no text: the change is found by where it is and what kind it is.
//!
//! 「URLを修正いたします」: a change inside a URL or a file name (from the file the request says
//! is shown to the one it says is meant, when it names them). 「P5に追記をいたします」: an
//! insertion on the page (the line, when cited, tells two apart). 「貴見のとおり修正」 with no
//! pair in the request: a change inside a passage the request quotes. Only changes no stronger
//! clue took are looked at, and only one may fit: two that fit are reported, not chosen.

use super::finding::Search;
use super::hints::Kind;
use super::inputs::Inputs;
use super::pending::{completed, on_pages, settle, Pending};
use super::quoted::cited_line;
use super::report::{Missing, Sought};
use crate::ledger::{Action, Clue, Confidence};
use std::ops::Range;

/// Chars a URL or file name is made of (content has no white space).
fn url_char(c: char) -> bool {
    c.is_ascii_graphic() && !matches!(c, '(' | ')' | '<' | '>' | '"' | '\'' | '[' | ']' | '{' | '}' | ',')
}

/// The URL or file name around content range `r` of `text`: the run of URL chars it lies in,
/// if that run is a URL (holds `://`) or ends like a file name (`.pdf`, `.html`…).
fn url_around(text: &str, r: &Range<usize>) -> Option<Range<usize>> {
    let start =
        text[..r.start].char_indices().rev().take_while(|(_, c)| url_char(*c)).last().map_or(r.start, |(i, _)| i);
    let end = r.end
        + text[r.end..].char_indices().take_while(|(_, c)| url_char(*c)).last().map_or(0, |(i, c)| i + c.len_utf8());
    if !text[r.start..r.end].chars().all(url_char) || start == end {
        return None;
    }
    let token = &text[start..end];
    let file = token.rsplit('.').next().is_some_and(|ext| {
        matches!(
            ext.to_ascii_lowercase().as_str(),
            "pdf" | "html" | "htm" | "xlsx" | "xls" | "docx" | "doc" | "pptx" | "csv" | "zip" | "txt"
        )
    });
    (token.contains("://") || file).then_some(start..end)
}

/// The file name (after the last `/`) of URL `u` of `text`, as a range.
fn file_part(text: &str, u: &Range<usize>) -> Range<usize> {
    text[u.clone()].rfind('/').map_or(u.clone(), |i| u.start + i + 1..u.end)
}

/// 「URLを修正」: the free changes inside a URL on both sides, on the pages cited; with the
/// file names of the request, one whose draft side has one name and final side another. The
/// edit written replaces the file name (or the URL) whole.
pub(super) fn url(inputs: &Inputs, p: &Pending, free: &dyn Fn(usize) -> bool) -> Search {
    let c = &inputs.content;
    let names: Vec<String> = p.hints.names.iter().map(|n| inputs.fold(n)).collect();
    let mut found = Vec::new();
    for (i, ch) in c.changes.iter().enumerate() {
        if !free(i) || !on_pages(inputs, &p.hints, &ch.old) {
            continue;
        }
        let (Some(du), Some(fu)) = (url_around(c.draft.text(), &ch.old), url_around(c.fin.text(), &ch.new)) else {
            continue;
        };
        let (dt, ft) = (&c.draft.text()[du.clone()], &c.fin.text()[fu.clone()]);
        let named = names.len() >= 2
            && names.iter().enumerate().any(|(a, x)| {
                dt.ends_with(x.as_str()) && names.iter().enumerate().any(|(b, y)| a != b && ft.ends_with(y.as_str()))
            });
        if names.len() >= 2 && !named {
            continue;
        }
        // The file name whole when the change lies in it, else the URL whole.
        let df = file_part(c.draft.text(), &du);
        let old = if df.start <= ch.old.start { df } else { du };
        let region = c.region(&old);
        if region.changes != (i..i + 1) || region.old != old {
            continue;
        }
        let action = Action::Replace { old: c.draft.literal(old.clone()), new: c.fin.literal(region.new.clone()) };
        let Some(edit) = inputs.pinned(&action, &old) else { continue };
        let (clues, confidence) = if named {
            (vec![Clue::Url, Clue::FileNames], Confidence::High)
        } else {
            (vec![Clue::Url], Confidence::Medium)
        };
        found.push(completed(p, vec![i], vec![edit], clues, confidence, vec![old]));
    }
    if found.len() == 1 && !found[0].clues.contains(&Clue::FileNames) {
        found[0].clues.push(Clue::OnlyChange);
    }
    let sought = Sought::Url { names: p.hints.names.clone() };
    settle(found, Missing::NoChange { sought, pages: p.hints.pages.clone() })
}

/// 「P5に追記」 (「…を削除」 with no text): the one free insertion (deletion) on the pages cited;
/// when several are, those on the line cited, if it names one.
pub(super) fn kind(inputs: &Inputs, p: &Pending, free: &dyn Fn(usize) -> bool) -> Search {
    if p.hints.pages.is_empty() {
        return Search::Missing(Missing::NoClue);
    }
    let c = &inputs.content;
    let fits = |i: usize| {
        let ch = &c.changes[i];
        let (old, new) = (c.draft.content(ch.old.clone()), c.fin.content(ch.new.clone()));
        let kind = match p.hints.kind {
            Kind::Insertion => new.len() > old.len() && (new.starts_with(old) || new.ends_with(old)),
            Kind::Deletion => old.len() > new.len() && (old.starts_with(new) || old.ends_with(new)),
            Kind::Replacement => false,
        };
        free(i) && kind && on_pages(inputs, &p.hints, &ch.old)
    };
    let mut fit: Vec<usize> = (0..c.changes.len()).filter(|&i| fits(i)).collect();
    let mut clues = vec![Clue::Page, Clue::Kind];
    if let Some(line) = p.hints.line {
        let on_line: Vec<usize> =
            fit.iter().copied().filter(|&i| cited_line(inputs, &c.changes[i].old, line)).collect();
        if !on_line.is_empty() && on_line.len() < fit.len() || on_line.len() == 1 {
            fit = on_line;
            clues.push(Clue::Line);
        }
    }
    if fit.len() == 1 {
        clues.push(Clue::OnlyChange);
    }
    let found = fit
        .into_iter()
        .filter_map(|i| {
            let ch = &c.changes[i];
            let region = c.region(&ch.old);
            let edit = inputs.making(&region)?;
            Some(completed(p, vec![i], vec![edit], clues.clone(), Confidence::Low, vec![ch.old.clone()]))
        })
        .collect();
    let sought = if p.hints.kind == Kind::Deletion { Sought::Deletion } else { Sought::Insertion };
    settle(found, Missing::NoChange { sought, pages: p.hints.pages.clone() })
}

/// 「貴見のとおり修正」 with no pair asked: the free changes that lie inside a passage the
/// request quotes, where it stands in the draft on the pages cited; written as the passage
/// turned into the final's text.
pub(super) fn request_quote(inputs: &Inputs, p: &Pending, free: &dyn Fn(usize) -> bool) -> Search {
    let c = &inputs.content;
    let mut found = Vec::new();
    for q in p.hints.quotes.iter().map(|q| inputs.fold(q)).filter(|q| q.chars().count() >= 2) {
        for (at, _) in c.draft.text().match_indices(q.as_str()) {
            let passage = at..at + q.len();
            if !on_pages(inputs, &p.hints, &passage) {
                continue;
            }
            let region = c.region(&passage);
            if region.changes.is_empty() || region.old != passage || !region.changes.clone().all(free) {
                continue;
            }
            let action =
                Action::Replace { old: c.draft.literal(passage.clone()), new: c.fin.literal(region.new.clone()) };
            let Some(edit) = inputs.pinned(&action, &passage) else { continue };
            let clues = vec![Clue::RequestQuote];
            found.push(completed(p, region.changes.collect(), vec![edit], clues, Confidence::Medium, vec![passage]));
        }
    }
    let sought = Sought::RequestQuote { quotes: p.hints.quotes.clone() };
    settle(found, Missing::NoChange { sought, pages: p.hints.pages.clone() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_file_names_are_found_around_a_change() {
        let t = "参考資料https://www.example.go.jp/content/000912345.pdf。";
        let at = t.find("45").unwrap();
        let u = url_around(t, &(at..at + 2)).unwrap();
        assert_eq!(&t[u.clone()], "https://www.example.go.jp/content/000912345.pdf");
        assert_eq!(&t[file_part(t, &u)], "000912345.pdf");
        let words = "本文ABCDEF本文";
        let at = words.find("CD").unwrap();
        assert!(url_around(words, &(at..at + 2)).is_none(), "a Latin word is no URL");
    }
}
