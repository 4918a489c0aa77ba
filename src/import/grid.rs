//! Tables whose cells are already apart: rows of cells into a [`Table`].
//!
//! An `.xlsx` sheet ([`xlsx`](super::xlsx)) and a comment table rebuilt from a PDF's character
//! positions both come as rows of cells, with what the layout left in: title rows before the
//! header, the header row repeated on every page, and rows that continue the row above (a
//! comment broken across a page, or the lower half of a merged cell). [`table`] reads them the
//! way [`table::read`](super::table::read) reads TSV: lines before the header row are skipped,
//! repeated header rows are dropped, a row whose 項番 cell is empty continues the row above
//! cell by cell (joined as a wrapped line when the page broke it mid-sentence, else with a line
//! break), and page furniture is skipped: a row of one cell
//! that repeats a title standing before the header row, or a row holding only a heading in the
//! 項番 column (anything but a number). Cells keep their line breaks; `\r\n` becomes
//! `\n`.
//!
//! ```
//! use akaji::import::{import_grid, ImportOptions};
//! let rows = vec![
//!     vec!["意見募集の結果".to_owned()],
//!     ["項番", "御意見", "考え方"].map(String::from).to_vec(),
//!     ["1", "意見の前半", "御指摘を踏まえ、"].map(String::from).to_vec(),
//!     ["項番", "御意見", "考え方"].map(String::from).to_vec(),
//!     ["", "意見の後半", "「A」を「B」に修正します。"].map(String::from).to_vec(),
//! ];
//! let done = import_grid(rows, &ImportOptions::default()).unwrap();
//! let d = &done.ledger.decisions[0];
//! assert_eq!(d.request.as_deref(), Some("意見の前半意見の後半"), "the page broke a line");
//! assert_eq!(d.response.as_deref(), Some("御指摘を踏まえ、「A」を「B」に修正します。"));
//! assert_eq!((done.report.repeated_headers, done.report.continuations, done.report.extracted), (1, 1, 1));
//! ```

use super::columns::Columns;
use super::problem::TableProblem;
use super::table::{assemble, Record, Source, Table};

/// Read a table from rows of cells, as a spreadsheet or a PDF table reader gives them; row `i`
/// of `rows` is line `i + 1` in messages and in [`Row::line`](super::table::Row::line).
pub fn table<R, C>(rows: R, columns: &Columns) -> Result<Table, TableProblem>
where
    R: IntoIterator<Item = Vec<C>>,
    C: Into<String>,
{
    let records = rows.into_iter().enumerate().filter_map(|(i, cells)| {
        let cells: Vec<String> = cells.into_iter().map(|c| cell(c.into())).collect();
        let blank = cells.iter().all(|c| c.trim().is_empty());
        (!blank).then_some(Ok(Record { line: i + 1, cells, blank_before: false }))
    });
    assemble(records, columns, Source::Grid)
}

/// A cell as a table cell: `\r\n` and lone `\r` line breaks made `\n`.
fn cell(c: String) -> String {
    if c.contains('\r') {
        c.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(rows: &[&[&str]]) -> Vec<Vec<String>> {
        rows.iter().map(|r| r.iter().map(|c| (*c).to_owned()).collect()).collect()
    }

    /// The shape the PDF table reader returns: a title and the header on every page, a comment
    /// broken across the page break, line breaks inside cells.
    #[test]
    fn pdf_pages_with_titles_headers_and_a_broken_row() {
        let head: &[&str] = &["項番", "意見提出者", "該当箇所", "御意見の詳細", "御意見に対する考え方"];
        let rows = grid(&[
            &["「ICTサイバーセキュリティ総合対策2023」(案)に対する意見", "", "", "", ""],
            head,
            &[
                "28",
                "MOTEX株式会社",
                "II-1-(2)-I",
                "「大手自動車メーカーが利用するSaaSサービス」とありますが、",
                "御指摘を踏まえ「大手自動車メーカーが利用するSaaSサービス」を",
            ],
            &["", "", "", "", ""],
            &["「ICTサイバーセキュリティ総合対策2023」(案)に対する意見", "", "", "", ""],
            head,
            &[
                "",
                "",
                "",
                "「大手自動車メーカーが利用するクラウドサービス」が適切かと考えます。",
                "「大手自動車メーカーが利用するクラウドサービス」に修正いたします。",
            ],
            &["II-1 総論", "", "", "", ""],
            &[
                "29",
                "個人A",
                "全体",
                "・6ページの5行「あたって」と、\r\n15ページの最下行の6行上「当たって」",
                "御指摘を踏まえ、P6の5行目の「あたって」を「当たって」に修正いたします。",
            ],
        ]);
        let t = table(rows, &Columns::default()).unwrap();
        assert_eq!(t.rows.iter().map(|r| (r.line, r.id.as_str())).collect::<Vec<_>>(), [(3, "28"), (9, "29")]);
        assert_eq!(
            t.rows[0].response.as_deref(),
            Some("御指摘を踏まえ「大手自動車メーカーが利用するSaaSサービス」を「大手自動車メーカーが利用するクラウドサービス」に修正いたします。"),
            "the page broke the sentence: its halves join as a wrapped line"
        );
        assert_eq!(
            t.rows[1].request.as_deref(),
            Some("・6ページの5行「あたって」と、\n15ページの最下行の6行上「当たって」")
        );
        assert_eq!((t.repeated_headers, t.continuations, t.skipped.clone()), (1, 1, vec![5, 8]));
        assert_eq!(t.header_line, 2);
    }

    #[test]
    fn a_word_cut_by_the_page_is_read_whole_and_a_sentence_end_keeps_its_break() {
        let head: &[&str] = &["項番", "御意見", "考え方"];
        let rows = grid(&[
            head,
            &["11", "計画の記載。", "御意見を踏まえ、「報告」を「取組状況の報告」に修"],
            head,
            &["", "別の段落。", "正いたします。"],
        ]);
        let done = crate::import::import_grid(rows, &crate::import::ImportOptions::default()).unwrap();
        let d = &done.ledger.decisions[0];
        assert_eq!(d.request.as_deref(), Some("計画の記載。\n別の段落。"));
        assert_eq!(d.response.as_deref(), Some("御意見を踏まえ、「報告」を「取組状況の報告」に修正いたします。"));
        assert_eq!(done.report.extracted, 1, "修 and 正いたします are one verb");
    }

    #[test]
    fn unknown_columns_are_named_and_the_marks_read() {
        let rows = grid(&[
            &["番号", "提出意見", "意見に対する考え方", "修正の有無", "備考"],
            &["1", "意見", "承ります。", "無", "x"],
        ]);
        let t = table(rows, &Columns::default()).unwrap();
        assert_eq!(t.unread, ["備考"]);
        assert_eq!((t.rows[0].request.as_deref(), t.rows[0].changed.as_deref()), (Some("意見"), Some("無")));
    }

    #[test]
    fn no_header_is_an_error() {
        let err = crate::Diagnostic::new(table(grid(&[&["a", "b"], &["1", "2"]]), &Columns::default()).unwrap_err());
        assert!(err.to_string().starts_with("no header row found"), "{err}");
    }
}
