//! The table importer: any text, read as TSV and as CSV. A table that imports must give a
//! ledger that writes back as TOML and reads again.
use akaji::import::{import, ImportOptions, TableFormat};

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let text = akaji_fuzz::text(data);
        for format in [TableFormat::Tsv, TableFormat::Csv] {
            let options = ImportOptions { format: Some(format), ..ImportOptions::default() };
            if let Ok(done) = import(&text, &options) {
                let toml = done.ledger.to_toml();
                let again = akaji::Ledger::from_toml(&toml).expect("an imported ledger reads back");
                assert_eq!(again, done.ledger, "import writes a ledger that reads back as written");
            }
        }
    });
}
