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
use crate::messages::{body, explains, occurrence_label, todo_help, verify_note, visible};
use std::io::{self, Write};

/// Write `report` as text.
pub fn render(report: &VerifyReport, out: &mut dyn Write) -> io::Result<()> {
    let f = &report.files;
    let (fin, ledger) = (visible(&f.final_text), visible(&f.ledger));
    match (&f.draft, &f.lock) {
        (Some(d), _) => writeln!(out, "verify {fin} against {ledger} (draft: {})", visible(d))?,
        (None, Some(l)) => writeln!(out, "verify {fin} against {ledger} (no draft; lock: {})", visible(l))?,
        (None, None) => writeln!(out, "verify {fin} against {ledger} (no draft)")?,
    }
    let mut todos = 0;
    for d in &report.decisions {
        write!(out, "{:<10}  {}", d.status.name(), visible(&d.id))?;
        if let Some(by) = &d.by {
            write!(out, "  by {}", visible(by))?;
        }
        if let Some(at) = &d.at {
            write!(out, "  at {}", visible(at))?;
        }
        writeln!(out)?;
        if d.status == Status::Applied {
            continue;
        }
        for e in &d.edits {
            writeln!(out, "  edit {} {}: {}", e.edit, e.summary, e.status.name())?;
            match e.message.as_ref().map(|m| (m, &m.kind)) {
                // The summary shows a todo's note; what to do about todos is said once, at the end.
                Some((_, Kind::Anchor(AnchorProblem::Todo { .. }))) => todos += 1,
                Some((m, _)) => {
                    for line in body(m).lines() {
                        writeln!(out, "    {line}")?;
                    }
                }
                None => {}
            }
            for x in &e.findings {
                if e.findings.len() > 1 {
                    // Without the draft or its lock, a place is an occurrence, not a verdict.
                    let label = match (report.mode, &x.note) {
                        (Mode::WithoutDraft, None) => occurrence_label(x.status),
                        _ => x.status.name(),
                    };
                    writeln!(out, "    {label}:")?;
                }
                if let Some(p) = &x.draft {
                    writeln!(out, "    draft  {p}")?;
                }
                if let Some(p) = &x.in_final {
                    write!(out, "    final  {p}")?;
                    if !matches!(x.status, Status::Applied | Status::AppliedTodo) {
                        write!(out, "  (expected 「{}」)", visible(&x.expected))?;
                    }
                    writeln!(out)?;
                }
                if let Some(n) = x.note.as_ref().filter(|_| x.status != Status::Applied) {
                    writeln!(out, "      {}", verify_note(n))?;
                }
            }
        }
    }
    if todos > 0 {
        writeln!(out, "{}", todo_help(todos))?;
    }
    if !report.unexplained.is_empty() {
        writeln!(out, "unexplained changes (no decision records them):")?;
        for c in &report.unexplained {
            writeln!(out, "  draft  {}", c.draft)?;
            writeln!(out, "  final  {}", c.in_final)?;
            if let Some(m) = &c.maybe {
                writeln!(out, "    ({})", explains(m))?;
            }
        }
    }
    if !report.layout.kept && report.mode == Mode::WithDraft {
        write!(out, "layout left out: line breaks, spaces, page markers")?;
        if !report.layout.running_heads.is_empty() {
            let heads: Vec<String> =
                report.layout.running_heads.iter().map(|h| format!("「{}」", visible(h))).collect();
            write!(out, ", running heads {}", heads.join(" "))?;
        }
        writeln!(out, " (--keep-layout counts them)")?;
    }
    for n in &report.notes {
        writeln!(out, "note: {}", visible(n))?;
    }
    writeln!(out, "{}", summary_line(report))
}

/// "N decisions, N applied, N missing, N different, N unanchored, N unexplained changes" (with
/// todo, applied_todo, missing_todo and unclear counts when there are any).
pub fn summary_line(report: &VerifyReport) -> String {
    let s = &report.summary;
    let mut line = format!(
        "{} decisions, {} applied, {} missing, {} different, {} unanchored",
        s.decisions, s.applied, s.missing, s.different, s.unanchored
    );
    if s.todo > 0 {
        line.push_str(&format!(", {} todo", s.todo));
    }
    if s.applied_todo > 0 {
        line.push_str(&format!(", {} applied_todo", s.applied_todo));
    }
    if s.missing_todo > 0 {
        line.push_str(&format!(", {} missing_todo", s.missing_todo));
    }
    if s.unclear > 0 {
        line.push_str(&format!(", {} unclear", s.unclear));
    }
    match report.mode {
        Mode::WithDraft => line.push_str(&format!(", {} unexplained changes", s.unexplained)),
        Mode::WithoutDraft => line.push_str(", unexplained changes not checked (no draft)"),
    }
    line
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
