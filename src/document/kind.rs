//! What kind of document a draft is: it names the columns of its 新旧対照表.

use serde::{Deserialize, Serialize};

/// What kind of document a draft is (`options.kind`, `--kind`): a plan's 新旧対照表 heads its
/// columns 修正後 / 修正前, a law's or rule's 改正後 / 改正前, any other document's 新 / 旧.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// A plan, a report, guidelines: 修正後 / 修正前 (the default).
    #[default]
    Plan,
    /// A law, an ordinance, a rule: 改正後 / 改正前.
    #[serde(alias = "rule")]
    Law,
    /// Anything else: 新 / 旧.
    Plain,
}
