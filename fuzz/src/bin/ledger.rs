//! The ledger parser: TOML and JSON, any bytes. A ledger that parses must write back (TOML and
//! JSON) into the same ledger.
fn main() {
    afl::fuzz!(|data: &[u8]| {
        let text = akaji_fuzz::text(data);
        for name in ["l.toml", "l.json"] {
            if let Ok(ledger) = akaji::Ledger::parse(&text, name) {
                let again = akaji::Ledger::from_toml(&ledger.to_toml()).expect("a parsed ledger writes back as TOML");
                assert_eq!(again, ledger, "TOML round trip");
                let json = serde_json::to_string(&ledger).expect("a ledger serializes");
                let again = akaji::Ledger::from_json(&json).expect("a parsed ledger writes back as JSON");
                assert_eq!(again, ledger, "JSON round trip");
            }
        }
    });
}
