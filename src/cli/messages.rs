//! Every sentence the command line writes of its own: its errors, in one place (what the
//! library finds is worded by `akaji::messages`, which this module calls), and the notices on
//! stderr. A catalogue in another language (issue 15) replaces these functions.

use super::error::{CliError, IoAction, Usage};
use super::special::SpecialKind;
use akaji::import::ImportReport;
use akaji::reconcile::{EditOutcome, ReconcileReport, Status};
use akaji::{messages, Diagnostic, Kind, LedgerProblem};
use std::fmt::Write;
use std::path::Path;

/// `e` as the lines `akaji: error: …` continues with.
pub fn error(e: &CliError) -> String {
    match e {
        CliError::Io { path, action, source } => {
            let action = match action {
                IoAction::Read => "read it",
                IoAction::Write => "write it",
                IoAction::Render => "render it",
            };
            format!("{}: cannot {action}: {source}", shown(path))
        }
        CliError::Input { path, problem } => format!("{}: {problem}", shown(path)),
        CliError::Ledger { path, problems } => match &problems[..] {
            [one] if matches!(one.kind, Kind::Ledger(LedgerProblem::Syntax { .. })) => {
                format!("{}: {one}", shown(path))
            }
            _ => listed(path, &format!("{} problem(s) in the ledger", problems.len()), problems),
        },
        CliError::Resolve { ledger, draft, problems } => {
            listed(ledger, &format!("{} edit(s) do not apply to {}", problems.len(), shown(draft)), problems)
        }
        CliError::Usage(u) => usage(u),
    }
}

/// A headline about `path`, then each problem on lines of its own, each naming `path`.
fn listed(path: &Path, headline: &str, problems: &[Diagnostic]) -> String {
    let mut out = format!("{}: {headline}", shown(path));
    for p in problems {
        let _ = write!(out, "\n{}: {}", shown(path), p.to_string().replace('\n', "\n  "));
    }
    out
}

fn usage(u: &Usage) -> String {
    match u {
        Usage::OutputOverInput { input } => {
            format!("refusing to write the output over the input {}: choose another -o path", shown(input))
        }
        Usage::BinaryToTerminal { format } => {
            format!("refusing to write {format} to a terminal: use -o FILE.{format} or redirect the output")
        }
        Usage::BadTimeout { value } => format!("--timeout {value} is not a number of seconds ≥ 0"),
        Usage::ExactNeedsDraft => {
            "--exact needs the draft: pass --draft DRAFT (or name it in the ledger's `draft` key)".to_owned()
        }
        Usage::Unsupported { detail } => format!("{detail}; choose another --format"),
        Usage::Columns(d) => messages::body(d),
        Usage::DraftOutsideLedger { ledger, draft } => format!(
            "{}: the ledger's `draft` key names 「{}」, which is outside the ledger's folder; a ledger may only name a draft beside it. If you mean that file, pass it yourself: --draft {}",
            shown(ledger),
            messages::visible(draft),
            messages::visible(draft)
        ),
        Usage::SpecialFile { path, kind, output: true } => match kind {
            SpecialKind::DanglingLink => format!(
                "{} is a symbolic link to a file that does not exist: create the file it points to, or choose another -o path",
                shown(path)
            ),
            kind => format!(
                "refusing to write to {}, which is {}: akaji replaces regular files whole (through a symbolic link, its target) and writes directly only to /dev/null, its terminal or a pipe; choose a file path",
                shown(path),
                special_kind(*kind)
            ),
        },
        Usage::SpecialFile { path, kind, output: false } => match kind {
            SpecialKind::NamedPipe => format!(
                "refusing to read {}, a named pipe: akaji reads its inputs whole and will not wait for a writer that may never come; save the text to a file, or pass it as <(command)",
                shown(path)
            ),
            kind => format!(
                "refusing to read {}, which is {}: akaji reads regular files, /dev/null and pipes such as <(command)",
                shown(path),
                special_kind(*kind)
            ),
        },
        Usage::ColumnsWithLedger => "--columns names a table's columns; the input is a ledger".to_owned(),
    }
}

/// What a special file is, in words.
fn special_kind(kind: SpecialKind) -> &'static str {
    match kind {
        SpecialKind::CharDevice => "a character device",
        SpecialKind::BlockDevice => "a block device (a disk)",
        SpecialKind::NamedPipe => "a named pipe (FIFO)",
        SpecialKind::Socket => "a socket",
        SpecialKind::Directory => "a folder",
        SpecialKind::DanglingLink => "a symbolic link to nothing",
    }
}

/// A path as messages show it: control characters visible, so that a crafted file name cannot
/// write escape sequences to the terminal or forge a line of the message.
pub fn shown(path: &Path) -> String {
    messages::visible(&path.display().to_string()).into_owned()
}

/// After `akaji apply -o`: what was applied and where it went.
pub fn applied(edits: usize, decisions: usize, output: &Path) -> String {
    format!("akaji: {edits} edit(s) from {decisions} decision(s) applied; wrote {}", shown(output))
}

/// After `--partial`: the todos left out.
pub fn todos_left_out(ledger: &akaji::Ledger, todos: &[akaji::EditRef]) -> String {
    let mut ids: Vec<&str> = todos.iter().map(|t| ledger[t.decision].id.as_str()).collect();
    ids.dedup();
    format!(
        "akaji: {} todo edit(s) left out (decision {}): complete them for the whole final",
        todos.len(),
        ids.join(", ")
    )
}

/// When `akaji diff` hit its deadline.
pub fn diff_deadline(timeout: f64) -> String {
    format!(
        "akaji: warning: the diff took longer than --timeout {timeout} s and was not refined to the end; the changes shown are correct but coarser (raise --timeout, or 0 for no limit)"
    )
}

/// A character a Word document could not hold.
pub fn stand_in(w: &akaji::docx::StandIn) -> String {
    format!("akaji: warning: {w}")
}

/// The notice of `apply --lock`: what the lock holds.
pub fn locked(path: &Path, edits: usize, places: usize, unresolved: usize) -> String {
    let mut m = format!("akaji: wrote {}: {edits} edit(s) at {places} place(s)", path.display());
    if unresolved > 0 {
        let _ = write!(
            m,
            "; {unresolved} edit(s) do not resolve and are listed without a place (verify reports them unclear)"
        );
    }
    m
}

/// The notice of `verify` checking with a lock, the draft not at hand.
pub fn using_lock(lock: &Path) -> String {
    format!("akaji: no draft: checking each edit by the draft's text around it, from the lock {}", lock.display())
}

/// When `verify` takes the draft the ledger names.
pub fn draft_from_ledger(draft: &Path) -> String {
    format!("akaji: using the draft named in the ledger: {}", shown(draft))
}

/// `verify --exact`, the final being exactly what was expected.
pub fn exact_same(published: &Path, draft: &Path, edits: usize, ledger: &Path) -> String {
    format!("{} is exactly {} with the {edits} edit(s) of {} applied\n", shown(published), shown(draft), shown(ledger))
}

/// `verify --exact`, the final differing: the line before the redline.
pub fn exact_differs(published: &Path) -> String {
    format!(
        "{} is not exactly the draft with the ledger applied; the differences (expected → final):\n",
        shown(published)
    )
}

/// After `akaji import`: where the ledger went and what was found.
pub fn imported(table: &Path, to: &str, r: &ImportReport) -> String {
    let mut s = format!("akaji import: {} → {to}\n", shown(table));
    let line = |s: &mut String, label: &str, n: usize| {
        let _ = write!(s, "  {label:<24}{n:>4}");
    };
    line(&mut s, "rows read", r.rows);
    if r.repeated_headers + r.continuations > 0 {
        let _ = write!(
            s,
            "  ({} repeated header row(s) skipped, {} continued line(s) merged)",
            r.repeated_headers, r.continuations
        );
    }
    s.push('\n');
    if !r.skipped_lines.is_empty() {
        let lines: Vec<String> = r.skipped_lines.iter().map(|l| l.to_string()).collect();
        line(&mut s, "lines skipped", lines.len());
        let _ = writeln!(s, "  (lines {}: in the table but in no row)", lines.join(", "));
    }
    line(&mut s, "decisions", r.decisions);
    s.push('\n');
    line(&mut s, "answers promising edits", r.promising);
    s.push('\n');
    line(&mut s, "edits extracted", r.extracted);
    s.push('\n');
    line(&mut s, "edits left todo", r.todo);
    if !r.todo_decisions.is_empty() {
        let _ = write!(s, "  (decisions {}; complete them before `akaji apply`)", r.todo_decisions.join(", "));
    }
    s.push('\n');
    let quoted = |names: &[String]| names.iter().map(|n| format!("「{n}」")).collect::<Vec<_>>().join(", ");
    if !r.sheets.is_empty() {
        let _ = write!(s, "  sheets read: {}", quoted(&r.sheets));
        if !r.skipped_sheets.is_empty() {
            let _ = write!(s, " (without a header row, not read: {})", quoted(&r.skipped_sheets));
        }
        s.push('\n');
    }
    if !r.columns_not_read.is_empty() {
        let _ = writeln!(
            s,
            "  note: columns not read: {} (name one with --columns ROLE=HEADER if it holds what a role needs)",
            quoted(&r.columns_not_read)
        );
    }
    let notes = [
        (&r.scopes_from_request, "the page comes from the request, the answer citing none", ""),
        (&r.scopes_not_written, "a cited page or line cannot be a scope (its edit is todo, saying why)", ""),
        (&r.marked_only, "修正の有無 = 有 but the answer's wording is not recognised (a todo each)", ""),
        (&r.marked_none, "修正の有無 = 無 although the answer reads as a promise", " (no edits written)"),
    ];
    for (ids, what, after) in notes.into_iter().filter(|n| !n.0.is_empty()) {
        let _ = writeln!(s, "  note: {what}: decision {}{after}", ids.join(", "));
    }
    for (id, cell) in &r.unknown_marks {
        let _ = writeln!(
            s,
            "  note: decision {id}: 修正の有無 「{cell}」 is neither 有 nor 無; the answer's wording decides"
        );
    }
    for (was, now) in &r.renamed {
        let _ = writeln!(s, "  note: 項番 {was} appears more than once; the later row is decision \"{now}\"");
    }
    s
}

/// The header of a drafted ledger written as TOML.
pub fn drafted_from(table: &str) -> String {
    format!("# Drafted by `akaji import` from {table}: check every decision, complete the edits marked todo.\n\n")
}

/// The header of a ledger written by `akaji reconcile`.
pub fn reconciled_header(input: &Path) -> String {
    let name = input.file_name().map_or_else(|| input.display().to_string(), |n| n.to_string_lossy().into());
    format!(
        "# Written by `akaji reconcile` from {name}: review every edit with [decision.edit.evidence], complete the todos.\n\n"
    )
}

/// After `akaji reconcile`: where the ledger went, one line per edit of each promising
/// decision, the changes no answer explains, and a summary.
pub fn reconciled(input: &Path, to: &str, r: &ReconcileReport) -> String {
    let mut s = format!("akaji reconcile: {} → {to}\n", input.display());
    for d in &r.decisions {
        for e in &d.edits {
            let _ = writeln!(s, "  {:<11}{:>4}  {}", status_word(e.status), d.id, outcome(e));
        }
    }
    for u in &r.unexplained {
        let claimed = if u.claimed_by.is_empty() {
            String::new()
        } else {
            format!(" (decision {} could each claim it)", u.claimed_by.join(", "))
        };
        let _ = writeln!(
            s,
            "  {:<11}{:>4}  P{} L{} 「{}」→「{}」{claimed}",
            "unexplained",
            u.id.rsplit('-').next().unwrap_or(&u.id),
            u.draft.page,
            u.draft.line,
            u.draft.text,
            u.in_final.text
        );
    }
    let m = &r.summary;
    let pages: Vec<String> = m.unexplained_pages.iter().map(|p| format!("P{p}")).collect();
    let pages = if pages.is_empty() { String::new() } else { format!(" ({})", pages.join(", ")) };
    let _ = writeln!(
        s,
        "{} decisions: {} quoted, {} completed, {} partial, {} ambiguous, {} not found; {} of {} changes attributed, {} no answer explains{pages}",
        m.decisions, m.quoted, m.completed, m.partial, m.ambiguous, m.not_found, m.attributed, m.changes, m.unexplained
    );
    for p in &r.check.problems {
        let _ = writeln!(s, "  bug: an edit written does not resolve: {p}");
    }
    if !r.check.left.is_empty() {
        let places: Vec<String> = r.check.left.iter().map(|p| format!("P{} L{}", p.page, p.line)).collect();
        let _ = writeln!(
            s,
            "  bug: the ledger applied to the draft differs from the final at {} (please report it)",
            places.join(", ")
        );
    }
    s
}

fn status_word(s: Status) -> &'static str {
    match s {
        Status::Quoted => "quoted",
        Status::Completed => "completed",
        Status::Partial => "partial",
        Status::Ambiguous => "ambiguous",
        Status::NotFound => "not found",
    }
}

/// One edit's line: what it is, where it was found, by which clues; or why not.
fn outcome(e: &EditOutcome) -> String {
    let places: Vec<String> = e.places.iter().map(|p| format!("P{} L{}", p.page, p.line)).collect();
    // A completed todo is shown as what was written; a quoted edit as the answer wrote it.
    let mut s = match (e.status, e.written.as_slice()) {
        (Status::Completed, [one]) => one.clone(),
        _ => e.summary.clone(),
    };
    if !places.is_empty() && e.status != Status::Ambiguous {
        let _ = write!(s, " at {}", places.join(", "));
    }
    if !e.clues.is_empty() && e.status != Status::Quoted || e.confidence.is_some() {
        let clues: Vec<&str> = e.clues.iter().map(|c| c.key()).collect();
        let _ = write!(s, "; clues: {}", clues.join(", "));
        if let Some(c) = e.confidence {
            let _ = write!(s, " ({})", c.key());
        }
    }
    if e.status == Status::Ambiguous {
        let _ = write!(s, "; {}", messages::ambiguous(&e.ambiguous_with, &e.places));
    }
    if let Some(m) = &e.missing {
        let _ = write!(s, "; {}", messages::missing(m));
    }
    s
}

/// A text a clap value parser refuses.
pub fn unknown_format(name: &str, names: &[&str]) -> String {
    format!("unknown format `{name}`; use one of {}", names.join(", "))
}

/// A `--context` value that is not one.
pub fn bad_context(value: &str) -> String {
    format!("`{value}` is neither a number of lines nor `all`")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_import_report_lines_up() {
        let r = ImportReport {
            rows: 38,
            decisions: 38,
            promising: 7,
            extracted: 4,
            todo: 4,
            todo_decisions: vec!["1".into(), "2".into()],
            ..ImportReport::default()
        };
        let text = imported(Path::new("t.txt"), "stdout", &r);
        assert!(text.starts_with("akaji import: t.txt → stdout\n  rows read                 38\n"), "{text}");
        assert!(text.contains("\n  answers promising edits    7\n"), "{text}");
        assert!(text.contains("\n  edits left todo            4  (decisions 1, 2;"), "{text}");
        let r = ImportReport {
            columns_not_read: vec!["備考".into()],
            marked_none: vec!["2".into()],
            sheets: vec!["意見".into()],
            skipped_sheets: vec!["表紙".into()],
            ..ImportReport::default()
        };
        let text = imported(Path::new("t.xlsx"), "stdout", &r);
        assert!(text.contains("\n  sheets read: 「意見」 (without a header row, not read: 「表紙」)\n"), "{text}");
        assert!(text.contains("\n  note: columns not read: 「備考」 (name one"), "{text}");
        assert!(
            text.contains(
                "\n  note: 修正の有無 = 無 although the answer reads as a promise: decision 2 (no edits written)\n"
            ),
            "{text}"
        );
    }

    #[test]
    fn listed_problems_each_name_the_file_and_indent_their_details() {
        let e = CliError::Ledger {
            path: "l.toml".into(),
            problems: vec![Diagnostic::new(LedgerProblem::NoAnchor), Diagnostic::new(LedgerProblem::EmptyPages)].into(),
        };
        assert_eq!(
            error(&e),
            "l.toml: 2 problem(s) in the ledger\nl.toml: has none of `old`, `after`, `before` or `todo`: say what to change\nl.toml: has an empty `pages` list"
        );
    }
}
