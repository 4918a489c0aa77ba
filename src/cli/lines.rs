//! `--count-lines`: how the commands that read a document count the lines of a page.

use akaji::{Document, LedgerOptions, LineCount};

/// How lines are counted, as the command line names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CountLines {
    /// Body lines: line 1 is the first line under the running heads (the default).
    Body,
    /// Every printed line but the page number: running heads and footers count.
    Printed,
}

/// The `--count-lines` option every command that reads a document has.
#[derive(Debug, Clone, clap::Args)]
pub struct LineArgs {
    /// How the lines of a page are counted, in `line = N` and in every place reported: `body`
    /// (under the running heads; the default, or the ledger's options.count_lines) or `printed`.
    #[arg(long, value_enum, value_name = "HOW")]
    pub count_lines: Option<CountLines>,
}

impl LineArgs {
    /// The counting asked for, else the ledger's, else body lines.
    pub fn count(&self, options: Option<&LedgerOptions>) -> LineCount {
        match self.count_lines {
            Some(CountLines::Body) => LineCount::Body,
            Some(CountLines::Printed) => LineCount::Printed,
            None => options.map_or(LineCount::Body, |o| o.count_lines),
        }
    }

    /// `doc`, counting its lines as asked.
    pub fn apply(&self, doc: Document, options: Option<&LedgerOptions>) -> Document {
        doc.counting(self.count(options))
    }
}
