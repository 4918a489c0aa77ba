//! The .docx reader: any bytes, as an archive. It must refuse or read, never panic.
fn main() {
    afl::fuzz!(|data: &[u8]| {
        let _ = akaji::docx::read(data);
    });
}
