//! PDF reading speed against `pdftotext` (poppler) on the same files, in one run. Target: a
//! 400-page PDF read within 2× of `pdftotext` (issue 11).
//!
//! The PDFs are made here by testdata/pdf/make.py (LibreOffice: the sample plan's body pages
//! repeated, with running heads, wrapped paragraphs and `- N -` footers) at 100, 200 and 400
//! pages, so growth shows. akaji's time is `akaji::pdf::read` (every page's characters, lines,
//! furniture and signs) plus [`akaji::pdf::Pdf::text`], in process, after PDFium is loaded
//! (loading it is timed apart); `pdftotext FILE OUT` is a whole process. Each is the median of
//! five runs, alternating.
//!
//! Run with `cargo bench --bench pdf` (needs python3, LibreOffice, pdftotext and libpdfium:
//! `bash .ci/install-pdfium`).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const RUNS: usize = 5;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn make(dir: &Path, pages: usize) -> PathBuf {
    let out = dir.join(format!("p{pages}"));
    let status = Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/pdf/make.py"))
        .arg(&out)
        .args(["big", "--pages", &pages.to_string()])
        .status()
        .expect("python3 runs testdata/pdf/make.py");
    assert!(status.success(), "make.py failed");
    out.join("big.pdf")
}

fn main() {
    let t = Instant::now();
    akaji::pdf::library().unwrap_or_else(|e| panic!("{e}"));
    eprintln!("PDFium loaded in {:.1?}", t.elapsed());
    let dir = tempfile::tempdir().expect("a temporary folder");
    println!("| pages | PDF bytes | akaji read + text | pdftotext | ratio | akaji chars/page |");
    println!("| ---: | ---: | ---: | ---: | ---: | ---: |");
    for pages in [100, 200, 400] {
        let pdf = make(dir.path(), pages);
        let bytes = std::fs::read(&pdf).expect("the PDF was written");
        let txt = dir.path().join("out.txt");
        let (mut ours, mut theirs, mut chars) = (Vec::new(), Vec::new(), 0);
        for _ in 0..RUNS {
            let t = Instant::now();
            let read = akaji::pdf::read(&bytes).expect("the PDF reads");
            let text = read.text();
            ours.push(t.elapsed());
            assert_eq!(read.pages.len(), pages);
            assert_eq!(read.pages.last().and_then(|p| p.printed), Some(pages as u32 - 2), "printed numbers right");
            chars = text.chars().filter(|c| !c.is_whitespace()).count();

            let t = Instant::now();
            let status = Command::new("pdftotext").arg(&pdf).arg(&txt).status().expect("pdftotext runs");
            theirs.push(t.elapsed());
            assert!(status.success());
        }
        let (a, p) = (median(ours), median(theirs));
        println!(
            "| {pages} | {} | {:.2?} | {:.2?} | {:.2} | {} |",
            bytes.len(),
            a,
            p,
            a.as_secs_f64() / p.as_secs_f64(),
            chars / pages
        );
    }
}
