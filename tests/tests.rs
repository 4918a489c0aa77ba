//! Integration tests: one binary, a module per feature.

mod apply;
mod browser;
mod ci_example;
mod diff;
mod docx;
mod files;
mod import;
mod import_props;
mod import_xlsx;
mod imports;
mod messages;
mod patches;
mod promises;
mod properties;
mod redline;
mod render;
mod roundtrip;
mod untrusted;
mod util;
mod verify;
