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

/// Trims what browsers and people add around numbers (spaces, no-break spaces, a trailing %).
fn clean(text: &str) -> &str {
    let trimmed = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}');
    trimmed
        .strip_suffix('%')
        .map(|rest| rest.trim_end_matches(|c: char| c.is_whitespace() || c == '\u{a0}'))
        .unwrap_or(trimmed)
}

fn looks_negative(text: &str) -> bool {
    let rest = text.strip_prefix(['-', '−']).map(str::trim_start);
    matches!(rest, Some(r) if !r.is_empty() && r.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ','))
}

/// `1.234.567`, `1,234,567` or `1 234 567`: thousands groups.
fn parse_grouped(text: &str) -> Option<u64> {
    // Either language's grouping: "1.234" (Vietnamese), "1,234" (English) or spaces.
    let separator = text
        .chars()
        .find(|c| matches!(c, '.' | ',' | ' ' | '\u{a0}'))?;
    let mut groups = text.split(separator);
    let first = groups.next()?;
    if first.is_empty() || first.len() > 3 || !first.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut digits = first.to_string();
    let mut count = 0;
    for group in groups {
        if group.len() != 3 || !group.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        digits.push_str(group);
        count += 1;
    }
    if count == 0 {
        return None;
    }
    digits.parse().ok()
}

/// Parses a count: a whole number, optionally grouped by thousands ("1.234").
/// An empty field is `Ok(None)`.
pub fn parse_count(text: &str) -> Result<Option<u64>, NumberError> {
    let text = clean(text);
    if text.is_empty() {
        return Ok(None);
    }
    if looks_negative(text) {
        return Err(NumberError::Negative);
    }
    let value = if text.chars().all(|c| c.is_ascii_digit()) {
        // Long digit strings overflow u64; they are too large either way.
        text.parse::<u64>().unwrap_or(u64::MAX)
    } else if let Some(grouped) = parse_grouped(text) {
        grouped
    } else if parse_decimal(text).is_some() {
        return Err(NumberError::NotWhole);
    } else {
        return Err(NumberError::NotANumber);
    };
    if value > MAX_COUNT {
        return Err(NumberError::TooLarge);
    }
    Ok(Some(value))
}

/// Splits "65,5" or "65.5" into whole and fraction digits; `None` when it is not a decimal.
fn parse_decimal(text: &str) -> Option<(&str, &str)> {
    let (whole, fraction) = match text.find([',', '.']) {
        Some(at) => (&text[..at], &text[at + 1..]),
        None => (text, ""),
    };
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !digits(whole) || !digits(fraction) {
        return None;
    }
    Some((whole, fraction))
}

/// Parses a percentage between 0 and 100 with a decimal comma or point ("65,5", "65.5",
/// "65,5 %"). An empty field is `Ok(None)`.
pub fn parse_percent(text: &str) -> Result<Option<Percent>, NumberError> {
    let text = clean(text);
    if text.is_empty() {
        return Ok(None);
    }
    if looks_negative(text) {
        return Err(NumberError::Negative);
    }
    let (whole, fraction) = parse_decimal(text).ok_or(NumberError::NotANumber)?;
    let fraction = fraction.trim_end_matches('0');
    let whole = whole.trim_start_matches('0');
    if whole.len() > 3 {
        return Err(NumberError::PercentAbove100);
    }
    if fraction.len() > PERCENT_DECIMALS as usize {
        return Err(NumberError::TooManyDecimals);
    }
    let whole_value: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| NumberError::NotANumber)?
    };
    let mut fraction_value: u64 = if fraction.is_empty() {
        0
    } else {
        fraction.parse().map_err(|_| NumberError::NotANumber)?
    };
    for _ in fraction.len()..PERCENT_DECIMALS as usize {
        fraction_value *= 10;
    }
    let percent = Percent(whole_value * PERCENT_SCALE + fraction_value);
    if percent > Percent::HUNDRED {
        return Err(NumberError::PercentAbove100);
    }
    Ok(Some(percent))
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
/// rounded down (so a figure just under a threshold never displays as the threshold), and
/// without trailing zeros: 655000 at 4 → "65,5".
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

/// A percentage with at most one decimal, rounded down, without the % sign: "65,5".
pub fn format_percent(percent: Percent, style: NumberStyle) -> String {
    format_scaled(percent.scaled(), PERCENT_DECIMALS, 1, style)
}

/// A score or other non-negative real number with at most `shown` decimals, rounded to
/// nearest: 75.266 → "75,27".
pub fn format_real(value: f64, shown: u32, style: NumberStyle) -> String {
    let unit = 10_f64.powi(shown as i32);
    let scaled = (value.max(0.0) * unit).round() as u64;
    format_scaled(scaled, shown, shown, style)
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

#[cfg(test)]
mod tests {
    use super::*;

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
        // 64,99% must not show as 65%.
        assert_eq!(format_percent(Percent::from_scaled(649_999), vi), "64,9");
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
