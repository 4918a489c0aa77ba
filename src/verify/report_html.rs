//! The `html` verification report: one self-contained page with the summary table, the
//! unexplained changes, and the draft as a redline in which every problem stands out.
//!
//! Every text from the documents and the ledger is escaped, and the page opens with the same
//! `<head>` as the redline pages (`render::head`).

use super::report::{Marked, Status, VerifyReport};
use super::report_text::summary_line;
use crate::anchor::AnchorProblem;
use crate::diagnostic::Kind;
use crate::messages::{body, explains, todo_help, verify_note};
use crate::render::{escape, head};
use std::io::{self, Write};

const STYLE: &str = "body{font-family:sans-serif;margin:2em;line-height:1.6}\
table{border-collapse:collapse}td,th{border:1px solid #999;padding:.2em .5em;vertical-align:top}\
.applied,.applied_todo{color:#060}.missing,.different,.unanchored,.unexplained,.todo,.missing_todo,.unclear{color:#b00;font-weight:bold}\
.redline{white-space:pre-wrap;border:1px solid #ccc;padding:1em}\
del{color:#900}ins{color:#06c}mark.missing{background:#fdd}del.problem,ins.problem{background:#fdd}\
sup{font-size:70%;color:#555}";

/// Write `report` as an HTML page.
pub fn render(report: &VerifyReport, out: &mut dyn Write) -> io::Result<()> {
    let f = &report.files;
    let title = format!("verify {} against {}", f.final_text, f.ledger);
    head(out, &title, STYLE)?;
    writeln!(out, "<body>")?;
    writeln!(out, "<h1>{}</h1>", escape(&title))?;
    if let Some(d) = &f.draft {
        writeln!(out, "<p>draft: {}</p>", escape(d))?;
    }
    writeln!(out, "<p class=\"summary\">{}</p>", escape(&summary_line(report)))?;
    writeln!(out, "<table>\n<tr><th>status</th><th>decision</th><th>by</th><th>at</th><th>edits</th></tr>")?;
    let mut todos = 0;
    for d in &report.decisions {
        let s = d.status.name();
        write!(out, "<tr><td class=\"{s}\">{s}</td><td>{}</td>", escape(&d.id))?;
        write!(out, "<td>{}</td><td>{}</td><td>", opt(&d.by), opt(&d.at))?;
        for e in &d.edits {
            let es = e.status.name();
            write!(out, "<div>edit {} {} <span class=\"{es}\">{es}</span>", e.edit, escape(&e.summary))?;
            match e.message.as_ref().map(|m| (m, &m.kind)) {
                Some((_, Kind::Anchor(AnchorProblem::Todo { .. }))) => todos += 1,
                Some((m, _)) => write!(out, "<br><small>{}</small>", escape(&body(m)).replace('\n', "<br>"))?,
                None => {}
            }
            for x in e.findings.iter().filter(|x| !matches!(x.status, Status::Applied | Status::AppliedTodo)) {
                if let Some(p) = &x.draft {
                    write!(out, "<br><small>draft {}</small>", escape(&p.to_string()))?;
                }
                if let Some(p) = &x.in_final {
                    write!(out, "<br><small>final {}</small>", escape(&p.to_string()))?;
                }
                write!(out, "<br><small>expected 「{}」</small>", escape(&x.expected))?;
                if let Some(n) = &x.note {
                    write!(out, "<br><small>{}</small>", escape(&verify_note(n)))?;
                }
            }
            write!(out, "</div>")?;
        }
        writeln!(out, "</td></tr>")?;
    }
    writeln!(out, "</table>")?;
    if todos > 0 {
        writeln!(out, "<p class=\"todo\">{}</p>", escape(&todo_help(todos)))?;
    }
    if !report.unexplained.is_empty() {
        writeln!(out, "<h2>Unexplained changes</h2>\n<table>\n<tr><th>draft</th><th>final</th></tr>")?;
        for c in &report.unexplained {
            let (d, n) = (escape(&c.draft.to_string()), escape(&c.in_final.to_string()));
            let m =
                c.maybe.as_ref().map(|m| format!("<br><small>{}</small>", escape(&explains(m)))).unwrap_or_default();
            writeln!(out, "<tr><td class=\"unexplained\">{d}</td><td class=\"unexplained\">{n}{m}</td></tr>")?;
        }
        writeln!(out, "</table>")?;
    }
    for n in &report.notes {
        writeln!(out, "<p class=\"note\">{}</p>", escape(n))?;
    }
    if let Some(m) = &report.marked {
        writeln!(out, "<h2>Redline of the draft</h2>")?;
        redline(m, out)?;
    }
    writeln!(out, "</body>\n</html>")
}

fn opt(s: &Option<String>) -> String {
    s.as_deref().map(escape).unwrap_or_default()
}

/// The draft with every mark drawn: applied edits struck and underlined, problems highlighted.
fn redline(m: &Marked, out: &mut dyn Write) -> io::Result<()> {
    write!(out, "<div class=\"redline\">")?;
    let mut at = 0;
    for mark in &m.marks {
        write!(out, "{}", escape(&m.draft[at..mark.range.start]))?;
        let old = escape(&m.draft[mark.range.clone()]);
        let new = escape(&mark.new);
        let label = match &mark.edit {
            Some(s) => escape(&format!("{} edit {}", s.id, s.edit.map_or(1, |e| e + 1))),
            None => "unexplained".to_owned(),
        };
        match mark.status {
            Some(Status::Applied) => {
                write!(out, "<del class=\"applied\">{old}</del><ins class=\"applied\">{new}</ins><sup>{label}</sup>")?
            }
            Some(Status::Missing) => write!(
                out,
                "<mark class=\"missing\" title=\"missing: promised 「{new}」\">{old}</mark><sup class=\"missing\">{label} missing: 「{new}」</sup>"
            )?,
            Some(s) => write!(
                out,
                "<del class=\"problem\">{old}</del><ins class=\"problem\">{new}</ins><sup class=\"{}\">{label} {}</sup>",
                s.name(),
                s.name()
            )?,
            None => write!(
                out,
                "<del class=\"problem\">{old}</del><ins class=\"problem\">{new}</ins><sup class=\"unexplained\">unexplained</sup>"
            )?,
        }
        at = mark.range.end;
    }
    write!(out, "{}", escape(&m.draft[at..]))?;
    writeln!(out, "</div>")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verify::report::{DecisionReport, Layout, Mark, Mode};

    #[test]
    fn everything_from_the_documents_is_escaped() {
        let d = DecisionReport {
            id: "<1>".into(),
            by: Some("A&B".into()),
            at: None,
            status: Status::Applied,
            edits: vec![],
        };
        let mut r = VerifyReport::new(Mode::WithDraft, vec![d], Vec::new(), Layout::default());
        let draft = "a<script>x</script>b";
        let range = draft.find("x").unwrap()..draft.find("x").unwrap() + 1;
        let marks = vec![Mark { range, new: "\"'&".into(), status: None, edit: None }];
        r.marked = Some(Marked { draft, marks });
        let mut out = Vec::new();
        render(&r, &mut out).unwrap();
        let s = String::from_utf8(out).unwrap();
        assert!(!s.contains("<script>") && !s.contains("<1>") && !s.contains("A&B"), "{s}");
        assert!(s.contains("&lt;script&gt;") && s.contains("&quot;&#39;&amp;") && s.contains("&lt;1&gt;"), "{s}");
    }
}
