//! `akaji verify`.

use akaji::error::Error;

/// Arguments of `akaji verify`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Run `akaji verify`.
pub fn run(_args: Args) -> Result<u8, Error> {
    Err(Error::Usage("akaji verify is not written yet".into()))
}
