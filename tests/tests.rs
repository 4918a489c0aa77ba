//! Integration tests: one binary, a module per feature.

mod apply;
mod browser;
mod ci_example;
mod content;
mod diff;
mod document;
mod docx;
mod files;
mod import;
mod import_props;
mod import_xlsx;
mod imports;
mod messages;
mod pages;
mod patches;
mod pdf;
mod promises;
mod properties;
mod reconcile;
mod reconcile_props;
mod redline;
mod render;
mod roundtrip;
mod untrusted;
mod util;
mod verify;
