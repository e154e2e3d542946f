//! The strict JSON reading shared by the file formats (unit files, plan files): every field
//! is looked up by its dotted path, and a field that is absent, of the wrong kind or unknown
//! becomes a [`ShapeProblem`] naming that path. Each format turns it into its own error.

use super::json::{Map, Value};

/// The kind of a JSON value, for "expected …, found …".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JsonKind {
    Null,
    Boolean,
    Number,
    Text,
    Array,
    Object,
}

impl JsonKind {
    pub fn of(value: &Value) -> JsonKind {
        match value {
            Value::Null => JsonKind::Null,
            Value::Bool(_) => JsonKind::Boolean,
            Value::Number(_) => JsonKind::Number,
            Value::String(_) => JsonKind::Text,
            Value::Array(_) => JsonKind::Array,
            Value::Object(_) => JsonKind::Object,
        }
    }
}

/// What a field should have held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// A JSON object `{…}`.
    Object,
    /// A JSON string.
    Text,
    /// `true`, `false` or `null` (not answered / default).
    BooleanOrNull,
    /// A whole number 1 or more.
    VersionNumber,
    /// A date written `YYYY-MM-DD`.
    Date,
    /// One of these strings.
    OneOf(&'static [&'static str]),
    /// `true` or `false`.
    Boolean,
    /// A whole number 0 or more.
    WholeNumber,
    /// A number (a percentage, a band).
    Number,
    /// A JSON array `[…]`.
    Array,
    /// A string, or `{"vi": "…", "en": "…"}`.
    TextInLanguages,
    /// An id: 1–40 characters of `A–Z a–z 0–9 - _ .`.
    Id,
    /// A number, `true`, `false` or an object (a plan's `applies` value for one bloc).
    Rule,
    /// Nothing: the field cannot be given together with another one.
    Absent,
}

/// A field that is absent, of the wrong kind or not known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShapeProblem {
    /// A required field is absent.
    MissingField { field: String },
    /// A field holds the wrong kind of value.
    WrongShape {
        field: String,
        expected: Expected,
        found: JsonKind,
    },
    /// A field this version does not know; refused, because dropping it could lose data.
    UnknownField { field: String },
}

pub fn wrong(field: impl Into<String>, expected: Expected, found: &Value) -> ShapeProblem {
    ShapeProblem::WrongShape {
        field: field.into(),
        expected,
        found: JsonKind::of(found),
    }
}

pub fn missing(field: impl Into<String>) -> ShapeProblem {
    ShapeProblem::MissingField {
        field: field.into(),
    }
}

/// The dotted path of `key` inside `parent` (`""` is the top level).
pub fn path(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

/// Refuses keys that are not `known`, reporting the first in sorted order.
pub fn known_keys(map: &Map<String, Value>, at: &str, known: &[&str]) -> Result<(), ShapeProblem> {
    // The smallest unknown key, found without sorting (no sort code in the wasm).
    let unknown = map.keys().filter(|k| !known.contains(&k.as_str())).min();
    match unknown {
        Some(key) => Err(ShapeProblem::UnknownField {
            field: path(at, key),
        }),
        None => Ok(()),
    }
}

/// An object with only known keys.
pub fn object<'a>(
    value: &'a Value,
    at: &str,
    known: &[&str],
) -> Result<&'a Map<String, Value>, ShapeProblem> {
    let map = value
        .as_object()
        .ok_or_else(|| wrong(at, Expected::Object, value))?;
    known_keys(map, at, known)?;
    Ok(map)
}

pub fn text(map: &Map<String, Value>, at: &str, key: &str) -> Result<Option<String>, ShapeProblem> {
    match map.get(key) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(wrong(path(at, key), Expected::Text, other)),
    }
}

pub fn required_text(
    map: &Map<String, Value>,
    at: &str,
    key: &str,
) -> Result<String, ShapeProblem> {
    text(map, at, key)?.ok_or_else(|| missing(path(at, key)))
}

/// The field `key`, which must be there.
pub fn required<'a>(
    map: &'a Map<String, Value>,
    at: &str,
    key: &str,
) -> Result<&'a Value, ShapeProblem> {
    map.get(key).ok_or_else(|| missing(path(at, key)))
}

pub fn one_of(
    map: &Map<String, Value>,
    at: &str,
    key: &str,
    allowed: &'static [&'static str],
) -> Result<Option<String>, ShapeProblem> {
    match map.get(key) {
        None => Ok(None),
        Some(Value::String(s)) if allowed.contains(&s.as_str()) => Ok(Some(s.clone())),
        Some(other) => Err(wrong(path(at, key), Expected::OneOf(allowed), other)),
    }
}

pub fn optional_bool(
    map: &Map<String, Value>,
    at: &str,
    key: &str,
) -> Result<Option<bool>, ShapeProblem> {
    match map.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(other) => Err(wrong(path(at, key), Expected::BooleanOrNull, other)),
    }
}

/// Why bytes are not a document of the expected format, before any of its fields is read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocumentProblem {
    /// Larger than the format's limit; checked before reading anything.
    TooBig { size: usize, limit: usize },
    /// No bytes, or only spaces and line breaks.
    Empty,
    /// Not UTF-8 text; `valid_up_to` bytes are fine (after a byte-order mark, if any).
    NotUtf8 { valid_up_to: usize },
    /// Text that is not JSON; 1-based line and column where reading stopped.
    NotJson { line: usize, column: usize },
    /// An object with `key` twice (JSON readers would keep one silently); where the
    /// second one ends. Only for formats read with [`Keys::Unique`].
    DuplicateKey {
        key: String,
        line: usize,
        column: usize,
    },
    /// JSON, but not this format; `format` is the `format` string found, if any.
    OtherFormat { format: Option<String> },
    /// `version` is absent or not a whole number 1 or more.
    Version(ShapeProblem),
}

impl DocumentProblem {
    /// Where and why the JSON reader stopped.
    fn of_parse_error(e: super::json::ParseError) -> DocumentProblem {
        match e.duplicate {
            Some(key) => DocumentProblem::DuplicateKey {
                key,
                line: e.line,
                column: e.column,
            },
            None => DocumentProblem::NotJson {
                line: e.line,
                column: e.column,
            },
        }
    }
}

/// What to do with a key given twice in one object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keys {
    /// The last one counts (unit files, as they always did).
    LastWins,
    /// Refused as [`DocumentProblem::DuplicateKey`] (plan files: written by hand, where a
    /// pasted `"xa": 60, "xa": 70` must not silently mean 70).
    Unique,
}

/// Reads a versioned JSON document of `format` (`{"format": …, "version": n, …}`): the size,
/// UTF-8 (a leading byte-order mark is allowed), JSON, the `format` string and the version
/// (1 or more; whether this build reads it is the caller's). Gives the document and its
/// version.
pub fn read_document(
    bytes: &[u8],
    limit: usize,
    format: &str,
    keys: Keys,
) -> Result<(Value, u64), DocumentProblem> {
    if bytes.len() > limit {
        return Err(DocumentProblem::TooBig {
            size: bytes.len(),
            limit,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| DocumentProblem::NotUtf8 {
        valid_up_to: e.valid_up_to(),
    })?;
    if text.trim().is_empty() {
        return Err(DocumentProblem::Empty);
    }
    let document = match keys {
        Keys::LastWins => super::json::parse(text),
        Keys::Unique => super::json::parse_unique(text),
    }
    .map_err(DocumentProblem::of_parse_error)?;
    let Some(object) = document.as_object() else {
        return Err(DocumentProblem::OtherFormat { format: None });
    };
    match object.get("format") {
        Some(Value::String(found)) if found == format => {}
        Some(Value::String(found)) => {
            return Err(DocumentProblem::OtherFormat {
                format: Some(found.clone()),
            })
        }
        _ => return Err(DocumentProblem::OtherFormat { format: None }),
    }
    let version = required(object, "", "version").map_err(DocumentProblem::Version)?;
    let version = version.as_u64().filter(|v| *v >= 1).ok_or_else(|| {
        DocumentProblem::Version(wrong("version", Expected::VersionNumber, version))
    })?;
    Ok((document, version))
}

/// The reading of plan files before formats::json's parser (serde_json with a seed refusing a
/// repeated key), kept as the oracle of [`super::json::parse_unique`].
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod unique_keys {
    use std::cell::RefCell;
    use std::fmt;

    use serde::de::{DeserializeSeed, Error, MapAccess, SeqAccess, Visitor};
    use serde_json::{Map, Number, Value};

    use super::DocumentProblem;

    pub fn parse(text: &str) -> Result<Value, DocumentProblem> {
        let duplicate = RefCell::new(None);
        let mut reader = serde_json::Deserializer::from_str(text);
        let value = Seed(&duplicate)
            .deserialize(&mut reader)
            .and_then(|value| reader.end().map(|()| value));
        value.map_err(|e| match duplicate.take() {
            Some(key) => DocumentProblem::DuplicateKey {
                key,
                line: e.line(),
                column: e.column(),
            },
            None => DocumentProblem::NotJson {
                line: e.line(),
                column: e.column(),
            },
        })
    }

    /// Where the duplicated key is left for [`parse`] to report.
    #[derive(Clone, Copy)]
    struct Seed<'a>(&'a RefCell<Option<String>>);

    impl<'de> DeserializeSeed<'de> for Seed<'_> {
        type Value = Value;
        fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
            d.deserialize_any(self)
        }
    }

    impl<'de> Visitor<'de> for Seed<'_> {
        type Value = Value;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a JSON value")
        }
        fn visit_unit<E: Error>(self) -> Result<Value, E> {
            Ok(Value::Null)
        }
        fn visit_bool<E: Error>(self, b: bool) -> Result<Value, E> {
            Ok(Value::Bool(b))
        }
        fn visit_u64<E: Error>(self, n: u64) -> Result<Value, E> {
            Ok(Value::Number(n.into()))
        }
        fn visit_i64<E: Error>(self, n: i64) -> Result<Value, E> {
            Ok(Value::Number(n.into()))
        }
        fn visit_f64<E: Error>(self, n: f64) -> Result<Value, E> {
            Ok(Number::from_f64(n).map_or(Value::Null, Value::Number))
        }
        fn visit_str<E: Error>(self, s: &str) -> Result<Value, E> {
            Ok(Value::String(s.to_string()))
        }
        fn visit_string<E: Error>(self, s: String) -> Result<Value, E> {
            Ok(Value::String(s))
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
            let mut items = Vec::new();
            while let Some(item) = seq.next_element_seed(self)? {
                items.push(item);
            }
            Ok(Value::Array(items))
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
            let mut object = Map::new();
            while let Some(key) = map.next_key::<String>()? {
                if object.contains_key(&key) {
                    let message = format!("duplicate key {key:?}");
                    *self.0.borrow_mut() = Some(key);
                    return Err(A::Error::custom(message));
                }
                let value = map.next_value_seed(self)?;
                object.insert(key, value);
            }
            Ok(Value::Object(object))
        }
    }
}

/// formats::json's parser held to serde_json on random and mutated JSON: the same values
/// (written back compactly, which shows every number's kind and bits), or the same error at
/// the same line and column; with keys unique, the same as the serde seed it replaced.
#[cfg(all(test, not(target_arch = "wasm32")))] // proptest is native only
mod parse_tests {
    use super::*;
    use crate::formats::json;
    use proptest::prelude::*;

    fn oracle(text: &str) -> Result<String, (usize, usize)> {
        serde_json::from_str::<serde_json::Value>(text)
            .map(|v| v.to_string())
            .map_err(|e| (e.line(), e.column()))
    }

    fn ours(text: &str) -> Result<String, (usize, usize)> {
        json::parse(text)
            .map(|v| v.to_string())
            .map_err(|e| (e.line, e.column))
    }

    fn unique_oracle(text: &str) -> Result<String, DocumentProblem> {
        unique_keys::parse(text).map(|v| v.to_string())
    }

    fn unique_ours(text: &str) -> Result<String, DocumentProblem> {
        json::parse_unique(text)
            .map(|v| v.to_string())
            .map_err(DocumentProblem::of_parse_error)
    }

    fn same(text: &str) -> Result<(), TestCaseError> {
        prop_assert_eq!(ours(text), oracle(text), "{:?}", text);
        prop_assert_eq!(unique_ours(text), unique_oracle(text), "{:?}", text);
        Ok(())
    }

    fn number() -> impl Strategy<Value = String> {
        prop_oneof![
            any::<u64>().prop_map(|n| n.to_string()),
            any::<i64>().prop_map(|n| n.to_string()),
            any::<f64>().prop_map(|n| format!("{n:e}")),
            any::<f64>().prop_map(|n| format!("{n}")),
            "-?(0|[1-9][0-9]{0,25})(\\.[0-9]{0,25})?([eE][-+]?[0-9]{0,12})?",
            "-?[0-9]{0,4}\\.?[0-9]{0,4}[eE]?[-+]?[0-9]{0,4}",
            Just("18446744073709551615".to_string()),
            Just("18446744073709551616".to_string()),
            Just("-9223372036854775808".to_string()),
            Just("-9223372036854775809".to_string()),
            Just("-0".to_string()),
            Just("1e308".to_string()),
            Just("1e309".to_string()),
            Just("0e99999999999".to_string()),
            Just("1e-400".to_string()),
        ]
    }

    fn string() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            "[a-zé😀 ]{0,3}",
            Just("\\\"".to_string()),
            Just("\\\\".to_string()),
            Just("\\/".to_string()),
            Just("\\b\\f\\n\\r\\t".to_string()),
            "\\\\u[0-9a-fA-F]{4}",
            "\\\\u[dD][89abAB][0-9a-f]{2}\\\\u[dD][c-fC-F][0-9a-f]{2}",
            "\\\\u[dD][89a-fA-F][0-9a-f]{2}",
            "[\\x00-\\x1f]",
            "\\\\[a-z]",
        ];
        prop::collection::vec(piece, 0..4).prop_map(|p| format!("\"{}\"", p.concat()))
    }

    fn space() -> impl Strategy<Value = String> {
        "[ \\n\\t\\r]{0,2}"
    }

    fn value() -> impl Strategy<Value = String> {
        let leaf = prop_oneof![
            Just("null".to_string()),
            Just("true".to_string()),
            Just("false".to_string()),
            number(),
            string(),
        ];
        leaf.prop_recursive(4, 40, 5, |inner| {
            prop_oneof![
                prop::collection::vec((space(), inner.clone(), space()), 0..5).prop_map(|items| {
                    let items: Vec<String> = items
                        .into_iter()
                        .map(|(a, v, b)| format!("{a}{v}{b}"))
                        .collect();
                    format!("[{}]", items.join(","))
                }),
                prop::collection::vec(
                    (prop_oneof!["[abc]", string()], space(), inner, space()),
                    0..5
                )
                .prop_map(|entries| {
                    let entries: Vec<String> = entries
                        .into_iter()
                        .map(|(k, a, v, b)| {
                            let key = if k.starts_with('"') {
                                k
                            } else {
                                format!("\"{k}\"")
                            };
                            format!("{a}{key}{a}:{b}{v}{b}")
                        })
                        .collect();
                    format!("{{{}}}", entries.join(","))
                }),
            ]
        })
    }

    /// A text with a few characters deleted, inserted or replaced.
    fn mutated() -> impl Strategy<Value = String> {
        let edit = (
            0..3u8,
            any::<prop::sample::Index>(),
            prop::sample::select(
                "{}[]\",:\\u0123456789abcdefABCDEFeE.+-tnrulsx \n\t\r\u{1}é😀"
                    .chars()
                    .collect::<Vec<_>>(),
            ),
        );
        (space(), value(), space(), prop::collection::vec(edit, 1..4)).prop_map(
            |(a, v, b, edits)| {
                let mut chars: Vec<char> = format!("{a}{v}{b}").chars().collect();
                for (kind, at, c) in edits {
                    let i = at.index(chars.len() + 1);
                    match kind {
                        0 if i < chars.len() => {
                            chars.remove(i);
                        }
                        1 if i < chars.len() => chars[i] = c,
                        _ => chars.insert(i, c),
                    }
                }
                chars.into_iter().collect()
            },
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(6000))]

        #[test]
        fn random_json_reads_as_serde_json_reads_it(a in space(), v in value(), b in space()) {
            same(&format!("{a}{v}{b}"))?;
        }

        #[test]
        fn mutated_json_reads_as_serde_json_reads_it(text in mutated()) {
            same(&text)?;
        }

        #[test]
        fn any_text_reads_as_serde_json_reads_it(text in "[ -~\\n\\t\\x00é]{0,12}") {
            same(&text)?;
        }
    }

    #[test]
    fn corners_read_as_serde_json_reads_them() {
        let mut texts: Vec<String> = [
            "",
            " ",
            "[",
            "]",
            "{",
            "}",
            "[1,]",
            "{\"a\":1,}",
            "[1 2]",
            "{\"a\" 1}",
            "{1:2}",
            "{\"a\":1 \"b\":2}",
            "{\"a\":1,\"a\":2}",
            "{\"a\":1,\"a\"}",
            "{\"a\":1,\"a\" }",
            "{\"a\":1,\"a\"  :3}",
            "[{\"a\":{\"b\":1,\"b\":2}}]",
            "01",
            "-",
            "-a",
            "1.",
            "1.e5",
            "1e",
            "1e+",
            ".5",
            "+1",
            "NaN",
            "nul",
            "nulll",
            "tru",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"\\ud800\\u0041\"",
            "\"\\ud800x\"",
            "\"\\ud83d\\ude00\"",
            "\"\\u12\"",
            "\"\\u12g4\"",
            "\"abc",
            "\"a\nb\"",
            "\"\\x\"",
            "1 2",
            "[] x",
            "\u{feff}1",
            "// c\n1",
            "/* c */ 1",
            "0.0000000000000000000000000000001e-300",
            "123456789012345678901234567890",
            "-123456789012345678901234567890.5e-3",
            "1.7976931348623157e308",
            "1.8e308",
            "-1e309",
            "4.9e-324",
            "2.4e-324",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for depth in [126, 127, 128, 129, 200] {
            texts.push("[".repeat(depth) + &"]".repeat(depth));
            texts.push("{\"a\":".repeat(depth) + "1" + &"}".repeat(depth));
            texts.push("[".repeat(depth));
        }
        for text in &texts {
            same(text).unwrap();
        }
    }
}
