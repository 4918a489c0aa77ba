//! Every sentence the command line writes of its own: its errors, in one place (what the
//! library finds is worded by `akaji::messages`, which this module calls), and the notices on
//! stderr. Each function matches on the run's language ([`super::lang`]) with an arm for English
//! and one for Japanese, so neither can lack a sentence.

use super::error::{CliError, IoAction, Usage, Writes};
use super::lang::lang;
use super::special::SpecialKind;
use akaji::import::ImportReport;
use akaji::messages::{self, Lang};
use akaji::reconcile::{EditOutcome, ReconcileReport, Status};
use akaji::{Diagnostic, Kind, LedgerProblem};
use std::fmt::Write;
use std::path::Path;

/// What an error line starts with.
pub fn error_lead() -> &'static str {
    match lang() {
        Lang::En => "akaji: error: ",
        Lang::Ja => "akaji: エラー: ",
    }
}

/// What a warning line starts with.
fn warning_lead() -> &'static str {
    match lang() {
        Lang::En => "akaji: warning: ",
        Lang::Ja => "akaji: 警告: ",
    }
}

/// `e` as the lines `akaji: error: …` continues with.
pub fn error(e: &CliError) -> String {
    let l = lang();
    match e {
        CliError::Io { path, action, source } => {
            let action = match (l, action) {
                (Lang::En, IoAction::Read) => "cannot read it",
                (Lang::En, IoAction::Write) => "cannot write it",
                (Lang::En, IoAction::Render) => "cannot render it",
                (Lang::Ja, IoAction::Read) => "読めません",
                (Lang::Ja, IoAction::Write) => "書けません",
                (Lang::Ja, IoAction::Render) => "出力を作れません",
            };
            format!("{}: {action}: {source}", shown(path))
        }
        CliError::Input { path, problem } => format!("{}: {}", shown(path), messages::text_in(problem, l)),
        CliError::Ledger { path, problems } => match &problems[..] {
            [one]
                if matches!(
                    one.kind,
                    Kind::Ledger(LedgerProblem::Syntax { .. } | LedgerProblem::UnknownKey { .. })
                ) =>
            {
                format!("{}: {}", shown(path), messages::text_in(one, l))
            }
            _ => {
                let headline = match l {
                    Lang::En => format!("{} problem(s) in the ledger", problems.len()),
                    Lang::Ja => format!("台帳に問題が{}件あります", problems.len()),
                };
                listed(path, &headline, problems)
            }
        },
        CliError::Resolve { ledger, draft, problems } => {
            let headline = match l {
                Lang::En => format!("{} edit(s) do not apply to {}", problems.len(), shown(draft)),
                Lang::Ja => format!("{}件の修正が {} に当てはまりません", problems.len(), shown(draft)),
            };
            listed(ledger, &headline, problems)
        }
        CliError::Usage(u) => usage(u, l),
    }
}

/// A headline about `path`, then each problem on lines of its own, each naming `path`.
fn listed(path: &Path, headline: &str, problems: &[Diagnostic]) -> String {
    let mut out = format!("{}: {headline}", shown(path));
    for p in problems {
        let _ = write!(out, "\n{}: {}", shown(path), messages::text_in(p, lang()).replace('\n', "\n  "));
    }
    out
}

fn usage(u: &Usage, l: Lang) -> String {
    match (l, u) {
        (Lang::En, Usage::OutputOverInput { input }) => {
            format!("refusing to write the output over the input {}: choose another -o path", shown(input))
        }
        (Lang::Ja, Usage::OutputOverInput { input }) => {
            format!("入力の {} に上書きはしません: -o に別のパスを指定してください", shown(input))
        }
        (Lang::En, Usage::BinaryToTerminal { format }) => {
            format!("refusing to write {format} to a terminal: use -o FILE.{format} or redirect the output")
        }
        (Lang::Ja, Usage::BinaryToTerminal { format }) => {
            format!("{format} は端末に書きません: -o FILE.{format} を指定するか出力をリダイレクトしてください")
        }
        (Lang::En, Usage::BadTimeout { value }) => format!("--timeout {value} is not a number of seconds ≥ 0"),
        (Lang::Ja, Usage::BadTimeout { value }) => format!("--timeout {value} は 0 以上の秒数ではありません"),
        (Lang::En, Usage::ExactNeedsDraft) => {
            "--exact needs the draft: pass --draft DRAFT (or name it in the ledger's `draft` key)".to_owned()
        }
        (Lang::Ja, Usage::ExactNeedsDraft) => {
            "--exact には案が必要です: --draft DRAFT を指定してください（または台帳の `draft` に書きます）".to_owned()
        }
        (Lang::En, Usage::Unsupported { detail }) => format!("{detail}; choose another --format"),
        (Lang::Ja, Usage::Unsupported { detail }) => format!("{detail}: 別の --format を選んでください"),
        (_, Usage::Columns(d)) => messages::body_in(d, l),
        (Lang::En, Usage::Swapped { usage }) => format!("the arguments look swapped: {usage}"),
        (Lang::Ja, Usage::Swapped { usage }) => format!("引数の順序が逆のようです: {usage}"),
        (Lang::En, Usage::FinalNotFlagged { path }) => {
            format!("the final is given with --final: akaji verify LEDGER --final {} [--draft DRAFT]", shown(path))
        }
        (Lang::Ja, Usage::FinalNotFlagged { path }) => format!(
            "修正後の文書は --final で指定します: akaji verify LEDGER --final {} [--draft DRAFT]",
            shown(path)
        ),
        (Lang::En, Usage::FinalMissing) => {
            "name the published final: akaji verify LEDGER --final FINAL [--draft DRAFT]".to_owned()
        }
        (Lang::Ja, Usage::FinalMissing) => {
            "公表された修正後の文書を指定してください: akaji verify LEDGER --final FINAL [--draft DRAFT]".to_owned()
        }
        (Lang::En, Usage::WrongExtension { path, ext, writes }) => {
            let fix = if ext == "pdf" {
                "akaji writes no PDF: print one from the .docx or .html output (Word, LibreOffice, a browser)"
                    .to_owned()
            } else if *writes == Writes::Ledger {
                "name the file .toml or .json".to_owned()
            } else {
                format!("name the file {} (or choose a --format that writes .{ext})", writes.suggested())
            };
            format!("{}: this command writes {} here, not a .{ext} file; {fix}", shown(path), writes_en(*writes))
        }
        (Lang::Ja, Usage::WrongExtension { path, ext, writes }) => {
            let fix = if ext == "pdf" {
                "akaji は PDF を書きません: .docx か .html の出力から（Word、LibreOffice、ブラウザで）印刷してください"
                    .to_owned()
            } else if *writes == Writes::Ledger {
                "ファイル名を .toml か .json にしてください".to_owned()
            } else {
                format!(
                    "ファイル名を {} にしてください（または .{ext} を書く --format を選んでください）",
                    writes.suggested()
                )
            };
            format!(
                "{}: ここに書くのは{}で、.{ext} のファイルではありません。{fix}",
                shown(path),
                writes_ja(*writes)
            )
        }
        (Lang::En, Usage::DraftOutsideLedger { ledger, draft }) => format!(
            "{}: the ledger's `draft` key names 「{}」, which is outside the ledger's folder; a ledger may only name a draft beside it. If you mean that file, pass it yourself: --draft {}",
            shown(ledger),
            messages::visible(draft),
            messages::visible(draft)
        ),
        (Lang::Ja, Usage::DraftOutsideLedger { ledger, draft }) => format!(
            "{}: 台帳の `draft` は台帳のフォルダの外の「{}」を指しています。台帳が指せるのは同じフォルダの案だけです。そのファイルのことなら、自分で指定してください: --draft {}",
            shown(ledger),
            messages::visible(draft),
            messages::visible(draft)
        ),
        (Lang::En, Usage::SpecialFile { path, kind, output: true }) => match kind {
            SpecialKind::DanglingLink => format!(
                "{} is a symbolic link to a file that does not exist: create the file it points to, or choose another -o path",
                shown(path)
            ),
            kind => format!(
                "refusing to write to {}, which is {}: akaji replaces regular files whole (through a symbolic link, its target) and writes directly only to /dev/null, its terminal or a pipe; choose a file path",
                shown(path),
                special_kind(*kind, Lang::En)
            ),
        },
        (Lang::Ja, Usage::SpecialFile { path, kind, output: true }) => match kind {
            SpecialKind::DanglingLink => format!(
                "{} は存在しないファイルへのシンボリックリンクです: リンク先のファイルを作るか、-o に別のパスを指定してください",
                shown(path)
            ),
            kind => format!(
                "{} は{}なので書きません: akaji は通常のファイルを丸ごと置き換え（シンボリックリンクならリンク先）、そのまま書くのは /dev/null、端末、パイプだけです。ファイルのパスを指定してください",
                shown(path),
                special_kind(*kind, Lang::Ja)
            ),
        },
        (Lang::En, Usage::SpecialFile { path, kind, output: false }) => match kind {
            SpecialKind::NamedPipe => format!(
                "refusing to read {}, a named pipe: akaji reads its inputs whole and will not wait for a writer that may never come; save the text to a file, or pass it as <(command)",
                shown(path)
            ),
            kind => format!(
                "refusing to read {}, which is {}: akaji reads regular files, /dev/null and pipes such as <(command)",
                shown(path),
                special_kind(*kind, Lang::En)
            ),
        },
        (Lang::Ja, Usage::SpecialFile { path, kind, output: false }) => match kind {
            SpecialKind::NamedPipe => format!(
                "{} は名前付きパイプなので読みません: akaji は入力を丸ごと読み、来ないかもしれない書き手を待ちません。テキストをファイルに保存するか、<(command) として渡してください",
                shown(path)
            ),
            kind => format!(
                "{} は{}なので読みません: akaji が読むのは通常のファイル、/dev/null、<(command) のようなパイプです",
                shown(path),
                special_kind(*kind, Lang::Ja)
            ),
        },
        (Lang::En, Usage::ColumnsWithLedger) => "--columns names a table's columns; the input is a ledger".to_owned(),
        (Lang::Ja, Usage::ColumnsWithLedger) => "--columns は表の列を指定するものですが、入力は台帳です".to_owned(),
    }
}

/// What a special file is, in words.
fn special_kind(kind: SpecialKind, l: Lang) -> &'static str {
    match (l, kind) {
        (Lang::En, SpecialKind::CharDevice) => "a character device",
        (Lang::En, SpecialKind::BlockDevice) => "a block device (a disk)",
        (Lang::En, SpecialKind::NamedPipe) => "a named pipe (FIFO)",
        (Lang::En, SpecialKind::Socket) => "a socket",
        (Lang::En, SpecialKind::Directory) => "a folder",
        (Lang::En, SpecialKind::DanglingLink) => "a symbolic link to nothing",
        (Lang::Ja, SpecialKind::CharDevice) => "キャラクタデバイス",
        (Lang::Ja, SpecialKind::BlockDevice) => "ブロックデバイス（ディスク）",
        (Lang::Ja, SpecialKind::NamedPipe) => "名前付きパイプ（FIFO）",
        (Lang::Ja, SpecialKind::Socket) => "ソケット",
        (Lang::Ja, SpecialKind::Directory) => "フォルダ",
        (Lang::Ja, SpecialKind::DanglingLink) => "どこも指さないシンボリックリンク",
    }
}

/// A path as messages show it: control characters visible, so that a crafted file name cannot
/// write escape sequences to the terminal or forge a line of the message.
pub fn shown(path: &Path) -> String {
    messages::visible(&path.display().to_string()).into_owned()
}

fn writes_en(w: Writes) -> String {
    match w {
        Writes::Text => "UTF-8 text".to_owned(),
        Writes::Json => "JSON".to_owned(),
        Writes::Ledger => "a ledger (TOML or JSON)".to_owned(),
        Writes::Html => "an HTML page".to_owned(),
        Writes::Redline(f) => format!("a redline in the {f} format"),
    }
}

fn writes_ja(w: Writes) -> String {
    match w {
        Writes::Text => "UTF-8 のテキスト".to_owned(),
        Writes::Json => "JSON".to_owned(),
        Writes::Ledger => "台帳（TOML か JSON）".to_owned(),
        Writes::Html => "HTML のページ".to_owned(),
        Writes::Redline(f) => format!("{f} 形式の見え消し"),
    }
}

/// After `akaji apply -o`: what was applied and where it went.
pub fn applied(edits: usize, decisions: usize, output: &Path) -> String {
    match lang() {
        Lang::En => {
            format!("akaji: {edits} edit(s) from {decisions} decision(s) applied; wrote {}", shown(output))
        }
        Lang::Ja => format!("akaji: {decisions}件の意見の修正{edits}件を反映し、{} に書きました", shown(output)),
    }
}

/// After `--partial`: the todos left out.
pub fn todos_left_out(ledger: &akaji::Ledger, todos: &[akaji::EditRef]) -> String {
    let mut ids: Vec<&str> = todos.iter().map(|t| ledger[t.decision].id.as_str()).collect();
    ids.dedup();
    match lang() {
        Lang::En => format!(
            "akaji: {} todo edit(s) left out (decision {}): complete them for the whole final",
            todos.len(),
            ids.join(", ")
        ),
        Lang::Ja => format!(
            "akaji: 未記入の修正{}件を除きました（意見 {}）: すべての修正を反映するには書いてください",
            todos.len(),
            ids.join("、")
        ),
    }
}

/// When `akaji diff` hit its deadline.
pub fn diff_deadline(timeout: f64) -> String {
    match lang() {
        Lang::En => format!(
            "{}the diff took longer than --timeout {timeout} s and was not refined to the end; the changes shown are correct but coarser (raise --timeout, or 0 for no limit)",
            warning_lead()
        ),
        Lang::Ja => format!(
            "{}差分が --timeout {timeout} 秒を超えたため、詳細化を最後まで行っていません。示す変更は正しいものの粗い単位です（--timeout を増やすか、0 で無制限）",
            warning_lead()
        ),
    }
}

/// A character a Word document could not hold.
pub fn stand_in(w: &akaji::docx::StandIn) -> String {
    let d = Diagnostic::new(akaji::Kind::StandIn(w.clone()));
    format!("{}{}", warning_lead(), messages::body_in(&d, lang()))
}

/// The notice of `apply --lock`: what the lock holds.
pub fn locked(path: &Path, edits: usize, places: usize, unresolved: usize) -> String {
    let mut m = format!("akaji: wrote {}: {edits} edit(s) at {places} place(s)", shown(path));
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
    format!("akaji: no draft: checking each edit by the draft's text around it, from the lock {}", shown(lock))
}

/// When `verify` takes the draft the ledger names.
pub fn draft_from_ledger(draft: &Path) -> String {
    match lang() {
        Lang::En => format!("akaji: using the draft named in the ledger: {}", shown(draft)),
        Lang::Ja => format!("akaji: 台帳に書かれた案を使います: {}", shown(draft)),
    }
}

/// `verify --exact`, the final being exactly what was expected.
pub fn exact_same(published: &Path, draft: &Path, edits: usize, ledger: &Path) -> String {
    let (p, d, l) = (shown(published), shown(draft), shown(ledger));
    match lang() {
        Lang::En => format!("{p} is exactly {d} with the {edits} edit(s) of {l} applied\n"),
        Lang::Ja => format!("{p} は、{d} に {l} の修正{edits}件を反映したものと完全に一致します\n"),
    }
}

/// `verify --exact`, the final differing: the line before the redline.
pub fn exact_differs(published: &Path) -> String {
    match lang() {
        Lang::En => format!(
            "{} is not exactly the draft with the ledger applied; the differences (expected → final):\n",
            shown(published)
        ),
        Lang::Ja => format!(
            "{} は、案に台帳を反映したものと一致しません。違い（期待される文 → 修正後の文書）:\n",
            shown(published)
        ),
    }
}

/// The labels of the import report, in order: rows read, lines skipped, decisions, answers
/// promising edits, edits extracted, edits left todo.
fn import_labels(l: Lang) -> [&'static str; 6] {
    match l {
        Lang::En => {
            ["rows read", "lines skipped", "decisions", "answers promising edits", "edits extracted", "edits left todo"]
        }
        Lang::Ja => ["読んだ行", "飛ばした行", "意見", "修正を約束する回答", "取り出した修正", "未記入の修正"],
    }
}

/// After `akaji import`: where the ledger went and what was found.
pub fn imported(table: &Path, to: &str, r: &ImportReport) -> String {
    let l = lang();
    let labels = import_labels(l);
    let mut s = format!("akaji import: {} → {to}\n", shown(table));
    let line = |s: &mut String, label: &str, n: usize| {
        let pad = 24usize.saturating_sub(label.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum());
        let _ = write!(s, "  {label}{:pad$}{n:>4}", "");
    };
    line(&mut s, labels[0], r.rows);
    if r.repeated_headers + r.continuations > 0 {
        let _ = match l {
            Lang::En => write!(
                s,
                "  ({} repeated header row(s) skipped, {} continued line(s) merged)",
                r.repeated_headers, r.continuations
            ),
            Lang::Ja => write!(
                s,
                "  （繰り返しの見出し行{}行を飛ばし、続きの行{}行をつなぎました）",
                r.repeated_headers, r.continuations
            ),
        };
    }
    s.push('\n');
    if !r.skipped_lines.is_empty() {
        let lines: Vec<String> = r.skipped_lines.iter().map(|l| l.to_string()).collect();
        line(&mut s, labels[1], lines.len());
        let _ = match l {
            Lang::En => writeln!(s, "  (lines {}: in the table but in no row)", lines.join(", ")),
            Lang::Ja => writeln!(s, "  （{}行目: 表にあるがどの行にも属さない）", lines.join("、")),
        };
    }
    line(&mut s, labels[2], r.decisions);
    s.push('\n');
    line(&mut s, labels[3], r.promising);
    s.push('\n');
    line(&mut s, labels[4], r.extracted);
    s.push('\n');
    line(&mut s, labels[5], r.todo);
    if !r.todo_decisions.is_empty() {
        let _ = match l {
            Lang::En => {
                write!(s, "  (decisions {}; complete them before `akaji apply`)", r.todo_decisions.join(", "))
            }
            Lang::Ja => write!(s, "  （意見 {}。`akaji apply` の前に書いてください）", r.todo_decisions.join("、")),
        };
    }
    s.push('\n');
    let quoted = |names: &[String]| names.iter().map(|n| format!("「{n}」")).collect::<Vec<_>>().join(", ");
    if !r.sheets.is_empty() {
        let _ = match l {
            Lang::En => write!(s, "  sheets read: {}", quoted(&r.sheets)),
            Lang::Ja => write!(s, "  読んだシート: {}", quoted(&r.sheets)),
        };
        if !r.skipped_sheets.is_empty() {
            let _ = match l {
                Lang::En => write!(s, " (without a header row, not read: {})", quoted(&r.skipped_sheets)),
                Lang::Ja => write!(s, "（見出し行がなく読まなかったシート: {}）", quoted(&r.skipped_sheets)),
            };
        }
        s.push('\n');
    }
    let note = match l {
        Lang::En => "  note: ",
        Lang::Ja => "  注: ",
    };
    if !r.columns_not_read.is_empty() {
        let _ = match l {
            Lang::En => writeln!(
                s,
                "{note}columns not read: {} (name one with --columns ROLE=HEADER if it holds what a role needs)",
                quoted(&r.columns_not_read)
            ),
            Lang::Ja => writeln!(
                s,
                "{note}読まなかった列: {}（役割に要る内容なら --columns 役割=見出し で指定してください）",
                quoted(&r.columns_not_read)
            ),
        };
    }
    let notes: [(&Vec<String>, &str, &str); 4] = match l {
        Lang::En => [
            (&r.scopes_from_request, "the page comes from the request, the answer citing none", ""),
            (&r.scopes_not_written, "a cited page or line cannot be a scope (its edit is todo, saying why)", ""),
            (&r.marked_only, "修正の有無 = 有 but the answer's wording is not recognised (a todo each)", ""),
            (&r.marked_none, "修正の有無 = 無 although the answer reads as a promise", " (no edits written)"),
        ],
        Lang::Ja => [
            (&r.scopes_from_request, "回答にページがなく、意見のページを使いました", ""),
            (&r.scopes_not_written, "挙げられたページや行を範囲にできません（理由を書いた未記入の修正にしました）", ""),
            (&r.marked_only, "修正の有無 = 有 ですが、回答の書き方を読み取れません（それぞれ未記入）", ""),
            (
                &r.marked_none,
                "修正の有無 = 無 ですが、回答は修正を約束しているように読めます",
                "（修正は書いていません）",
            ),
        ],
    };
    for (ids, what, after) in notes.into_iter().filter(|n| !n.0.is_empty()) {
        let _ = match l {
            Lang::En => writeln!(s, "{note}{what}: decision {}{after}", ids.join(", ")),
            Lang::Ja => writeln!(s, "{note}{what}: 意見 {}{after}", ids.join("、")),
        };
    }
    for (id, cell) in &r.unknown_marks {
        let _ = match l {
            Lang::En => writeln!(
                s,
                "{note}decision {id}: 修正の有無 「{cell}」 is neither 有 nor 無; the answer's wording decides"
            ),
            Lang::Ja => {
                writeln!(s, "{note}意見{id}: 修正の有無「{cell}」は有でも無でもないため、回答の書き方で決めました")
            }
        };
    }
    for (was, now) in &r.renamed {
        let _ = match l {
            Lang::En => writeln!(s, "{note}項番 {was} appears more than once; the later row is decision \"{now}\""),
            Lang::Ja => writeln!(s, "{note}項番 {was} が複数あります。後の行は意見 \"{now}\" としました"),
        };
    }
    s
}

/// The header of a drafted ledger written as TOML.
pub fn drafted_from(table: &str) -> String {
    match lang() {
        Lang::En => format!(
            "# Drafted by `akaji import` from {table}: check every decision, complete the edits marked todo.\n\n"
        ),
        Lang::Ja => format!(
            "# `akaji import` が {table} から作った台帳の下書きです: 意見をすべて確かめ、todo の修正を書いてください。\n\n"
        ),
    }
}

/// The header of a ledger written by `akaji reconcile`.
pub fn reconciled_header(input: &Path) -> String {
    let name = input.file_name().map_or_else(|| shown(input).to_string(), |n| n.to_string_lossy().into());
    match lang() {
        Lang::En => format!(
            "# Written by `akaji reconcile` from {name}: review every edit with [decision.edit.evidence], complete the todos.\n\n"
        ),
        Lang::Ja => format!(
            "# `akaji reconcile` が {name} から書いた台帳です: [decision.edit.evidence] のある修正をすべて確かめ、todo を書いてください。\n\n"
        ),
    }
}

/// After `akaji reconcile`: where the ledger went, one line per edit of each promising
/// decision, the changes no answer explains, and a summary.
pub fn reconciled(input: &Path, to: &str, r: &ReconcileReport) -> String {
    let l = lang();
    let mut s = format!("akaji reconcile: {} → {to}\n", shown(input));
    let pad = |w: &str| {
        let width: usize = w.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum();
        format!("{w}{}", " ".repeat(11usize.saturating_sub(width)))
    };
    for d in &r.decisions {
        for e in &d.edits {
            let _ = writeln!(s, "  {}{:>4}  {}", pad(status_word(e.status, l)), d.id, outcome(e, l));
        }
    }
    for u in &r.unexplained {
        let claimed = match (l, u.claimed_by.is_empty()) {
            (_, true) => String::new(),
            (Lang::En, false) => format!(" (decision {} could each claim it)", u.claimed_by.join(", ")),
            (Lang::Ja, false) => format!("（意見 {} のどれにも当てはまりえます）", u.claimed_by.join("、")),
        };
        let unexplained = match l {
            Lang::En => "unexplained",
            Lang::Ja => "説明なし",
        };
        let _ = writeln!(
            s,
            "  {}{:>4}  P{} L{} 「{}」→「{}」{claimed}",
            pad(unexplained),
            u.id.rsplit('-').next().unwrap_or(&u.id),
            u.draft.page,
            u.draft.line,
            u.draft.text,
            u.in_final.text
        );
    }
    let m = &r.summary;
    let pages: Vec<String> = m.unexplained_pages.iter().map(|p| format!("P{p}")).collect();
    let pages = match (pages.is_empty(), l) {
        (true, _) => String::new(),
        (false, Lang::En) => format!(" ({})", pages.join(", ")),
        (false, Lang::Ja) => format!("（{}）", pages.join("、")),
    };
    let _ = match l {
        Lang::En => writeln!(
            s,
            "{} decisions: {} quoted, {} completed, {} partial, {} ambiguous, {} not found; {} of {} changes attributed, {} no answer explains{pages}",
            m.decisions, m.quoted, m.completed, m.partial, m.ambiguous, m.not_found, m.attributed, m.changes, m.unexplained
        ),
        Lang::Ja => writeln!(
            s,
            "意見{}件: 引用どおり{}、補完{}、一部{}、特定できず{}、見つからず{}。変更{}か所のうち{}か所を意見に帰属、{}か所はどの回答でも説明できません{pages}",
            m.decisions, m.quoted, m.completed, m.partial, m.ambiguous, m.not_found, m.changes, m.attributed, m.unexplained
        ),
    };
    for p in &r.check.problems {
        let _ = match l {
            Lang::En => writeln!(s, "  bug: an edit written does not resolve: {p}"),
            Lang::Ja => writeln!(s, "  不具合: 書いた修正が案に当てはまりません: {}", messages::text_in(p, l)),
        };
    }
    if !r.check.left.is_empty() {
        let places: Vec<String> = r.check.left.iter().map(|p| format!("P{} L{}", p.page, p.line)).collect();
        let _ = match l {
            Lang::En => writeln!(
                s,
                "  bug: the ledger applied to the draft differs from the final at {} (please report it)",
                places.join(", ")
            ),
            Lang::Ja => writeln!(
                s,
                "  不具合: 台帳を案に反映したものが修正後の文書と {} で違います（報告してください）",
                places.join("、")
            ),
        };
    }
    s
}

fn status_word(s: Status, l: Lang) -> &'static str {
    match (l, s) {
        (Lang::En, Status::Quoted) => "quoted",
        (Lang::En, Status::Completed) => "completed",
        (Lang::En, Status::Partial) => "partial",
        (Lang::En, Status::Ambiguous) => "ambiguous",
        (Lang::En, Status::NotFound) => "not found",
        (Lang::Ja, Status::Quoted) => "引用どおり",
        (Lang::Ja, Status::Completed) => "補完",
        (Lang::Ja, Status::Partial) => "一部",
        (Lang::Ja, Status::Ambiguous) => "特定できず",
        (Lang::Ja, Status::NotFound) => "見つからず",
    }
}

/// One edit's line: what it is, where it was found, by which clues; or why not.
fn outcome(e: &EditOutcome, l: Lang) -> String {
    let places: Vec<String> = e.places.iter().map(|p| format!("P{} L{}", p.page, p.line)).collect();
    // A completed todo is shown as what was written; a quoted edit as the answer wrote it.
    let mut s = match (e.status, e.written_in(l)) {
        (Status::Completed, [one]) => one.clone(),
        _ => e.summary_in(l).to_owned(),
    };
    if !places.is_empty() && e.status != Status::Ambiguous {
        let _ = match l {
            Lang::En => write!(s, " at {}", places.join(", ")),
            Lang::Ja => write!(s, "（{}）", places.join("、")),
        };
    }
    if !e.clues.is_empty() && e.status != Status::Quoted || e.confidence.is_some() {
        let clues: Vec<&str> = e.clues.iter().map(|c| c.key()).collect();
        let _ = match l {
            Lang::En => write!(s, "; clues: {}", clues.join(", ")),
            Lang::Ja => write!(s, "。手がかり: {}", clues.join(", ")),
        };
        if let Some(c) = e.confidence {
            let _ = match l {
                Lang::En => write!(s, " ({})", c.key()),
                Lang::Ja => write!(s, "（{}）", c.key()),
            };
        }
    }
    let then = match l {
        Lang::En => "; ",
        Lang::Ja => "。",
    };
    if e.status == Status::Ambiguous {
        let _ = write!(s, "{then}{}", messages::ambiguous_in(&e.ambiguous_with, &e.places, l));
    }
    if let Some(m) = &e.missing {
        let _ = write!(s, "{then}{}", messages::missing_in(m, l));
    }
    s
}

/// A text a clap value parser refuses.
pub fn unknown_format(name: &str, names: &[&str]) -> String {
    match lang() {
        Lang::En => format!("unknown format `{name}`; use one of {}", names.join(", ")),
        Lang::Ja => format!("形式 `{name}` はありません: {} のいずれかを使ってください", names.join(", ")),
    }
}

/// A `--context` value that is not one.
pub fn bad_context(value: &str) -> String {
    match lang() {
        Lang::En => format!("`{value}` is neither a number of lines nor `all`"),
        Lang::Ja => format!("`{value}` は行数でも `all` でもありません"),
    }
}

/// A command line clap refused, in `l` (English comes from clap itself): what is wrong, what it
/// suggests, the usage line, and where the help is.
pub fn usage_error(e: &clap::Error, l: Lang) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let ctx = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join("、"),
        Some(ContextValue::StyledStr(s)) => s.to_string(),
        Some(ContextValue::StyledStrs(v)) => v.iter().map(|s| s.to_string()).collect::<Vec<_>>().join("、"),
        Some(ContextValue::Number(n)) => n.to_string(),
        Some(ContextValue::Bool(b)) => b.to_string(),
        _ => String::new(),
    };
    let (arg, value) = (ctx(ContextKind::InvalidArg), ctx(ContextKind::InvalidValue));
    let (valid, suggested) = (ctx(ContextKind::ValidValue), ctx(ContextKind::SuggestedArg));
    let usage = ctx(ContextKind::Usage);
    let mut s = match (l, e.kind()) {
        (Lang::Ja, ErrorKind::MissingRequiredArgument) => format!("必要な引数がありません: {arg}"),
        (Lang::Ja, ErrorKind::UnknownArgument) => format!("知らない引数です: {arg}"),
        (Lang::Ja, ErrorKind::InvalidSubcommand) => {
            format!("知らないコマンドです: {}", ctx(ContextKind::InvalidSubcommand))
        }
        (Lang::Ja, ErrorKind::InvalidValue | ErrorKind::ValueValidation) if value.is_empty() => {
            format!("{arg} に値がありません")
        }
        (Lang::Ja, ErrorKind::InvalidValue | ErrorKind::ValueValidation) => {
            format!("{arg} の値「{value}」は使えません")
        }
        (Lang::Ja, ErrorKind::ArgumentConflict) => {
            format!("{arg} は {} と一緒には使えません", ctx(ContextKind::PriorArg))
        }
        (Lang::Ja, ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand) => {
            "コマンドを指定してください: apply、redline、diff、verify、import、reconcile".to_owned()
        }
        (Lang::Ja, _) => format!("引数が正しくありません（{}）", e.kind()),
        (Lang::En, _) => return e.render().to_string(),
    };
    if !valid.is_empty() {
        let _ = write!(s, "\n  使える値: {valid}");
    }
    let sub = ctx(ContextKind::SuggestedSubcommand);
    if !suggested.is_empty() || !sub.is_empty() {
        let _ = write!(s, "\n  もしかして: {}", if sub.is_empty() { suggested } else { sub });
    }
    if !usage.is_empty() {
        let usage = super::help_ja::usage_words(&usage);
        let _ = write!(s, "\n\n使い方: {usage}");
    }
    format!("{}{s}\n\n詳しくは --help を見てください\n", error_lead())
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
