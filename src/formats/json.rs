//! A small JSON writer of our own for the saved data (issue 14): it writes the bytes
//! `serde_json::to_string` wrote for the same values (strings escaped the same way, floats
//! as `ryu` prints them), with none of serde's code monomorphised per type in the start-up
//! module. The property tests below hold it to serde_json's output.

use std::fmt::Write;

/// `text` as a JSON string, escaped as serde_json escapes it: `"` `\` and the control
/// characters (`\b \f \n \r \t`, else `\u00xx`); everything else as is.
pub fn string(out: &mut String, text: &str) {
    out.push('"');
    let mut start = 0;
    for (at, byte) in text.bytes().enumerate() {
        let escape: &str = match byte {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            0x08 => "\\b",
            0x0c => "\\f",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&text[start..at]);
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.push_str("\\u00");
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0xf)]));
        } else {
            out.push_str(escape);
        }
        start = at + 1;
    }
    out.push_str(&text[start..]);
    out.push('"');
}

/// A whole number.
pub fn unsigned(out: &mut String, value: u64) {
    let _ = write!(out, "{value}");
}

/// A float as serde_json writes it: `null` when not finite, else with serde_json's own
/// float writer (`zmij`): `2.0`, `87.5`, `0.0001`, `1e+16`, `1.5e-7`.
pub fn float(out: &mut String, value: f64) {
    if value.is_finite() {
        out.push_str(zmij::Buffer::new().format_finite(value));
    } else {
        out.push_str("null");
    }
}

/// `null`, `true` or `false`.
pub fn optional_bool(out: &mut String, value: Option<bool>) {
    out.push_str(match value {
        None => "null",
        Some(true) => "true",
        Some(false) => "false",
    });
}

/// An object being written: `{`, then each field with its comma, then `}` at [`Object::end`].
pub struct Object<'a> {
    out: &'a mut String,
    empty: bool,
}

impl<'a> Object<'a> {
    pub fn new(out: &'a mut String) -> Object<'a> {
        out.push('{');
        Object { out, empty: true }
    }

    /// Writes the key `name` and gives the output to write its value into.
    pub fn key(&mut self, name: &str) -> &mut String {
        if !self.empty {
            self.out.push(',');
        }
        self.empty = false;
        string(self.out, name);
        self.out.push(':');
        self.out
    }

    /// A field whose value is the string `value`.
    pub fn text(&mut self, name: &str, value: &str) {
        string(self.key(name), value);
    }

    /// A field whose value is JSON text already written.
    pub fn raw(&mut self, name: &str, json: &str) {
        self.key(name).push_str(json);
    }

    pub fn end(self) {
        self.out.push('}');
    }
}

/// Writes `items` as a JSON array, each with `write`.
pub fn array<T>(
    out: &mut String,
    items: impl IntoIterator<Item = T>,
    write: impl Fn(&mut String, T),
) {
    out.push('[');
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write(out, item);
    }
    out.push(']');
}

// ---------------------------------------------------------------------------------------
// Reading (issue 14): a JSON value tree and a strict parser of our own, so that no serde
// deserializer is in the wasm. It follows serde_json 1.0 (`from_str::<Value>`, without the
// `float_roundtrip` or `preserve_order` features) step by step: the same texts accepted, the
// same numbers (u64, i64, else f64 from serde_json's own rounding), keys sorted with the last
// of a repeated key kept, nesting limited to 127, and errors at the same line and column.
// The property tests in tests/json_value.rs hold it to serde_json.

/// An object: keys sorted, as serde_json's `Map` without `preserve_order`.
pub type Map<K = String, V = Value> = std::collections::BTreeMap<K, V>;

/// A JSON value, shaped like the part of `serde_json::Value` the readers use.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Value {
    #[default]
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Value>),
    Object(Map),
}

/// A JSON number as serde_json keeps it: a whole number ≥ 0, a negative whole number, or
/// a float.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number(N);

#[derive(Debug, Clone, Copy, PartialEq)]
enum N {
    PosInt(u64),
    NegInt(i64),
    Float(f64),
}

impl Number {
    pub fn as_u64(&self) -> Option<u64> {
        match self.0 {
            N::PosInt(n) => Some(n),
            _ => None,
        }
    }
    pub fn as_i64(&self) -> Option<i64> {
        match self.0 {
            N::PosInt(n) => i64::try_from(n).ok(),
            N::NegInt(n) => Some(n),
            N::Float(_) => None,
        }
    }
    pub fn as_f64(&self) -> Option<f64> {
        Some(match self.0 {
            N::PosInt(n) => n as f64,
            N::NegInt(n) => n as f64,
            N::Float(n) => n,
        })
    }
    pub fn is_f64(&self) -> bool {
        matches!(self.0, N::Float(_))
    }
    /// A finite float (`None` otherwise, as serde_json's `Number::from_f64`).
    pub fn from_f64(value: f64) -> Option<Number> {
        value.is_finite().then_some(Number(N::Float(value)))
    }
}

impl From<u64> for Value {
    fn from(n: u64) -> Value {
        Value::Number(Number(N::PosInt(n)))
    }
}

impl From<u32> for Value {
    fn from(n: u32) -> Value {
        Value::from(u64::from(n))
    }
}

impl From<i32> for Value {
    fn from(n: i32) -> Value {
        Value::Number(Number(if n < 0 {
            N::NegInt(i64::from(n))
        } else {
            N::PosInt(n as u64)
        }))
    }
}

impl Value {
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object()?.get(key)
    }
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(n) => n.as_u64(),
            _ => None,
        }
    }
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Number(n) => n.as_i64(),
            _ => None,
        }
    }
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(n) => n.as_f64(),
            _ => None,
        }
    }
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }
    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }
    pub fn as_array_mut(&mut self) -> Option<&mut Vec<Value>> {
        match self {
            Value::Array(items) => Some(items),
            _ => None,
        }
    }
    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }
    pub fn as_object_mut(&mut self) -> Option<&mut Map> {
        match self {
            Value::Object(map) => Some(map),
            _ => None,
        }
    }
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
    /// Takes the value out, leaving `null`.
    pub fn take(&mut self) -> Value {
        std::mem::take(self)
    }
    /// The value at a JSON pointer (`/data/profiles`), as serde_json's `pointer_mut`.
    pub fn pointer_mut(&mut self, pointer: &str) -> Option<&mut Value> {
        if pointer.is_empty() {
            return Some(self);
        }
        let rest = pointer.strip_prefix('/')?;
        rest.split('/').try_fold(self, |at, token| {
            let token = token.replace("~1", "/").replace("~0", "~");
            match at {
                Value::Object(map) => map.get_mut(&token),
                Value::Array(items) => {
                    if token.starts_with('+') || (token.len() > 1 && token.starts_with('0')) {
                        return None;
                    }
                    items.get_mut(token.parse::<usize>().ok()?)
                }
                _ => None,
            }
        })
    }
}

/// A JSON tree to write with its keys in the order given (a file's documented order).
#[derive(Debug, Clone, PartialEq)]
pub enum Ordered {
    Null,
    Bool(bool),
    Unsigned(u64),
    Signed(i64),
    Float(f64),
    Text(String),
    Array(Vec<Ordered>),
    Object(Vec<(String, Ordered)>),
}

/// `value` pretty-printed as serde_json's `to_string_pretty` prints it (two spaces).
pub fn pretty(value: &Ordered) -> String {
    let mut out = String::new();
    write_pretty(&mut out, value, 0);
    out
}

fn write_pretty(out: &mut String, value: &Ordered, depth: usize) {
    fn open(out: &mut String, at: usize, depth: usize) {
        out.push_str(if at == 0 { "\n" } else { ",\n" });
        for _ in 0..=depth {
            out.push_str("  ");
        }
    }
    fn close(out: &mut String, empty: bool, depth: usize, end: char) {
        if !empty {
            out.push('\n');
            for _ in 0..depth {
                out.push_str("  ");
            }
        }
        out.push(end);
    }
    match value {
        Ordered::Null => out.push_str("null"),
        Ordered::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Ordered::Unsigned(n) => unsigned(out, *n),
        Ordered::Signed(n) => {
            let _ = write!(out, "{n}");
        }
        Ordered::Float(n) => float(out, *n),
        Ordered::Text(s) => string(out, s),
        Ordered::Array(items) => {
            out.push('[');
            for (at, item) in items.iter().enumerate() {
                open(out, at, depth);
                write_pretty(out, item, depth + 1);
            }
            close(out, items.is_empty(), depth, ']');
        }
        Ordered::Object(fields) => {
            out.push('{');
            for (at, (key, item)) in fields.iter().enumerate() {
                open(out, at, depth);
                string(out, key);
                out.push_str(": ");
                write_pretty(out, item, depth + 1);
            }
            close(out, fields.is_empty(), depth, '}');
        }
    }
}

/// A JSON tree the public readers take: ours, or (for the tests that hold them to serde's
/// derives) a `serde_json::Value`, converted first. The wasm only ever passes ours.
pub trait AsValue {
    fn with_value<R>(&self, read: impl FnOnce(&Value) -> R) -> R;
}

impl AsValue for Value {
    fn with_value<R>(&self, read: impl FnOnce(&Value) -> R) -> R {
        read(self)
    }
}

impl AsValue for serde_json::Value {
    fn with_value<R>(&self, read: impl FnOnce(&Value) -> R) -> R {
        read(&Value::from(self.clone()))
    }
}

impl From<serde_json::Value> for Value {
    fn from(value: serde_json::Value) -> Value {
        use serde_json::Value as S;
        match value {
            S::Null => Value::Null,
            S::Bool(b) => Value::Bool(b),
            S::Number(n) => Value::Number(Number(match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => N::PosInt(u),
                (None, Some(i)) => N::NegInt(i),
                _ => N::Float(n.as_f64().unwrap_or(0.0)),
            })),
            S::String(s) => Value::String(s),
            S::Array(items) => Value::Array(items.into_iter().map(Value::from).collect()),
            S::Object(map) => Value::Object(map.into_iter().map(|(k, v)| (k, v.into())).collect()),
        }
    }
}

impl From<Value> for serde_json::Value {
    fn from(value: Value) -> serde_json::Value {
        use serde_json::Value as S;
        match value {
            Value::Null => S::Null,
            Value::Bool(b) => S::Bool(b),
            Value::Number(Number(N::PosInt(n))) => S::from(n),
            Value::Number(Number(N::NegInt(n))) => S::from(n),
            Value::Number(Number(N::Float(n))) => S::from(n),
            Value::String(s) => S::String(s),
            Value::Array(items) => S::Array(items.into_iter().map(S::from).collect()),
            Value::Object(map) => S::Object(map.into_iter().map(|(k, v)| (k, v.into())).collect()),
        }
    }
}

/// Written compactly, as serde_json's `to_string` writes its `Value`.
impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut out = String::new();
        write_value(&mut out, self);
        f.write_str(&out)
    }
}

fn write_value(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(Number(N::PosInt(n))) => unsigned(out, *n),
        Value::Number(Number(N::NegInt(n))) => {
            let _ = write!(out, "{n}");
        }
        Value::Number(Number(N::Float(n))) => float(out, *n),
        Value::String(s) => string(out, s),
        Value::Array(items) => array(out, items, write_value),
        Value::Object(map) => {
            let mut object = Object::new(out);
            for (key, item) in map {
                write_value(object.key(key), item);
            }
            object.end();
        }
    }
}

/// Why a text is not JSON: where serde_json would have stopped (1-based line; column as
/// serde_json counts it), and for [`parse_unique`] the key given twice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub column: usize,
    pub duplicate: Option<String>,
}

/// `text` as one JSON value (spaces around it allowed), a repeated key keeping its last value.
pub fn parse(text: &str) -> Result<Value, ParseError> {
    Parser::new(text, false).document()
}

/// As [`parse`], but an object with a key given twice is an error naming it (where serde_json
/// with a seed refusing it would stop).
pub fn parse_unique(text: &str) -> Result<Value, ParseError> {
    Parser::new(text, true).document()
}

/// serde_json's powers of ten, 1e0 to 1e308, for its float rounding.
#[rustfmt::skip]
const POW10: [f64; 309] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22, 1e23, 1e24, 1e25, 1e26, 1e27, 1e28, 1e29, 1e30, 1e31, 1e32, 1e33, 1e34, 1e35, 1e36, 1e37, 1e38, 1e39, 1e40, 1e41, 1e42, 1e43, 1e44, 1e45, 1e46, 1e47, 1e48, 1e49, 1e50, 1e51, 1e52, 1e53, 1e54, 1e55, 1e56, 1e57, 1e58, 1e59, 1e60, 1e61, 1e62, 1e63, 1e64, 1e65, 1e66, 1e67, 1e68, 1e69, 1e70, 1e71, 1e72, 1e73, 1e74, 1e75, 1e76, 1e77, 1e78, 1e79, 1e80, 1e81, 1e82, 1e83, 1e84, 1e85, 1e86, 1e87, 1e88, 1e89, 1e90, 1e91, 1e92, 1e93, 1e94, 1e95, 1e96, 1e97, 1e98, 1e99, 1e100, 1e101, 1e102, 1e103, 1e104, 1e105, 1e106, 1e107, 1e108, 1e109, 1e110, 1e111, 1e112, 1e113, 1e114, 1e115, 1e116, 1e117, 1e118, 1e119, 1e120, 1e121, 1e122, 1e123, 1e124, 1e125, 1e126, 1e127, 1e128, 1e129, 1e130, 1e131, 1e132, 1e133, 1e134, 1e135, 1e136, 1e137, 1e138, 1e139, 1e140, 1e141, 1e142, 1e143, 1e144, 1e145, 1e146, 1e147, 1e148, 1e149, 1e150, 1e151, 1e152, 1e153, 1e154, 1e155, 1e156, 1e157, 1e158, 1e159, 1e160, 1e161, 1e162, 1e163, 1e164, 1e165, 1e166, 1e167, 1e168, 1e169, 1e170, 1e171, 1e172, 1e173, 1e174, 1e175, 1e176, 1e177, 1e178, 1e179, 1e180, 1e181, 1e182, 1e183, 1e184, 1e185, 1e186, 1e187, 1e188, 1e189, 1e190, 1e191, 1e192, 1e193, 1e194, 1e195, 1e196, 1e197, 1e198, 1e199, 1e200, 1e201, 1e202, 1e203, 1e204, 1e205, 1e206, 1e207, 1e208, 1e209, 1e210, 1e211, 1e212, 1e213, 1e214, 1e215, 1e216, 1e217, 1e218, 1e219, 1e220, 1e221, 1e222, 1e223, 1e224, 1e225, 1e226, 1e227, 1e228, 1e229, 1e230, 1e231, 1e232, 1e233, 1e234, 1e235, 1e236, 1e237, 1e238, 1e239, 1e240, 1e241, 1e242, 1e243, 1e244, 1e245, 1e246, 1e247, 1e248, 1e249, 1e250, 1e251, 1e252, 1e253, 1e254, 1e255, 1e256, 1e257, 1e258, 1e259, 1e260, 1e261, 1e262, 1e263, 1e264, 1e265, 1e266, 1e267, 1e268, 1e269, 1e270, 1e271, 1e272, 1e273, 1e274, 1e275, 1e276, 1e277, 1e278, 1e279, 1e280, 1e281, 1e282, 1e283, 1e284, 1e285, 1e286, 1e287, 1e288, 1e289, 1e290, 1e291, 1e292, 1e293, 1e294, 1e295, 1e296, 1e297, 1e298, 1e299, 1e300, 1e301, 1e302, 1e303, 1e304, 1e305, 1e306, 1e307, 1e308];

fn pow10(n: usize) -> Option<f64> {
    POW10.get(n).copied()
}

/// `significand` with the decimal digit `c` appended, or `None` past `u64::MAX`.
fn with_digit(significand: u64, c: u8) -> Option<u64> {
    significand
        .checked_mul(10)
        .and_then(|s| s.checked_add(u64::from(c - b'0')))
}

struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
    depth: u8,
    unique: bool,
}

type Parsed<T> = Result<T, ParseError>;

impl<'a> Parser<'a> {
    fn new(text: &'a str, unique: bool) -> Parser<'a> {
        Parser {
            bytes: text.as_bytes(),
            at: 0,
            depth: 128,
            unique,
        }
    }

    fn document(mut self) -> Parsed<Value> {
        let value = self.value()?;
        match self.whitespace() {
            Some(_) => Err(self.peek_error()),
            None => Ok(value),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn peek_or_null(&self) -> u8 {
        self.peek().unwrap_or(0)
    }

    fn next(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.at += 1;
        Some(byte)
    }

    fn error_at(&self, index: usize) -> ParseError {
        let line_start = self.bytes[..index]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1);
        ParseError {
            line: 1 + self.bytes[..line_start]
                .iter()
                .filter(|&&b| b == b'\n')
                .count(),
            column: index - line_start,
            duplicate: None,
        }
    }

    /// An error at the byte last read (serde_json's `error`).
    fn error(&self) -> ParseError {
        self.error_at(self.at)
    }

    /// An error at the byte peeked (serde_json's `peek_error`).
    fn peek_error(&self) -> ParseError {
        self.error_at(self.bytes.len().min(self.at + 1))
    }

    fn whitespace(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.at += 1;
        }
        self.peek()
    }

    fn value(&mut self) -> Parsed<Value> {
        let Some(peek) = self.whitespace() else {
            return Err(self.peek_error());
        };
        match peek {
            b'n' => self.ident(b"null", Value::Null),
            b't' => self.ident(b"true", Value::Bool(true)),
            b'f' => self.ident(b"false", Value::Bool(false)),
            b'-' => {
                self.at += 1;
                self.integer(false).map(Value::Number)
            }
            b'0'..=b'9' => self.integer(true).map(Value::Number),
            b'"' => {
                self.at += 1;
                self.string().map(Value::String)
            }
            b'[' => {
                self.deeper()?;
                self.at += 1;
                let items = self.items();
                self.depth += 1;
                let end = self.end_seq();
                let items = items?;
                end?;
                Ok(Value::Array(items))
            }
            b'{' => {
                self.deeper()?;
                self.at += 1;
                let map = self.entries();
                self.depth += 1;
                let map = match map {
                    Ok(map) => map,
                    Err(mut e) => {
                        // serde_json places an error without a position (the seed's
                        // duplicate key) after `end_map` has skipped the spaces.
                        if e.duplicate.is_some() && e.line == 0 {
                            if self.whitespace() == Some(b'}') {
                                self.at += 1;
                            }
                            let at = self.error();
                            e.line = at.line;
                            e.column = at.column;
                        }
                        return Err(e);
                    }
                };
                self.end_map()?;
                Ok(Value::Object(map))
            }
            _ => Err(self.peek_error()),
        }
    }

    fn deeper(&mut self) -> Parsed<()> {
        self.depth -= 1;
        if self.depth == 0 {
            return Err(self.peek_error());
        }
        Ok(())
    }

    fn ident(&mut self, word: &[u8], value: Value) -> Parsed<Value> {
        self.at += 1;
        for expected in &word[1..] {
            match self.next() {
                Some(next) if next == *expected => {}
                _ => return Err(self.error()),
            }
        }
        Ok(value)
    }

    fn items(&mut self) -> Parsed<Vec<Value>> {
        let mut items = Vec::new();
        loop {
            let Some(peek) = self.whitespace() else {
                return Err(self.peek_error());
            };
            if peek == b']' {
                return Ok(items);
            }
            if !items.is_empty() {
                if peek != b',' {
                    return Err(self.peek_error());
                }
                self.at += 1;
                match self.whitespace() {
                    Some(b']') | None => return Err(self.peek_error()),
                    Some(_) => {}
                }
            }
            items.push(self.value()?);
        }
    }

    fn end_seq(&mut self) -> Parsed<()> {
        match self.whitespace() {
            Some(b']') => {
                self.at += 1;
                Ok(())
            }
            Some(b',') => {
                self.at += 1;
                self.whitespace();
                Err(self.peek_error())
            }
            _ => Err(self.peek_error()),
        }
    }

    fn end_map(&mut self) -> Parsed<()> {
        match self.whitespace() {
            Some(b'}') => {
                self.at += 1;
                Ok(())
            }
            _ => Err(self.peek_error()),
        }
    }

    fn entries(&mut self) -> Parsed<Map> {
        let mut map = Map::new();
        let mut first = true;
        loop {
            let Some(peek) = self.whitespace() else {
                return Err(self.peek_error());
            };
            if peek == b'}' {
                return Ok(map);
            }
            if first {
                first = false;
                if peek != b'"' {
                    return Err(self.peek_error());
                }
            } else if peek == b',' {
                self.at += 1;
                match self.whitespace() {
                    Some(b'"') => {}
                    _ => return Err(self.peek_error()),
                }
            } else {
                return Err(self.peek_error());
            }
            self.at += 1;
            let key = self.string()?;
            if self.unique && map.contains_key(&key) {
                return Err(ParseError {
                    line: 0,
                    column: 0,
                    duplicate: Some(key),
                });
            }
            match self.whitespace() {
                Some(b':') => self.at += 1,
                _ => return Err(self.peek_error()),
            }
            let value = self.value()?;
            map.insert(key, value);
        }
    }

    /// A string's content, after its opening quote.
    fn string(&mut self) -> Parsed<String> {
        let mut out: Vec<u8> = Vec::new();
        let mut start = self.at;
        loop {
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.at += 1;
            }
            let Some(byte) = self.peek() else {
                return Err(self.error());
            };
            out.extend_from_slice(&self.bytes[start..self.at]);
            self.at += 1;
            match byte {
                b'"' => {
                    // Valid: the text was UTF-8, and escapes write whole characters.
                    return Ok(String::from_utf8(out).unwrap_or_default());
                }
                b'\\' => {
                    self.escape(&mut out)?;
                    start = self.at;
                }
                _ => return Err(self.error()),
            }
        }
    }

    fn escape(&mut self, out: &mut Vec<u8>) -> Parsed<()> {
        let Some(byte) = self.next() else {
            return Err(self.error());
        };
        let plain = match byte {
            b'"' => b'"',
            b'\\' => b'\\',
            b'/' => b'/',
            b'b' => 0x08,
            b'f' => 0x0c,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'u' => return self.unicode_escape(out),
            _ => return Err(self.error()),
        };
        out.push(plain);
        Ok(())
    }

    fn hex4(&mut self) -> Parsed<u16> {
        let Some(digits) = self.bytes.get(self.at..self.at + 4) else {
            self.at = self.bytes.len();
            return Err(self.error());
        };
        self.at += 4;
        let mut n: u16 = 0;
        for &d in digits {
            let v = match d {
                b'0'..=b'9' => d - b'0',
                b'a'..=b'f' => d - b'a' + 10,
                b'A'..=b'F' => d - b'A' + 10,
                _ => return Err(self.error()),
            };
            n = n * 16 + u16::from(v);
        }
        Ok(n)
    }

    fn unicode_escape(&mut self, out: &mut Vec<u8>) -> Parsed<()> {
        let n = self.hex4()?;
        if (0xDC00..=0xDFFF).contains(&n) {
            return Err(self.error());
        }
        let code = if (0xD800..=0xDBFF).contains(&n) {
            for expected in [b'\\', b'u'] {
                match self.peek() {
                    None => return Err(self.error()),
                    Some(b) if b == expected => self.at += 1,
                    Some(_) => {
                        self.at += 1;
                        return Err(self.error());
                    }
                }
            }
            let n2 = self.hex4()?;
            if !(0xDC00..=0xDFFF).contains(&n2) {
                return Err(self.error());
            }
            (((u32::from(n) - 0xD800) << 10) | (u32::from(n2) - 0xDC00)) + 0x1_0000
        } else {
            u32::from(n)
        };
        let c = char::from_u32(code).unwrap_or('\u{fffd}');
        out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
        Ok(())
    }

    fn integer(&mut self, positive: bool) -> Parsed<Number> {
        let Some(first) = self.next() else {
            return Err(self.error());
        };
        match first {
            b'0' => match self.peek_or_null() {
                b'0'..=b'9' => Err(self.peek_error()),
                _ => self.number(positive, 0),
            },
            b'1'..=b'9' => {
                let mut significand = u64::from(first - b'0');
                loop {
                    match self.peek_or_null() {
                        c @ b'0'..=b'9' => match with_digit(significand, c) {
                            Some(next) => {
                                self.at += 1;
                                significand = next;
                            }
                            None => {
                                return self
                                    .long_integer(positive, significand)
                                    .map(|f| Number(N::Float(f)))
                            }
                        },
                        _ => return self.number(positive, significand),
                    }
                }
            }
            _ => Err(self.error()),
        }
    }

    fn number(&mut self, positive: bool, significand: u64) -> Parsed<Number> {
        Ok(Number(match self.peek_or_null() {
            b'.' => N::Float(self.decimal(positive, significand, 0)?),
            b'e' | b'E' => N::Float(self.exponent(positive, significand, 0)?),
            _ if positive => N::PosInt(significand),
            _ => {
                let negative = (significand as i64).wrapping_neg();
                if negative >= 0 {
                    N::Float(-(significand as f64))
                } else {
                    N::NegInt(negative)
                }
            }
        }))
    }

    fn decimal(&mut self, positive: bool, mut significand: u64, before: i32) -> Parsed<f64> {
        self.at += 1;
        let mut after = 0;
        while let c @ b'0'..=b'9' = self.peek_or_null() {
            match with_digit(significand, c) {
                Some(next) => {
                    self.at += 1;
                    significand = next;
                    after -= 1;
                }
                None => {
                    // Further digits are ignored, as serde_json does.
                    while let b'0'..=b'9' = self.peek_or_null() {
                        self.at += 1;
                    }
                    return match self.peek_or_null() {
                        b'e' | b'E' => self.exponent(positive, significand, before + after),
                        _ => self.float_of_parts(positive, significand, before + after),
                    };
                }
            }
        }
        if after == 0 {
            return Err(self.peek_error());
        }
        match self.peek_or_null() {
            b'e' | b'E' => self.exponent(positive, significand, before + after),
            _ => self.float_of_parts(positive, significand, before + after),
        }
    }

    fn exponent(&mut self, positive: bool, significand: u64, starting: i32) -> Parsed<f64> {
        self.at += 1;
        let positive_exp = match self.peek_or_null() {
            b'+' => {
                self.at += 1;
                true
            }
            b'-' => {
                self.at += 1;
                false
            }
            _ => true,
        };
        let mut exp = match self.next() {
            Some(c @ b'0'..=b'9') => i32::from(c - b'0'),
            _ => return Err(self.error()),
        };
        while let c @ b'0'..=b'9' = self.peek_or_null() {
            self.at += 1;
            let digit = i32::from(c - b'0');
            match exp.checked_mul(10).and_then(|e| e.checked_add(digit)) {
                Some(next) => exp = next,
                None => {
                    if significand != 0 && positive_exp {
                        return Err(self.error());
                    }
                    while let b'0'..=b'9' = self.peek_or_null() {
                        self.at += 1;
                    }
                    return Ok(if positive { 0.0 } else { -0.0 });
                }
            }
        }
        let exponent = if positive_exp {
            starting.saturating_add(exp)
        } else {
            starting.saturating_sub(exp)
        };
        self.float_of_parts(positive, significand, exponent)
    }

    fn long_integer(&mut self, positive: bool, significand: u64) -> Parsed<f64> {
        let mut exponent = 0;
        loop {
            match self.peek_or_null() {
                b'0'..=b'9' => {
                    self.at += 1;
                    exponent += 1;
                }
                b'.' => return self.decimal(positive, significand, exponent),
                b'e' | b'E' => return self.exponent(positive, significand, exponent),
                _ => return self.float_of_parts(positive, significand, exponent),
            }
        }
    }

    /// serde_json's float from its parts (not always the nearest double, but the same one).
    fn float_of_parts(
        &mut self,
        positive: bool,
        significand: u64,
        mut exponent: i32,
    ) -> Parsed<f64> {
        let mut f = significand as f64;
        loop {
            match pow10(exponent.unsigned_abs() as usize) {
                Some(pow) => {
                    if exponent >= 0 {
                        f *= pow;
                        if f.is_infinite() {
                            return Err(self.error());
                        }
                    } else {
                        f /= pow;
                    }
                    break;
                }
                None => {
                    if f == 0.0 {
                        break;
                    }
                    if exponent >= 0 {
                        return Err(self.error());
                    }
                    f /= 1e308;
                    exponent += 308;
                }
            }
        }
        Ok(if positive { f } else { -f })
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))] // proptest is native only
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn string_of(text: &str) -> String {
        let mut out = String::new();
        string(&mut out, text);
        out
    }

    fn float_of(value: f64) -> String {
        let mut out = String::new();
        float(&mut out, value);
        out
    }

    #[test]
    fn floats_are_written_as_serde_json_writes_them() {
        for value in [
            0.0,
            -0.0,
            1.0,
            2.0,
            10.0,
            90.0,
            87.5,
            0.1,
            0.0001,
            0.00001,
            1.5e-7,
            123456789.125,
            1e15,
            1e16,
            1e17,
            1.25e17,
            9007199254740993.0,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
            -72.25,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ] {
            assert_eq!(
                float_of(value),
                serde_json::to_string(&value).unwrap(),
                "{value}"
            );
        }
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let every_control: String = (0u8..0x20).map(char::from).collect();
        for text in [
            "",
            "plain",
            "Xã Thử Nghiệm <b>Đặc Biệt</b>",
            "\"quoted\" \\ back/slash",
            &every_control,
            "\u{7f}\u{80}\u{2028}\u{2029}😀",
        ] {
            assert_eq!(string_of(text), serde_json::to_string(text).unwrap());
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        #[test]
        fn any_float_is_written_as_serde_json_writes_it(bits in any::<u64>()) {
            let value = f64::from_bits(bits);
            prop_assert_eq!(float_of(value), serde_json::to_string(&value).unwrap());
        }

        #[test]
        fn short_decimals_are_written_as_serde_json_writes_them(
            whole in 0u64..1_000_000,
            tenths in 0u32..10_000,
            scale in 0u32..6
        ) {
            let value = whole as f64 + f64::from(tenths) / 10f64.powi(scale as i32 + 1);
            prop_assert_eq!(float_of(value), serde_json::to_string(&value).unwrap());
            prop_assert_eq!(float_of(-value), serde_json::to_string(&-value).unwrap());
        }

        #[test]
        fn any_string_is_escaped_as_serde_json_escapes_it(text in any::<String>()) {
            prop_assert_eq!(string_of(&text), serde_json::to_string(&text).unwrap());
        }

        #[test]
        fn any_whole_number_is_written_as_serde_json_writes_it(value in any::<u64>()) {
            let mut out = String::new();
            unsigned(&mut out, value);
            prop_assert_eq!(out, serde_json::to_string(&value).unwrap());
        }
    }
}
