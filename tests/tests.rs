//! Integration tests: one binary, a module per feature.

mod apply;
mod browser;
mod diff;
mod docx;
mod import;
mod redline;
mod render;
mod roundtrip;
mod util;
