//! Parsing what people type into number fields, and formatting numbers the Vietnamese way.
//!
//! Counts are whole numbers; percentages are exact decimals kept as an integer number of
//! ten-thousandths of a percent, so that threshold decisions never touch floating point.

use serde::{Deserialize, Serialize};

/// The largest count a field accepts; anything above is surely a typing mistake.
pub const MAX_COUNT: u64 = 10_000_000;
/// How many decimal places a typed percentage may have.
pub const PERCENT_DECIMALS: u32 = 4;
/// One percent in the units of [`Percent`].
pub const PERCENT_SCALE: u64 = 10_u64.pow(PERCENT_DECIMALS);

/// Why a typed number was refused. The interface turns each into a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum NumberError {
    NotANumber,
    Negative,
    NotWhole,
    TooLarge,
    TooManyDecimals,
    PercentAbove100,
}

/// An exact percentage between 0 and 100, in ten-thousandths of a percent (65,5% = 655 000).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Percent(u64);

impl Percent {
    pub const ZERO: Percent = Percent(0);
    pub const HUNDRED: Percent = Percent(100 * PERCENT_SCALE);

    pub fn from_whole(percent: u32) -> Percent {
        Percent(u64::from(percent) * PERCENT_SCALE)
    }

    pub fn from_scaled(scaled: u64) -> Percent {
        Percent(scaled)
    }

    /// Ten-thousandths of a percent.
    pub fn scaled(self) -> u64 {
        self.0
    }

    pub fn as_f64(self) -> f64 {
        self.0 as f64 / PERCENT_SCALE as f64
    }

    /// numerator ÷ denominator as a percentage, rounded down to the scale; `None` for a
    /// zero denominator.
    pub fn of_ratio(numerator: u64, denominator: u64) -> Option<Percent> {
        if denominator == 0 {
            return None;
        }
        let scaled =
            u128::from(numerator) * 100 * u128::from(PERCENT_SCALE) / u128::from(denominator);
        Some(Percent(u64::try_from(scaled).unwrap_or(u64::MAX)))
    }
}

/// Characters that copy and paste bring along from Word, Excel or Zalo and that show as
/// nothing at all: direction marks (LRM, RLM, embeddings, isolates), zero-width space,
/// joiners, word joiner, soft hyphen and the byte order mark. They are dropped, so "‎12"
/// reads as the "12" the user sees.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00ad}'
            | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}'
    )
}

/// What browsers and people put around and inside numbers, made plain: invisible
/// characters dropped, every kind of space (no-break, narrow no-break, thin, tab…) read as
/// a space, the ends trimmed and a trailing % removed.
fn clean(text: &str) -> String {
    let plain: String = text
        .chars()
        .filter(|&c| !is_invisible(c))
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    let trimmed = plain.trim_matches(' ');
    trimmed
        .strip_suffix('%')
        .map(|rest| rest.trim_end_matches(' '))
        .unwrap_or(trimmed)
        .to_string()
}

/// A non-negative number as typed, exactly: `value ÷ 10^decimals`, with the trailing zeros
/// of the fraction dropped. `value` saturates at `u128::MAX` for absurdly long input, which
/// every field refuses as too large.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Typed {
    pub value: u128,
    pub decimals: u32,
}

impl Typed {
    /// Whether the number is at least `whole`.
    fn at_least(self, whole: u128) -> bool {
        match 10_u128.checked_pow(self.decimals) {
            Some(unit) => self.value >= whole.saturating_mul(unit),
            // More than 38 decimals: the whole part is what was typed before them.
            None => false,
        }
    }

    /// Whether the number has no fraction.
    pub fn is_whole(self) -> bool {
        self.decimals == 0
    }
}

/// Digits into a number, saturating.
fn digits_value(digits: impl Iterator<Item = char>) -> u128 {
    digits.fold(0_u128, |value, d| {
        value
            .saturating_mul(10)
            .saturating_add(u128::from(d as u8 - b'0'))
    })
}

/// Whether `whole` is written in thousands groups split by `separator`: 1–3 digits not
/// starting with 0, then groups of exactly three ("1.234", "12 345 678").
fn is_grouped(whole: &str, separator: char) -> bool {
    let mut groups = whole.split(separator);
    let first = groups.next().unwrap_or_default();
    let first_ok = (1..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_digit())
        && !(first.starts_with('0'));
    let mut rest = 0;
    let rest_ok = groups.all(|g| {
        rest += 1;
        g.len() == 3 && g.chars().all(|c| c.is_ascii_digit())
    });
    first_ok && rest_ok && rest > 0
}

/// The one number reader of the app: every field (counts, percentages, peer scores) and
/// every language reads a text the same way, so that "1.000" is one thousand everywhere.
///
/// - A space, or a `.` or `,` that appears more than once, groups thousands.
/// - With both `.` and `,`, the last one is the decimal mark and the other groups
///   thousands ("1.234,5" and "1,234.5").
/// - A single `.` or `,` followed by exactly three digits, after one to three digits not
///   starting with 0, groups thousands ("1.234", "1,000"); otherwise it is the decimal mark
///   ("65,5", "65.25", "0,500", "100,0000").
///
/// Invisible characters from copy and paste are dropped and every kind of space is a space
/// (see [`clean`]). An empty field is `Ok(None)`.
pub fn read_number(text: &str) -> Result<Option<Typed>, NumberError> {
    // What nearly every field holds, read without the copy `clean` makes (issue 14: a bloc
    // table of 10 000 profiles reads 26 fields each): empty, or plain digits, which the
    // rules below read as exactly this.
    if text.bytes().all(|b| b.is_ascii_digit()) {
        return Ok((!text.is_empty()).then(|| Typed {
            value: digits_value(text.chars()),
            decimals: 0,
        }));
    }
    let text = clean(text);
    if text.is_empty() {
        return Ok(None);
    }
    if let Some(rest) = text.strip_prefix(['-', '−']) {
        let rest = rest.trim_start_matches(' ');
        return Err(if !rest.is_empty() && read_number(rest).is_ok() {
            NumberError::Negative
        } else {
            NumberError::NotANumber
        });
    }
    if !text
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ' '))
    {
        return Err(NumberError::NotANumber);
    }
    let dots = text.matches('.').count();
    let commas = text.matches(',').count();
    let decimal_mark = match (dots, commas) {
        (0, 0) => None,
        (_, 0) if dots > 1 => None,
        (0, _) if commas > 1 => None,
        (1, 0) | (0, 1) => {
            let mark = if dots == 1 { '.' } else { ',' };
            let (whole, _) = text.split_once(mark).unwrap_or_default();
            let grouped = !whole.contains(' ') && is_grouped(&text, mark);
            (!grouped).then_some(mark)
        }
        _ => text
            .rfind(['.', ','])
            .and_then(|at| text[at..].chars().next()),
    };
    let (whole, fraction) = match decimal_mark {
        Some(mark) => {
            let at = text.rfind(mark).unwrap_or_default();
            (&text[..at], &text[at + 1..])
        }
        None => (text.as_str(), ""),
    };
    if !fraction.chars().all(|c| c.is_ascii_digit()) {
        return Err(NumberError::NotANumber);
    }
    // The whole part: plain digits, or thousands groups with one kind of separator.
    let separators: Vec<char> = whole.chars().filter(|c| !c.is_ascii_digit()).collect();
    let whole_ok = match separators.first() {
        None => !(whole.is_empty() && fraction.is_empty()),
        Some(&separator) => {
            separators.iter().all(|&c| c == separator)
                && Some(separator) != decimal_mark
                && is_grouped(whole, separator)
        }
    };
    if !whole_ok {
        return Err(NumberError::NotANumber);
    }
    let fraction = fraction.trim_end_matches('0');
    let digits = whole
        .chars()
        .filter(char::is_ascii_digit)
        .chain(fraction.chars());
    Ok(Some(Typed {
        value: digits_value(digits),
        decimals: fraction.len() as u32,
    }))
}

/// Parses a count: a whole number, optionally grouped by thousands ("1.234"), read by
/// [`read_number`]. An empty field is `Ok(None)`.
pub fn parse_count(text: &str) -> Result<Option<u64>, NumberError> {
    let Some(number) = read_number(text)? else {
        return Ok(None);
    };
    if !number.is_whole() {
        return Err(NumberError::NotWhole);
    }
    match u64::try_from(number.value) {
        Ok(value) if value <= MAX_COUNT => Ok(Some(value)),
        _ => Err(NumberError::TooLarge),
    }
}

/// Parses a percentage between 0 and 100, read by [`read_number`] ("65,5", "65.5",
/// "65,5 %"; "1.000" is one thousand, so above 100). An empty field is `Ok(None)`.
pub fn parse_percent(text: &str) -> Result<Option<Percent>, NumberError> {
    let Some(number) = read_number(text)? else {
        return Ok(None);
    };
    if number.at_least(100)
        && number
            != (Typed {
                value: 100,
                decimals: 0,
            })
    {
        return Err(NumberError::PercentAbove100);
    }
    if number.decimals > PERCENT_DECIMALS {
        return Err(NumberError::TooManyDecimals);
    }
    let scale = 10_u128.pow(PERCENT_DECIMALS - number.decimals);
    Ok(Some(Percent((number.value * scale) as u64)))
}

/// Parses a score typed for a peer (0–100, as a percentage is) and rounds it to the
/// hundredths the page shows and ranks compare (halves up), with integers only.
pub fn parse_score(text: &str) -> Result<Option<f64>, NumberError> {
    Ok(parse_percent(text)?.map(|p| ((p.scaled() + 50) / 100) as f64 / 100.0))
}

/// Which way numbers are written: Vietnamese "1.234,5" or English "1,234.5".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum NumberStyle {
    #[default]
    Vietnamese,
    English,
}

impl NumberStyle {
    fn separators(self) -> (char, char) {
        match self {
            NumberStyle::Vietnamese => ('.', ','),
            NumberStyle::English => (',', '.'),
        }
    }
}

/// A whole number with thousands grouping: 1234 → "1.234".
pub fn format_count(value: u64, style: NumberStyle) -> String {
    let (group, _) = style.separators();
    let digits = value.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            out.push(group);
        }
        out.push(digit);
    }
    out
}

/// A decimal number given as `scaled ÷ 10^decimals`, shown with at most `shown` decimals,
/// the rest cut off, and without trailing zeros: 655000 at 4 → "65,5". Callers round first
/// (see [`round_quotient`]) or pass `shown == decimals` to write a number exactly.
pub fn format_scaled(scaled: u64, decimals: u32, shown: u32, style: NumberStyle) -> String {
    let (_, decimal_mark) = style.separators();
    let shown = shown.min(decimals);
    let truncated = scaled / 10_u64.pow(decimals - shown);
    let unit = 10_u64.pow(shown);
    let whole = format_count(truncated / unit, style);
    let fraction = format!("{:0width$}", truncated % unit, width = shown as usize);
    let fraction = fraction.trim_end_matches('0');
    if fraction.is_empty() {
        whole
    } else {
        format!("{whole}{decimal_mark}{fraction}")
    }
}

/// How many decimals a percentage or a gap in percentage points shows, at most (more only
/// where fewer would put an unmet figure on its threshold).
pub const PERCENT_SHOWN: u32 = 2;

/// How [`round_quotient`] rounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rounding {
    /// To the nearest, halves up: what a shown figure is.
    HalfUp,
    /// Up: what a gap is, so that closing the gap shown always reaches the target.
    Up,
}

/// `num ÷ den` (den > 0) with `decimals` decimals, in units of 10^-decimals, exactly, and
/// whether nothing was rounded away.
pub fn round_quotient(num: u128, den: u128, decimals: u32, rounding: Rounding) -> (u128, bool) {
    let scaled = num.saturating_mul(10_u128.pow(decimals));
    let (quotient, rest) = (scaled / den, scaled % den);
    let up = match rounding {
        Rounding::Up => rest > 0,
        Rounding::HalfUp => rest >= den - rest,
    };
    (quotient + u128::from(up && rest > 0), rest == 0)
}

/// A number as the page shows it, and whether that text is its exact value (the
/// explanations write "=" then, and "≈" otherwise).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    pub text: String,
    pub exact: bool,
}

impl Shown {
    /// "=" when the text is exact, "≈" when it is rounded.
    pub fn relation(&self) -> &'static str {
        if self.exact {
            "="
        } else {
            "≈"
        }
    }
}

/// `num ÷ den` (den > 0) correctly rounded to at most `decimals` decimals (halves up). When
/// the value is below `limit` (a fraction `limit.0 ÷ limit.1`, e.g. a threshold) but would
/// round onto it, as many more decimals as keep it visibly below, so that an unmet 64,99%
/// never shows as 65% and an attainment of 0,9998 never as 1.
pub fn show_quotient(
    num: u128,
    den: u128,
    decimals: u32,
    limit: Option<(u128, u128)>,
    style: NumberStyle,
) -> Shown {
    // The value is at most 10^14 in scaled units (a percentage with 12 decimals).
    const MOST_DECIMALS: u32 = 12;
    let below = |(ln, ld): (u128, u128)| num.saturating_mul(ld) < ln.saturating_mul(den);
    let mut shown = decimals;
    loop {
        let (rounded, exact) = round_quotient(num, den, shown, Rounding::HalfUp);
        let reaches = limit.is_some_and(|(ln, ld)| {
            below((ln, ld)) && rounded.saturating_mul(ld) >= ln.saturating_mul(10_u128.pow(shown))
        });
        if !reaches || shown >= MOST_DECIMALS {
            let scaled = u64::try_from(rounded).unwrap_or(u64::MAX);
            return Shown {
                text: format_scaled(scaled, shown, shown, style),
                exact,
            };
        }
        shown += 1;
    }
}

/// A percentage with at most two decimals, correctly rounded, without the % sign: "65,5",
/// 2/3 → "66,67". Against a threshold, use [`show_quotient`] (via
/// `Evaluation::shown_actual`), which never rounds an unmet figure onto its threshold.
pub fn format_percent(percent: Percent, style: NumberStyle) -> String {
    show_quotient(
        u128::from(percent.scaled()),
        u128::from(PERCENT_SCALE),
        PERCENT_SHOWN,
        None,
        style,
    )
    .text
}

/// A gap in percentage points, rounded up to at most two decimals: the value shown, added
/// to the figure, always reaches the threshold, and an unmet target never shows 0
/// (0,0001 → "0,01", 0,95 → "0,95").
pub fn format_gap_points(points: Percent, style: NumberStyle) -> String {
    let (rounded, _) = round_quotient(
        u128::from(points.scaled()),
        u128::from(PERCENT_SCALE),
        PERCENT_SHOWN,
        Rounding::Up,
    );
    format_scaled(rounded as u64, PERCENT_SHOWN, PERCENT_SHOWN, style)
}

/// A score or other non-negative real number with at most `shown` decimals, rounded to
/// nearest: 75.266 → "75,27".
pub fn format_real(value: f64, shown: u32, style: NumberStyle) -> String {
    let unit = 10_f64.powi(shown as i32);
    let scaled = (value.max(0.0) * unit).round() as u64;
    format_scaled(scaled, shown, shown, style)
}

/// [`format_real`], and whether the text is the value itself (within the floating-point
/// noise of sums of weights and exact attainments), for an explanation's "=" or "≈".
pub fn show_real(value: f64, shown: u32, style: NumberStyle) -> Shown {
    let scaled = value.max(0.0) * 10_f64.powi(shown as i32);
    Shown {
        text: format_real(value, shown, style),
        exact: (scaled - scaled.round()).abs() <= 1e-9 * scaled.abs().max(1.0),
    }
}

/// Below this many hundredths every number is written exactly by [`format_hundredths`]:
/// 2^43 hundredths are about 88 billion, far beyond any score or percentage.
pub const HUNDREDTHS_EXACT_BELOW: f64 = (1_u64 << 43) as f64;

/// A number rounded to hundredths (halves away from zero), written with a `.` and exactly
/// two decimals: 75.266 → "75.27", -0.001 → "-0.00", NaN → "NaN", infinity → "inf".
///
/// The same text as `format!("{:.2}", (value * 100.0).round() / 100.0)` for every value
/// below [`HUNDREDTHS_EXACT_BELOW`] hundredths (the tests compare both), made with integer
/// formatting only, so the wasm build carries no float formatting. Larger values are
/// written from the rounded number of hundredths.
pub fn format_hundredths(value: f64) -> String {
    let hundredths = (value * 100.0).round();
    if hundredths.is_nan() {
        return "NaN".into();
    }
    let sign = if hundredths.is_sign_negative() {
        "-"
    } else {
        ""
    };
    if hundredths.is_infinite() {
        return format!("{sign}inf");
    }
    // Saturates above u64::MAX, which no score comes near.
    let magnitude = hundredths.abs() as u64;
    format!("{sign}{}.{:02}", magnitude / 100, magnitude % 100)
}

/// A number written as Rust's `{}` writes it (the fewest digits that read back as the same
/// number, no exponent: 90 → "90", 92.5 → "92.5", 0.1 → "0.1"), made from integers only, so
/// that the wasm build carries no float formatting (about 7 KB gzip). The same text as
/// `format!("{value}")` for every finite number below 10^15 whose shortest form has at most
/// 15 significant digits and at most 22 decimals, which is every number typed, or read from
/// a file, with up to 15 digits and no more than 22 decimals. Any other value (more digits,
/// smaller than 10^-22, 10^15 or more, non-finite) is written as its bits in hexadecimal,
/// `0x…`: exact, and never taken for a decimal.
pub fn format_shortest(value: f64) -> String {
    const DIGITS: i32 = 15;
    if value.is_finite() && value.abs() < 1e15 {
        let sign = if value.is_sign_negative() { "-" } else { "" };
        let magnitude = value.abs();
        // How many digits the whole part takes (1 for 0.x).
        let mut whole_digits = 1;
        while whole_digits < DIGITS && magnitude >= 10_f64.powi(whole_digits) {
            whole_digits += 1;
        }
        // Below 1, leading zeros after the point are not significant.
        let mut leading_zeros = 0;
        if magnitude > 0.0 {
            while magnitude < 10_f64.powi(-leading_zeros - 1) && leading_zeros < 300 {
                leading_zeros += 1;
            }
        }
        // Significant digits: the whole part's (none below 1), then the decimals after any
        // leading zeros.
        let most_decimals = if magnitude < 1.0 {
            DIGITS + leading_zeros
        } else {
            DIGITS - whole_digits
        };
        // The fewest decimals whose nearest decimal reads back as `value`: one division of
        // two exactly held numbers (below 2^53 and 10^22) is rounded correctly, as reading
        // the decimal would be.
        for decimals in 0..=most_decimals.min(22) {
            let scale = 10_f64.powi(decimals);
            let scaled = (magnitude * scale).round();
            if scaled >= 9_007_199_254_740_992.0 {
                break;
            }
            if scaled / scale == magnitude {
                let digits = (scaled as u64).to_string();
                let decimals = decimals as usize;
                if decimals == 0 {
                    return format!("{sign}{digits}");
                }
                let padded = format!("{digits:0>width$}", width = decimals + 1);
                let (whole, fraction) = padded.split_at(padded.len() - decimals);
                return format!("{sign}{whole}.{fraction}");
            }
        }
    }
    format!("0x{:016x}", value.to_bits())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_digits_read_as_through_the_general_rules() {
        // A space around the digits takes the general path (`clean` trims it).
        let long = "9".repeat(45);
        for digits in ["", "0", "00", "007", "1", "10", "1000", "1234567", &long] {
            assert_eq!(
                read_number(digits),
                read_number(&format!(" {digits} ")),
                "{digits:?}"
            );
        }
    }

    #[test]
    fn shortest_is_what_display_writes_for_numbers_of_up_to_15_digits() {
        for value in [
            0.0,
            -0.0,
            90.0,
            92.5,
            0.1,
            0.3,
            87.5,
            99.99,
            100.0,
            1.0 / 3.0 * 3.0,
            12.345,
            0.000_001_5,
            5e-300,
            123_456_789_012_345.0,
            1e14,
            70.05,
            33.333_333_333_333_3,
        ] {
            let shortest = format_shortest(value);
            let display = format!("{value}");
            assert!(
                shortest == display || value == 5e-300,
                "{value}: {shortest} / {display}"
            );
        }
        // Every number of up to 15 significant digits in and around the bands' range.
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..200_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let digits = (seed % 15 + 1) as u32;
            let mantissa = (seed >> 8) % 10_u64.pow(digits);
            let decimals = ((seed >> 40) % 18) as i32;
            let value = mantissa as f64 / 10_f64.powi(decimals);
            assert_eq!(
                format_shortest(value),
                format!("{value}"),
                "{mantissa}e-{decimals}"
            );
        }
    }

    #[test]
    fn shortest_writes_other_values_as_their_bits() {
        // 0.1 + 0.2 needs 17 digits: written as bits, never as a wrong decimal.
        let value = 0.1 + 0.2;
        assert_eq!(format!("{value}"), "0.30000000000000004");
        assert_eq!(
            format_shortest(value),
            format!("0x{:016x}", value.to_bits())
        );
        assert_eq!(
            format_shortest(f64::NAN),
            format!("0x{:016x}", f64::NAN.to_bits())
        );
        assert_eq!(
            format_shortest(1e15),
            format!("0x{:016x}", 1e15_f64.to_bits())
        );
        // Random doubles: either exactly what Display writes, or the bits.
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        for _ in 0..200_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let value = f64::from_bits(seed) % 1000.0;
            if !value.is_finite() {
                continue;
            }
            let shortest = format_shortest(value);
            let display = format!("{value}");
            let significant = display.trim_start_matches(['-', '0', '.']).replace('.', "");
            let decimals = display.split('.').nth(1).map_or(0, str::len);
            if significant.trim_end_matches('0').len() <= 15 && decimals <= 22 {
                assert_eq!(shortest, display, "{value:e}");
            } else {
                assert!(
                    shortest == display || shortest.starts_with("0x"),
                    "{value:e}: {shortest}"
                );
            }
        }
    }

    #[test]
    fn counts_accept_plain_and_grouped_digits() {
        assert_eq!(parse_count("13"), Ok(Some(13)));
        assert_eq!(parse_count("  20 "), Ok(Some(20)));
        assert_eq!(parse_count("1.234"), Ok(Some(1234)));
        assert_eq!(parse_count("1 234 567"), Ok(Some(1_234_567)));
        assert_eq!(parse_count("1,234"), Ok(Some(1234)));
        assert_eq!(parse_count(""), Ok(None));
        assert_eq!(parse_count("   "), Ok(None));
        assert_eq!(parse_count("0"), Ok(Some(0)));
    }

    #[test]
    fn counts_refuse_what_is_not_a_whole_number() {
        assert_eq!(parse_count("abc"), Err(NumberError::NotANumber));
        assert_eq!(parse_count("-5"), Err(NumberError::Negative));
        assert_eq!(parse_count("12,5"), Err(NumberError::NotWhole));
        assert_eq!(parse_count("1.5"), Err(NumberError::NotWhole));
        assert_eq!(parse_count("99999999999"), Err(NumberError::TooLarge));
        assert_eq!(
            parse_count("999999999999999999999999"),
            Err(NumberError::TooLarge)
        );
        assert_eq!(parse_count("10000001"), Err(NumberError::TooLarge));
        assert_eq!(parse_count("10000000"), Ok(Some(10_000_000)));
        assert_eq!(parse_count("1.23"), Err(NumberError::NotWhole));
        assert_eq!(parse_count("1..234"), Err(NumberError::NotANumber));
        assert_eq!(parse_count("12a"), Err(NumberError::NotANumber));
        assert_eq!(parse_count("-"), Err(NumberError::NotANumber));
    }

    #[test]
    fn invisible_characters_from_copy_and_paste_are_spaces() {
        // LRM, RLM, zero-width space, BOM, ZWNJ, ZWJ, no-break and narrow no-break spaces,
        // word joiner and a direction isolate, around and inside "12".
        for text in [
            "\u{200e}12\u{200f}",
            "\u{feff}12",
            "\u{200b}12\u{200b}",
            "\u{200c}12\u{200d}",
            "\u{a0}12\u{202f}",
            "\u{2060}1\u{200b}2\u{2069}",
            "\u{2068}12 %\u{200e}",
        ] {
            assert_eq!(parse_count(text), Ok(Some(12)), "{text:?}");
            assert_eq!(
                parse_percent(text),
                Ok(Some(Percent::from_whole(12))),
                "{text:?}"
            );
            assert_eq!(parse_score(text), Ok(Some(12.0)), "{text:?}");
        }
        // A visible space of any kind groups thousands as a space does.
        assert_eq!(parse_count("1\u{202f}234\u{a0}567"), Ok(Some(1_234_567)));
        assert_eq!(
            parse_percent("\u{200f}64,99\u{200e}"),
            Ok(Some(Percent::from_scaled(649_900)))
        );
        assert_eq!(parse_count("\u{200b}"), Ok(None));
        assert_eq!(parse_count("-\u{200e}5"), Err(NumberError::Negative));
    }

    #[test]
    fn one_reader_for_counts_percentages_and_scores() {
        // "1.000" is one thousand in every field: a count, and too much for a percentage
        // or a score.
        assert_eq!(parse_count("1.000"), Ok(Some(1000)));
        assert_eq!(parse_count("1,000"), Ok(Some(1000)));
        assert_eq!(parse_percent("1.000"), Err(NumberError::PercentAbove100));
        assert_eq!(parse_score("1.000"), Err(NumberError::PercentAbove100));
        assert_eq!(parse_score("1,000"), Err(NumberError::PercentAbove100));
        assert_eq!(parse_score("65,500"), Err(NumberError::PercentAbove100));
        // Not a thousands group: a decimal mark.
        assert_eq!(parse_score("1,5"), Ok(Some(1.5)));
        assert_eq!(parse_score("0,500"), Ok(Some(0.5)));
        assert_eq!(
            parse_percent("99.5"),
            Ok(Some(Percent::from_scaled(995_000)))
        );
        assert_eq!(
            parse_percent("12,3456"),
            Ok(Some(Percent::from_scaled(123_456)))
        );
        // Both marks: the last one is the decimal mark.
        assert_eq!(parse_count("1.234,0"), Ok(Some(1234)));
        assert_eq!(parse_count("1,234.5"), Err(NumberError::NotWhole));
        assert_eq!(parse_count("1.234.567,5"), Err(NumberError::NotWhole));
        assert_eq!(parse_count("1.234,567"), Err(NumberError::NotWhole));
        assert_eq!(parse_count("1,2.3"), Err(NumberError::NotANumber));
        assert_eq!(parse_count("1 234.5"), Err(NumberError::NotWhole));
        assert_eq!(parse_count("1.234 567"), Err(NumberError::NotANumber));
        assert_eq!(parse_count("0.500"), Err(NumberError::NotWhole));
        // A score is kept at the hundredths the page shows and ranks compare.
        assert_eq!(parse_score("80,2443"), Ok(Some(80.24)));
        assert_eq!(parse_score("80,2450"), Ok(Some(80.25)));
        assert_eq!(parse_score("100"), Ok(Some(100.0)));
        assert_eq!(parse_score("100,01"), Err(NumberError::PercentAbove100));
        assert_eq!(parse_score(""), Ok(None));
    }

    #[test]
    fn quotients_are_correctly_rounded_and_never_reach_an_unmet_limit() {
        let vi = NumberStyle::Vietnamese;
        let percent = |n: u128, d: u128, t: Option<u128>| {
            let shown = show_quotient(n * 100, d, PERCENT_SHOWN, t.map(|t| (t, 1)), vi);
            (shown.text, shown.exact)
        };
        // 2/3 is 66,67%, rounded (not cut to 66,66).
        assert_eq!(percent(2, 3, None), ("66,67".into(), false));
        assert_eq!(percent(1, 3, None), ("33,33".into(), false));
        assert_eq!(percent(13, 20, Some(65)), ("65".into(), true));
        assert_eq!(percent(129, 200, None), ("64,5".into(), true));
        // Just short of 65%: as many decimals as show it is short.
        assert_eq!(percent(6_499, 10_000, Some(65)), ("64,99".into(), true));
        assert_eq!(percent(64_999, 100_000, Some(65)), ("64,999".into(), true));
        assert_eq!(
            percent(12_999_999, 20_000_000, Some(65)),
            ("64,999995".into(), true)
        );
        assert_eq!(
            percent(1_999_999, 3_000_000, Some(67)),
            ("66,67".into(), false)
        );
        // Without a limit, the same figure is rounded to two decimals.
        assert_eq!(percent(64_999, 100_000, None), ("65".into(), false));
        // An attainment of 0,9998 never shows as 1.
        let shown = show_quotient(649_900, 650_000, 3, Some((1, 1)), vi);
        assert_eq!((shown.text.as_str(), shown.relation()), ("0,9998", "≈"));
        let shown = show_quotient(187_500, 250_000, 3, Some((1, 1)), vi);
        assert_eq!((shown.text.as_str(), shown.relation()), ("0,75", "="));
        assert_eq!(round_quotient(1, 3, 2, Rounding::Up), (34, false));
        assert_eq!(round_quotient(1, 8, 2, Rounding::HalfUp), (13, false));
        assert_eq!(round_quotient(1, 4, 2, Rounding::Up), (25, true));
    }

    #[test]
    fn gaps_in_points_are_rounded_up() {
        let vi = NumberStyle::Vietnamese;
        // 65 − 64,99 and 65 − 64,9999: never 0 for an unmet target.
        assert_eq!(format_gap_points(Percent::from_scaled(100), vi), "0,01");
        assert_eq!(format_gap_points(Percent::from_scaled(1), vi), "0,01");
        // 65 − 64,05 = 0,95 exactly, not cut to 0,9.
        assert_eq!(format_gap_points(Percent::from_scaled(9_500), vi), "0,95");
        assert_eq!(format_gap_points(Percent::from_scaled(8_766), vi), "0,88");
        assert_eq!(format_gap_points(Percent::from_whole(5), vi), "5");
    }

    #[test]
    fn percents_accept_comma_and_point() {
        assert_eq!(
            parse_percent("65,5"),
            Ok(Some(Percent::from_scaled(655_000)))
        );
        assert_eq!(
            parse_percent("65.5"),
            Ok(Some(Percent::from_scaled(655_000)))
        );
        assert_eq!(
            parse_percent("65,5 %"),
            Ok(Some(Percent::from_scaled(655_000)))
        );
        assert_eq!(parse_percent("87"), Ok(Some(Percent::from_whole(87))));
        assert_eq!(parse_percent("87.0"), Ok(Some(Percent::from_whole(87))));
        assert_eq!(parse_percent("100"), Ok(Some(Percent::HUNDRED)));
        assert_eq!(parse_percent("100,0000"), Ok(Some(Percent::HUNDRED)));
        assert_eq!(parse_percent(",5"), Ok(Some(Percent::from_scaled(5_000))));
        assert_eq!(parse_percent("0"), Ok(Some(Percent::ZERO)));
        assert_eq!(parse_percent("007"), Ok(Some(Percent::from_whole(7))));
    }

    #[test]
    fn percents_refuse_impossible_values() {
        assert_eq!(parse_percent("100,5"), Err(NumberError::PercentAbove100));
        assert_eq!(parse_percent("1000"), Err(NumberError::PercentAbove100));
        assert_eq!(
            parse_percent("99999999999999999999"),
            Err(NumberError::PercentAbove100)
        );
        assert_eq!(parse_percent("-1"), Err(NumberError::Negative));
        assert_eq!(parse_percent("abc"), Err(NumberError::NotANumber));
        assert_eq!(parse_percent("6,5,5"), Err(NumberError::NotANumber));
        assert_eq!(parse_percent("12,34567"), Err(NumberError::TooManyDecimals));
        assert_eq!(parse_percent("."), Err(NumberError::NotANumber));
    }

    #[test]
    fn ratio_percentages_are_exact_and_rounded_down() {
        assert_eq!(Percent::of_ratio(13, 20), Some(Percent::from_whole(65)));
        assert_eq!(Percent::of_ratio(1, 3), Some(Percent::from_scaled(333_333)));
        assert_eq!(Percent::of_ratio(1, 0), None);
    }

    #[test]
    fn vietnamese_formatting() {
        let vi = NumberStyle::Vietnamese;
        assert_eq!(format_count(1234, vi), "1.234");
        assert_eq!(format_count(1_234_567, vi), "1.234.567");
        assert_eq!(format_count(123, vi), "123");
        assert_eq!(format_count(0, vi), "0");
        assert_eq!(format_percent(Percent::from_scaled(655_000), vi), "65,5");
        assert_eq!(format_percent(Percent::from_whole(65), vi), "65");
        // Correctly rounded (two decimals): 64,9999 is 65,00 on its own; against a
        // threshold of 65 it keeps the decimals that show it is short (show_quotient).
        assert_eq!(format_percent(Percent::from_scaled(649_999), vi), "65");
        assert_eq!(format_percent(Percent::from_scaled(666_666), vi), "66,67");
        assert_eq!(format_percent(Percent::from_scaled(649_900), vi), "64,99");
        assert_eq!(format_real(75.266, 2, vi), "75,27");
        assert_eq!(format_real(10.0, 2, vi), "10");
        assert_eq!(format_real(1234.5, 1, vi), "1.234,5");
        assert_eq!(format_count(1234, NumberStyle::English), "1,234");
        assert_eq!(format_hundredths(75.266), "75.27");
        assert_eq!(format_hundredths(0.0), "0.00");
        assert_eq!(format_hundredths(100.0), "100.00");
        assert_eq!(format_hundredths(-0.001), "-0.00");
        assert_eq!(format_hundredths(-12.345), "-12.35");
        assert_eq!(format_hundredths(f64::NAN), "NaN");
        assert_eq!(format_hundredths(f64::INFINITY), "inf");
        assert_eq!(format_hundredths(f64::NEG_INFINITY), "-inf");
        assert_eq!(
            format_percent(Percent::from_scaled(655_000), NumberStyle::English),
            "65.5"
        );
    }
}
