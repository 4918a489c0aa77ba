//! Integration tests: one binary, a module per feature.

mod apply;
mod browser;
mod ci_example;
mod ci_run;
mod content;
mod diff;
mod document;
mod docx;
mod guides;
mod import;
mod import_props;
mod import_xlsx;
mod imports;
mod interface;
mod pages;
mod pdf;
mod reconcile;
mod reconcile_props;
mod redline;
mod render;
mod roundtrip;
mod terminal;
mod util;
mod verify;
