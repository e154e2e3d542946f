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
