//! The Japanese words of every diagnostic: the same functions as the English ones in
//! `messages.rs`, matching the same problem enums exhaustively, so that a problem added without
//! its Japanese does not compile.

use super::parts::{
    clip, listing, no_match, page_or_none, page_span, ruled_out, visible, Label, Message, NoMatchWords,
};
use crate::anchor::ScopeRule;
use crate::anchor::{AnchorProblem, ConflictKind, NearMiss};
use crate::diagnostic::{Diagnostic, Kind, Subject};
use crate::document::LineCount;
use crate::document::Place;
use crate::docx::{ChangeKind, DocxProblem, Source, StandIn, TrackedChange, UnsafeName};
use crate::import::{Role, TableProblem};
use crate::input::InputProblem;
use crate::ledger::{Action, Edit, KeyTable, LedgerProblem, Side};
use crate::lock::LockProblem;
use crate::pdf::{LibraryFailure, PdfProblem};
use crate::reconcile::{Missing, Sought};
use crate::roundtrip::{Offset, ParseKind, ParseProblem};
use crate::verify::VerifyNote;
use std::fmt::Write;

/// The words of `d`, in Japanese.
pub(super) fn message(d: &Diagnostic) -> Message {
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

/// 「意見32の修正1」「意見32」.
pub(super) fn subject(s: &Subject) -> Option<String> {
    if s.id.trim().is_empty() {
        return None;
    }
    Some(match s.edit {
        Some(e) => format!("意見{}の修正{}", s.id, e + 1),
        None => format!("意見{}", s.id),
    })
}

fn side(side: Side) -> &'static str {
    match side {
        Side::After => "の後に",
        Side::Before => "の前に",
    }
}

/// 「設置」→「開催」（P4、P12）.
pub(super) fn edit_summary(edit: &Edit) -> String {
    let mut s = match edit.action() {
        Action::Replace { old, new } if new.is_empty() => format!("「{old}」を削除"),
        Action::Replace { old, new } => format!("「{old}」→「{new}」"),
        Action::Insert { anchor, side: at, new } => format!("「{anchor}」{}「{new}」を追加", side(*at)),
        Action::Todo(t) => format!("未記入: {}", t.note),
    };
    let pages = edit.scope().page_numbers();
    if !pages.is_empty() {
        let list: Vec<String> = pages.iter().map(|p| format!("P{p}")).collect();
        s.push_str(&format!("（{}", list.join("、")));
        match edit.scope().line_number() {
            Some(line) if line < 0 => s.push_str(&format!(" 下から{}行目", -line)),
            Some(line) => s.push_str(&format!(" {line}行目")),
            None => {}
        }
        s.push('）');
    }
    visible(&s).into_owned()
}

/// 「意見27の修正1で説明できるが、その箇所指定が誤っている」.
pub(super) fn explains(edit: &Subject) -> String {
    format!(
        "意見{}の修正{}で説明できる変更ですが、その箇所の指定が誤っています",
        edit.id,
        edit.edit.map_or(1, |e| e + 1)
    )
}

/// `（6行目）` when the line is known.
fn on_line(line: Option<usize>) -> String {
    line.map(|l| format!("（{l}行目）")).unwrap_or_default()
}

fn ledger(p: &LedgerProblem, subject: Option<&Subject>) -> Message {
    Message::new(match p {
        LedgerProblem::Syntax { line, column, detail } => format!("{line}行{column}列: {detail}"),
        LedgerProblem::PageMarker { detail } => {
            format!("options.page_marker が正規表現として正しくありません: {detail}")
        }
        LedgerProblem::PageMarkerWithoutNumber { pattern } => format!(
            "options.page_marker '{pattern}' にページ番号を取り出すグループがないので、ページの番号が黙って振られてしまいます: 番号を括弧で取り出してください（例: '^\\s*-\\s*(\\d+)\\s*-\\s*$'）"
        ),
        LedgerProblem::UnknownKey { key, table, nearest, line } => match nearest {
            Some(n) => format!("知らないキー `{key}` です{}: `{n}` のことですか", on_line(*line)),
            None => format!(
                "知らないキー `{key}` です{}: {}に書けるのは {} です",
                on_line(*line),
                match table {
                    KeyTable::Ledger => "台帳の先頭",
                    KeyTable::Options => "[options]",
                    KeyTable::Decision => "[[decision]]",
                    KeyTable::Edit => "[[decision.edit]]",
                },
                crate::ledger::keys_of(*table).join(", ")
            ),
        },
        LedgerProblem::MissingId => {
            let which = subject.map_or(0, |s| s.decision.0) + 1;
            format!("{which}番目の [[decision]] に `id` がありません: 意見の番号（項番）を書いてください")
        }
        LedgerProblem::DuplicateId => format!(
            "id \"{}\" が複数の意見で使われています: id は一つずつ別にしてください",
            subject.map_or("", |s| s.id.as_str())
        ),
        LedgerProblem::OldWithoutNew => "`old` があるのに `new` がありません（削除なら new = \"\" と書きます）".to_owned(),
        LedgerProblem::InsertionWithoutNew => "追加の修正に `new` がありません: 追加する文を書いてください".to_owned(),
        LedgerProblem::NoAnchor => {
            "`old`、`after`、`before`、`todo` のいずれもありません: 何を修正するかを書いてください".to_owned()
        }
        LedgerProblem::SeveralAnchors => {
            "`old`、`after`、`before` のうち二つ以上があります: 一つの修正の箇所は一つです".to_owned()
        }
        LedgerProblem::EmptyOld => "`old` が空です: 修正する案の文を引用してください".to_owned(),
        LedgerProblem::NothingChanges => "何も変わりません: `old` と `new` が同じです".to_owned(),
        LedgerProblem::EmptyInsertion => "追加の修正の `new` が空です: 追加する文を書いてください".to_owned(),
        LedgerProblem::EmptyAnchor { side } => format!("`{}` の引用が空です", side.key()),
        LedgerProblem::PageAndPages => "`page` と `pages` の両方があります: 一方にしてください".to_owned(),
        LedgerProblem::EmptyPages => "`pages` の一覧が空です".to_owned(),
        LedgerProblem::LineWithoutOnePage => {
            "`line` があるのに `page` が一つではありません: 行はページの中で数えます".to_owned()
        }
        LedgerProblem::LineZero => "line = 0 です: 行は 1 から数えます（下からは -1 から）".to_owned(),
        LedgerProblem::PerPageWithoutPages => {
            "`per_page` があるのに `page` も `pages` もありません: per_page は挙げたページごとの件数です".to_owned()
        }
        LedgerProblem::PerPageWithLine => {
            "`per_page` と `line` の両方があります: 行は一つのページにあるので `per_page` を外してください".to_owned()
        }
        LedgerProblem::BadPage { written } => format!(
            "page \"{written}\" は読めません: ページは印刷された番号で（page = 12）、表紙・目次などの前付けはファイル順のローマ数字で（page = \"ii\"）書いてください"
        ),
    })
}

fn anchor(p: &AnchorProblem) -> Message {
    match p {
        AnchorProblem::NoMatch { quote, near_miss, elsewhere, excluded_by } => no_match(
            NoMatchWords {
                message: format!("「{quote}」が、修正の範囲内の案に見つかりません"),
                ruled_out: "見つかりはしますが、修正の範囲（ページ、行、前後の文字）の外です:",
                fix_scope: "修正の範囲を直すか、案を確かめてください",
                nearest: "範囲内で最も近い文",
                nothing: "似た文も見つかりません: 引用と範囲を確かめてください",
            },
            near_miss.as_deref(),
            ruled_out(elsewhere, excluded_by, |rules| format!("  {}で外れます", rules_words(rules))),
            near_miss_help,
        ),
        AnchorProblem::CountMismatch { quote, expected, found, places, page: None } => listing(
            format!("「{quote}」は範囲内の{found}か所にありますが、count は {expected} です:"),
            places,
            format!("`prefix`、`suffix`、`page`、`line` で箇所を絞るか、`count` を {found}（または \"all\"）にしてください"),
        ),
        AnchorProblem::CountMismatch { quote, expected, found, places, page: Some(page) } => listing(
            format!("「{quote}」は{page}ページの{found}か所にありますが、count はページごとに {expected} です:"),
            places,
            format!("`prefix` か `suffix` で箇所を絞るか、`pages` から{page}ページを外すか、`count` を \"all\" にしてください"),
        ),
        AnchorProblem::PartOfCharacter { quote, places } => {
            let mut m = Message::new(format!(
                "「{quote}」は範囲内では案の一文字の一部としてしか見つかりません。修正で文字を二つに切ることはできません:"
            ));
            m.labels.extend(places.iter().cloned().map(Label::Place));
            m.help("その文字全体を引用してください: match_width では ﬁ や ㈱ のような文字は複数の文字（fi、(株)）として読まれます。結合記号付きの文字や U+200D でつないだ絵文字は一文字です")
        }
        AnchorProblem::Conflict { other_id, other, how, place } => {
            let other = format!("意見{}の修正{}", visible(other_id), other.edit + 1);
            let (what, help) = match how {
                ConflictKind::SameCharacters => (
                    format!("{other}と同じ文字を変更します"),
                    "二つの修正を一つにまとめるか、一方の箇所を絞ってください",
                ),
                ConflictKind::ChangesOtherQuote => (
                    format!("{other}が引用している文を変更するので、その修正の約束した文が成り立ちません"),
                    "二つの修正を一つにまとめる（引用一つ、新しい文一つ）か、引用を短くして相手の変更を含めないようにしてください",
                ),
                ConflictKind::QuoteChangedByOther => (
                    format!("{other}が変更する文を引用しているので、この修正の約束した文が成り立ちません"),
                    "二つの修正を一つにまとめる（引用一つ、新しい文一つ）か、引用を短くして相手の変更を含めないようにしてください",
                ),
                ConflictKind::InsertsIntoOtherQuote => (
                    format!("{other}が引用している文の中に挿入するので、その修正の約束した文が成り立ちません"),
                    "二つの修正を一つにまとめるか、挿入の位置を相手の引用の外に移してください",
                ),
                ConflictKind::OtherInsertsIntoQuote => (
                    format!("{other}が挿入する位置を含む文を引用しているので、この修正の約束した文が成り立ちません"),
                    "二つの修正を一つにまとめるか、挿入の位置をこの修正の引用の外に移してください",
                ),
                ConflictKind::SamePoint => (
                    format!("{other}と同じ位置に挿入します: 順序は推測できません"),
                    "二つの挿入を一つにまとめてください",
                ),
            };
            let mut m = Message::new(what);
            let shared = if *how == ConflictKind::SamePoint { "どちらも挿入する位置" } else { "どちらも引用する箇所" };
            m.labels.push(Label::Named(shared.into(), (**place).clone()));
            m.help(help)
        }
        AnchorProblem::DuplicatePage { page, marker_lines } => {
            let lines: Vec<String> = marker_lines.iter().map(|l| l.to_string()).collect();
            Message::new(format!(
                "{page}ページが案に{}回あります（ページ番号の行 {}）: `page` で指せるのは最初のものだけです。案のページ番号（または `options.page_marker`）を確かめてください",
                marker_lines.len(),
                lines.join("、")
            ))
        }
        AnchorProblem::MarkerMatchesEveryLine { pattern, lines } => Message::new(format!(
            "options.page_marker '{pattern}' が案のすべての行（{lines}行）に当てはまり、照合する文が残りません: ページ番号の行だけに当てはまるようにしてください（例: '^\\s*-\\s*(\\d+)\\s*-\\s*$'）"
        )),
        AnchorProblem::NoSuchPage { page, pages } => Message::new(format!(
            "{page}ページは案にありません（案は{}ページ、番号 {}）: `page`/`pages` とページ番号の行を確かめてください",
            pages.len(),
            page_span(pages)
        )),
        AnchorProblem::NoSuchLine { page, line, lines, count } => Message::new(format!(
            "{page}ページに{line}行目はありません（{lines}行: {}）",
            match count {
                LineCount::Body => "本文の行で数えます。上の柱と下のページ番号は数えません",
                LineCount::Printed => "印刷された行で数えます。ページ番号だけは数えません",
            }
        )),
        AnchorProblem::ChangesNothing { place } => {
            let mut m = Message::new(
                "案を何も変えません: `old` と `new` の違いは空白だけで、引用は空白を照合しません（案の改行と空白はそのまま残ります）",
            );
            m.labels.push(Label::Place((**place).clone()));
            m.help("`new` に変えるべき文を書くか、この修正を外してください")
        }
        AnchorProblem::OpensWithByteOrderMark { place } => {
            let mut m = Message::new(
                "修正後の文が U+FEFF で始まることになります。U+FEFF はどの読み手（akaji も）もバイト順マークとして読み捨てるため、書いたとおりに読み戻せません。何も書いていません",
            );
            m.labels.push(Label::Named("修正後の文の冒頭".into(), (**place).clone()));
            m.help("`new` から U+FEFF を外すか、`old` に引用して削除してください")
        }
        AnchorProblem::PromiseBroken { expected, place } => {
            let mut m = Message::new(format!(
                "akaji の不具合です。報告してください: 反映の後、約束した文「{expected}」が修正後の文の引用の箇所にありません。何も書いていません"
            ));
            m.labels.push(Label::Named("修正後の文のその箇所".into(), (**place).clone()));
            m.help("案と台帳を添えて報告してください（akaji の issue tracker）。直るまでは、修正を分けるか書き換えてください")
        }
        AnchorProblem::Todo { note } => Message::new(format!(
            "未記入（todo: 「{note}」）です: `old`/`new`（または `after`/`before` と `new`）を書いて `todo` を外してください"
        )),
    }
}

/// Scope rules as words: 「ページ（`page`/`pages`）と前の文字（`prefix`）」.
fn rules_words(rules: &[ScopeRule]) -> String {
    let word = |r: &ScopeRule| match r {
        ScopeRule::Page => "ページ（`page`/`pages`）",
        ScopeRule::Line => "行（`line`）",
        ScopeRule::Prefix => "前の文字（`prefix`）",
        ScopeRule::Suffix => "後の文字（`suffix`）",
    };
    rules.iter().map(word).collect::<Vec<_>>().join("と")
}

fn near_miss_help(n: &NearMiss) -> String {
    let draft = if n.draft_char.is_empty() {
        "何もありません".to_owned()
    } else {
        format!("「{}」です", n.draft_char)
    };
    format!("引用の{}文字目が違います: 台帳は「{}」、案は{draft}。台帳の引用を直してください", n.at, n.quote_char)
}

fn input(p: &InputProblem) -> String {
    match p {
        InputProblem::NotUtf8 { offset } => format!(
            "UTF-8 のテキストではありません（{offset}バイト目が不正）: 先に UTF-8 に変換してください（例: iconv -f SHIFT_JIS -t UTF-8）"
        ),
        InputProblem::Utf16 { big_endian } => {
            let (order, iconv) = if *big_endian { ("ビッグエンディアン", "UTF-16BE") } else { ("リトルエンディアン", "UTF-16LE") };
            format!("UTF-16 のテキスト（{order}）で、UTF-8 ではありません: 先に変換してください（例: iconv -f {iconv} -t UTF-8、または UTF-8 で保存）")
        }
        InputProblem::TooLarge { bytes } => {
            format!("{bytes}バイトあります: akaji が読めるのは 2 GiB 未満です。文書を分けてください")
        }
        InputProblem::TrackedChanges { count, authors, first } => format!(
            "{}。どちらの版が本文か akaji は推測しません: ワープロで変更履歴を承諾するか元に戻して保存し、もう一度実行してください",
            tracked_changes(*count, authors, first)
        ),
    }
}

fn tracked_changes(count: usize, authors: &[Option<String>], first: &TrackedChange) -> String {
    let names: Vec<&str> = authors.iter().map(|a| a.as_deref().unwrap_or("名前のない作成者")).collect();
    let what = match (first.kind, first.paragraph_mark) {
        (ChangeKind::Inserted | ChangeKind::MovedTo, false) => format!("「{}」を挿入", clip(&first.text)),
        (ChangeKind::Deleted | ChangeKind::MovedFrom, false) => format!("「{}」を削除", clip(&first.text)),
        (ChangeKind::Inserted | ChangeKind::MovedTo, true) => "段落の区切りを挿入".into(),
        (ChangeKind::Deleted | ChangeKind::MovedFrom, true) => "段落の区切りを削除".into(),
    };
    format!("{}による変更履歴が{count}件あります（最初は第{}段落で{what}）", names.join("、"), first.paragraph)
}

fn docx(p: &DocxProblem) -> String {
    let redo = "ワープロで保存し直すか、UTF-8 のテキストとして書き出してください";
    match p {
        DocxProblem::NotZip { detail } => {
            format!("Word 文書ではありません（zip として読めません: {detail}）。{redo}")
        }
        DocxProblem::UnsafeEntry { name, reason } => {
            format!("読みません: 書庫の項目 {name:?} は{}。Word 文書にはないことです。{redo}", unsafe_reason(*reason))
        }
        DocxProblem::Encrypted { name } => {
            format!("書庫の項目 {name:?} が暗号化されています: 先にワープロでパスワードを外してください")
        }
        DocxProblem::TooManyEntries { count, limit } => {
            format!("読みません: 書庫に{count}項目あります（読むのは{limit}項目まで）。{redo}")
        }
        DocxProblem::TooLarge { part, limit } => {
            format!("読みません: {part} は展開すると {} MiB を超えます。{redo}", limit >> 20)
        }
        DocxProblem::Bomb { part, compressed, ratio } => format!(
            "zip 爆弾として読みません: {part}（圧縮時{compressed}バイト）が{ratio}倍を超えて展開されます。{redo}"
        ),
        DocxProblem::Corrupt { part, detail } => format!("{part} が壊れています（{detail}）。{redo}"),
        DocxProblem::Missing { part } => format!("Word 文書ではありません: {part} がありません。{redo}"),
        DocxProblem::Xml { part, position, detail } => {
            format!("{part} の{position}バイト目が正しい XML ではありません（{detail}）。{redo}")
        }
        DocxProblem::Dtd { part } => {
            format!("読みません: {part} に DTD があります（Word 文書にはないものです）。{redo}")
        }
        DocxProblem::TooDeep { part, limit } => {
            format!("読みません: {part} の要素の入れ子が{limit}段を超えます。{redo}")
        }
    }
}

fn unsafe_reason(reason: UnsafeName) -> &'static str {
    match reason {
        UnsafeName::Empty => "名前が空です",
        UnsafeName::Absolute => "絶対パスです",
        UnsafeName::Backslash => "バックスラッシュ（Windows のパス）を含みます",
        UnsafeName::Colon => "ドライブかストリームを指します（コロンを含みます）",
        UnsafeName::Control => "制御文字を含みます",
        UnsafeName::ClimbsOut => "書庫の外に出ます（`..` を含みます）",
        UnsafeName::Duplicate => "書庫に二度現れます",
        UnsafeName::MainTargetOutside => "本文の参照先で、書庫の外を指します",
    }
}

fn pdf(p: &PdfProblem) -> Message {
    match p {
        PdfProblem::NoLibrary { tried } => {
            let tried: Vec<String> = tried
                .iter()
                .map(|t| {
                    let place = t
                        .place
                        .as_ref()
                        .map_or("システムのライブラリパス".to_owned(), |p| p.display().to_string());
                    let why = match &t.failure {
                        LibraryFailure::Missing => "ありません".to_owned(),
                        LibraryFailure::WrongBuild(why) => {
                            format!(
                                "この akaji が使える PDFium ではありません。ビルド {} を入れてください: {why}",
                                crate::pdf::BUILD
                            )
                        }
                        LibraryFailure::NotLoaded(why) => why.clone(),
                    };
                    format!("{place}（{why}）")
                })
                .collect();
            Message::new(format!(
                "akaji が PDF を読むのに使う PDFium（libpdfium.so）を読み込めません。試した場所: {}",
                tried.join("、")
            ))
            .help(format!(
                "PDF を読むには PDFium を入れてください: akaji のソースで `bash .ci/install-pdfium` を実行する（pip で pypdfium2 の wheel を取得し、libpdfium.so を ~/.local/lib/akaji/ に置きます）か、手で `pip download --no-deps pypdfium2=={}` を実行し、wheel を展開して pypdfium2_raw/libpdfium.so を akaji の隣に置くか {} で指定してください",
                crate::pdf::PYPDFIUM,
                crate::pdf::LIBRARY_ENV
            ))
        }
        PdfProblem::Protected => {
            Message::new("パスワードで保護されています").help("保護のない写しを保存して、それを読んでください")
        }
        PdfProblem::NotPdf => Message::new("PDFium が読める PDF ではありません（壊れているか PDF でない）"),
        PdfProblem::Security => Message::new("PDFium が対応していないセキュリティ方式を使っています")
            .help("保護のない写しを保存して、それを読んでください"),
        PdfProblem::Unreadable { detail } => Message::new(format!("PDF として開けません（{detail}）")),
        PdfProblem::Page { page, detail } => Message::new(format!("{page}ページを読めません: {detail}")),
        PdfProblem::NoText { pages } => Message::new(format!(
            "全{pages}ページのどこにも文字がありません（画像のスキャン？）: akaji は PDF の文字の層を読みます"
        ))
        .help("OCR（例: ocrmypdf）で文字の層を付けるか、公表元のテキストを使ってください"),
        PdfProblem::NoTable => {
            Message::new("akaji が知る見出し行（項番、意見、考え方 など）の表がありません: 意見募集の結果の表ですか")
        }
    }
}

fn stand_in(w: &StandIn) -> String {
    let mut s = match &w.source {
        Source::Old => format!("修正前 P{} L{}:{}", page_or_none(w.page), w.line, w.column),
        Source::New => format!("修正後 P{} L{}:{}", page_or_none(w.page), w.line, w.column),
        Source::Response { decision } => format!("意見{decision}の考え方 {}文字目", w.column),
    };
    let _ = write!(
        s,
        ": U+{:04X} は Word 文書に入れられないため「{}」と書きました（ほかは何も変えていません）",
        w.code_point, w.written_as
    );
    s
}

fn table(p: &TableProblem) -> String {
    match p {
        TableProblem::NoHeader { given_id, given_response } => {
            let mut s = "見出し行が見つかりません: 探したのは".to_owned();
            for (i, (role, given)) in [(Role::Id, given_id), (Role::Response, given_response)].into_iter().enumerate() {
                let names = match given {
                    Some(h) => format!("「{h}」（--columns による）"),
                    None => role.headers().iter().map(|h| format!("「{h}」")).collect::<Vec<_>>().join(" "),
                };
                let lead = if i == 0 { "" } else { "と" };
                let _ = write!(s, "{lead}`{}` の列（{names}）", role.key());
            }
            s.push_str("のある行です。表の見出しのとおりに列を指定してください。例: --columns id=番号,response=回答（役割: id, by, at, request, response, changed）");
            s
        }
        TableProblem::NoSuchColumn { role, header } => format!(
            "--columns {}={header} の見出し「{header}」はどの行にもありません: 表の見出し行と綴りを比べてください",
            role.key()
        ),
        TableProblem::Csv { line, detail } => format!("{line}行目: CSV として正しくありません: {detail}"),
        TableProblem::ColumnWithoutHeader { item } => {
            format!("--columns {item}: 役割=見出し と書いてください。例: --columns id=番号,response=回答")
        }
        TableProblem::UnknownRole { item, role } => {
            format!("--columns {item}: 役割 `{role}` はありません。役割は id, by, at, request, response, changed です")
        }
        TableProblem::EmptyHeader { item } => format!("--columns {item}: `=` の後に見出しを書いてください"),
        TableProblem::Sheet { detail } => format!(".xlsx のブックとして読めません: {detail}"),
    }
}

fn parse(p: &ParseProblem) -> String {
    let at = match p.at {
        Offset::Byte(b) => format!("{b}バイト目"),
        Offset::Line(l) => format!("パッチの{l}行目"),
    };
    let what = match &p.kind {
        ParseKind::NeverClosed { closer } => format!("ここで始まる記法が `{closer}` で閉じられていません"),
        ParseKind::NotJson { detail } => format!("JSON の赤字ではありません: {detail}"),
        ParseKind::OldRange { hunk } => format!("変更{hunk}: 旧の範囲が順でないか old_document の末尾を超えます"),
        ParseKind::NewRange { hunk } => format!("変更{hunk}: 新の範囲がその前の文と合いません"),
        ParseKind::OldText { hunk } => format!("変更{hunk}: old_text が old_document のその範囲の文と違います"),
        ParseKind::UnterminatedReference => "`&` に対応する `;` がありません".to_owned(),
        ParseKind::UnknownReference { name } => format!("知らない文字参照 `&{name};` です"),
        ParseKind::NoRedlineElement => "赤字の要素（`<div class=\"doc\" id=\"redline\">`）がありません".to_owned(),
        ParseKind::RedlineNotClosed => "赤字の要素が閉じられていません".to_owned(),
        ParseKind::TagNotClosed => "タグが閉じられていません".to_owned(),
        ParseKind::UnexpectedTag { tag } => format!("ここに `{tag}` はありえません"),
        ParseKind::ForeignTag { tag } => format!("赤字の中に `{tag}` はありえません"),
        ParseKind::LinkNotClosed => "`<a>` が閉じられていません".to_owned(),
        ParseKind::StruckNotClosed => "`<s>` が閉じられていません".to_owned(),
        ParseKind::ChangeNotClosed => "`<del>` か `<ins>` が閉じられていません".to_owned(),
        ParseKind::NotHunkHeader => "変更の見出し（@@ 行）ではありません".to_owned(),
        ParseKind::HunkOutOfOrder { old_line } => {
            format!("変更が旧の{old_line}行目から始まり、順でないか末尾を超えます")
        }
        ParseKind::NoNewlineFirst => "どの行よりも前に `\\` の行があります".to_owned(),
        ParseKind::NoNewlineTwice => "改行のない行の後に `\\ No newline at end of file` があります".to_owned(),
        ParseKind::NotHunkLine { line } => format!("変更の行ではありません: {line:?}"),
        ParseKind::HunkTooShort => "変更が見出しの言う行数より短いです".to_owned(),
        ParseKind::OldLineDiffers { old_line, expected } => format!("旧の{old_line}行目が {expected:?} ではありません"),
        ParseKind::NeedsOld => "unified 形式の差分には旧の文が必要です".to_owned(),
        ParseKind::NotReadBack { format } => format!("{format} 形式は読み戻せません"),
    };
    format!("{at}: {what}")
}

pub(super) fn verify_note(n: &VerifyNote) -> String {
    match n {
        VerifyNote::FinalLacksPage { page, last } => format!("{page}ページは修正後の文書にありません（{last}ページまで）"),
        VerifyNote::FinalLacksLine { page, line } => format!("修正後の文書の{page}ページに{line}行目はありません"),
        VerifyNote::Unclear { page: None, promised, count, replaced } => format!(
            "範囲内に約束した文が{promised}か所（count は {count}）、案の文が{replaced}か所あります"
        ),
        VerifyNote::Unclear { page: Some(page), promised, count, replaced } => format!(
            "{page}ページに約束した文が{promised}か所（count はページごとに {count}）、範囲内に案の文が{replaced}か所あります"
        ),
        VerifyNote::DeletedTextGone => "削除した文は範囲内にありません".to_owned(),
        VerifyNote::MorePromised { page: None, promised, count } => format!(
            "案の文はなくなり、約束した文が{promised}か所あります（count は {count}）: 一部は元からあったものです"
        ),
        VerifyNote::MorePromised { page: Some(page), promised, count } => format!(
            "案の文はなくなり、{page}ページに約束した文が{promised}か所あります（count はページごとに {count}）: 一部は元からあったものです"
        ),
        VerifyNote::PromisedInContext => "約束した文が、引用の前後にあった案の文の間にあります（ロック）".to_owned(),
        VerifyNote::QuoteInContext => "引用がまだ前後の案の文の間にあります（ロック）".to_owned(),
        VerifyNote::OtherInContext => "引用の前後の案の文はありますが、間は別の文です（ロック）".to_owned(),
        VerifyNote::ContextGone => {
            "引用の前後の案の文が修正後の文書にありません: 案なしでは箇所を特定できません（ロック）".to_owned()
        }
        VerifyNote::NotInLock => "ロックにありません: ロックを書いたとき、この修正は案に当てはまりませんでした".to_owned(),
        VerifyNote::LockStale => {
            "ロックを書いた後に台帳のこの修正が変わりました: `akaji apply DRAFT LEDGER --lock` をもう一度実行してください"
                .to_owned()
        }
        VerifyNote::AlreadyInDraft { count } => {
            format!("約束した文のうち{count}か所は、元から案の修正範囲にありました（ロック）")
        }
        VerifyNote::DidNotResolve => "箇所を特定できませんでした".to_owned(),
    }
}

fn lock(p: &LockProblem) -> String {
    match p {
        LockProblem::Syntax { message } => {
            format!("`akaji apply --lock` が書いたロックではありません: {message}。書き直してください")
        }
        LockProblem::Version { found, supported } => format!(
            "版{found}のロックです。この akaji が読むのは版{supported}です: `akaji apply DRAFT LEDGER --lock` で書き直してください"
        ),
    }
}

/// Once per report with todo edits: how to complete them.
pub(super) fn todo_help(todos: usize) -> String {
    format!("未記入（todo）の修正が{todos}件あります: それぞれ `old`/`new`（または `after`/`before` と `new`）を書いて `todo` を外してください")
}

/// What a place found without the draft or its lock is.
pub(super) fn occurrence_label(status: crate::verify::Status) -> &'static str {
    match status {
        crate::verify::Status::Applied => "約束した文あり",
        _ => "案の文あり",
    }
}

/// Why reconcile did not find an edit made: 「未反映: 修正後の文書の P4 L5 に案の文が残っています」.
pub(super) fn missing(m: &Missing) -> String {
    match m {
        Missing::NotInDraft { problem } => {
            let mut words = String::new();
            let _ = message(problem).lay_out(&mut words);
            format!("引用が案に当てはまりません: {}", visible(&words))
        }
        Missing::Unchanged { places } => format!("未反映: 修正後の文書の {} に案の文が残っています", at_places(places)),
        Missing::Different { places, found } => {
            let found: Vec<String> = found.iter().map(|f| format!("「{}」", visible(f))).collect();
            format!("異なる修正: 修正後の文書の {} は {} です", at_places(places), found.join("、"))
        }
        Missing::NotEverywhere { places } => format!("{} で修正されていません", at_places(places)),
        Missing::TooMany { count, places } => format!(
            "そのとおりの変更が{}か所ありますが、回答は{count}か所です: {}。どれかを指定してください",
            places.len(),
            at_places(places)
        ),
        Missing::Unpinnable { places } => format!(
            "{} で修正されていますが、ページや前後の文字で引用のほかの箇所と区別できません: 範囲を手で書いてください",
            at_places(places)
        ),
        Missing::NoChange { sought, pages } => {
            let pages: Vec<String> = pages.iter().map(|p| format!("P{p}")).collect();
            let on = if pages.is_empty() { String::new() } else { format!("{}に", pages.join("、")) };
            format!("修正後の文書の{on}{}が見つかりません", sought_words(sought))
        }
        Missing::NoClue => "回答に探す手がかりがありません: 文も、変更の種類も、ページもありません".to_owned(),
    }
}

fn sought_words(s: &Sought) -> String {
    let quoted = |list: &[String]| list.iter().map(|q| format!("「{q}」")).collect::<Vec<_>>().join("、");
    match s {
        Sought::NewText { text } => format!("「{}」への変更", visible(text)),
        Sought::Pair { old, new } => format!("「{old}」から「{new}」への変更（意見の求めるもの）"),
        Sought::Url { names } if names.len() >= 2 => format!("URL の中の変更（{}）", quoted(names)),
        Sought::Url { .. } => "URL の中の変更".to_owned(),
        Sought::Insertion => "追加".to_owned(),
        Sought::Deletion => "削除".to_owned(),
        Sought::RequestQuote { quotes } => format!("意見が引用する箇所（{}）の中の変更", quoted(quotes)),
    }
}

fn at_places(places: &[Place]) -> String {
    places.iter().map(|p| format!("P{} L{}", p.page, p.line)).collect::<Vec<_>>().join("、")
}

/// Why reconcile did not choose: 「意見4も同じ変更に当てはまります（P3 L6）: 選んでください」.
pub(super) fn ambiguous(with: &[String], places: &[Place]) -> String {
    if with.is_empty() {
        format!(
            "特定できません: {}か所の変更（{}）が当てはまり、区別がつきません。選んでください",
            places.len(),
            at_places(places)
        )
    } else {
        format!(
            "特定できません: 意見 {} も同じ変更（{}）に当てはまります。選んでください",
            with.join("、"),
            at_places(places)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::super::{text_in, Lang};
    use super::*;
    use crate::ledger::{DecisionIx, Scope};

    fn about(edit: Option<usize>) -> Subject {
        Subject { decision: DecisionIx(0), id: "32".into(), edit }
    }

    /// Problems of every family, each written in both languages: the Japanese is Japanese (no
    /// English sentence left in it) and says the same numbers.
    #[test]
    fn every_family_of_problem_reads_in_japanese() {
        let problems = [
            Diagnostic::about(about(Some(0)), LedgerProblem::NoAnchor),
            Diagnostic::about(about(None), LedgerProblem::DuplicateId),
            Diagnostic::about(about(Some(1)), AnchorProblem::Todo { note: "P9に追記".into() }),
            Diagnostic::new(InputProblem::NotUtf8 { offset: 12 }),
            Diagnostic::new(DocxProblem::Missing { part: "word/document.xml".into() }),
            Diagnostic::new(PdfProblem::NoText { pages: 3 }),
            Diagnostic::new(TableProblem::Csv { line: 4, detail: "x".into() }),
            Diagnostic::new(ParseProblem { at: Offset::Line(3), kind: ParseKind::NotHunkHeader }),
            Diagnostic::new(VerifyNote::DeletedTextGone),
        ];
        for d in &problems {
            let (en, ja) = (text_in(d, Lang::En), text_in(d, Lang::Ja));
            assert_ne!(en, ja);
            let english_words = ja.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| w.len() > 3).count();
            let english_in_en = en.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| w.len() > 3).count();
            assert!(english_words * 3 < english_in_en.max(1) * 2, "{ja}");
            for n in en.split(|c: char| !c.is_ascii_digit()).filter(|n| !n.is_empty()) {
                assert!(ja.contains(n), "{n} of {en:?} not in {ja:?}");
            }
        }
        assert_eq!(text_in(&problems[0], Lang::Ja).split(':').next(), Some("意見32の修正1"));
    }

    #[test]
    fn summaries_read_as_japanese_write_them() {
        let e = Edit::replace("設置", "開催").unwrap().with_scope(Scope::pages(vec![4, 12]));
        assert_eq!(edit_summary(&e), "「設置」→「開催」（P4、P12）");
        assert_eq!(edit_summary(&Edit::replace("（再掲）", "").unwrap()), "「（再掲）」を削除");
        let e = Edit::insert(Side::After, "a", "b").unwrap().with_scope(Scope::line(6, -2).unwrap());
        assert_eq!(edit_summary(&e), "「a」の後に「b」を追加（P6 下から2行目）");
    }
}
