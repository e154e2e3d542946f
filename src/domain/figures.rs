//! What a unit typed for a target, kept exactly as typed so that nothing is lost, even
//! when it does not parse.

use serde::{Deserialize, Serialize};

use super::keyed::keyed_enum;

keyed_enum! {
    /// Whether a ratio is entered as two counts or as a percentage; its key is the value of
    /// the card's entry-mode select.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
    #[serde(rename_all = "snake_case")]
    pub enum EntryMode {
        #[default]
        Counts = "counts",
        Percent = "percent",
    }
}

keyed_enum! {
    /// The text fields of a target card; its key is the input's `data-field`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Field {
        Numerator = "numerator",
        Denominator = "denominator",
        Percent = "percent",
        Before = "before",
        After = "after",
    }
}

/// Everything entered for one target.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct TargetEntry {
    /// `None` follows the target's default applicability for the unit; `Some` is the
    /// unit's own choice ("không phát sinh / không áp dụng", or switched on).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_applicable: Option<bool>,
    pub mode: EntryMode,
    pub numerator: String,
    pub denominator: String,
    pub percent: String,
    /// The yes/no answer; `None` until answered.
    pub answer: Option<bool>,
    pub before: String,
    pub after: String,
}

impl TargetEntry {
    pub fn text(&self, field: Field) -> &str {
        match field {
            Field::Numerator => &self.numerator,
            Field::Denominator => &self.denominator,
            Field::Percent => &self.percent,
            Field::Before => &self.before,
            Field::After => &self.after,
        }
    }

    pub fn set_text(&mut self, field: Field, value: String) {
        let slot = match field {
            Field::Numerator => &mut self.numerator,
            Field::Denominator => &mut self.denominator,
            Field::Percent => &mut self.percent,
            Field::Before => &mut self.before,
            Field::After => &mut self.after,
        };
        *slot = value;
    }

    pub fn is_empty(&self) -> bool {
        *self == TargetEntry::default()
    }
}
