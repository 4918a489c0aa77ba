//! Integration tests: one binary, a module per feature.

mod apply;
mod browser;
mod ci_example;
mod content;
mod diff;
mod document;
mod docx;
mod import;
mod import_props;
mod import_xlsx;
mod imports;
mod moves;
mod pages;
mod pdf;
mod reconcile;
mod reconcile_props;
mod redline;
mod render;
mod roundtrip;
mod util;
mod verify;
mod verify_cases;
mod verify_pdf;
mod verify_set;
