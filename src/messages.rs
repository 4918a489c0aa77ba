//! The words of every diagnostic, in one place.
//!
//! The library reports problems as data ([`Diagnostic`]); this module alone turns them into
//! English. [`message`] gives a [`Message`] whose parts are separate, as miette's `Diagnostic`
//! separates message, labels and help: the message itself, the places and notes shown under it
//! ([`Label`]), and what to do. [`write()`] lays one out as text, the way the command line and the
//! verify reports print it; `Display` for [`Diagnostic`] and [`Place`] use it (in English).
//!
//! Two languages ([`Lang`]): the English words are the functions of this file, the Japanese the
//! functions of `messages/ja.rs`, which match the same problem enums exhaustively; the `_in`
//! functions ([`message_in`], [`write_in`], [`body_in`], [`edit_summary_in`], …) choose by
//! matching on the language, so a problem or a language added without its words does not
//! compile. The words of the reports (statuses, headings, counts) are in [`report`], each a match
//! on the language with both arms.
//!
//! ```
//! use akaji::{Document, Ledger, PageMarker};
//! let ledger = Ledger::from_toml("[[decision]]\nid = \"29\"\n[[decision.edit]]\nold = \"策定にあたつて\"\nnew = \"策定に当たって\"\n").unwrap();
//! let draft = Document::new("本計画の策定にあたっては、\n", &PageMarker::default());
//! let problem = &akaji::apply(&draft, &ledger).unwrap_err()[0];
//! assert_eq!(
//!     problem.to_string(),
//!     "decision 29, edit 1: 「策定にあたつて」 is not in the draft within the edit's scope\n  \
//!      nearest text in scope: P1 L1:5  …本計画の【策定にあたって】は、⏎…\n  \
//!      the quote differs at its character 6: the ledger has 「つ」 where the draft has 「っ」; fix the quote in the ledger"
//! );
//! ```

use crate::anchor::{AnchorProblem, ConflictKind, NearMiss, ScopeRule};
use crate::diagnostic::{Diagnostic, Diagnostics, Kind, Subject};
use crate::document::{LineCount, Place};
use crate::docx::{ChangeKind, DocxProblem, Source, StandIn, TrackedChange, UnsafeName};
use crate::import::{Role, TableProblem};
use crate::input::InputProblem;
use crate::ledger::{Action, Edit, KeyTable, LedgerProblem};
use crate::lock::LockProblem;
use crate::pdf::{LibraryFailure, PdfProblem};
use crate::reconcile::{Missing, Sought};
use crate::roundtrip::{Offset, ParseKind, ParseProblem};
use crate::verify::VerifyNote;
use std::fmt::{self, Write};

pub use crate::lang::Lang;
use parts::{clip, page_or_none, page_span, NoMatchWords};
pub use parts::{visible, Label, Message};

mod ja;
mod parts;
pub mod report;

/// The words of `d`.
pub fn message(d: &Diagnostic) -> Message {
    match &d.kind {
        Kind::Ledger(p) => ledger(p, d.subject.as_deref()),
        Kind::Anchor(p) => anchor(p),
        Kind::Input(p) => Message::new(input(p)),
        Kind::Docx(p) => Message::new(docx(p)),
        Kind::Pdf(p) => pdf(p),
        Kind::StandIn(s) => Message::new(stand_in(s)),
        Kind::Table(p) => Message::new(table(p)),
        Kind::Parse(p) => Message::new(parse(p)),
        Kind::Verify(n) => Message::new(verify_note(n)),
        Kind::Lock(p) => Message::new(lock(p)),
    }
}

/// How a message names its subject: `decision 32`, `decision 32, edit 1` (edits from 1); `None`
/// for a decision without an id, which its message names by position.
pub fn subject(s: &Subject) -> Option<String> {
    if s.id.trim().is_empty() {
        return None;
    }
    Some(match s.edit {
        Some(e) => format!("decision {}, edit {}", s.id, e + 1),
        None => format!("decision {}", s.id),
    })
}

/// The words of `d` in `lang`.
pub fn message_in(d: &Diagnostic, lang: Lang) -> Message {
    match lang {
        Lang::En => message(d),
        Lang::Ja => ja::message(d),
    }
}

/// [`subject`] in `lang` (「意見32の修正1」).
pub fn subject_in(s: &Subject, lang: Lang) -> Option<String> {
    match lang {
        Lang::En => subject(s),
        Lang::Ja => ja::subject(s),
    }
}

/// `d` as text: its subject, its message, then its labels and help on lines of their own
/// (notes and help indented by two spaces, places by four).
pub fn write(d: &Diagnostic, out: &mut dyn fmt::Write) -> fmt::Result {
    write_in(d, Lang::En, out)
}

/// [`write()`] in `lang`.
pub fn write_in(d: &Diagnostic, lang: Lang, out: &mut dyn fmt::Write) -> fmt::Result {
    if let Some(s) = d.subject.as_deref().and_then(|s| subject_in(s, lang)) {
        write!(out, "{}: ", visible(&s))?;
    }
    write_body_in(d, lang, out)
}

/// `d` as text without its subject (for a report that shows the decision and edit already).
pub fn write_body(d: &Diagnostic, out: &mut dyn fmt::Write) -> fmt::Result {
    write_body_in(d, Lang::En, out)
}

/// [`write_body`] in `lang`.
pub fn write_body_in(d: &Diagnostic, lang: Lang, out: &mut dyn fmt::Write) -> fmt::Result {
    message_in(d, lang).lay_out(out)
}

/// [`write_body`] to a string.
pub fn body(d: &Diagnostic) -> String {
    body_in(d, Lang::En)
}

/// [`body`] in `lang`.
pub fn body_in(d: &Diagnostic, lang: Lang) -> String {
    let mut s = String::new();
    write_body_in(d, lang, &mut s).expect("writing to a string does not fail");
    s
}

/// [`write_in`] to a string: `d` with its subject, in `lang`.
pub fn text_in(d: &Diagnostic, lang: Lang) -> String {
    let mut s = String::new();
    write_in(d, lang, &mut s).expect("writing to a string does not fail");
    s
}

/// [`edit_summary`] in `lang`.
pub fn edit_summary_in(edit: &Edit, lang: Lang) -> String {
    match lang {
        Lang::En => edit_summary(edit),
        Lang::Ja => ja::edit_summary(edit),
    }
}

/// [`explains`] in `lang`.
pub fn explains_in(edit: &Subject, lang: Lang) -> String {
    match lang {
        Lang::En => explains(edit),
        Lang::Ja => ja::explains(edit),
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write(self, f)
    }
}

impl fmt::Display for Diagnostics {
    /// Each diagnostic, on lines of its own.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write(d, f)?;
        }
        Ok(())
    }
}

impl fmt::Display for StandIn {
    /// `new text P4 L2:7: U+0007 cannot be stored in a Word document; …`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&stand_in(self))
    }
}

impl fmt::Display for Place {
    /// `P1 L3:18  …ten chars【the text】ten chars…`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "P{} L{}:{}  …{}【{}】{}…",
            self.page,
            self.line,
            self.column,
            visible(&self.context_before),
            visible(&self.text),
            visible(&self.context_after)
        )
    }
}

/// An edit in one line, as people write it: 「設置」→「開催」 (P4, P12).
pub fn edit_summary(edit: &Edit) -> String {
    let mut s = match edit.action() {
        Action::Replace { old, new } if new.is_empty() => format!("delete 「{old}」"),
        Action::Replace { old, new } => format!("「{old}」→「{new}」"),
        Action::Insert { anchor, side, new } => format!("insert 「{new}」 {} 「{anchor}」", side.key()),
        Action::Todo(t) => format!("todo: {}", t.note),
    };
    let pages = edit.scope().page_numbers();
    if !pages.is_empty() {
        let list: Vec<String> = pages.iter().map(|p| format!("P{p}")).collect();
        s.push_str(&format!(" ({}", list.join(", ")));
        if let Some(line) = edit.scope().line_number() {
            s.push_str(&format!(" line {line}"));
        }
        s.push(')');
    }
    visible(&s).into_owned()
}

/// An unanchored edit that would explain a change the final made: 「decision 27, edit 1 would
/// explain it, but its anchor is wrong」.
pub fn explains(edit: &Subject) -> String {
    format!("decision {}, edit {} would explain it, but its anchor is wrong", edit.id, edit.edit.map_or(1, |e| e + 1))
}

/// ` (line 6)` when the line is known.
fn on_line(line: Option<usize>) -> String {
    line.map(|l| format!(" (line {l})")).unwrap_or_default()
}

/// 1st, 2nd, 3rd, 4th, …
fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (1, 11) | (2, 12) | (3, 13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

fn ledger(p: &LedgerProblem, subject: Option<&Subject>) -> Message {
    Message::new(match p {
        LedgerProblem::Syntax { line, column, detail } => format!("line {line}, column {column}: {detail}"),
        LedgerProblem::PageMarker { detail } => {
            format!("options.page_marker is not a valid regular expression: {detail}")
        }
        LedgerProblem::UnknownKey { key, table, nearest, line } => match nearest {
            Some(n) => format!("unknown key `{key}`{}: did you mean `{n}`?", on_line(*line)),
            None => format!(
                "unknown key `{key}`{}: {} holds {}",
                on_line(*line),
                match table {
                    KeyTable::Ledger => "the top of a ledger",
                    KeyTable::Options => "[options]",
                    KeyTable::Decision => "a [[decision]]",
                    KeyTable::Edit => "a [[decision.edit]]",
                },
                crate::ledger::keys_of(*table).join(", ")
            ),
        },
        LedgerProblem::PageMarkerWithoutNumber { pattern } => format!(
            "options.page_marker '{pattern}' has no group for the page's number, so pages would be numbered silently: capture the number, e.g. '^\\s*-\\s*(\\d+)\\s*-\\s*$'"
        ),
        LedgerProblem::MissingId => {
            let which = ordinal(subject.map_or(0, |s| s.decision.0) + 1);
            format!("the {which} [[decision]] has no `id`: give the comment's number (項番)")
        }
        LedgerProblem::DuplicateId => format!(
            "id \"{}\" is used by more than one decision: ids must be unique",
            subject.map_or("", |s| s.id.as_str())
        ),
        LedgerProblem::OldWithoutNew => "has `old` but no `new` (write new = \"\" to delete)".to_owned(),
        LedgerProblem::InsertionWithoutNew => "is an insertion with no `new`: give the text to insert".to_owned(),
        LedgerProblem::NoAnchor => "has none of `old`, `after`, `before` or `todo`: say what to change".to_owned(),
        LedgerProblem::SeveralAnchors => {
            "has more than one of `old`, `after`, `before`: an edit has one anchor".to_owned()
        }
        LedgerProblem::EmptyOld => "has an empty `old`: quote the draft text to change".to_owned(),
        LedgerProblem::NothingChanges => "changes nothing: `old` and `new` are the same".to_owned(),
        LedgerProblem::EmptyInsertion => "is an insertion with an empty `new`: give the text to insert".to_owned(),
        LedgerProblem::EmptyAnchor { side } => format!("has an empty `{}` anchor", side.key()),
        LedgerProblem::PageAndPages => "has both `page` and `pages`: use one".to_owned(),
        LedgerProblem::EmptyPages => "has an empty `pages` list".to_owned(),
        LedgerProblem::LineWithoutOnePage => {
            "has `line` without a single `page`: a line is counted within its page".to_owned()
        }
        LedgerProblem::LineZero => "has line = 0: lines count from 1 (or from -1 at the bottom)".to_owned(),
        LedgerProblem::PerPageWithoutPages => {
            "has `per_page` without `page` or `pages`: per_page counts the matches on each listed page".to_owned()
        }
        LedgerProblem::PerPageWithLine => {
            "has `per_page` with `line`: a line is on one page; remove `per_page`".to_owned()
        }
        LedgerProblem::BadPage { written } => format!(
            "has page \"{written}\": write a page as its printed number (page = 12), or a front page (cover, contents) as its numeral in file order (page = \"ii\")"
        ),
    })
}

fn anchor(p: &AnchorProblem) -> Message {
    match p {
        AnchorProblem::NoMatch { quote, near_miss, elsewhere, excluded_by } => parts::no_match(
            NoMatchWords {
                message: format!("「{quote}」 is not in the draft within the edit's scope"),
                ruled_out: "it is found, but where the edit's scope (page, line, prefix, suffix) rules it out:",
                fix_scope: "fix the edit's scope, or check the draft",
                nearest: "nearest text in scope",
                nothing: "nothing like it was found; check the quote and the scope",
            },
            near_miss.as_deref(),
            parts::ruled_out(elsewhere, excluded_by, |rules| format!("  ruled out by {}", rules_words(rules))),
            near_miss_help,
        ),
        AnchorProblem::CountMismatch { quote, expected, found, places, page: None } => parts::listing(
            format!("「{quote}」 matches {found} place(s) in scope, but count is {expected}:"),
            places,
            format!("narrow the anchor with `prefix`, `suffix`, `page` or `line`, or set `count` to {found} (or \"all\")"),
        ),
        AnchorProblem::CountMismatch { quote, expected, found, places, page: Some(page) } => parts::listing(
            format!("「{quote}」 matches {found} place(s) on page {page}, but count is {expected} on each page:"),
            places,
            format!("narrow the anchor with `prefix` or `suffix`, take page {page} out of `pages`, or set `count` to \"all\""),
        ),
        AnchorProblem::PartOfCharacter { quote, places } => {
            let mut m = Message::new(format!(
                "「{quote}」 is found in scope only as part of a character of the draft, which an edit cannot cut in two:"
            ));
            m.labels.extend(places.iter().cloned().map(Label::Place));
            m.help("quote the whole character: with match_width, a character such as ﬁ or ㈱ reads as several (fi, (株)); a letter with its combining marks, or emoji joined by U+200D, are one character")
        }
        AnchorProblem::Conflict { other_id, other, how, place } => {
            let other = format!("decision {}, edit {}", visible(other_id), other.edit + 1);
            let (what, help) = match how {
                ConflictKind::SameCharacters => (
                    format!("changes the same characters as {other}"),
                    "merge the two edits into one, or narrow one of them",
                ),
                ConflictKind::ChangesOtherQuote => (
                    format!("changes text that {other} quotes, so that edit's promised text could not stand"),
                    "merge the two edits into one (one quote, one new text), or shorten a quote so that it leaves out the other edit's change",
                ),
                ConflictKind::QuoteChangedByOther => (
                    format!("quotes text that {other} changes, so this edit's promised text could not stand"),
                    "merge the two edits into one (one quote, one new text), or shorten a quote so that it leaves out the other edit's change",
                ),
                ConflictKind::InsertsIntoOtherQuote => (
                    format!("inserts inside text that {other} quotes, so that edit's promised text could not stand"),
                    "merge the two edits into one, or move the insertion's anchor so that it does not fall inside the other edit's quote",
                ),
                ConflictKind::OtherInsertsIntoQuote => (
                    format!("quotes text that {other} inserts into, so this edit's promised text could not stand"),
                    "merge the two edits into one, or move the insertion's anchor so that it does not fall inside this edit's quote",
                ),
                ConflictKind::SamePoint => (
                    format!("inserts at the same point as {other}: their order would be a guess"),
                    "merge the two insertions into one",
                ),
            };
            let mut m = Message::new(what);
            let shared = if *how == ConflictKind::SamePoint { "where both insert" } else { "both quote" };
            m.labels.push(Label::Named(shared.into(), (**place).clone()));
            m.help(help)
        }
        AnchorProblem::DuplicatePage { page, marker_lines } => {
            let lines: Vec<String> = marker_lines.iter().map(|l| l.to_string()).collect();
            Message::new(format!(
                "page {page} appears {} times in the draft (page markers on lines {}), so only the first can be addressed by `page`; check the draft's page markers (or `options.page_marker`)",
                marker_lines.len(),
                lines.join(", ")
            ))
        }
        AnchorProblem::MarkerMatchesEveryLine { pattern, lines } => Message::new(format!(
            "options.page_marker '{pattern}' matches every line of the draft ({lines} lines), so no text is left to match: make it match the footer lines only, e.g. '^\\s*-\\s*(\\d+)\\s*-\\s*$'"
        )),
        AnchorProblem::NoSuchPage { page, pages } => Message::new(format!(
            "page {page} is not in the draft, which has {} page(s) (numbered {}); check `page`/`pages` and the page marker",
            pages.len(),
            page_span(pages)
        )),
        AnchorProblem::NoSuchLine { page, line, lines, count } => Message::new(format!(
            "line {line} is not on page {page}, which has {lines} line(s) ({})",
            match count {
                LineCount::Body => "body lines: the running heads above and the page number below are not counted",
                LineCount::Printed => "printed lines: only the page number is not counted",
            }
        )),
        AnchorProblem::ChangesNothing { place } => {
            let mut m = Message::new(
                "changes nothing in the draft: `old` and `new` differ only in white space, which a quote does not match (the draft's line breaks and spaces stay as they are)",
            );
            m.labels.push(Label::Place((**place).clone()));
            m.help("write in `new` the text that should change, or remove the edit")
        }
        AnchorProblem::OpensWithByteOrderMark { place } => {
            let mut m = Message::new(
                "would make the final open with U+FEFF, which every reader (akaji too) takes for a byte order mark and drops: the final would not read back as written; nothing was written",
            );
            m.labels.push(Label::Named("the final's opening".into(), (**place).clone()));
            m.help("leave U+FEFF out of `new`, or quote it in `old` so that the edit deletes it")
        }
        AnchorProblem::PromiseBroken { expected, place } => {
            let mut m = Message::new(format!(
                "this is a bug in akaji, please report it: after apply, the promised text 「{expected}」 does not stand in the final where the edit's quote was; nothing was written"
            ));
            m.labels.push(Label::Named("the final there".into(), (**place).clone()));
            m.help("report it with the draft and the ledger (the issue tracker of akaji); until it is fixed, split or reword the edit")
        }
        AnchorProblem::Todo { note } => Message::new(format!(
            "is marked todo (「{note}」): complete it with `old`/`new` (or `after`/`before` and `new`) and remove `todo`"
        )),
    }
}

/// A scope rule as the ledger writes it.
fn rule_word(rule: ScopeRule) -> &'static str {
    match rule {
        ScopeRule::Page => "the page (`page`/`pages`)",
        ScopeRule::Line => "the line (`line`)",
        ScopeRule::Prefix => "the prefix (`prefix`)",
        ScopeRule::Suffix => "the suffix (`suffix`)",
    }
}

/// Scope rules as words: 「the page (`page`/`pages`) and the prefix (`prefix`)」.
fn rules_words(rules: &[ScopeRule]) -> String {
    rules.iter().map(|r| rule_word(*r)).collect::<Vec<_>>().join(" and ")
}

fn near_miss_help(n: &NearMiss) -> String {
    let draft = if n.draft_char.is_empty() { "nothing".to_owned() } else { format!("「{}」", n.draft_char) };
    format!(
        "the quote differs at its character {}: the ledger has 「{}」 where the draft has {draft}; fix the quote in the ledger",
        n.at, n.quote_char
    )
}

fn input(p: &InputProblem) -> String {
    match p {
        InputProblem::NotUtf8 { offset } => format!(
            "is not UTF-8 text (invalid byte at offset {offset}); convert it to UTF-8 first (e.g. iconv -f SHIFT_JIS -t UTF-8)"
        ),
        InputProblem::Utf16 { big_endian } => {
            let (order, iconv) = if *big_endian { ("big-endian", "UTF-16BE") } else { ("little-endian", "UTF-16LE") };
            format!(
                "is UTF-16 text ({order}), not UTF-8; convert it first (e.g. iconv -f {iconv} -t UTF-8, or save it as UTF-8)"
            )
        }
        InputProblem::TooLarge { bytes } => {
            format!("is {bytes} bytes; akaji reads texts under 2 GiB: split the document")
        }
        InputProblem::TrackedChanges { count, authors, first } => format!(
            "holds {}. akaji will not guess which version is the text: accept or reject the tracked changes in a word processor, save, and run again",
            tracked_changes(*count, authors, first)
        ),
    }
}

/// 「3 tracked change(s) by A, B; the first, in paragraph 2, deletes 「設置」」
fn tracked_changes(count: usize, authors: &[Option<String>], first: &TrackedChange) -> String {
    let names: Vec<&str> = authors.iter().map(|a| a.as_deref().unwrap_or("an unnamed author")).collect();
    let what = match (first.kind, first.paragraph_mark) {
        (ChangeKind::Inserted | ChangeKind::MovedTo, false) => format!("inserts 「{}」", clip(&first.text)),
        (ChangeKind::Deleted | ChangeKind::MovedFrom, false) => format!("deletes 「{}」", clip(&first.text)),
        (ChangeKind::Inserted | ChangeKind::MovedTo, true) => "inserts a paragraph break".into(),
        (ChangeKind::Deleted | ChangeKind::MovedFrom, true) => "deletes a paragraph break".into(),
    };
    format!("{count} tracked change(s) by {}; the first, in paragraph {}, {what}", names.join(", "), first.paragraph)
}

fn docx(p: &DocxProblem) -> String {
    let redo = "save the document again from a word processor, or export it as UTF-8 text";
    match p {
        DocxProblem::NotZip { detail } => {
            format!("is not a Word document (not a readable zip archive: {detail}); {redo}")
        }
        DocxProblem::UnsafeEntry { name, reason } => format!(
            "refused: the archive entry {name:?} {}, which no Word document does; {redo}",
            unsafe_reason(*reason)
        ),
        DocxProblem::Encrypted { name } => {
            format!("the archive entry {name:?} is encrypted; remove the password in the word processor first")
        }
        DocxProblem::TooManyEntries { count, limit } => {
            format!("refused: the archive has {count} entries (at most {limit} are read); {redo}")
        }
        DocxProblem::TooLarge { part, limit } => {
            format!("refused: {part} is larger than {} MiB uncompressed; {redo}", limit >> 20)
        }
        DocxProblem::Bomb { part, compressed, ratio } => format!(
            "refused as a zip bomb: {part} expands the archive ({compressed} bytes) more than {ratio} times its size; {redo}"
        ),
        DocxProblem::Corrupt { part, detail } => format!("{part} is damaged ({detail}); {redo}"),
        DocxProblem::Missing { part } => format!("is not a Word document: it has no {part}; {redo}"),
        DocxProblem::Xml { part, position, detail } => {
            format!("{part} is not well-formed XML at byte {position} ({detail}); {redo}")
        }
        DocxProblem::Dtd { part } => format!("refused: {part} holds a DTD, which no Word document does; {redo}"),
        DocxProblem::TooDeep { part, limit } => {
            format!("refused: {part} nests elements more than {limit} deep; {redo}")
        }
    }
}

fn pdf(p: &PdfProblem) -> Message {
    match p {
        PdfProblem::NoLibrary { tried } => {
            let tried: Vec<String> = tried
                .iter()
                .map(|t| {
                    let place =
                        t.place.as_ref().map_or("the system's library path".to_owned(), |p| p.display().to_string());
                    let why = match &t.failure {
                        LibraryFailure::Missing => "not there".to_owned(),
                        LibraryFailure::WrongBuild(why) => {
                            format!("not a PDFium this akaji can use, install build {}: {why}", crate::pdf::BUILD)
                        }
                        LibraryFailure::NotLoaded(why) => why.clone(),
                    };
                    format!("{place} ({why})")
                })
                .collect();
            Message::new(format!(
                "PDFium (libpdfium.so), which akaji reads PDF files with, could not be loaded; tried {}",
                tried.join(", ")
            ))
            .help(format!(
                "to read PDF files, install PDFium: from akaji's source run `bash .ci/install-pdfium` (it downloads the pypdfium2 wheel with pip and puts libpdfium.so in ~/.local/lib/akaji/), or by hand: `pip download --no-deps pypdfium2=={}`, unzip the wheel and copy pypdfium2_raw/libpdfium.so beside akaji or name it in {}",
                crate::pdf::PYPDFIUM,
                crate::pdf::LIBRARY_ENV
            ))
        }
        PdfProblem::Protected => {
            Message::new("is protected by a password").help("save an unprotected copy and read that")
        }
        PdfProblem::NotPdf => Message::new("is not a PDF file that PDFium can read (broken or not a PDF)"),
        PdfProblem::Security => Message::new("uses a security handler PDFium does not support")
            .help("save an unprotected copy and read that"),
        PdfProblem::Unreadable { detail } => Message::new(format!("could not be opened as a PDF ({detail})")),
        PdfProblem::Page { page, detail } => Message::new(format!("page {page} could not be read: {detail}")),
        PdfProblem::NoText { pages } => Message::new(format!(
            "holds no text on any of its {pages} page(s) (scanned images?): akaji reads a PDF's text layer"
        ))
        .help("add one with OCR (e.g. ocrmypdf) or use the text the publisher gave"),
        PdfProblem::NoTable => Message::new(
            "holds no table with a header row akaji knows (項番, 意見, 考え方, …): is it the comment table?",
        ),
    }
}

fn unsafe_reason(reason: UnsafeName) -> &'static str {
    match reason {
        UnsafeName::Empty => "has an empty name",
        UnsafeName::Absolute => "is an absolute path",
        UnsafeName::Backslash => "holds a backslash (a Windows path)",
        UnsafeName::Colon => "names a drive or a stream (holds a colon)",
        UnsafeName::Control => "holds a control character",
        UnsafeName::ClimbsOut => "climbs out of the archive (holds `..`)",
        UnsafeName::Duplicate => "appears twice in the archive",
        UnsafeName::MainTargetOutside => "is the main document's target and points outside the archive",
    }
}

fn stand_in(w: &StandIn) -> String {
    let mut s = match &w.source {
        Source::Old => format!("old text P{} L{}:{}", page_or_none(w.page), w.line, w.column),
        Source::New => format!("new text P{} L{}:{}", page_or_none(w.page), w.line, w.column),
        Source::Response { decision } => format!("decision {decision}, response column {}", w.column),
    };
    let _ = write!(
        s,
        ": U+{:04X} cannot be stored in a Word document; written as 「{}」 (nothing else was changed)",
        w.code_point, w.written_as
    );
    s
}

fn table(p: &TableProblem) -> String {
    match p {
        TableProblem::NoHeader { given_id, given_response } => {
            let mut s = "no header row found: looked for a row with".to_owned();
            for (i, (role, given)) in [(Role::Id, given_id), (Role::Response, given_response)].into_iter().enumerate() {
                let names = match given {
                    Some(h) => format!("「{h}」 (from --columns)"),
                    None => role.headers().iter().map(|h| format!("「{h}」")).collect::<Vec<_>>().join(" "),
                };
                let lead = if i == 0 { " a column" } else { " and one" };
                let _ = write!(s, "{lead} for `{}` ({names})", role.key());
            }
            s.push_str("; name the columns as the table writes them, e.g. --columns id=番号,response=回答 (roles: id, by, at, request, response, changed)");
            s
        }
        TableProblem::NoSuchColumn { role, header } => format!(
            "no row has the header 「{header}」 given by --columns {}={header}; check the spelling against the table's header row",
            role.key()
        ),
        TableProblem::Csv { line, detail } => format!("line {line}: not valid CSV: {detail}"),
        TableProblem::ColumnWithoutHeader { item } => {
            format!("--columns {item}: write ROLE=HEADER, e.g. --columns id=番号,response=回答")
        }
        TableProblem::UnknownRole { item, role } => {
            format!("--columns {item}: unknown role `{role}`; the roles are id, by, at, request, response, changed")
        }
        TableProblem::EmptyHeader { item } => format!("--columns {item}: give the header text after `=`"),
        TableProblem::Sheet { detail } => format!("not a readable .xlsx workbook: {detail}"),

    }
}

fn parse(p: &ParseProblem) -> String {
    let at = match p.at {
        Offset::Byte(b) => format!("at byte {b}"),
        Offset::Line(l) => format!("at patch line {l}"),
    };
    let what = match &p.kind {
        ParseKind::NeverClosed { closer } => format!("the markup opened here is never closed with `{closer}`"),
        ParseKind::NotJson { detail } => format!("not a JSON redline: {detail}"),
        ParseKind::OldRange { hunk } => {
            format!("hunk {hunk}: its old range is out of order or past the end of old_document")
        }
        ParseKind::NewRange { hunk } => format!("hunk {hunk}: its new range does not follow from the text before it"),
        ParseKind::OldText { hunk } => {
            format!("hunk {hunk}: old_text is not the text of old_document at its old range")
        }
        ParseKind::UnterminatedReference => "an `&` without its `;`".to_owned(),
        ParseKind::UnknownReference { name } => format!("an unknown character reference `&{name};`"),
        ParseKind::NoRedlineElement => "no redline element (`<div class=\"doc\" id=\"redline\">`)".to_owned(),
        ParseKind::RedlineNotClosed => "the redline element is not closed".to_owned(),
        ParseKind::TagNotClosed => "a tag is not closed".to_owned(),
        ParseKind::UnexpectedTag { tag } => format!("unexpected `{tag}`"),
        ParseKind::ForeignTag { tag } => format!("unexpected `{tag}` in the redline"),
        ParseKind::LinkNotClosed => "an `<a>` is not closed".to_owned(),
        ParseKind::StruckNotClosed => "an `<s>` is not closed".to_owned(),
        ParseKind::ChangeNotClosed => "a `<del>` or `<ins>` is not closed".to_owned(),
        ParseKind::NotHunkHeader => "not a hunk header".to_owned(),
        ParseKind::HunkOutOfOrder { old_line } => {
            format!("the hunk starts at old line {old_line}, out of order or past the end")
        }
        ParseKind::NoNewlineFirst => "a `\\` line before any line".to_owned(),
        ParseKind::NoNewlineTwice => "`\\ No newline at end of file` after a line without one".to_owned(),
        ParseKind::NotHunkLine { line } => format!("not a line of a hunk: {line:?}"),
        ParseKind::HunkTooShort => "the hunk is shorter than its header says".to_owned(),
        ParseKind::OldLineDiffers { old_line, expected } => format!("old line {old_line} is not {expected:?}"),
        ParseKind::NeedsOld => "a unified diff needs the old text".to_owned(),
        ParseKind::NotReadBack { format } => format!("the {format} format is not read back"),
    };
    format!("{at}: {what}")
}

fn lock(p: &LockProblem) -> String {
    match p {
        LockProblem::Syntax { message } => {
            format!("is not a lock written by `akaji apply --lock`: {message}; write it again")
        }
        LockProblem::Version { found, supported } => format!(
            "is a lock of version {found}; this akaji reads version {supported}: write it again with `akaji apply DRAFT LEDGER --lock`"
        ),
    }
}

/// Once per verify report with todo edits (each listed with its note): how to complete them.
pub fn todo_help(todos: usize) -> String {
    format!(
        "{todos} edit(s) are marked todo: complete each with `old`/`new` (or `after`/`before` and `new`) and remove `todo`"
    )
}

/// What a place found without the draft or its lock is: an occurrence of the promised text or
/// of the draft's, not a verdict.
pub fn occurrence_label(status: crate::verify::Status) -> &'static str {
    match status {
        crate::verify::Status::Applied => "promised text found",
        _ => "draft's text found",
    }
}

/// [`todo_help`] in `lang`.
pub fn todo_help_in(todos: usize, lang: Lang) -> String {
    match lang {
        Lang::En => todo_help(todos),
        Lang::Ja => ja::todo_help(todos),
    }
}

/// [`occurrence_label`] in `lang`.
pub fn occurrence_label_in(status: crate::verify::Status, lang: Lang) -> &'static str {
    match lang {
        Lang::En => occurrence_label(status),
        Lang::Ja => ja::occurrence_label(status),
    }
}

/// [`verify_note`] in `lang`.
pub fn verify_note_in(n: &VerifyNote, lang: Lang) -> String {
    match lang {
        Lang::En => verify_note(n),
        Lang::Ja => ja::verify_note(n),
    }
}

/// The note of a verify report made with a lock instead of the draft.
pub fn lock_note() -> String {
    "checked with the lock (the draft's text around each quote, written by `akaji apply --lock`): \
     changes elsewhere cannot be told without the draft"
        .to_owned()
}

/// The note of a verify report whose lock was written for another version of the ledger.
pub fn stale_lock_note() -> String {
    "the ledger changed since the lock was written: edits changed since are unclear; \
     write the lock again with `akaji apply DRAFT LEDGER --lock`"
        .to_owned()
}

/// The note of a verify report whose alignment the diff engine cut short at its deadline.
pub fn verify_deadline_note() -> String {
    "the diff engine stopped refining at its deadline (--timeout): changes may be reported coarser than they are"
        .to_owned()
}

/// The words of a note on one edit's check of a final.
pub fn verify_note(n: &VerifyNote) -> String {
    match n {
        VerifyNote::FinalLacksPage { page, last } => format!("page {page} is not in the final, whose pages end at {last}"),
        VerifyNote::FinalLacksLine { page, line } => format!("line {line} is not on page {page} of the final"),
        VerifyNote::Unclear { page: None, promised, count, replaced } => format!(
            "found the promised text {promised} time(s) (count is {count}) and the draft's text {replaced} time(s) in scope"
        ),
        VerifyNote::Unclear { page: Some(page), promised, count, replaced } => format!(
            "found the promised text {promised} time(s) on page {page} (count is {count} on each page) and the draft's text {replaced} time(s) in scope"
        ),
        VerifyNote::DeletedTextGone => "the deleted text is not in scope".to_owned(),
        VerifyNote::MorePromised { page: None, promised, count } => format!(
            "the draft's text is gone and the promised text is found {promised} time(s) (count is {count}): some stood there already"
        ),
        VerifyNote::MorePromised { page: Some(page), promised, count } => format!(
            "the draft's text is gone and the promised text is found {promised} time(s) on page {page} (count is {count} on each page): some stood there already"
        ),
        VerifyNote::PromisedInContext => "the promised text stands between the draft's text around the quote (lock)".to_owned(),
        VerifyNote::QuoteInContext => "the quote still stands between the draft's text around it (lock)".to_owned(),
        VerifyNote::OtherInContext => {
            "the draft's text around the quote stands, with other text between (lock)".to_owned()
        }
        VerifyNote::ContextGone => {
            "the draft's text around the quote is not in the final: the place cannot be found without the draft (lock)"
                .to_owned()
        }
        VerifyNote::NotInLock => {
            "not in the lock: the edit did not resolve against the draft when the lock was written".to_owned()
        }
        VerifyNote::LockStale => {
            "the edit changed in the ledger since the lock was written: run `akaji apply DRAFT LEDGER --lock` again"
                .to_owned()
        }
        VerifyNote::AlreadyInDraft { count } => {
            format!("{count} of the promised text stood in the edit's scope of the draft already (lock)")
        }
        VerifyNote::DidNotResolve => "did not resolve".to_owned(),
    }
}

/// Why reconcile did not find an edit made, in one line: 「not made: the draft's text still
/// stands in the final at P4 L5」.
pub fn missing(m: &Missing) -> String {
    match m {
        Missing::NotInDraft { problem } => {
            format!("the quote does not resolve in the draft: {}", visible(&body(problem)))
        }
        Missing::Unchanged { places } => {
            format!("not made: the draft's text still stands in the final at {}", at_places(places))
        }
        Missing::Different { places, found } => {
            let found: Vec<String> = found.iter().map(|f| format!("「{}」", visible(f))).collect();
            format!("made otherwise: the final has {} at {}", found.join(", "), at_places(places))
        }
        Missing::NotEverywhere { places } => format!("not made at {}", at_places(places)),
        Missing::TooMany { count, places } => format!(
            "{} places changed so, but the answer names {count}: {}; say which",
            places.len(),
            at_places(places)
        ),
        Missing::Unpinnable { places } => format!(
            "made at {}, but no page, prefix or suffix tells the place apart from the quote's others; scope it by hand",
            at_places(places)
        ),
        Missing::NoChange { sought, pages } => {
            let pages: Vec<String> = pages.iter().map(|p| format!("P{p}")).collect();
            let on = if pages.is_empty() { String::new() } else { format!(" on {}", pages.join(", ")) };
            format!("not found in the final: no {}{on}", sought_words(sought))
        }
        Missing::NoClue => "the answer gives nothing to look for: no text, no kind of change, no page".to_owned(),
    }
}

fn sought_words(s: &Sought) -> String {
    let quoted = |list: &[String]| list.iter().map(|q| format!("「{q}」")).collect::<Vec<_>>().join(", ");
    match s {
        Sought::NewText { text } => format!("change to 「{}」", visible(text)),
        Sought::Pair { old, new } => format!("change of 「{old}」 to 「{new}」 (as the request asks)"),
        Sought::Url { names } if names.len() >= 2 => format!("change inside a URL from {}", quoted(names)),
        Sought::Url { .. } => "change inside a URL".to_owned(),
        Sought::Insertion => "insertion".to_owned(),
        Sought::Deletion => "deletion".to_owned(),
        Sought::RequestQuote { quotes } => {
            format!("change inside the passages the request quotes ({})", quoted(quotes))
        }
    }
}

/// Places in short: 「P4 L5, P6 L2」.
fn at_places(places: &[Place]) -> String {
    places.iter().map(|p| format!("P{} L{}", p.page, p.line)).collect::<Vec<_>>().join(", ")
}

/// The note of a todo reconcile leaves: why, then what the todo said before (`was`).
pub fn reconcile_missing(m: &Missing, was: &str) -> String {
    with_was(format!("reconcile: {}", missing(m)), was)
}

/// The note of a todo whose change reconcile would not choose.
pub fn reconcile_ambiguous(with: &[String], places: &[Place], was: &str) -> String {
    with_was(format!("reconcile: {}", ambiguous(with, places)), was)
}

/// [`missing`] in `lang` (the reconcile report; the notes written into a ledger stay English,
/// as reconcile reads them back).
pub fn missing_in(m: &Missing, lang: Lang) -> String {
    match lang {
        Lang::En => missing(m),
        Lang::Ja => ja::missing(m),
    }
}

/// [`ambiguous`] in `lang`.
pub fn ambiguous_in(with: &[String], places: &[Place], lang: Lang) -> String {
    match lang {
        Lang::En => ambiguous(with, places),
        Lang::Ja => ja::ambiguous(with, places),
    }
}

/// Why reconcile did not choose: 「decision 4 could claim the same change (P3 L6); choose」.
pub fn ambiguous(with: &[String], places: &[Place]) -> String {
    if with.is_empty() {
        format!("ambiguous: {} changes fit ({}) and nothing tells them apart; choose", places.len(), at_places(places))
    } else {
        format!("ambiguous: decision {} could claim the same change ({}); choose", with.join(", "), at_places(places))
    }
}

fn with_was(s: String, was: &str) -> String {
    // A todo reconcile left before: what it said first.
    let was = match was.strip_prefix("reconcile: ").and_then(|w| w.split_once("; the todo said: ")) {
        Some((_, first)) => first,
        None if was.starts_with("reconcile: ") => "",
        None => was,
    };
    if was.is_empty() {
        s
    } else {
        format!("{s}; the todo said: {}", visible(was))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::{DecisionIx, Scope, Side};

    fn about(id: &str, edit: Option<usize>) -> Subject {
        Subject { decision: DecisionIx(1), id: id.into(), edit }
    }

    #[test]
    fn subjects_name_the_decision_and_the_edit_from_one() {
        let d = Diagnostic::about(about("32", Some(0)), LedgerProblem::NoAnchor);
        assert!(d.to_string().starts_with("decision 32, edit 1: has none of"), "{d}");
        let d = Diagnostic::about(about("32", None), LedgerProblem::DuplicateId);
        assert_eq!(d.to_string(), "decision 32: id \"32\" is used by more than one decision: ids must be unique");
        let d = Diagnostic::about(about("", None), LedgerProblem::MissingId);
        assert!(d.to_string().starts_with("the 2nd [[decision]] has no `id`"), "{d}");
    }

    #[test]
    fn labels_and_help_go_on_lines_of_their_own() {
        let place = Place {
            page: crate::document::PageNo::Number(2),
            line: 3,
            column: 4,
            context_before: "前".into(),
            text: "設置".into(),
            context_after: "後".into(),
        };
        let p = AnchorProblem::CountMismatch {
            quote: "設置".into(),
            expected: crate::ledger::Count::Exactly(1),
            found: 13,
            places: vec![place.clone()],
            page: None,
        };
        let d = Diagnostic::about(about("1", Some(1)), p);
        assert_eq!(
            d.to_string(),
            "decision 1, edit 2: 「設置」 matches 13 place(s) in scope, but count is 1:\n    P2 L3:4  …前【設置】後…\n  \
             narrow the anchor with `prefix`, `suffix`, `page` or `line`, or set `count` to 13 (or \"all\")"
        );
        assert_eq!(message(&d).places().collect::<Vec<_>>(), [&place]);
        assert!(!body(&d).starts_with("decision"));
    }

    #[test]
    fn summaries_read_as_people_write_them() {
        let e = Edit::replace("設置", "開催").unwrap().with_scope(Scope::pages(vec![4, 12]));
        assert_eq!(edit_summary(&e), "「設置」→「開催」 (P4, P12)");
        assert_eq!(edit_summary(&Edit::replace("（再掲）", "").unwrap()), "delete 「（再掲）」");
        let e = Edit::insert(Side::After, "a", "b").unwrap().with_scope(Scope::line(6, 5).unwrap());
        assert_eq!(edit_summary(&e), "insert 「b」 after 「a」 (P6 line 5)");
    }

    #[test]
    fn offsets_say_their_unit() {
        let byte = ParseProblem { at: Offset::Byte(7), kind: ParseKind::TagNotClosed };
        assert_eq!(Diagnostic::new(byte).to_string(), "at byte 7: a tag is not closed");
        let line = ParseProblem { at: Offset::Line(3), kind: ParseKind::NotHunkHeader };
        assert_eq!(Diagnostic::new(line).to_string(), "at patch line 3: not a hunk header");
    }
}
