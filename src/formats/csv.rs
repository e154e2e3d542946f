//! CSV for spreadsheets: one unit's results, or a bloc's ranking table.
//!
//! Conventions (see `docs/formats.md`): UTF-8 with a byte-order mark so Excel detects the
//! encoding, CRLF line ends, comma separators, RFC 4180 quoting, no `sep=` line (it would
//! hide the byte-order mark from Excel). Whole numbers as plain digits; decimals as the
//! interface writes them: `97,84` in Vietnamese (quoted, it holds a comma), `97.84` in
//! English; yes/no columns as `1`/`0`.
//! Text that a spreadsheet could run as a formula gets a leading apostrophe.

use crate::domain::evaluate::{Evaluation, Gap};
use crate::domain::figures::{EntryMode, TargetEntry};
use crate::domain::number::{
    format_hundredths, format_real, format_scaled, parse_count, parse_percent, NumberStyle,
    Percent, PERCENT_DECIMALS,
};
use crate::domain::profile::Profile;
use crate::domain::score::{Rating, ScoringModel};
use crate::domain::targets::{Measure, Target};
use crate::domain::units::Bloc;

/// The byte-order mark every CSV of the app starts with.
pub const BOM: char = '\u{FEFF}';
const CRLF: &str = "\r\n";

/// One row of a bloc's ranking table.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    /// The rank as shown: `"3"`, or a range `"3–9"` when peers' figures are unknown. A
    /// hyphen between digits is written as an en dash so spreadsheets do not read a date.
    pub rank: String,
    pub unit_id: String,
    pub unit_name: String,
    /// 0–100; `None` when unknown. Written with two decimals.
    pub score: Option<f64>,
    /// Where the score comes from: `"own"`, `"profile"`, `"typed"` or `"unknown"`.
    pub source: &'static str,
    /// Whether the rank is within the award places; `None` when it cannot be told.
    pub in_award_zone: Option<bool>,
}

// ---------------------------------------------------------------------------------------
// Writing cells
// ---------------------------------------------------------------------------------------

/// `-5`, `12`, `65.5`, `+3`: text a spreadsheet reads as a plain number, not a formula.
fn is_plain_number(text: &str) -> bool {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (whole, fraction) = match digits.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (digits, None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    all_digits(whole) && fraction.is_none_or(all_digits)
}

/// Prefixes an apostrophe to text that starts like a formula (`=`, `+`, `-`, `@`, tab or
/// carriage return), unless it is a plain number.
pub fn neutralise(text: &str) -> String {
    let risky = text.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && !is_plain_number(text) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

/// One field, neutralised and quoted as RFC 4180 asks (when it holds `,`, `"`, CR or LF).
pub fn field(text: &str) -> String {
    let text = neutralise(text);
    if text.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

fn push_row<S: AsRef<str>>(out: &mut String, cells: &[S]) {
    let line: Vec<String> = cells.iter().map(|c| field(c.as_ref())).collect();
    out.push_str(&line.join(","));
    out.push_str(CRLF);
}

/// A scaled decimal with a `.` and without trailing zeros: 655000 at 4 → `65.5`.
fn decimal(scaled: u64, decimals: u32) -> String {
    let unit = 10_u64.pow(decimals);
    let fraction = format!("{:0width$}", scaled % unit, width = decimals as usize);
    let fraction = fraction.trim_end_matches('0');
    if fraction.is_empty() {
        (scaled / unit).to_string()
    } else {
        format!("{}.{fraction}", scaled / unit)
    }
}

/// A percentage as a spreadsheet number, with up to 4 decimals, rounded down: `33.3333`.
pub fn percent_number(percent: Percent) -> String {
    decimal(percent.scaled(), PERCENT_DECIMALS)
}

/// A score with two decimals and a `.`: `75.27`; empty when not a finite number.
pub fn score_number(score: f64) -> String {
    if score.is_finite() {
        format_hundredths(score)
    } else {
        String::new()
    }
}

/// A percentage in the file's language: up to 4 decimals, `39,6917` in Vietnamese (the
/// page's number style), `39.6917` in English.
fn percent_cell(percent: Percent, vi: bool) -> String {
    if vi {
        format_scaled(
            percent.scaled(),
            PERCENT_DECIMALS,
            PERCENT_DECIMALS,
            NumberStyle::Vietnamese,
        )
    } else {
        percent_number(percent)
    }
}

/// A score in the file's language: as the page shows it in Vietnamese (`97,84`), with two
/// decimals and a `.` in English (`97.84`); empty when not a finite number.
fn score_cell(score: f64, vi: bool) -> String {
    if vi && score.is_finite() {
        format_real(score, 2, NumberStyle::Vietnamese)
    } else {
        score_number(score)
    }
}

fn flag(value: Option<bool>) -> &'static str {
    match value {
        Some(true) => "1",
        Some(false) => "0",
        None => "",
    }
}

/// A count field: the number when it parses, the typed text when it does not.
fn count_cell(typed: &str) -> String {
    match parse_count(typed) {
        Ok(Some(n)) => n.to_string(),
        Ok(None) => String::new(),
        Err(_) => typed.to_string(),
    }
}

// ---------------------------------------------------------------------------------------
// The unit's results
// ---------------------------------------------------------------------------------------

fn bloc_name(bloc: Bloc, vi: bool) -> &'static str {
    match (bloc, vi) {
        (Bloc::Commune, true) => "Khối xã, thị trấn",
        (Bloc::Agency, true) => "Khối ban ngành huyện",
        (Bloc::Commune, false) => "Communes and towns",
        (Bloc::Agency, false) => "District agencies",
    }
}

fn rating_name(rating: Rating, vi: bool) -> &'static str {
    match (rating, vi) {
        (Rating::Good, true) => "Tốt",
        (Rating::Fair, true) => "Khá",
        (Rating::Average, true) => "Trung bình",
        (Rating::Weak, true) => "Yếu",
        (Rating::Good, false) => "Good",
        (Rating::Fair, false) => "Fair",
        (Rating::Average, false) => "Average",
        (Rating::Weak, false) => "Weak",
    }
}

/// The column headers of the target table, Vietnamese and English.
pub const TARGET_COLUMNS: [(&str, &str); 13] = [
    ("Mã chỉ tiêu", "Target id"),
    ("Chỉ tiêu", "Target"),
    ("Áp dụng", "Applicable"),
    ("Trạng thái", "Status"),
    ("Tử số", "Numerator"),
    ("Mẫu số", "Denominator"),
    ("Tỷ lệ đạt (%)", "Achieved (%)"),
    ("Mức chỉ tiêu (%)", "Threshold (%)"),
    ("Trả lời có/không", "Yes/no answer"),
    ("Số đầu năm", "Start of year"),
    ("Số cuối năm", "End of year"),
    ("Còn thiếu", "Gap"),
    ("Đơn vị của phần còn thiếu", "Gap unit"),
];

/// The 13 cells of one target's row.
fn target_cells(
    target: &Target,
    entry: &TargetEntry,
    evaluation: &Evaluation,
    bloc: Bloc,
    vi: bool,
) -> Vec<String> {
    let pick = |text: &crate::domain::targets::Text| if vi { text.vi } else { text.en };
    let mut numerator = String::new();
    let mut denominator = String::new();
    let percent_cell = |percent: Percent| percent_cell(percent, vi);
    let mut percent = evaluation.actual.map(percent_cell).unwrap_or_default();
    let mut answer = "";
    let mut before = String::new();
    let mut after = String::new();
    let mut gap_noun = "";
    match target.measure {
        Measure::Ratio { gap_noun: noun, .. } => {
            gap_noun = pick(&noun);
            match entry.mode {
                EntryMode::Counts => {
                    numerator = count_cell(&entry.numerator);
                    denominator = count_cell(&entry.denominator);
                }
                EntryMode::Percent => {
                    if percent.is_empty() {
                        percent = match parse_percent(&entry.percent) {
                            Ok(Some(p)) => percent_cell(p),
                            Ok(None) => String::new(),
                            Err(_) => entry.percent.clone(),
                        };
                    }
                }
            }
        }
        Measure::YesNo { .. } => answer = flag(entry.answer),
        Measure::Increase { gap_noun: noun, .. } => {
            gap_noun = pick(&noun);
            before = count_cell(&entry.before);
            after = count_cell(&entry.after);
        }
    }
    let (gap, gap_unit) = match evaluation.gap {
        Some(Gap::Items(items) | Gap::Share { items, .. }) => (items.to_string(), gap_noun),
        Some(Gap::Points(points)) => (
            percent_cell(points),
            if vi {
                "điểm phần trăm"
            } else {
                "percentage points"
            },
        ),
        None => (String::new(), ""),
    };
    vec![
        target.key.to_string(),
        pick(&target.label).to_string(),
        flag(Some(evaluation.status.counts())).to_string(),
        evaluation.status.key().to_string(),
        numerator,
        denominator,
        percent,
        target.threshold(bloc).map(percent_cell).unwrap_or_default(),
        answer.to_string(),
        before,
        after,
        gap,
        gap_unit.to_string(),
    ]
}

/// One unit's results as CSV: seven header rows (unit name, unit id, profile name, bloc,
/// score, rating, met and applicable), an empty row, then a table with one row per target
/// in table order. Labels in Vietnamese when `lang_vi`, else English; ids, status keys and
/// numbers are the same in both.
pub fn profile_csv(profile: &Profile, model: &ScoringModel, lang_vi: bool) -> String {
    let vi = lang_vi;
    let l = |vi_text: &'static str, en_text: &'static str| if vi { vi_text } else { en_text };
    let evaluations = profile.evaluate_all(model);
    let summary = profile.summary(model);
    let mut out = String::new();
    out.push(BOM);
    push_row(
        &mut out,
        &[l("Đơn vị", "Unit"), profile.unit_name().unwrap_or("")],
    );
    push_row(&mut out, &[l("Mã đơn vị", "Unit id"), &profile.unit_id]);
    push_row(&mut out, &[l("Tên hồ sơ", "Profile name"), &profile.label]);
    push_row(&mut out, &[l("Khối", "Bloc"), bloc_name(profile.bloc, vi)]);
    push_row(
        &mut out,
        &[l("Điểm", "Score"), &score_cell(summary.score, vi)],
    );
    push_row(
        &mut out,
        &[l("Xếp loại", "Rating"), rating_name(summary.rating, vi)],
    );
    push_row(
        &mut out,
        &[
            l("Số chỉ tiêu đạt / áp dụng", "Targets met / applicable"),
            &summary.met.to_string(),
            &summary.applicable.to_string(),
        ],
    );
    out.push_str(CRLF);
    let header: Vec<&str> = TARGET_COLUMNS
        .iter()
        .map(|(vi_text, en_text)| l(vi_text, en_text))
        .collect();
    push_row(&mut out, &header);
    for (target, evaluation) in &evaluations {
        let cells = target_cells(
            target,
            profile.entry(target.id),
            evaluation,
            profile.bloc,
            vi,
        );
        push_row(&mut out, &cells);
    }
    out
}

// ---------------------------------------------------------------------------------------
// The bloc's table
// ---------------------------------------------------------------------------------------

/// The column headers of the ranking table, Vietnamese and English.
pub const TABLE_COLUMNS: [(&str, &str); 6] = [
    ("Hạng", "Rank"),
    ("Mã đơn vị", "Unit id"),
    ("Đơn vị", "Unit"),
    ("Điểm", "Score"),
    ("Nguồn điểm", "Score source"),
    ("Trong nhóm khen thưởng", "In award zone"),
];

/// `3-9` → `3–9`: an en dash between digits, so no spreadsheet reads a date.
fn rank_text(rank: &str) -> String {
    let chars: Vec<char> = rank.chars().collect();
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let between_digits = i > 0
                && chars[i - 1].is_ascii_digit()
                && chars.get(i + 1).is_some_and(char::is_ascii_digit);
            if c == '-' && between_digits {
                '–'
            } else {
                c
            }
        })
        .collect()
}

/// A bloc's ranking table as CSV: a header row, then one row per unit as given. Score as in
/// [`profile_csv`], source as its key, award zone as `1`/`0` (empty when unknown).
pub fn table_csv(rows: &[TableRow], lang_vi: bool) -> String {
    let mut out = String::new();
    out.push(BOM);
    let header: Vec<&str> = TABLE_COLUMNS
        .iter()
        .map(|(vi, en)| if lang_vi { *vi } else { *en })
        .collect();
    push_row(&mut out, &header);
    for row in rows {
        push_row(
            &mut out,
            &[
                rank_text(&row.rank),
                row.unit_id.clone(),
                row.unit_name.clone(),
                row.score
                    .map(|score| score_cell(score, lang_vi))
                    .unwrap_or_default(),
                row.source.to_string(),
                flag(row.in_award_zone).to_string(),
            ],
        );
    }
    out
}

// ---------------------------------------------------------------------------------------
// Reading back
// ---------------------------------------------------------------------------------------

/// Parses CSV text into rows of fields: skips a leading byte-order mark, accepts CRLF, LF or
/// CR line ends, quoted fields with doubled quotes and line breaks inside. An empty line is a
/// row with one empty field; a final line end does not start another row. Lenient: a stray
/// quote inside an unquoted field is kept as text.
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut chars = text.chars().peekable();
    let mut in_quotes = false;
    let mut row_started = false;
    while let Some(c) = chars.next() {
        row_started = true;
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => in_quotes = false,
                _ => cell.push(c),
            }
            continue;
        }
        match c {
            '"' if cell.is_empty() => in_quotes = true,
            ',' => row.push(std::mem::take(&mut cell)),
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
                row_started = false;
            }
            _ => cell.push(c),
        }
    }
    if row_started {
        row.push(cell);
        rows.push(row);
    }
    rows
}
