//! The ledger parser: TOML and JSON, any bytes. A ledger that parses must write back (TOML and
//! JSON) into the same ledger; read in pieces, a decision at a time, it is the ledger read whole.
fn main() {
    afl::fuzz!(|data: &[u8]| {
        let text = akaji_fuzz::text(data);
        // Read a decision at a time, as a long ledger is, it is the ledger read whole.
        if let Some(pieces) = akaji::Ledger::from_toml_in_pieces(&text, 1) {
            assert_eq!(pieces, akaji::Ledger::from_toml(&text), "pieces and the whole file");
        }
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
