//! The options every command that draws a redline shares: format, output file, context, colour.

use super::error::{CliError, Usage, Writes};
use super::output::{self, ColorChoice};
use super::{checks, messages};
use akaji::render::{self, Context, Format, RenderOptions};
use akaji::{DocumentKind, Redline};
use std::io::{self, IsTerminal};
use std::path::{Path, PathBuf};

/// How and where to draw a redline.
#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// ansi, html, table (新旧対照表), critic, json, unified or docx; default: from -o's extension,
    /// else ansi.
    #[arg(long, short = 'f', value_parser = parse_format)]
    pub format: Option<Format>,
    /// Write here (whole or not at all) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Unchanged lines shown around each change (ansi, unified), or `all`.
    #[arg(long, default_value = "2", value_parser = parse_context)]
    pub context: Context,
    /// Colour the ansi format: auto (on a terminal, unless NO_COLOR is set), always, never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// The kind of document, naming the 新旧対照表's columns: plan (修正後/修正前; the default,
    /// or the ledger's options.kind), law (改正後/改正前) or plain (新/旧).
    #[arg(long, value_enum, value_name = "KIND")]
    pub kind: Option<KindArg>,
}

/// A kind of document, as named on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum KindArg {
    /// 修正後 / 修正前.
    Plan,
    /// 改正後 / 改正前 (a law, an ordinance, a rule).
    Law,
    /// 新 / 旧.
    Plain,
}

impl RenderArgs {
    /// The output file, if any.
    pub fn output(&self) -> Option<&Path> {
        self.output.as_deref()
    }

    /// The format asked for, else the one -o's extension suggests, else ansi.
    pub fn format(&self) -> Format {
        self.format.or_else(|| self.output().and_then(Format::from_path)).unwrap_or(Format::Ansi)
    }

    /// Refuse binary output to a terminal, and an -o whose name says another kind than the
    /// format (`-o x.docx --format html`, `-o x.pdf`), before any work is done.
    pub fn check(&self) -> Result<(), CliError> {
        let format = self.format();
        if format.is_binary() && self.output.is_none() && io::stdout().is_terminal() {
            return Err(Usage::BinaryToTerminal { format }.into());
        }
        let fits: &[&str] = match format {
            Format::Html | Format::Table => &["html", "htm"],
            Format::Docx => &["docx"],
            Format::Json => &["json"],
            _ => &[],
        };
        checks::output_fits(self.output(), fits, Writes::Redline(format))
    }

    /// How a unified diff names `path`, so that `git apply` and `patch -p1` (which strip one
    /// component after `a/`, `b/`) find it: relative to the working folder when it is inside
    /// it, else its file name (to apply in its folder); never an absolute path (`a//home/…`).
    pub fn patch_label(path: &Path) -> String {
        let relative = std::env::current_dir().ok().and_then(|cwd| path.strip_prefix(&cwd).ok().map(Path::to_path_buf));
        let shown = match relative {
            Some(r) => r,
            None if path.is_absolute() => path.file_name().map(PathBuf::from).unwrap_or_else(|| path.to_path_buf()),
            None => path.to_path_buf(),
        };
        let parts: Vec<String> = shown
            .components()
            .filter(|c| !matches!(c, std::path::Component::CurDir))
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        parts.join("/")
    }

    /// Draw `redline` into `-o`'s file or stdout (never over one of `inputs`), naming the two
    /// texts `labels` (old, new); `kind` is the ledger's, when there is one (`--kind` wins). The
    /// output is drawn and written as it goes ([`output::stream`]), never held whole.
    pub fn write(
        &self,
        redline: &Redline,
        labels: (String, String),
        kind: Option<DocumentKind>,
        inputs: &[&Path],
    ) -> Result<(), CliError> {
        self.check()?;
        let format = self.format();
        let (old_label, new_label) = labels;
        let options = RenderOptions {
            color: format == Format::Ansi && self.color.enabled(self.output()),
            context: self.context,
            old_label,
            new_label,
            kind: match self.kind {
                Some(KindArg::Plan) => DocumentKind::Plan,
                Some(KindArg::Law) => DocumentKind::Law,
                Some(KindArg::Plain) => DocumentKind::Plain,
                None => kind.unwrap_or_default(),
            },
            lang: super::lang::lang(),
        };
        let mut stand_ins = Vec::new();
        output::stream(self.output(), inputs, |out| {
            if format == Format::Docx {
                stand_ins = akaji::docx::write(redline, out)?;
                Ok(())
            } else {
                render::render(redline, format, &options, out)
            }
        })?;
        // Word cannot hold some characters; the document shows a stand-in, and we say where.
        for w in stand_ins {
            eprintln!("{}", messages::stand_in(&w));
        }
        Ok(())
    }
}

/// A format named on the command line.
fn parse_format(name: &str) -> Result<Format, String> {
    Format::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        messages::unknown_format(name, &names)
    })
}

/// A number of context lines, or `all`.
fn parse_context(value: &str) -> Result<Context, String> {
    if value == "all" {
        return Ok(Context::All);
    }
    value.parse().map(Context::Lines).map_err(|_| messages::bad_context(value))
}
