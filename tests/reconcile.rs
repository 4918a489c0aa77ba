//! `akaji reconcile`: scored on testdata/reconcile-set (`score`), and the three-file workflow
//! from the command line (`workflow`).

mod score;
mod set;
mod workflow;
