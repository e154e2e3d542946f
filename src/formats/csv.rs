//! CSV for spreadsheets: one unit's results, or a bloc's ranking table.
//!
//! Conventions (see `docs/formats.md`): UTF-8 with a byte-order mark so Excel detects the
//! encoding, CRLF line ends, RFC 4180 quoting, no `sep=` line (it would hide the byte-order
//! mark from Excel). The separator is the list separator of the file's language, so that
//! Excel opens the file in columns by double-click: `;` in Vietnamese (Vietnamese Windows
//! writes decimals with a comma and lists with `;`), `,` in English. Labels and words come
//! from the translation table; ids stay the same in both languages. Whole numbers as plain
//! digits; decimals as the interface writes them: `97,84` in Vietnamese, `97.84` in English;
//! yes/no columns as `1`/`0`. Text that a spreadsheet could run as a formula gets a leading
//! apostrophe.

use crate::domain::bloc_table::ScoreSource;
use crate::domain::evaluate::{Evaluation, Gap, Status};
use crate::domain::figures::{EntryMode, TargetEntry};
use crate::domain::grid::{CellStatus, GridRow};
use crate::domain::number::{
    format_hundredths, format_real, format_scaled, parse_count, parse_percent, NumberStyle,
    Percent, PERCENT_DECIMALS,
};
use crate::domain::plan::{BlocId, Measure, Plan, Target};
use crate::domain::profile::Profile;
use crate::domain::rank::RankRange;
use crate::domain::score::ScoringModel;
use crate::i18n::{bloc_name, rating_name, source_name, status_name, Lang};

/// The byte-order mark every CSV of the app starts with.
pub const BOM: char = '\u{FEFF}';
const CRLF: &str = "\r\n";

/// One row of a bloc's ranking table.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    /// The rank, a range when peers' figures are unknown; `None` when the score is unknown.
    pub rank: Option<RankRange>,
    pub unit_id: String,
    pub unit_name: String,
    /// 0–100; `None` when unknown. Written with two decimals.
    pub score: Option<f64>,
    /// Where the score comes from.
    pub source: ScoreSource,
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

/// The field separator of a file in this language: the list separator of a spreadsheet set
/// to it. Vietnamese Windows uses `;` (its decimal separator is the comma), English `,`.
pub fn separator(lang: Lang) -> char {
    match lang {
        Lang::Vi => ';',
        Lang::En => ',',
    }
}

/// One field, neutralised and quoted as RFC 4180 asks (when it holds the separator, `"`, CR
/// or LF).
pub fn field(text: &str, separator: char) -> String {
    let text = neutralise(text);
    if text.contains([separator, '"', '\r', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

fn push_row<S: AsRef<str>>(out: &mut String, separator: char, cells: &[S]) {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(separator);
        }
        out.push_str(&field(cell.as_ref(), separator));
    }
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
fn percent_cell(percent: Percent, lang: Lang) -> String {
    match lang {
        Lang::Vi => format_scaled(
            percent.scaled(),
            PERCENT_DECIMALS,
            PERCENT_DECIMALS,
            NumberStyle::Vietnamese,
        ),
        Lang::En => percent_number(percent),
    }
}

/// A score in the file's language: as the page shows it in Vietnamese (`97,84`), with two
/// decimals and a `.` in English (`97.84`); empty when not a finite number.
fn score_cell(score: f64, lang: Lang) -> String {
    if lang == Lang::Vi && score.is_finite() {
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

/// The 14 cells of one target's row.
fn target_cells<'a>(
    target: &'a Target,
    entry: &TargetEntry,
    evaluation: &Evaluation,
    bloc: BlocId,
    lang: Lang,
) -> Vec<String> {
    let pick = |text: &'a crate::domain::plan::Text| lang.pick(text);
    let mut numerator = String::new();
    let mut denominator = String::new();
    let percent_cell = |percent: Percent| percent_cell(percent, lang);
    let mut percent = evaluation.actual.map(percent_cell).unwrap_or_default();
    let mut answer = "";
    let mut before = String::new();
    let mut after = String::new();
    let mut gap_noun = "";
    match &target.measure {
        Measure::Ratio { one_more, .. } => {
            gap_noun = pick(one_more);
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
        Measure::Increase { one_more, .. } => {
            gap_noun = pick(one_more);
            before = count_cell(&entry.before);
            after = count_cell(&entry.after);
        }
    }
    let (gap, gap_unit) = match evaluation.gap {
        Some(Gap::Items(items) | Gap::Share { items, .. }) => (items.to_string(), gap_noun),
        Some(Gap::Points(points)) => (percent_cell(points), lang.texts().percentage_points),
        None => (String::new(), ""),
    };
    vec![
        target.id.key().to_string(),
        pick(&target.label).to_string(),
        flag(Some(evaluation.status.counts())).to_string(),
        evaluation.status.key().to_string(),
        status_name(lang, evaluation.status).to_string(),
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
/// in table order. Labels, words and decimals in the language; ids (target, unit, status)
/// and whole numbers are the same in both.
pub fn profile_csv(plan: &Plan, profile: &Profile, model: &ScoringModel, lang: Lang) -> String {
    let t = lang.texts();
    let sep = separator(lang);
    let [unit, unit_id, label, bloc, score, rating, met] = t.csv_profile_rows;
    let evaluations = profile.evaluate_all(plan, model);
    let summary = profile.summary(plan, model);
    let mut out = String::new();
    out.push(BOM);
    push_row(
        &mut out,
        sep,
        &[unit, profile.unit_name(plan).unwrap_or("")],
    );
    push_row(&mut out, sep, &[unit_id, &profile.unit_id]);
    push_row(&mut out, sep, &[label, &profile.label]);
    push_row(&mut out, sep, &[bloc, bloc_name(lang, plan, profile.bloc)]);
    push_row(&mut out, sep, &[score, &score_cell(summary.score, lang)]);
    push_row(&mut out, sep, &[rating, rating_name(lang, summary.rating)]);
    push_row(
        &mut out,
        sep,
        &[
            met,
            &summary.met.to_string(),
            &summary.applicable.to_string(),
        ],
    );
    out.push_str(CRLF);
    push_row(&mut out, sep, &t.csv_target_columns);
    for (target, evaluation) in &evaluations {
        let cells = target_cells(
            target,
            profile.entry(target.id),
            evaluation,
            profile.bloc,
            lang,
        );
        push_row(&mut out, sep, &cells);
    }
    out
}

// ---------------------------------------------------------------------------------------
// The bloc's table
// ---------------------------------------------------------------------------------------

/// A rank as a spreadsheet cell: `3`, or `3–9` with an en dash (a hyphen between digits
/// reads as a date).
fn rank_cell(rank: Option<RankRange>) -> String {
    match rank {
        Some(rank) if rank.is_exact() => rank.best.to_string(),
        Some(rank) => format!("{}–{}", rank.best, rank.worst),
        None => String::new(),
    }
}

/// A bloc's ranking table as CSV: a header row, then one row per unit as given. Score as in
/// [`profile_csv`], source as its id and in words, award zone as `1`/`0` (empty when
/// unknown).
pub fn table_csv(rows: &[TableRow], lang: Lang) -> String {
    let sep = separator(lang);
    let mut out = String::new();
    out.push(BOM);
    push_row(&mut out, sep, &lang.texts().csv_table_columns);
    for row in rows {
        push_row(
            &mut out,
            sep,
            &[
                rank_cell(row.rank),
                row.unit_id.clone(),
                row.unit_name.clone(),
                row.score
                    .map(|score| score_cell(score, lang))
                    .unwrap_or_default(),
                row.source.key().to_string(),
                source_name(lang, row.source).to_string(),
                flag(row.in_award_zone).to_string(),
            ],
        );
    }
    out
}

// ---------------------------------------------------------------------------------------
// The district office's grid (issue 13)
// ---------------------------------------------------------------------------------------

/// A grid cell's status in words.
pub fn cell_status_name(lang: Lang, status: CellStatus) -> &'static str {
    let t = lang.texts();
    match status {
        CellStatus::Met => t.status_met,
        CellStatus::NotMet => t.status_not_met,
        CellStatus::Incomplete => t.status_incomplete,
        CellStatus::NotApplicable => t.status_na,
        CellStatus::Missing => t.grid_status_missing,
    }
}

/// A grid cell's figure as a spreadsheet cell: a ratio's percentage (in the file's
/// language), a yes/no answer as `1`/`0`, an increase as `before → after`.
fn grid_value(target: &Target, evaluation: Option<&Evaluation>, lang: Lang) -> String {
    let Some(evaluation) = evaluation else {
        return String::new();
    };
    if evaluation.status == Status::NotApplicable {
        return String::new();
    }
    match (&target.measure, evaluation.counts) {
        (Measure::Increase { .. }, Some((before, after))) => format!("{before} → {after}"),
        (Measure::YesNo { .. }, _) => match evaluation.status {
            Status::Met => "1".into(),
            Status::NotMet => "0".into(),
            _ => String::new(),
        },
        _ => evaluation
            .actual
            .map(|p| percent_cell(p, lang))
            .unwrap_or_default(),
    }
}

/// The grid as one CSV: a header row, then one row per unit as given: bloc, unit id and
/// name, sent (`1`/`0`), the file's export date (`YYYY-MM-DD`, empty when typed here),
/// targets without figures, score; then for each target of the plan its figure and its
/// result in words.
pub fn grid_csv(plan: &Plan, rows: &[GridRow], lang: Lang) -> String {
    let t = lang.texts();
    let sep = separator(lang);
    let mut out = String::new();
    out.push(BOM);
    let mut header: Vec<String> = t.csv_grid_columns.iter().map(|s| s.to_string()).collect();
    for target in &plan.targets {
        let label = lang.pick(&target.label);
        header.push(label.to_string());
        header.push(format!("{label} – {}", t.csv_grid_result));
    }
    push_row(&mut out, sep, &header);
    for row in rows {
        let mut cells = vec![
            bloc_name(lang, plan, row.bloc).to_string(),
            row.key.clone(),
            row.name.clone(),
            flag(Some(row.submitted())).to_string(),
            row.exported_at.clone().unwrap_or_default(),
            if row.submitted() {
                row.lacking().to_string()
            } else {
                String::new()
            },
            row.summary
                .map(|s| score_cell(s.score, lang))
                .unwrap_or_default(),
        ];
        for (target, (status, evaluation)) in plan.targets.iter().zip(&row.cells) {
            cells.push(grid_value(target, evaluation.as_ref(), lang));
            cells.push(cell_status_name(lang, *status).to_string());
        }
        push_row(&mut out, sep, &cells);
    }
    out
}

// ---------------------------------------------------------------------------------------
// Reading back
// ---------------------------------------------------------------------------------------

/// Parses CSV text with this separator into rows of fields: skips a leading byte-order mark,
/// accepts CRLF, LF or CR line ends, quoted fields with doubled quotes and line breaks inside.
/// An empty line is a row with one empty field; a final line end does not start another row.
/// Lenient: a stray quote inside an unquoted field is kept as text.
pub fn parse_csv(text: &str, separator: char) -> Vec<Vec<String>> {
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
            c if c == separator => row.push(std::mem::take(&mut cell)),
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
