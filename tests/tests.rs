//! Integration tests: one binary, a module per feature.

mod apply;
mod browser;
mod ci_example;
mod ci_run;
mod content;
mod diff;
mod document;
mod docx;
mod files;
mod guides;
mod import;
mod import_props;
mod import_xlsx;
mod imports;
mod interface;
mod messages;
mod moves;
mod pages;
mod patches;
mod pdf;
#[path = "../benches/common/plan.rs"]
#[allow(dead_code, reason = "the benches' plan generator: the tests use its sentences, through `recurring`")]
mod plan;
mod promises;
mod properties;
mod reconcile;
mod reconcile_props;
#[path = "../benches/common/recurring.rs"]
mod recurring;
mod redline;
mod render;
mod roundtrip;
mod terminal;
mod untrusted;
mod util;
mod verify;
mod verify_cases;
mod verify_pdf;
mod verify_set;
