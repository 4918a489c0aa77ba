//! `akaji reconcile`: scored on testdata/reconcile-set (`score`), and the three-file workflow
//! from the command line (`workflow`).

mod sample;
mod score;
mod set;
mod workflow;
