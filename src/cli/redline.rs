//! `akaji redline`.

use akaji::error::Error;

/// Arguments of `akaji redline`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Run `akaji redline`.
pub fn run(_args: Args) -> Result<u8, Error> {
    Err(Error::Usage("akaji redline is not written yet".into()))
}
