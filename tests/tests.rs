//! Integration tests: one binary, a module per feature.

mod apply;
mod util;
