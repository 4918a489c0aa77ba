//! Integration tests: one binary, a module per feature.

mod apply;
mod browser;
mod ci_example;
mod diff;
mod docx;
mod import;
mod import_props;
mod import_xlsx;
mod imports;
mod reconcile;
mod reconcile_props;
mod redline;
mod render;
mod roundtrip;
mod util;
mod verify;
