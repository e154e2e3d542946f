//! A campaign's plan as data: its blocs and their units, its targets with their thresholds
//! per bloc, and its scoring defaults. Every screen, score and file reads a `Plan`; the 2021
//! plan of Vĩnh Thạnh is one such value, built in (see [`builtin`]).
//!
//! The public file format (`cchc-plan`, see `docs/formats.md`) is read and written by
//! `formats::plan_file`; this module holds the checked, in-memory shape.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::number::{format_shortest, Percent};
use super::score::{RatingBands, ScoringMode, Weight};

/// The longest id of a plan, bloc or target (ASCII letters, digits, `-`, `_`, `.`).
pub const MAX_KEY_LEN: usize = 40;
// Keys compare in words of 8 bytes (see `Key::word`).
const _: () = assert!(MAX_KEY_LEN % 8 == 0);

/// A short ASCII id, copied by value: the id of a target or a bloc. Ordered, compared and
/// written as its text.
#[derive(Clone, Copy, Eq)]
pub struct Key {
    len: u8,
    bytes: [u8; MAX_KEY_LEN],
}

impl Key {
    /// `text` as a key, if it is one: 1–40 characters of `A–Z a–z 0–9 - _ .`.
    pub const fn new(text: &str) -> Option<Key> {
        let source = text.as_bytes();
        if source.is_empty() || source.len() > MAX_KEY_LEN {
            return None;
        }
        let mut bytes = [0; MAX_KEY_LEN];
        let mut i = 0;
        while i < source.len() {
            let b = source[i];
            if !(b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.') {
                return None;
            }
            bytes[i] = b;
            i += 1;
        }
        Some(Key {
            len: source.len() as u8,
            bytes,
        })
    }

    /// A key written in the code; not a key is a compile error where used in a `const`.
    pub const fn from_static(text: &'static str) -> Key {
        match Key::new(text) {
            Some(key) => key,
            None => panic!("not a key"),
        }
    }

    pub fn as_str(&self) -> &str {
        // Only ASCII is ever stored (see `new`).
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or("")
    }

    /// Bytes `8 i .. 8 i + 8` as a word (issue 14: every target and bloc lookup of 10 000
    /// profiles' scores compares keys; a `memcmp` call each was most of the time). The
    /// bytes past `len` are zero and no key holds a zero byte, so the words up to `len`
    /// tell keys apart, and the first word that differs orders them, read big-endian.
    #[inline]
    fn word(&self, i: usize) -> u64 {
        let b = &self.bytes;
        let at = 8 * i;
        u64::from_ne_bytes([
            b[at],
            b[at + 1],
            b[at + 2],
            b[at + 3],
            b[at + 4],
            b[at + 5],
            b[at + 6],
            b[at + 7],
        ])
    }

    /// The words holding the key's bytes.
    fn words(&self) -> usize {
        usize::from(self.len).div_ceil(8)
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Self) -> bool {
        self.len == other.len && (0..self.words()).all(|i| self.word(i) == other.word(i))
    }
}

impl std::hash::Hash for Key {
    /// As derived: equal keys have the same length and bytes.
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.len.hash(state);
        self.bytes.hash(state);
    }
}

impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Key {
    /// The order of the texts: keys are ASCII, whose byte order is their text order (and
    /// comparing bytes skips the UTF-8 check of `as_str` in every map lookup).
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        // Past the shorter key's words, the longer one is longer: the lengths decide.
        for i in 0..self.words().min(other.words()) {
            let (a, b) = (self.word(i), other.word(i));
            if a != b {
                return u64::from_be(a).cmp(&u64::from_be(b));
            }
        }
        self.len.cmp(&other.len)
    }
}

impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.as_str())
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

macro_rules! key_type {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub Key);

        impl $name {
            pub fn new(text: &str) -> Option<$name> {
                Key::new(text).map($name)
            }

            /// The id as written in files and the page contract.
            pub fn key(&self) -> &str {
                self.0.as_str()
            }

            pub fn as_str(&self) -> &str {
                self.0.as_str()
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({:?})", stringify!($name), self.0.as_str())
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.0.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.0.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<$name, D::Error> {
                let text = std::borrow::Cow::<str>::deserialize(deserializer)?;
                $name::new(&text).ok_or_else(|| {
                    serde::de::Error::custom(format!("not an id: {:?}", text))
                })
            }
        }
    };
}

key_type! {
    /// The id of a target within its plan (`online_work_files`, `toan_trinh`).
    TargetId
}

key_type! {
    /// The id of a bloc within its plan (`commune`, `agency`, `phuong`, `xa`).
    BlocId
}

/// A piece of user-visible text of a plan: Vietnamese, and English where the plan gives it
/// (the built-in plan does; a plan written by a province usually does not).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text {
    pub vi: String,
    pub en: Option<String>,
}

impl Text {
    pub fn vi(text: impl Into<String>) -> Text {
        Text {
            vi: text.into(),
            en: None,
        }
    }

    pub fn both(vi: impl Into<String>, en: impl Into<String>) -> Text {
        Text {
            vi: vi.into(),
            en: Some(en.into()),
        }
    }

    /// The English text, else the Vietnamese one.
    pub fn english_or_vi(&self) -> &str {
        self.en.as_deref().unwrap_or(&self.vi)
    }

    pub fn is_empty(&self) -> bool {
        self.vi.trim().is_empty()
    }
}

/// A competing unit of a bloc.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    /// Stable within the plan (a statistics code or a slug); never [`OTHER_UNIT_ID`].
    pub id: String,
    pub name: String,
}

/// The option value of a unit that is not in the plan's lists; its name is typed.
pub const OTHER_UNIT_ID: &str = "other";

/// A bloc (khối): units ranked against each other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bloc {
    pub id: BlocId,
    pub name: Text,
    /// How many leading units are rewarded (1 to the number of units).
    pub award_places: usize,
    /// Never empty.
    pub units: Vec<Unit>,
}

/// What a unit enters for a target, with the words for each input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Measure {
    /// Two counts (or a percentage typed directly); met at the bloc's threshold or more.
    Ratio {
        numerator: Text,
        denominator: Text,
        /// What one more item of the numerator is called, for "cần thêm 3 …".
        one_more: Text,
    },
    /// A yes/no answer; met on yes. For the plan's area as a whole, the share of units
    /// answering yes must reach `overall_threshold` (when the plan sets one).
    YesNo {
        question: Text,
        overall_threshold: Option<Percent>,
    },
    /// A count at the start and at the end of the year; met when it grew.
    Increase {
        before: Text,
        after: Text,
        one_more: Text,
    },
}

impl Measure {
    /// The kind as plan files write it: `ratio`, `yes_no` or `increase`.
    pub fn kind(&self) -> &'static str {
        match self {
            Measure::Ratio { .. } => "ratio",
            Measure::YesNo { .. } => "yes_no",
            Measure::Increase { .. } => "increase",
        }
    }

    /// The measure's words, each with its field name in a plan file, in the file's order.
    pub fn texts(&self) -> Vec<(&'static str, &Text)> {
        match self {
            Measure::Ratio {
                numerator,
                denominator,
                one_more,
            } => vec![
                ("numerator", numerator),
                ("denominator", denominator),
                ("one_more", one_more),
            ],
            Measure::YesNo { question, .. } => vec![("question", question)],
            Measure::Increase {
                before,
                after,
                one_more,
            } => vec![("before", before), ("after", after), ("one_more", one_more)],
        }
    }
}

/// Which units of a bloc a target applies to unless a unit says otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DefaultUnits {
    All,
    /// Only these units (by id).
    Only(Vec<String>),
    /// None: a unit switches the target on when it has such figures.
    None,
}

/// How a target applies to one bloc that is offered it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BlocRule {
    pub bloc: BlocId,
    /// The share to reach, for a ratio target (at most two decimals, 0–100).
    pub threshold: Option<Percent>,
    pub applies_to: DefaultUnits,
}

/// One target of a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub id: TargetId,
    pub label: Text,
    /// A short explanation (may be empty).
    pub help: Text,
    pub measure: Measure,
    /// The blocs that are offered the target, in the plan's bloc order; a bloc not listed
    /// never sees it.
    pub blocs: Vec<BlocRule>,
    /// The default weight in the score.
    pub weight: Weight,
}

/// What a target asks of a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Requirement {
    /// A share of 100%.
    All,
    /// A share of at least this percentage (below 100).
    AtLeast(Percent),
    /// Rated good or better (a yes/no target).
    RatedGood,
    /// More at the end of the year than at the start.
    Increase,
}

impl Target {
    /// The rule for `bloc`, if the target is offered to it.
    pub fn rule(&self, bloc: BlocId) -> Option<&BlocRule> {
        self.blocs.iter().find(|rule| rule.bloc == bloc)
    }

    pub fn is_offered(&self, bloc: BlocId) -> bool {
        self.rule(bloc).is_some()
    }

    pub fn applies_by_default(&self, bloc: BlocId, unit_id: &str) -> bool {
        match self.rule(bloc).map(|rule| &rule.applies_to) {
            Some(DefaultUnits::All) => true,
            Some(DefaultUnits::Only(ids)) => {
                unit_id != OTHER_UNIT_ID && ids.iter().any(|id| id == unit_id)
            }
            Some(DefaultUnits::None) | None => false,
        }
    }

    /// The percentage to reach for a ratio target, `None` for the other kinds (and for a
    /// bloc not offered the target).
    pub fn threshold(&self, bloc: BlocId) -> Option<Percent> {
        match self.measure {
            Measure::Ratio { .. } => self.rule(bloc).and_then(|rule| rule.threshold),
            _ => None,
        }
    }

    /// What the target asks of a unit of `bloc`, for the page to state (the wording is
    /// i18n's).
    pub fn requirement(&self, bloc: BlocId) -> Requirement {
        match self.measure {
            Measure::Ratio { .. } => match self.threshold(bloc).unwrap_or(Percent::HUNDRED) {
                all if all == Percent::HUNDRED => Requirement::All,
                share => Requirement::AtLeast(share),
            },
            Measure::YesNo { .. } => Requirement::RatedGood,
            Measure::Increase { .. } => Requirement::Increase,
        }
    }

    /// The word for one more item of the numerator (or of the count), for gap messages.
    pub fn one_more(&self) -> Option<&Text> {
        match &self.measure {
            Measure::Ratio { one_more, .. } | Measure::Increase { one_more, .. } => Some(one_more),
            Measure::YesNo { .. } => None,
        }
    }
}

/// The scoring defaults a plan sets (a trainer may still change them in the settings).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct ScoringDefaults {
    pub mode: ScoringMode,
    pub bands: RatingBands,
}

impl ScoringDefaults {
    /// The mode as plan files write it: `proportional` or `all_or_nothing`.
    pub fn mode_key(&self) -> &'static str {
        match self.mode {
            ScoringMode::Proportional => "proportional",
            ScoringMode::AllOrNothing => "all_or_nothing",
        }
    }
}

/// A campaign's plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// Stable: profiles, unit files and share links name their plan by it.
    pub id: String,
    pub name: Text,
    pub year: u16,
    /// Who issued the plan (may be empty).
    pub issuer: Text,
    /// The place name that starts the date line of a printed report ("Vĩnh Thạnh, ngày …");
    /// may be empty.
    pub place: Text,
    /// Shipped as an example (labelled so in the plan list), not a real campaign.
    pub example: bool,
    /// Never empty.
    pub blocs: Vec<Bloc>,
    pub targets: Vec<Target>,
    pub scoring: ScoringDefaults,
}

impl Plan {
    pub fn bloc(&self, id: BlocId) -> Option<&Bloc> {
        self.blocs.iter().find(|bloc| bloc.id == id)
    }

    pub fn bloc_by_key(&self, key: &str) -> Option<&Bloc> {
        self.blocs.iter().find(|bloc| bloc.id.key() == key)
    }

    /// The first bloc: the one a new profile starts in.
    pub fn first_bloc(&self) -> BlocId {
        self.blocs[0].id
    }

    pub fn target(&self, id: TargetId) -> Option<&Target> {
        self.targets.iter().find(|target| target.id == id)
    }

    pub fn target_by_key(&self, key: &str) -> Option<&Target> {
        self.targets.iter().find(|target| target.id.key() == key)
    }

    /// The unit with this id, and its bloc.
    pub fn find_unit(&self, unit_id: &str) -> Option<(&Bloc, &Unit)> {
        self.blocs.iter().find_map(|bloc| {
            bloc.units
                .iter()
                .find(|unit| unit.id == unit_id)
                .map(|unit| (bloc, unit))
        })
    }

    /// The targets offered to `bloc`, in the plan's order.
    pub fn targets_for(&self, bloc: BlocId) -> impl Iterator<Item = &Target> {
        self.targets.iter().filter(move |t| t.is_offered(bloc))
    }
}

impl Plan {
    /// A short fingerprint of the plan's scoring rules: 8 hex digits of the 32-bit FNV-1a
    /// hash of [`Plan::rules_text`]. Two copies of a plan with the same id score alike when
    /// their fingerprints agree; names, help texts, labels and the plan's id, name, year and
    /// issuer do not count. A unit file carries it so that a mismatch with the local copy
    /// of the plan can be shown.
    pub fn fingerprint(&self) -> String {
        let hash = self
            .rules_text()
            .bytes()
            .fold(0x811c_9dc5_u32, |hash, byte| {
                (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
            });
        format!("{hash:08x}")
    }

    /// The canonical text of the scoring rules that [`Plan::fingerprint`] hashes, one line
    /// each: the mode and bands, each bloc (id, award places, unit ids in order), each
    /// target (id, kind, weight, overall threshold) and its rule per bloc (threshold in
    /// ten-thousandths of a percent, and which units it applies to by default).
    pub fn rules_text(&self) -> String {
        use fmt::Write;
        let mut out = String::from("cchc-plan-rules 1\n");
        let bands = self.scoring.bands;
        let mode = self.scoring.mode_key();
        // The bands as `{}` writes them, without the float formatter (see format_shortest).
        let _ = writeln!(
            out,
            "scoring {mode} {} {} {}",
            format_shortest(bands.good),
            format_shortest(bands.fair),
            format_shortest(bands.average)
        );
        for bloc in &self.blocs {
            let units: Vec<&str> = bloc.units.iter().map(|unit| unit.id.as_str()).collect();
            let _ = writeln!(
                out,
                "bloc {} {} {}",
                bloc.id,
                bloc.award_places,
                units.join(",")
            );
        }
        let scaled = |percent: Option<Percent>| match percent {
            Some(percent) => percent.scaled().to_string(),
            None => "-".to_string(),
        };
        for target in &self.targets {
            let kind = target.measure.kind();
            let overall = match &target.measure {
                Measure::YesNo {
                    overall_threshold, ..
                } => *overall_threshold,
                _ => None,
            };
            let _ = writeln!(
                out,
                "target {} {kind} {} {}",
                target.id,
                target.weight.get(),
                scaled(overall)
            );
            for rule in &target.blocs {
                let applies = match &rule.applies_to {
                    DefaultUnits::All => "all".to_string(),
                    DefaultUnits::None => "none".to_string(),
                    DefaultUnits::Only(ids) => format!("only {}", ids.join(",")),
                };
                let _ = writeln!(
                    out,
                    "rule {} {} {applies}",
                    rule.bloc,
                    scaled(rule.threshold)
                );
            }
        }
        out
    }
}
