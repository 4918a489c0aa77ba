//! Integration tests: one binary, a module per feature.

mod apply;
mod browser;
mod docx;
mod import;
mod redline;
mod render;
mod roundtrip;
mod util;
