//! `akaji diff`.

use akaji::error::Error;

/// Arguments of `akaji diff`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Run `akaji diff`.
pub fn run(_args: Args) -> Result<u8, Error> {
    Err(Error::Usage("akaji diff is not written yet".into()))
}
