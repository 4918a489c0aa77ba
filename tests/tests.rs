//! Integration tests: one binary, one module per feature.

mod ci_example;
mod verify;
