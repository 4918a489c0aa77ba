//! Why a PDF cannot be read, as data; the words are in [`crate::messages`].

use serde::Serialize;
use std::path::PathBuf;

/// Why a PDF cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
#[non_exhaustive]
pub enum PdfProblem {
    /// PDFium, which akaji reads PDFs with, could not be loaded from any of the places tried.
    NoLibrary {
        /// Every place tried, in order, and why it failed.
        tried: Vec<LibraryTry>,
    },
    /// The PDF is protected by a password.
    Protected,
    /// Not a PDF PDFium can read (broken, or not a PDF at all).
    NotPdf,
    /// The PDF uses a security handler PDFium does not support.
    Security,
    /// PDFium refused the file for another reason.
    Unreadable {
        /// PDFium's own word for it.
        detail: String,
    },
    /// One page could not be read.
    Page {
        /// The page's place in the file, from 1.
        page: usize,
        /// PDFium's own word for it.
        detail: String,
    },
    /// No page holds any text: a scan without a text layer.
    NoText {
        /// How many pages the file has.
        pages: usize,
    },
    /// A comment table was asked for, and no page holds a header row akaji knows.
    NoTable,
}

/// One place PDFium was looked for, and why it did not load from there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LibraryTry {
    /// The file tried; `None` for the system's library search path.
    pub place: Option<PathBuf>,
    /// Why it did not load.
    pub failure: LibraryFailure,
}

/// Why PDFium did not load from a place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "failure", content = "detail", rename_all = "snake_case")]
pub enum LibraryFailure {
    /// No file there.
    Missing,
    /// A library that lacks a function akaji binds: another PDFium build.
    WrongBuild(String),
    /// The loader refused it (its reason).
    NotLoaded(String),
}
