//! `akaji apply`.

use akaji::error::Error;

/// Arguments of `akaji apply`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Run `akaji apply`.
pub fn run(_args: Args) -> Result<u8, Error> {
    Err(Error::Usage("akaji apply is not written yet".into()))
}
