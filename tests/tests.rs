//! Integration tests: one binary, a module per feature.

mod apply;
mod import;
mod util;
