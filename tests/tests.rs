//! Integration tests: one binary, a module per feature.

mod apply;
mod browser;
mod ci_example;
mod diff;
mod docx;
mod import;
mod imports;
mod redline;
mod render;
mod roundtrip;
mod util;
mod verify;
mod verify_cases;
mod verify_set;
