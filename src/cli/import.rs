//! `akaji import`.

use akaji::error::Error;

/// Arguments of `akaji import`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Run `akaji import`.
pub fn run(_args: Args) -> Result<u8, Error> {
    Err(Error::Usage("akaji import is not written yet".into()))
}
