//! Show how akaji reads a PDF: every line with its page, role, geometry and signs.
//!
//! ```sh
//! cargo run --example pdf_lines -- 案.pdf            # lines
//! cargo run --example pdf_lines -- 案.pdf --text     # the text akaji reads
//! cargo run --example pdf_lines -- 意見.pdf --table  # a comment table's cells, tab-separated
//! ```

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: pdf_lines FILE.pdf [--text|--table]");
        std::process::exit(2);
    };
    let fail = |e: &dyn std::fmt::Display| -> ! {
        eprintln!("{path}: {e}");
        std::process::exit(2)
    };
    let bytes = std::fs::read(path).unwrap_or_else(|e| fail(&e));
    if args.iter().any(|a| a == "--table") {
        for row in akaji::pdf::read_table(&bytes).unwrap_or_else(|e| fail(&e)) {
            println!("{}", row.join("\t"));
        }
        return;
    }
    let pdf = akaji::pdf::read(&bytes).unwrap_or_else(|e| fail(&e));
    if args.iter().any(|a| a == "--text") {
        print!("{}", pdf.text());
        return;
    }
    for page in &pdf.pages {
        println!("== page {} printed {:?} front {} size {:?}", page.index, page.printed, page.front_matter, page.size);
        for l in &page.lines {
            let s = l.signs;
            println!(
                "{:<12} x {:6.1}-{:6.1} base {:6.1} size {:4.1} short {} indent {:3.1} item {} | {}",
                format!("{:?}", l.role),
                l.bbox[0],
                l.bbox[2],
                l.baseline,
                l.size,
                s.ends_short as u8,
                s.indent,
                s.item_marker as u8,
                l.text
            );
        }
    }
}
