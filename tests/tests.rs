//! Integration tests, one module per feature, compiled as one binary.

mod docx;
