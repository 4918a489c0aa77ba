//! `akaji reconcile`: scored on testdata/reconcile-set (`score`), and the three-file workflow
//! from the command line (`workflow`), on PDFs too (`pdf`).

mod pdf;
mod sample;
mod score;
mod set;
mod workflow;
