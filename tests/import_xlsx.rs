//! `akaji import comments.xlsx`: workbooks written here with rust_xlsxwriter from rows of the
//! ICT2023 comment table (testdata/import/ict2023-public-comments.txt), in the layouts
//! spreadsheets give: a merged title, numeric 項番 (28.0), line breaks in cells, the header
//! repeated, a comment continued on the next row, an answer merged over two comments, and
//! columns import does not know.

use crate::util::{akaji_in, root};
use akaji::Ledger;
use rust_xlsxwriter::{Format, Workbook};
use std::path::Path;

/// The cells of the ICT2023 table's row `id`, as the corpus file has them (tabs apart).
fn ict_row(id: &str) -> Vec<String> {
    let text = std::fs::read_to_string(root().join("testdata/import/ict2023-public-comments.txt")).unwrap();
    let line = text.lines().find(|l| l.starts_with(&format!("{id}\t")) && l.split('\t').count() == 5).unwrap();
    line.split('\t').map(str::to_owned).collect()
}

const HEAD: [&str; 7] =
    ["項番", "意見提出者", "該当箇所", "御意見の詳細", "御意見に対する考え方", "修正の有無", "備考"];

/// Write the workbook and import it; the ledger and the report.
fn import(dir: &Path, book: &mut Workbook) -> (Ledger, String) {
    let table = dir.join("comments.xlsx");
    book.save(&table).unwrap();
    let out = dir.join("ledger.toml");
    let run = akaji_in(dir, &["import", table.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let ledger = Ledger::from_toml(&std::fs::read_to_string(&out).unwrap()).unwrap();
    (ledger, run.stderr)
}

use crate::import::edits;

#[test]
fn an_ict2023_workbook_reads_as_its_tsv_does() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("意見と考え方").unwrap();
    let merge = Format::new();
    sheet
        .merge_range(
            0,
            0,
            0,
            6,
            "「ICTサイバーセキュリティ総合対策2023」(案)に対して提出された意見及びその意見に対する考え方",
            &merge,
        )
        .unwrap();
    let header = |sheet: &mut rust_xlsxwriter::Worksheet, row: u32| {
        for (c, h) in HEAD.iter().enumerate() {
            sheet.write_string(row, c as u16, *h).unwrap();
        }
    };
    header(sheet, 2);
    let mut row = 3;
    for id in ["28", "29", "32"] {
        let cells = ict_row(id);
        sheet.write_number(row, 0, id.parse::<f64>().unwrap()).unwrap();
        for (c, cell) in cells.iter().enumerate().skip(1) {
            // A line break inside a cell, as Excel on Windows writes it (CR LF).
            let cell = if id == "29" && c == 3 { cell.replacen(" ・", "\r\n・", 1) } else { cell.clone() };
            sheet.write_string(row, c as u16, &cell).unwrap();
        }
        sheet.write_string(row, 5, "有").unwrap();
        row += 1;
    }
    header(sheet, row); // the header again, as at a page break of the original
    row += 1;
    // No. 33's request broken over two rows: the second has no 項番.
    let no33 = ict_row("33");
    let (first, second) = no33[3].split_at(no33[3].find(" P59").unwrap());
    sheet.write_number(row, 0, 33.0).unwrap();
    sheet.write_string(row, 1, &no33[1]).unwrap();
    sheet.write_string(row, 2, &no33[2]).unwrap();
    sheet.write_string(row, 3, first).unwrap();
    sheet.write_string(row, 4, &no33[4]).unwrap();
    sheet.write_string(row + 1, 3, second.trim_start()).unwrap();
    row += 2;
    // Nos. 3 and 4 of the table share one answer, merged down over both rows.
    for (i, id) in ["3", "4"].iter().enumerate() {
        let cells = ict_row(id);
        sheet.write_number(row + i as u32, 0, id.parse::<f64>().unwrap()).unwrap();
        sheet.write_string(row + i as u32, 3, &cells[3]).unwrap();
        sheet.write_string(row + i as u32, 5, "無").unwrap();
    }
    sheet.merge_range(row, 4, row + 1, 4, &ict_row("3")[4], &merge).unwrap();
    sheet.write_string(row, 6, "まとめて回答").unwrap();

    let (ledger, report) = import(dir.path(), &mut book);
    let ids: Vec<&str> = ledger.decisions.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(
        ids,
        ["28", "29", "32", "33", "3", "4"],
        "項番 28.0 is 28; the title and the repeated header are no rows"
    );
    crate::import::assert_ict2023_quoted_edits(&ledger);
    let no29 = ledger.decision("29").unwrap().request.as_deref().unwrap();
    assert!(no29.contains("統一したほうがよい。\n・12ページの17行"), "the cell's line break is kept: {no29}");
    let no33 = ledger.decision("33").unwrap();
    assert_eq!(
        no33.request.as_deref(),
        Some(ict_row("33")[3].replacen(" P59", "\nP59", 1).as_str()),
        "the continued row joins its cell"
    );
    assert_eq!(edits(&ledger, "33")[0]["page"], 59);
    let answer3 = ict_row("3")[4].clone();
    assert_eq!(
        ledger.decision("4").unwrap().response.as_deref(),
        Some(answer3.as_str()),
        "the merged answer is No. 4's too"
    );
    assert!(ledger.decision("3").unwrap().edits.is_empty() && ledger.decision("4").unwrap().edits.is_empty());
    assert!(report.contains("sheets read: 「意見と考え方」"), "{report}");
    assert!(report.contains("(1 repeated header row(s) skipped, 1 continued line(s) merged)"), "{report}");
    assert!(report.contains("note: columns not read: 「備考」"), "{report}");
}

#[test]
fn every_sheet_with_a_header_is_read_and_the_others_named() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = Workbook::new();
    let notes = book.add_worksheet();
    notes.set_name("表紙").unwrap();
    notes.write_string(0, 0, "意見募集の結果").unwrap();
    for (name, id) in [("第1章", "28"), ("第2章", "34")] {
        let sheet = book.add_worksheet();
        sheet.set_name(name).unwrap();
        for (c, h) in HEAD[..5].iter().enumerate() {
            sheet.write_string(0, c as u16, *h).unwrap();
        }
        for (c, cell) in ict_row(id).iter().enumerate() {
            sheet.write_string(1, c as u16, cell).unwrap();
        }
    }
    let (ledger, report) = import(dir.path(), &mut book);
    let ids: Vec<&str> = ledger.decisions.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["28", "34"]);
    assert_eq!(edits(&ledger, "34")[0]["page"], 92);
    assert!(
        report.contains("sheets read: 「第1章」, 「第2章」 (without a header row, not read: 「表紙」)"),
        "{report}"
    );
}

#[test]
fn a_workbook_without_a_table_or_a_broken_one_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let mut book = Workbook::new();
    book.add_worksheet().write_string(0, 0, "表").unwrap();
    let table = dir.path().join("empty.xlsx");
    book.save(&table).unwrap();
    let run = akaji_in(dir.path(), &["import", table.to_str().unwrap()]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("empty.xlsx: no header row found"), "{}", run.stderr);

    let broken = dir.path().join("broken.xlsx");
    std::fs::write(&broken, b"PK\x03\x04 not really a zip").unwrap();
    let run = akaji_in(dir.path(), &["import", broken.to_str().unwrap()]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("broken.xlsx: not a readable .xlsx workbook"), "{}", run.stderr);
}

/// A workbook as LibreOffice writes it (shared strings, its own styles and number formats):
/// the ICT2023 table saved as CSV and converted with `soffice --convert-to xlsx` gives the
/// ledger the CSV gives.
#[test]
fn a_libreoffice_workbook_of_the_ict2023_table() {
    let calc = std::path::Path::new("/usr/lib/libreoffice/program/libsclo.so").exists();
    if !crate::docx::have("soffice", "libreoffice-calc") || !(calc || have_calc_in_ci()) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join("testdata/import/ict2023-public-comments.txt")).unwrap();
    let csv_path = dir.path().join("ict2023.csv");
    let mut w = csv::Writer::from_path(&csv_path).unwrap();
    for line in text.lines() {
        let mut cells: Vec<&str> = line.split('\t').collect();
        cells.resize(5, "");
        w.write_record(&cells).unwrap();
    }
    w.flush().unwrap();
    let out = std::process::Command::new("soffice")
        .arg(format!("-env:UserInstallation=file://{}", dir.path().join("profile").display()))
        .args(["--headless", "--norestore", "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir"])
        .arg(dir.path())
        .arg(&csv_path)
        .output()
        .unwrap();
    let xlsx = dir.path().join("ict2023.xlsx");
    assert!(xlsx.exists(), "soffice: {}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    let from_csv = akaji::import::import(&std::fs::read_to_string(&csv_path).unwrap(), &Default::default()).unwrap();
    let from_xlsx = akaji::import::import_xlsx(&std::fs::read(&xlsx).unwrap(), &Default::default()).unwrap();
    assert_eq!(from_xlsx.ledger, from_csv.ledger);
    assert_eq!(from_xlsx.ledger.decisions.len(), 38);
    crate::import::assert_ict2023_quoted_edits(&from_xlsx.ledger);
}

/// Without LibreOffice Calc the conversion test is skipped, unless `CI` is set.
fn have_calc_in_ci() -> bool {
    if std::env::var_os("CI").is_some() {
        panic!("LibreOffice Calc is not installed and CI is set: install the Debian package libreoffice-calc");
    }
    eprintln!("skipping: LibreOffice Calc is not installed (Debian package libreoffice-calc)");
    false
}
