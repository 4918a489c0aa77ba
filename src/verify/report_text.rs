//! The `text` verification report: one line per decision, details under each problem, a summary.
//! Ledger strings and document text in it are shown visibly ([`visible`]): the report goes to
//! terminals.
//!
//! ```text
//! missing     28  by 個人B  at II-1-(2)
//!   edit 1 「設置」→「開催」 (P2): missing
//!     draft  P2 L3:9  …分科会を【設置】し、…
//!     final  P2 L3:9  …分科会を【設置】し、…  (expected 「開催」)
//! 4 decisions, 1 applied, 1 missing, 1 different, 1 unanchored, 1 unexplained changes
//! ```

use super::report::{Mode, Status, VerifyReport};
use crate::anchor::AnchorProblem;
use crate::diagnostic::Kind;
use crate::messages::report as words;
use crate::messages::{body_in, explains_in, occurrence_label_in, todo_help_in, verify_note_in, visible};
use std::io::{self, Write};

/// Write `report` as text.
pub fn render(report: &VerifyReport, out: &mut dyn Write) -> io::Result<()> {
    let (f, lang) = (&report.files, report.lang);
    let title = words::verify_title(&visible(&f.final_text), &visible(&f.ledger), lang);
    let (draft, lock) = (f.draft.as_deref().map(visible), f.lock.as_deref().map(visible));
    writeln!(out, "{title}{}", words::draft_note(draft.as_deref(), lock.as_deref(), lang))?;
    let (draft_label, final_label) = words::sides(lang);
    let mut todos = 0;
    for d in &report.decisions {
        let status = words::status(d.status, lang);
        let pad = 10usize.saturating_sub(display_width(status));
        let (by, at) = (d.by.as_deref().map(visible), d.at.as_deref().map(visible));
        writeln!(out, "{status}{:pad$}  {}{}", "", visible(&d.id), words::by_at(by.as_deref(), at.as_deref(), lang))?;
        if d.status == Status::Applied {
            continue;
        }
        for e in &d.edits {
            let es = words::status(e.status, lang);
            writeln!(out, "  {} {}: {es}", words::edit_no(e.edit, lang), e.summary_in(lang))?;
            match e.message.as_ref().map(|m| (m, &m.kind)) {
                // The summary shows a todo's note; what to do about todos is said once, at the end.
                Some((_, Kind::Anchor(AnchorProblem::Todo { .. }))) => todos += 1,
                Some((m, _)) => {
                    for line in body_in(m, lang).lines() {
                        writeln!(out, "    {line}")?;
                    }
                }
                None => {}
            }
            for x in &e.findings {
                if e.findings.len() > 1 {
                    // Without the draft or its lock, a place is an occurrence, not a verdict.
                    let label = match (report.mode, &x.note) {
                        (Mode::WithoutDraft, None) => occurrence_label_in(x.status, lang),
                        _ => words::status(x.status, lang),
                    };
                    writeln!(out, "    {label}:")?;
                }
                if let Some(p) = &x.draft {
                    writeln!(out, "    {draft_label} {p}")?;
                }
                if let Some(p) = &x.in_final {
                    write!(out, "    {final_label} {p}")?;
                    if !matches!(x.status, Status::Applied | Status::AppliedTodo) {
                        write!(out, "  {}", words::expected(&visible(&x.expected), lang))?;
                    }
                    writeln!(out)?;
                }
                if let Some(n) = x.note.as_ref().filter(|_| x.status != Status::Applied) {
                    writeln!(out, "      {}", verify_note_in(n, lang))?;
                }
            }
        }
    }
    if todos > 0 {
        writeln!(out, "{}", todo_help_in(todos, lang))?;
    }
    if !report.unexplained.is_empty() {
        writeln!(out, "{}:", words::unexplained_heading(lang))?;
        for c in &report.unexplained {
            writeln!(out, "  {draft_label} {}", c.draft)?;
            writeln!(out, "  {final_label} {}", c.in_final)?;
            if let Some(m) = &c.maybe {
                writeln!(out, "    {}", words::aside(&explains_in(m, lang), lang))?;
            }
        }
    }
    if !report.layout.kept && report.mode == Mode::WithDraft {
        let heads: Vec<String> = report.layout.running_heads.iter().map(|h| format!("「{}」", visible(h))).collect();
        writeln!(out, "{}", words::layout_left_out(&heads, lang))?;
    }
    for n in &report.notes {
        writeln!(out, "{}", words::note(&visible(n), lang))?;
    }
    writeln!(out, "{}", summary_line(report))
}

/// Columns a status takes in a terminal: a Japanese character takes two.
fn display_width(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

/// "N decisions, N applied, N missing, N different, N unanchored, N unexplained changes" (with
/// todo, applied_todo, missing_todo and unclear counts when there are any), in `report.lang`.
pub fn summary_line(report: &VerifyReport) -> String {
    words::summary_line(&report.summary, report.mode == Mode::WithDraft, report.lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verify::report::{DecisionReport, Layout};

    #[test]
    fn applied_decisions_take_one_line_and_the_summary_counts() {
        let d = DecisionReport {
            id: "7".into(),
            by: Some("個人A".into()),
            at: None,
            status: Status::Applied,
            edits: vec![],
        };
        let r = VerifyReport::new(Mode::WithDraft, vec![d], Vec::new(), Layout::default());
        let mut out = Vec::new();
        render(&r, &mut out).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(s.contains("\napplied     7  by 個人A\n"), "{s}");
        assert!(
            s.ends_with("1 decisions, 1 applied, 0 missing, 0 different, 0 unanchored, 0 unexplained changes\n"),
            "{s}"
        );
    }
}
