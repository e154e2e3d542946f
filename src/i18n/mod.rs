//! Every user-visible string, in Vietnamese (default, `vi.rs`) and English (`en.rs`). The
//! `Texts` struct of plain strings and the `Messages` trait (one method per message with a
//! figure or a name in it, whose arguments the compiler checks) make a missing translation a
//! compile error. Each language formats its numbers and, in English, picks singular or
//! plural; the functions at the bottom turn domain values (errors, gaps, ranks) into text.

use crate::domain::bloc_table::ScoreSource;
use crate::domain::evaluate::{Evaluation, FieldError, Gap, Status};
use crate::domain::figures::{EntryMode, TargetEntry};
use crate::domain::number::{
    format_count, format_percent, NumberError, NumberStyle, Percent, MAX_COUNT, PERCENT_DECIMALS,
};
use crate::domain::plan::{BlocId, Measure, Plan, Requirement, Target, Text};
use crate::domain::plan_check::{PlanProblem, PlanProblemKind, YEARS};
use crate::domain::rank::{AwardVerdict, RankRange, ZoneMargin};
use crate::domain::score::{Rating, RatingBands};
use crate::formats::json_read::{DocumentProblem, ShapeProblem};
use crate::formats::plan_file::{PlanFileError, PlanFileProblem};
use crate::formats::share_link::{LinkError, ShareRefusal};
use crate::formats::unit_file::{ImportError, ImportProblem, SAVED_DATA_FORMAT};
use crate::formats::validate::ProfileProblem;

pub use crate::domain::language::Lang;

mod en;
mod vi;

pub use en::{CRASH_TEXT as CRASH_TEXT_EN, EN};
pub use vi::VI;

// Issue 14: in the split build the English texts live in an on-demand module of their own
// (src/app/lazy.rs loads it when English is chosen, and in idle time): until it is here,
// English pages show the Vietnamese texts. Elsewhere (Trunk's one-module build, the
// pre-renderer, the tests) they are always here.
crate::on_demand::on_demand_slot!(
    /// The English texts, if they are here (see above).
    english, install_english: &'static Texts = &EN
);

impl Lang {
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Vi => &VI,
            Lang::En => english().unwrap_or(&VI),
        }
    }

    /// The language whose texts are on screen: Vietnamese while the English ones load.
    pub fn shown(self) -> Lang {
        match self {
            Lang::En if english().is_none() => Lang::Vi,
            lang => lang,
        }
    }

    /// A plan's text in this language (the Vietnamese where the plan has no English).
    pub fn pick(self, text: &Text) -> &str {
        match self {
            Lang::Vi => &text.vi,
            Lang::En => text.english_or_vi(),
        }
    }

    pub fn numbers(self) -> NumberStyle {
        match self {
            Lang::Vi => NumberStyle::Vietnamese,
            Lang::En => NumberStyle::English,
        }
    }

    /// The `lang` attribute of the page.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// The language of a `lang` attribute.
    pub fn from_code(code: &str) -> Option<Lang> {
        [Lang::Vi, Lang::En]
            .into_iter()
            .find(|lang| lang.code() == code)
    }
}

/// The name of a profile's field, as the form labels it ("target — input" for a target's).
pub fn profile_field_name(
    lang: Lang,
    plan: &Plan,
    field: crate::domain::merge::ProfileField,
) -> String {
    use crate::domain::figures::Field;
    use crate::domain::merge::{EntryPart, ProfileField};
    let t = lang.texts();
    match field {
        // The label without its hint in brackets.
        ProfileField::Label => t
            .profile_name_label
            .split(" (")
            .next()
            .unwrap_or_default()
            .to_string(),
        ProfileField::Unit => t.unit_label.to_string(),
        ProfileField::OtherName => t.unit_name_label.to_string(),
        ProfileField::Entry(id, part) => {
            let Some(target) = plan.target(id) else {
                return id.key().to_string();
            };
            let part = match (part, &target.measure) {
                (EntryPart::Text(Field::Numerator), Measure::Ratio { numerator, .. }) => {
                    lang.pick(numerator)
                }
                (EntryPart::Text(Field::Denominator), Measure::Ratio { denominator, .. }) => {
                    lang.pick(denominator)
                }
                (EntryPart::Text(Field::Before), Measure::Increase { before, .. }) => {
                    lang.pick(before)
                }
                (EntryPart::Text(Field::After), Measure::Increase { after, .. }) => {
                    lang.pick(after)
                }
                (EntryPart::Answer, Measure::YesNo { question, .. }) => lang.pick(question),
                (EntryPart::Mode, _) => t.entry_label,
                (EntryPart::NotApplicable, _) => t.na_label,
                _ => t.percent_label,
            };
            format!("{} — {}", lang.pick(&target.label), part)
        }
    }
}

/// The notice that another tab's later edit replaced one of this tab's.
pub fn edit_conflict_message(
    lang: Lang,
    plan: &Plan,
    unit: Option<&str>,
    field: crate::domain::merge::ProfileField,
) -> String {
    let t = lang.texts();
    t.banner_edit_conflict(
        &profile_field_name(lang, plan, field),
        unit.unwrap_or(t.profile_unnamed),
    )
}

#[derive(serde::Serialize)]
pub struct Texts {
    /// The messages with figures in them, reached through `Deref`.
    #[serde(skip)]
    messages: &'static dyn Messages,
    /// After the plan's issuer under the page title.
    pub app_tagline: &'static str,
    /// How the score is made, beside the plan's own rating bands.
    pub model_intro: &'static str,
    pub privacy_note: &'static str,
    /// Shown on the pre-rendered first screen until the app has started.
    pub first_screen_loading: &'static str,
    pub unit_section: &'static str,
    pub plan_label: &'static str,
    /// A unit file or link made with other rules than this browser's copy of its plan.
    pub plan_mismatch: &'static str,
    /// After the name of a plan shipped as an example.
    pub plan_example: &'static str,
    pub bloc_label: &'static str,
    pub unit_label: &'static str,
    pub unit_placeholder: &'static str,
    pub unit_other: &'static str,
    pub unit_name_label: &'static str,
    pub unit_name_placeholder: &'static str,
    pub unit_not_chosen: &'static str,
    pub summary_label: &'static str,
    pub score_label: &'static str,
    pub rating_label: &'static str,
    pub rating_good: &'static str,
    pub rating_fair: &'static str,
    pub rating_average: &'static str,
    pub rating_weak: &'static str,
    pub nothing_applicable: &'static str,
    pub status_met: &'static str,
    pub status_not_met: &'static str,
    pub status_na: &'static str,
    pub status_incomplete: &'static str,
    pub status_invalid: &'static str,
    pub threshold_all: &'static str,
    pub threshold_yes: &'static str,
    pub threshold_increase: &'static str,
    pub na_label: &'static str,
    pub na_by_default: &'static str,
    pub na_zero_denominator: &'static str,
    pub entry_label: &'static str,
    pub entry_counts: &'static str,
    pub entry_percent: &'static str,
    pub percent_label: &'static str,
    pub answer_no: &'static str,
    pub answered_no: &'static str,
    pub unanswered: &'static str,
    pub help_toggle: &'static str,
    pub error_not_a_number: &'static str,
    pub error_negative: &'static str,
    pub error_not_whole: &'static str,
    pub error_above_100: &'static str,
    pub banner_storage_blocked: &'static str,
    pub banner_storage_full: &'static str,
    pub banner_unreadable_left: &'static str,
    pub dismiss: &'static str,
    pub banner_updated: &'static str,
    /// An example plan chosen offline before its file was ever downloaded (issue 14).
    pub banner_example_unavailable: &'static str,
    pub crash_title: &'static str,
    pub crash_text: &'static str,
    pub crash_download: &'static str,
    pub crash_reload: &'static str,
    pub banner_synced: &'static str,
    pub language_switch: &'static str,
    pub model_heading: &'static str,
    pub nav_label: &'static str,
    pub nav_calculator: &'static str,
    pub nav_ranking: &'static str,
    pub nav_district: &'static str,
    pub nav_settings: &'static str,
    pub profile_label: &'static str,
    pub profile_name_label: &'static str,
    // The profile picker's search (issue 14, store)
    pub profile_search_label: &'static str,
    // End of the profile picker's search (issue 14, store)
    pub profile_unnamed: &'static str,
    pub profile_new: &'static str,
    pub profile_duplicate: &'static str,
    pub profile_delete: &'static str,
    pub undo: &'static str,
    pub rank_no_unit: &'static str,
    pub margin_tie: &'static str,
    pub table_heading: &'static str,
    pub col_rank: &'static str,
    pub col_unit: &'static str,
    pub col_score: &'static str,
    pub col_source: &'static str,
    pub source_own: &'static str,
    pub source_profile: &'static str,
    pub source_typed: &'static str,
    pub source_unknown: &'static str,
    pub peer_unknown: &'static str,
    pub peer_hint: &'static str,
    pub in_zone: &'static str,
    // Trainer: leaderboard, chart, presentation, model against default (issue 13)
    pub present_start: &'static str,
    pub present_stop: &'static str,
    pub chart_title: &'static str,
    pub leaderboard_order: &'static str,
    pub legend_heading: &'static str,
    pub legend_own: &'static str,
    pub legend_zone_in: &'static str,
    pub legend_zone_possible: &'static str,
    pub legend_range: &'static str,
    pub legend_no_rank: &'static str,
    pub legend_default: &'static str,
    pub legend_cutoff: &'static str,
    pub own_mark: &'static str,
    pub peer_settle_hint: &'static str,
    // End of trainer (issue 13)
    pub error_score_range: &'static str,
    pub improve_heading: &'static str,
    pub improve_none: &'static str,
    pub step_enter: &'static str,
    pub step_fix: &'static str,
    pub step_yes: &'static str,
    pub improve_zone_unreachable: &'static str,
    pub improve_zone_already: &'static str,
    pub district_heading: &'static str,
    pub district_intro: &'static str,
    pub district_table: &'static str,
    pub col_target: &'static str,
    pub col_units_met: &'static str,
    pub scope_district: &'static str,
    /// The last column of the district table, for a plan other than the built-in one.
    pub scope_whole_plan: &'static str,
    pub total_none: &'static str,
    pub settings_heading: &'static str,
    pub settings_intro: &'static str,
    pub mode_label: &'static str,
    pub mode_proportional: &'static str,
    pub mode_all_or_nothing: &'static str,
    pub weights_heading: &'static str,
    pub weight_label: &'static str,
    pub applicability_label: &'static str,
    pub applicability_default: &'static str,
    pub applicability_all: &'static str,
    pub applicability_none: &'static str,
    pub bands_heading: &'static str,
    pub band_good: &'static str,
    pub band_fair: &'static str,
    pub band_average: &'static str,
    pub band_order_error: &'static str,
    pub award_places_heading: &'static str,
    pub reset_model: &'static str,
    pub model_custom_mark: &'static str,
    pub demo_heading: &'static str,
    pub demo_intro: &'static str,
    pub demo_start: &'static str,
    pub demo_banner: &'static str,
    pub demo_reset: &'static str,
    pub demo_exit: &'static str,
    pub explain_heading: &'static str,
    pub col_weight: &'static str,
    pub col_attainment: &'static str,
    pub col_points: &'static str,
    pub attain_met: &'static str,
    pub attain_not_met: &'static str,
    pub attain_missing: &'static str,
    pub attain_invalid: &'static str,
    pub nav_data: &'static str,
    pub nav_plans: &'static str,
    /// The district view's tab and heading for a plan without a district.
    pub nav_overall: &'static str,
    pub overall_heading: &'static str,
    // The plans view (issue 12)
    pub plans_heading: &'static str,
    pub plans_intro: &'static str,
    pub plans_open_file: &'static str,
    pub plan_new: &'static str,
    pub plan_example_badge: &'static str,
    pub plan_on_screen: &'static str,
    pub plan_id_label: &'static str,
    pub plan_fingerprint_label: &'static str,
    pub plan_use: &'static str,
    pub plan_edit: &'static str,
    pub plan_edit_copy: &'static str,
    pub plan_export: &'static str,
    pub plan_share: &'static str,
    pub plan_link_label: &'static str,
    pub plan_link_too_long: &'static str,
    pub plan_replace: &'static str,
    pub plan_link_heading: &'static str,
    // Removing a plan
    pub plan_remove: &'static str,
    pub plan_remove_confirm: &'static str,
    pub plan_remove_cancel: &'static str,
    pub data_heading: &'static str,
    pub export_heading: &'static str,
    pub export_json: &'static str,
    pub export_csv: &'static str,
    pub export_table_csv: &'static str,
    /// The labels of the header rows of a unit's CSV (unit, unit id, profile name, bloc,
    /// score, rating, targets met / applicable).
    pub csv_profile_rows: [&'static str; 7],
    /// The column headers of the target table of a unit's CSV.
    pub csv_target_columns: [&'static str; 14],
    /// The column headers of a bloc's ranking CSV.
    pub csv_table_columns: [&'static str; 7],
    /// The unit of a gap in percentage points, in the CSV's gap-unit column.
    pub percentage_points: &'static str,
    pub export_hint: &'static str,
    pub problem_no_unit: &'static str,
    pub problem_other_no_name: &'static str,
    pub import_heading: &'static str,
    pub import_label: &'static str,
    pub import_drop: &'static str,
    pub import_existing: &'static str,
    pub import_incoming: &'static str,
    pub import_replace: &'static str,
    pub import_add_new: &'static str,
    pub import_skip: &'static str,
    pub file_empty: &'static str,
    pub file_not_utf8: &'static str,
    pub file_not_unit: &'static str,
    pub file_saved_backup: &'static str,
    pub file_migration: &'static str,
    pub share_heading: &'static str,
    pub share_hint: &'static str,
    pub share_make: &'static str,
    pub share_copy: &'static str,
    pub share_label: &'static str,
    pub share_file: &'static str,
    pub link_preview_heading: &'static str,
    pub link_preview_intro: &'static str,
    pub link_open_new: &'static str,
    pub link_ignore: &'static str,
    pub link_truncated: &'static str,
    pub link_damaged: &'static str,
    pub link_newer: &'static str,
    pub link_not_share: &'static str,
    pub link_too_long: &'static str,
    pub link_malformed: &'static str,
    pub print_heading: &'static str,
    pub print_hint: &'static str,
    pub print_open: &'static str,
    pub print_now: &'static str,
    pub print_back: &'static str,
    pub report_nation: &'static str,
    pub report_motto: &'static str,
    pub col_no: &'static str,
    pub col_figures: &'static str,
    pub col_threshold: &'static str,
    pub col_result: &'static str,
    pub report_preparer: &'static str,
    pub report_head: &'static str,
    pub report_sign: &'static str,
    pub report_sign_seal: &'static str,
    pub report_note: &'static str,
    pub answer_yes: &'static str,
    pub answer_no_short: &'static str,
    pub threshold_yes_short: &'static str,
    pub threshold_increase_short: &'static str,
    pub pager_label: &'static str,
    pub pager_previous: &'static str,
    pub pager_next: &'static str,
    pub pager_own: &'static str,
    pub rating_none: &'static str,
    // Plan files (issue 12)
    pub file_not_plan: &'static str,
    pub plan_not_an_id: &'static str,
    pub plan_reserved_id: &'static str,
    pub plan_empty_text: &'static str,
    pub plan_no_blocs: &'static str,
    pub plan_no_targets: &'static str,
    pub plan_no_units: &'static str,
    pub plan_unknown_bloc: &'static str,
    pub plan_duplicate_rule: &'static str,
    pub plan_missing_threshold: &'static str,
    pub plan_threshold_not_ratio: &'static str,
    pub plan_percent_range: &'static str,
    pub plan_percent_precise: &'static str,
    pub plan_band_range: &'static str,
    pub plan_bands_order: &'static str,
    pub plan_weight_range: &'static str,
    // Plan editor (issue 12)
    pub pe_heading: &'static str,
    pub pe_intro: &'static str,
    pub pe_start_empty: &'static str,
    pub pe_start_copy: &'static str,
    pub pe_start_hint: &'static str,
    pub pe_no_problems: &'static str,
    pub pe_general: &'static str,
    pub pe_plan_id: &'static str,
    pub pe_plan_name: &'static str,
    pub pe_year: &'static str,
    pub pe_issuer: &'static str,
    pub pe_place: &'static str,
    pub pe_blocs: &'static str,
    pub pe_bloc_id: &'static str,
    pub pe_bloc_name: &'static str,
    pub pe_award_places: &'static str,
    pub pe_unit_id: &'static str,
    pub pe_unit_name: &'static str,
    pub pe_unit_add: &'static str,
    pub pe_paste_label: &'static str,
    pub pe_paste_hint: &'static str,
    pub pe_paste_append: &'static str,
    pub pe_paste_replace_note: &'static str,
    pub pe_paste_apply: &'static str,
    pub pe_move_up: &'static str,
    pub pe_move_down: &'static str,
    pub pe_bloc_remove: &'static str,
    pub pe_bloc_add: &'static str,
    pub pe_targets: &'static str,
    pub pe_target_id: &'static str,
    pub pe_target_label: &'static str,
    pub pe_target_help: &'static str,
    pub pe_kind: &'static str,
    pub pe_kind_ratio: &'static str,
    pub pe_kind_yes_no: &'static str,
    pub pe_kind_increase: &'static str,
    pub pe_numerator: &'static str,
    pub pe_denominator: &'static str,
    pub pe_one_more: &'static str,
    pub pe_question: &'static str,
    pub pe_before: &'static str,
    pub pe_after: &'static str,
    pub pe_overall: &'static str,
    pub pe_weight: &'static str,
    pub pe_col_bloc: &'static str,
    pub pe_offered: &'static str,
    pub pe_threshold: &'static str,
    pub pe_default_units: &'static str,
    pub pe_units_all: &'static str,
    pub pe_units_none: &'static str,
    pub pe_target_remove: &'static str,
    pub pe_target_add: &'static str,
    pub pe_scoring: &'static str,
    pub pe_preview: &'static str,
    pub pe_preview_bloc: &'static str,
    pub pe_preview_none: &'static str,
    pub pe_save: &'static str,
    pub pe_export: &'static str,
    pub pe_close: &'static str,
    pub pe_save_blocked: &'static str,
    pub pe_error_required: &'static str,
    pub pe_error_zero_places: &'static str,
    pub pe_error_bad_id: &'static str,
    pub pe_error_duplicate_id: &'static str,
    pub pe_new_plan_id: &'static str,
    pub pe_new_plan_name: &'static str,
    pub pe_new_bloc: &'static str,
    pub pe_new_unit: &'static str,
    pub pe_new_target: &'static str,
    pub pe_new_numerator: &'static str,
    pub pe_new_denominator: &'static str,
    pub pe_new_one_more: &'static str,
    pub pe_new_question: &'static str,
    pub pe_new_before: &'static str,
    pub pe_new_after: &'static str,
    // End of plan editor (issue 12)
    // The district office, collecting (issue 13)
    pub grid_heading: &'static str,
    pub grid_intro: &'static str,
    pub grid_table: &'static str,
    pub grid_col_unit: &'static str,
    pub grid_col_file: &'static str,
    pub grid_col_score: &'static str,
    pub grid_status_missing: &'static str,
    pub grid_typed_here: &'static str,
    pub grid_export_csv: &'static str,
    pub grid_print: &'static str,
    pub grid_all_sent: &'static str,
    /// Bloc, unit id, unit name, sent (1/0), export date, targets lacking figures, score.
    pub csv_grid_columns: [&'static str; 7],
    /// After a target's label: the column of its result in words.
    pub csv_grid_result: &'static str,
    pub district_units_list: &'static str,
    pub import_newer: &'static str,
    pub import_older: &'static str,
    pub import_same_day: &'static str,
    pub print_threshold_word: &'static str,
    // End of the district office (issue 13)
    // The officer's journey (issue 13)
    pub next_steps_label: &'static str,
    pub next_send: &'static str,
    pub targets_chart_title: &'static str,
    pub chart_caption: &'static str,
    pub send_heading: &'static str,
    pub send_hint: &'static str,
    pub send_share: &'static str,
    pub send_file: &'static str,
    pub send_link: &'static str,
    pub send_print: &'static str,
    pub toast_download_failed: &'static str,
    pub toast_copied: &'static str,
    pub toast_copy_failed: &'static str,
    pub toast_printed: &'static str,
    pub toast_shared: &'static str,
    pub toast_share_failed: &'static str,
    // End of the officer's journey (issue 13)
    // On-demand views (issue 14)
    /// While a view's own module downloads (a status, read out once).
    pub view_loading: &'static str,
    /// A view's module could not be downloaded (opening the view again retries).
    pub view_load_failed: &'static str,
    // End of on-demand views (issue 14)
    // Aftercare of issue 13
    /// Heads the grid's legend: each column's number and its target's name.
    pub grid_legend_heading: &'static str,
    // End of aftercare of issue 13
}

/// The messages with figures or names in them, one method each, so that the compiler checks
/// every argument. Each language formats its numbers and chooses its plurals; `Texts` reaches
/// them through `Deref` (`lang.texts().import_added(2, "a.json")`).
pub trait Messages: Sync {
    fn met_of(&self, met: usize, applicable: usize) -> String;
    fn missing(&self, n: usize) -> String;
    fn invalid_count(&self, n: usize) -> String;
    fn threshold_at_least(&self, threshold: Percent) -> String;
    /// `actual` is the percentage as the page shows it.
    fn actual(&self, actual: &str) -> String;
    fn gap_items(&self, n: u64, noun: &str) -> String;
    fn gap_share(&self, n: u64, noun: &str, total: u64) -> String;
    /// `growing`: how many if each one added also adds to the total.
    fn gap_share_growing(&self, n: u64, noun: &str, total: u64, growing: u64) -> String;
    fn gap_points(&self, points: Percent) -> String;
    fn error_too_large(&self, max: u64) -> String;
    fn error_too_many_decimals(&self, decimals: u32) -> String;
    fn error_above_denominator(&self, denominator: u64) -> String;
    /// A typed text refused for its length.
    fn error_too_long(&self, limit: usize) -> String;
    fn banner_unreadable(&self, backup_key: &str) -> String;
    fn banner_newer_left(&self, version: u64) -> String;
    /// One of this tab's recent edits was replaced by another tab's later edit.
    fn banner_edit_conflict(&self, field: &str, unit: &str) -> String;
    fn profile_deleted(&self, name: &str) -> String;
    /// Several profiles deleted since the undo offer appeared (`n` ≥ 2).
    fn profiles_deleted(&self, n: usize) -> String;
    fn rank_exact(&self, rank: usize, size: usize) -> String;
    fn rank_range(&self, best: usize, worst: usize, size: usize) -> String;
    fn award_in(&self, places: usize) -> String;
    fn award_out(&self, places: usize) -> String;
    fn award_possible(&self, places: usize) -> String;
    fn margin_ahead(&self, points: f64) -> String;
    fn margin_behind(&self, points: f64) -> String;
    fn peer_score_label(&self, unit: &str) -> String;
    fn peer_unknown_label(&self, unit: &str) -> String;
    fn award_zone_caption(&self, places: usize) -> String;
    // Trainer (issue 13)
    /// A score and rank under the default model, shown beside the custom ones.
    fn default_model_figures(&self, score: &str, rank: Option<&str>) -> String;
    /// The chart's description: `known` bars, `unknown` rows not drawn, `places` in the zone.
    fn chart_description(&self, known: usize, unknown: usize, places: usize) -> String;
    fn chart_cutoff(&self, places: usize) -> String;
    /// A peer's typed score set back to unknown, with undo.
    fn peer_cleared(&self, unit: &str, typed: &str) -> String;
    // End of trainer (issue 13)
    fn step_points(&self, points: f64) -> String;
    fn improve_zone(&self, steps: usize) -> String;
    /// `(units with a profile, units, bloc name)` of every bloc.
    fn coverage(&self, blocs: &[(usize, usize, &str)]) -> String;
    /// Units with more than one profile, of which only one counts.
    fn district_duplicates(&self, units: usize) -> String;
    /// The label of the choice of the profile that counts for a unit (`profiles` ≥ 2).
    fn district_choice_label(&self, unit: &str, profiles: usize) -> String;
    /// One option of that choice: a profile's place (from 1), name and score.
    fn district_choice_option(&self, place: usize, name: &str, score: f64) -> String;
    fn percent_only(&self, units: usize) -> String;
    fn units_met(&self, met: usize, applicable: usize) -> String;
    /// The score's formula with its figures; a relation is `=` or `≈` (rounded).
    fn explain_formula(
        &self,
        sums_relation: &str,
        earned: &str,
        total: &str,
        score_relation: &str,
        score: f64,
    ) -> String;
    fn explain_na(&self, n: usize) -> String;
    fn explain_rating(&self, bands: RatingBands) -> String;
    fn export_blocked(&self, problem: &str) -> String;
    fn problem_unknown_unit(&self, unit: &str) -> String;
    fn problem_bloc(&self, unit: &str, bloc: &str) -> String;
    fn problem_unknown_bloc(&self, bloc: &str) -> String;
    /// A unit file or link of a plan this browser does not have.
    fn unknown_plan(&self, plan_id: &str) -> String;
    fn problem_figures(&self, n: usize, target: &str, error: &str) -> String;
    fn problem_figure_too_long(&self, target: &str, chars: usize, limit: usize) -> String;
    fn import_added(&self, n: usize, files: &str) -> String;
    // Plans that came in (issue 12)
    fn plans_added(&self, names: &str) -> String;
    fn plans_replaced(&self, names: &str) -> String;
    fn plans_already_there(&self, names: &str) -> String;
    fn plan_mismatch_files(&self, files: &str) -> String;
    fn plan_conflict(&self, name: &str, id: &str) -> String;
    fn plan_builtin_id(&self, id: &str) -> String;
    fn plan_year(&self, year: u16) -> String;
    fn plan_counts(&self, blocs: usize, units: usize, targets: usize) -> String;
    // Removing a plan
    fn plan_remove_question(&self, name: &str) -> String;
    /// `n` profiles with figures belong to the plan: it cannot be removed.
    fn plan_in_use(&self, name: &str, n: usize) -> String;
    fn plan_removed(&self, name: &str) -> String;
    fn import_replaced(&self, n: usize, files: &str) -> String;
    /// Files whose data is already here, identical.
    fn import_already_there(&self, n: usize, files: &str) -> String;
    fn import_conflict_heading(&self, file: &str) -> String;
    fn import_errors_heading(&self, n: usize) -> String;
    fn file_error(&self, file: &str, problem: &str) -> String;
    fn file_too_big(&self, size: usize, limit: usize) -> String;
    fn file_not_json(&self, line: usize, column: usize) -> String;
    fn file_newer(&self, version: u64, supported: u64) -> String;
    fn file_missing_field(&self, field: &str) -> String;
    fn file_wrong_shape(&self, field: &str) -> String;
    fn file_unknown_field(&self, field: &str) -> String;
    fn file_unknown_target(&self, key: &str) -> String;
    fn file_header_mismatch(&self, header: &str, profile: &str, field: &str) -> String;
    fn share_blocked(&self, problem: &str) -> String;
    fn share_too_long(&self, chars: usize, limit: usize) -> String;
    fn link_replace(&self, name: &str) -> String;
    fn link_error(&self, problem: &str) -> String;
    fn link_bad_character(&self, position: usize) -> String;
    fn link_refused(&self, problem: &str) -> String;
    fn report_unit(&self, unit: &str) -> String;
    /// The date line of a printed report, after the plan's place name (may be empty).
    fn report_date(&self, place: &str, year: u32, month: u32, day: u32) -> String;
    /// The title of a printed report, with the plan's name.
    fn report_title(&self, plan: &str) -> String;
    fn targets_heading(&self, year: u16) -> String;
    /// The rating bands and the plan the thresholds come from.
    fn model_source(&self, bands: RatingBands, plan: &str, issuer: &str) -> String;
    /// `(award places, bloc name)` of every bloc.
    fn awards_text(&self, blocs: &[(usize, &str)]) -> String;
    fn report_score(&self, score: f64, rating: &str, met: usize, applicable: usize) -> String;
    fn report_rank(&self, rank: &str) -> String;
    fn report_model(&self, mode: &str, bands: RatingBands, places: usize) -> String;
    fn report_weights(&self, list: &str) -> String;
    /// "Page 2/5 · rows 21–40 of 93".
    fn pager_status(
        &self,
        page: usize,
        pages: usize,
        first: usize,
        last: usize,
        rows: usize,
    ) -> String;
    // Plan files (issue 12)
    /// "`plan.year`: …" — one problem of a plan at its field.
    fn plan_problem_at(&self, field: &str, problem: &str) -> String;
    /// "the plan has 3 problems: …".
    fn plan_problems(&self, n: usize, list: &str) -> String;
    fn plan_unknown_kind(&self, kind: &str, field: &str) -> String;
    fn plan_duplicate_id(&self, first: &str) -> String;
    fn plan_award_places(&self, units: usize) -> String;
    fn plan_unknown_unit(&self, unit: &str) -> String;
    fn plan_year_range(&self, first: u16, last: u16) -> String;
    fn file_duplicate_key(&self, key: &str, line: usize, column: usize) -> String;
    // Plan editor (issue 12)
    fn pe_problem_count(&self, n: usize) -> String;
    fn pe_bloc_legend(&self, n: usize, name: &str) -> String;
    fn pe_target_legend(&self, n: usize, name: &str) -> String;
    fn pe_units_count(&self, n: usize) -> String;
    fn pe_unit_remove(&self, name: &str) -> String;
    fn pe_units_only(&self, n: usize) -> String;
    fn pe_paste_count(&self, n: usize) -> String;
    fn pe_line_duplicate(&self, line: usize, code: &str, first_line: usize) -> String;
    fn pe_line_code_taken(&self, line: usize, code: &str) -> String;
    fn pe_line_bad_code(&self, line: usize, code: &str) -> String;
    fn pe_line_reserved(&self, line: usize) -> String;
    fn pe_line_columns(&self, line: usize, columns: usize) -> String;
    fn pe_line_too_long(&self, line: usize, chars: usize, limit: usize) -> String;
    fn pe_error_decimals(&self, decimals: u32) -> String;
    fn pe_error_year(&self, min: u16, max: u16) -> String;
    fn pe_error_weight(&self, max: u8) -> String;
    // End of plan editor (issue 12)
    // The district office, collecting (issue 13)
    /// The units whose figures are in a district figure, of those the target applies to.
    fn district_included(&self, included: usize, expected: usize) -> String;
    fn district_included_names(&self, names: &str) -> String;
    fn district_lacking_names(&self, names: &str) -> String;
    /// An incomplete total's estimate: the average of the units' percentages (`mean`) or
    /// their counts added up.
    fn district_estimate(&self, value: &str, units: usize, mean: bool) -> String;
    fn grid_not_sent(&self, bloc: &str, missing: usize, total: usize, names: &str) -> String;
    fn grid_lacking(&self, targets: usize) -> String;
    /// A file's export date as written in this language (`YYYY-MM-DD` in the file; any
    /// other text is shown as it is).
    fn file_date(&self, iso: &str) -> String;
    /// A file's export date in the import review; `None`: typed here, no file.
    fn import_date(&self, date: Option<&str>) -> String;
    /// The heading of a printed report: the issuing body as officers write it.
    fn report_issuer(&self, unit: &str) -> String;
    // End of the district office (issue 13)
    // The officer's journey (issue 13)
    /// The points a next step would add: "+12,5 điểm".
    fn next_points(&self, points: f64) -> String;
    /// The fold of the targets that do not apply to the unit.
    fn na_fold(&self, n: usize) -> String;
    /// A file went to the downloads.
    fn toast_downloaded(&self, file: &str) -> String;
    // End of the officer's journey (issue 13)
    // Saved data in parts (issue 14, store)
    /// `n` profiles could not be read back at load; their texts kept under `backup_key`
    /// (the first of them), when that could be written.
    fn banner_profiles_unreadable(
        &self,
        n: usize,
        pages: usize,
        backup_key: Option<&str>,
    ) -> String;
    /// The profile picker lists `shown` of `total` profiles: type to find the others.
    fn profile_search_shown(&self, shown: usize, total: usize) -> String;
    // End of saved data in parts (issue 14, store)
}

impl std::ops::Deref for Texts {
    type Target = dyn Messages;

    fn deref(&self) -> &Self::Target {
        self.messages
    }
}

// The district office (issue 13)

/// `YYYY-MM-DD` as (year, month, day), if it is one.
pub fn iso_date(text: &str) -> Option<(&str, &str, &str)> {
    let mut parts = text.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    (parts.next().is_none() && digits(y, 4) && digits(m, 2) && digits(d, 2)).then_some((y, m, d))
}

/// Whether a unit's name is that of a commune-level People's Committee (a commune, a town,
/// a ward, a special zone), which officers head "UBND XÃ …".
pub fn is_commune_level(name: &str) -> bool {
    let lower = crate::domain::letter_case::lower(name.trim());
    ["xã ", "thị trấn ", "phường ", "đặc khu "]
        .iter()
        .any(|prefix| lower.starts_with(prefix))
}

// End of the district office (issue 13)

/// A count in the given style.
fn count(n: usize, style: NumberStyle) -> String {
    format_count(n as u64, style)
}

/// A bloc's name in the plan (its id for a bloc the plan does not have).
pub fn bloc_name(lang: Lang, plan: &Plan, bloc: BlocId) -> &str {
    match plan.bloc(bloc) {
        Some(found) => lang.pick(&found.name),
        None => "",
    }
}

/// Where a score of the ranking table comes from, in words.
pub fn source_name(lang: Lang, source: ScoreSource) -> &'static str {
    let t = lang.texts();
    match source {
        ScoreSource::Own => t.source_own,
        ScoreSource::Profile => t.source_profile,
        ScoreSource::Typed => t.source_typed,
        ScoreSource::Unknown => t.source_unknown,
    }
}

pub fn status_name(lang: Lang, status: Status) -> &'static str {
    let t = lang.texts();
    match status {
        Status::Met => t.status_met,
        Status::NotMet => t.status_not_met,
        Status::NotApplicable => t.status_na,
        Status::Incomplete => t.status_incomplete,
        Status::Invalid => t.status_invalid,
    }
}

/// A symbol beside the status word, so that colour is never the only signal.
pub fn status_icon(status: Status) -> &'static str {
    match status {
        Status::Met => "✓",
        Status::NotMet => "✗",
        Status::NotApplicable => "–",
        Status::Incomplete => "…",
        Status::Invalid => "!",
    }
}

pub fn rating_name(lang: Lang, rating: Rating) -> &'static str {
    let t = lang.texts();
    match rating {
        Rating::Good => t.rating_good,
        Rating::Fair => t.rating_fair,
        Rating::Average => t.rating_average,
        Rating::Weak => t.rating_weak,
    }
}

pub fn error_message(lang: Lang, error: FieldError) -> String {
    let t = lang.texts();
    match error {
        FieldError::Number(NumberError::NotANumber) => t.error_not_a_number.into(),
        FieldError::Number(NumberError::Negative) => t.error_negative.into(),
        FieldError::Number(NumberError::NotWhole) => t.error_not_whole.into(),
        FieldError::Number(NumberError::TooLarge) => t.error_too_large(MAX_COUNT),
        FieldError::Number(NumberError::TooManyDecimals) => {
            t.error_too_many_decimals(PERCENT_DECIMALS)
        }
        FieldError::Number(NumberError::PercentAbove100) => t.error_above_100.into(),
        FieldError::AboveDenominator { denominator } => t.error_above_denominator(denominator),
    }
}

pub fn gap_message(lang: Lang, gap: Gap, noun: &Text) -> String {
    let t = lang.texts();
    let noun = lang.pick(noun);
    match gap {
        Gap::Items(n) => t.gap_items(n, noun),
        Gap::Share {
            items,
            total,
            growing: Some(growing),
        } => t.gap_share_growing(items, noun, total, growing),
        Gap::Share {
            items,
            total,
            growing: None,
        } => t.gap_share(items, noun, total),
        Gap::Points(points) => t.gap_points(points),
    }
}

/// "Hạng 3/11" or, with unknown peers, "Hạng 3–9/11".
pub fn rank_text(lang: Lang, rank: RankRange, size: usize) -> String {
    let t = lang.texts();
    if rank.is_exact() {
        t.rank_exact(rank.best, size)
    } else {
        t.rank_range(rank.best, rank.worst, size)
    }
}

pub fn award_text(lang: Lang, verdict: AwardVerdict, places: usize) -> String {
    let t = lang.texts();
    match verdict {
        AwardVerdict::In => t.award_in(places),
        AwardVerdict::Out => t.award_out(places),
        AwardVerdict::Possible => t.award_possible(places),
    }
}

pub fn margin_text(lang: Lang, margin: ZoneMargin) -> String {
    let t = lang.texts();
    match margin {
        ZoneMargin::Ahead(p) if p <= 0.0 => t.margin_tie.to_string(),
        ZoneMargin::Ahead(p) => t.margin_ahead(p),
        ZoneMargin::Behind(p) => t.margin_behind(p),
    }
}

/// Why a profile cannot be exported (or why an imported one was refused).
pub fn profile_problem_message(lang: Lang, problem: &ProfileProblem) -> String {
    let t = lang.texts();
    match problem {
        ProfileProblem::NoUnit => t.problem_no_unit.to_string(),
        ProfileProblem::UnknownUnit { unit_id } => t.problem_unknown_unit(unit_id),
        ProfileProblem::OtherUnitWithoutName => t.problem_other_no_name.to_string(),
        ProfileProblem::UnknownBloc { bloc } => t.problem_unknown_bloc(bloc),
        ProfileProblem::UnknownTarget { key } => t.file_unknown_target(key),
        ProfileProblem::BlocMismatch {
            unit_id, bloc_name, ..
        } => t.problem_bloc(unit_id, lang.pick(bloc_name)),
        ProfileProblem::FigureTooLong {
            target_label,
            too_long,
            ..
        } => t.problem_figure_too_long(lang.pick(target_label), too_long.chars, too_long.limit),
        ProfileProblem::ImpossibleFigures(problems) => {
            let first = problems.first();
            t.problem_figures(
                problems.count(),
                lang.pick(&first.target_label),
                &error_message(lang, first.error),
            )
        }
    }
}

/// A typed text refused for its length, shown next to its field.
pub fn too_long_message(lang: Lang, limit: usize) -> String {
    lang.texts().error_too_long(limit)
}

/// Why the share button made no link.
pub fn share_refusal_message(lang: Lang, refusal: &ShareRefusal) -> String {
    let t = lang.texts();
    match refusal {
        ShareRefusal::Invalid(problem) => t.share_blocked(&profile_problem_message(lang, problem)),
        ShareRefusal::TooLong { chars, limit } => t.share_too_long(*chars, *limit),
    }
}

/// A sentence naming the file and what is wrong with it.
pub fn import_error_message(lang: Lang, error: &ImportError) -> String {
    let t = lang.texts();
    let problem = match &error.problem {
        ImportProblem::TooBig { size, limit } => t.file_too_big(*size, *limit),
        ImportProblem::Empty => t.file_empty.to_string(),
        ImportProblem::NotUtf8 { .. } => t.file_not_utf8.to_string(),
        ImportProblem::NotJson { line, column } => t.file_not_json(*line, *column),
        ImportProblem::NotUnitFile { format } if format.as_deref() == Some(SAVED_DATA_FORMAT) => {
            t.file_saved_backup.to_string()
        }
        ImportProblem::NotUnitFile { .. } => t.file_not_unit.to_string(),
        ImportProblem::NewerVersion { version, supported } => t.file_newer(*version, *supported),
        ImportProblem::MissingField { field } => t.file_missing_field(field),
        ImportProblem::WrongShape { field, .. } => t.file_wrong_shape(field),
        ImportProblem::UnknownField { field } => t.file_unknown_field(field),
        ImportProblem::UnknownTarget { key } => t.file_unknown_target(key),
        ImportProblem::UnknownPlan { plan_id } => t.unknown_plan(plan_id),
        ImportProblem::HeaderMismatch {
            field,
            header,
            profile,
        } => t.file_header_mismatch(header, profile, field),
        ImportProblem::Migration(_) => t.file_migration.to_string(),
        ImportProblem::Profile(problem) => profile_problem_message(lang, problem),
    };
    t.file_error(&error.file_name, &problem)
}

// Plan files (issue 12)

/// What is wrong with a plan at one field, without the field (the plan editor shows it next
/// to the field).
pub fn plan_problem_text(lang: Lang, kind: &PlanProblemKind) -> String {
    let t = lang.texts();
    match kind {
        PlanProblemKind::NotAnId => t.plan_not_an_id.to_string(),
        PlanProblemKind::ReservedId => t.plan_reserved_id.to_string(),
        PlanProblemKind::DuplicateId { first } => t.plan_duplicate_id(first),
        PlanProblemKind::EmptyText => t.plan_empty_text.to_string(),
        PlanProblemKind::NoBlocs => t.plan_no_blocs.to_string(),
        PlanProblemKind::NoTargets => t.plan_no_targets.to_string(),
        PlanProblemKind::NoUnits => t.plan_no_units.to_string(),
        PlanProblemKind::AwardPlaces { units } => t.plan_award_places(*units),
        PlanProblemKind::UnknownBloc => t.plan_unknown_bloc.to_string(),
        PlanProblemKind::DuplicateRule => t.plan_duplicate_rule.to_string(),
        PlanProblemKind::MissingThreshold => t.plan_missing_threshold.to_string(),
        PlanProblemKind::ThresholdNotRatio => t.plan_threshold_not_ratio.to_string(),
        PlanProblemKind::PercentOutOfRange => t.plan_percent_range.to_string(),
        PlanProblemKind::PercentTooPrecise => t.plan_percent_precise.to_string(),
        PlanProblemKind::UnknownUnit { unit } => t.plan_unknown_unit(unit),
        PlanProblemKind::BandOutOfRange => t.plan_band_range.to_string(),
        PlanProblemKind::BandsNotDescending => t.plan_bands_order.to_string(),
        PlanProblemKind::YearOutOfRange => t.plan_year_range(*YEARS.start(), *YEARS.end()),
        PlanProblemKind::WeightOutOfRange => t.plan_weight_range.to_string(),
    }
}

/// One problem of a plan with its field: "mục “plan.year”: …".
pub fn plan_problem_message(lang: Lang, problem: &PlanProblem) -> String {
    lang.texts()
        .plan_problem_at(&problem.path, &plan_problem_text(lang, &problem.kind))
}

/// A field of a file that is absent, of the wrong kind or unknown.
pub fn shape_problem_text(lang: Lang, problem: &ShapeProblem) -> String {
    let t = lang.texts();
    match problem {
        ShapeProblem::MissingField { field } => t.file_missing_field(field),
        ShapeProblem::WrongShape { field, .. } => t.file_wrong_shape(field),
        ShapeProblem::UnknownField { field } => t.file_unknown_field(field),
    }
}

/// A sentence naming the plan file and everything that is wrong with it.
pub fn plan_file_error(lang: Lang, error: &PlanFileError) -> String {
    let t = lang.texts();
    let problem = match &error.problem {
        PlanFileProblem::Document(problem) => match problem {
            DocumentProblem::TooBig { size, limit } => t.file_too_big(*size, *limit),
            DocumentProblem::Empty => t.file_empty.to_string(),
            DocumentProblem::NotUtf8 { .. } => t.file_not_utf8.to_string(),
            DocumentProblem::NotJson { line, column } => t.file_not_json(*line, *column),
            DocumentProblem::DuplicateKey { key, line, column } => {
                t.file_duplicate_key(key, *line, *column)
            }
            DocumentProblem::OtherFormat { .. } => t.file_not_plan.to_string(),
            DocumentProblem::Version(shape) => shape_problem_text(lang, shape),
        },
        PlanFileProblem::NewerVersion { version, supported } => t.file_newer(*version, *supported),
        PlanFileProblem::Shape(shape) => shape_problem_text(lang, shape),
        PlanFileProblem::UnknownKind { field, kind } => t.plan_unknown_kind(kind, field),
        PlanFileProblem::Invalid(problems) => {
            let list: Vec<String> = problems
                .iter()
                .map(|problem| plan_problem_message(lang, problem))
                .collect();
            t.plan_problems(problems.len(), &list.join(" "))
        }
    };
    t.file_error(&error.file_name, &problem)
}

pub fn link_error_message(lang: Lang, error: &LinkError) -> String {
    let t = lang.texts();
    let problem = match error {
        LinkError::Empty | LinkError::NotAShareLink => t.link_not_share.to_string(),
        LinkError::NewerVersion { .. } => t.link_newer.to_string(),
        LinkError::TooLong { .. } => t.link_too_long.to_string(),
        LinkError::BadCharacter { position, .. } => t.link_bad_character(*position),
        LinkError::Truncated => t.link_truncated.to_string(),
        LinkError::UnknownPlan { plan_id } => t.unknown_plan(plan_id),
        LinkError::Damaged => t.link_damaged.to_string(),
        LinkError::Malformed(_) => t.link_malformed.to_string(),
        LinkError::Refused(problem) => t.link_refused(&profile_problem_message(lang, problem)),
    };
    t.link_error(&problem)
}

/// Why a plan that came in (a file or a link) was refused.
pub fn plan_link_error(lang: Lang, error: &crate::formats::plan_link::PlanLinkError) -> String {
    use crate::formats::plan_link::PlanLinkError;
    match error {
        PlanLinkError::Plan(error) => plan_file_error(lang, error),
        PlanLinkError::Link(error) => {
            let t = lang.texts();
            let problem = match error {
                LinkError::NewerVersion { .. } => t.link_newer.to_string(),
                LinkError::TooLong { .. } => t.link_too_long.to_string(),
                LinkError::BadCharacter { position, .. } => t.link_bad_character(*position),
                LinkError::Truncated => t.link_truncated.to_string(),
                LinkError::Damaged | LinkError::Malformed(_) => t.link_damaged.to_string(),
                _ => t.link_not_share.to_string(),
            };
            format!("{}: {problem}", t.plan_link_heading)
        }
    }
}

/// A target's figures as one short text: "13/20", "65,5%", "Có", "2 → 3".
pub fn figures_text(
    lang: Lang,
    target: &Target,
    entry: &TargetEntry,
    evaluation: &Evaluation,
) -> String {
    let t = lang.texts();
    if evaluation.status == Status::NotApplicable {
        return t.status_na.to_string();
    }
    let style = lang.numbers();
    let or_dash = |s: &str| {
        if s.trim().is_empty() {
            "—".to_string()
        } else {
            s.trim().to_string()
        }
    };
    match target.measure {
        Measure::Ratio { .. } if entry.mode == EntryMode::Percent => {
            format!("{}%", or_dash(&entry.percent))
        }
        Measure::Ratio { .. } => match evaluation.counts {
            Some((n, d)) => format!("{}/{}", format_count(n, style), format_count(d, style)),
            None => format!(
                "{}/{}",
                or_dash(&entry.numerator),
                or_dash(&entry.denominator)
            ),
        },
        Measure::YesNo { .. } => match entry.answer {
            Some(true) => t.answer_yes.to_string(),
            Some(false) => t.answer_no_short.to_string(),
            None => "—".to_string(),
        },
        Measure::Increase { .. } => {
            format!("{} → {}", or_dash(&entry.before), or_dash(&entry.after))
        }
    }
}

/// A target's requirement as its card states it: "Chỉ tiêu: tối thiểu 65%".
pub fn threshold_text(lang: Lang, requirement: Requirement) -> String {
    let t = lang.texts();
    match requirement {
        Requirement::All => t.threshold_all.to_string(),
        Requirement::AtLeast(p) => t.threshold_at_least(p),
        Requirement::RatedGood => t.threshold_yes.to_string(),
        Requirement::Increase => t.threshold_increase.to_string(),
    }
}

/// A target's requirement as one short text: "≥ 65%", "100%", "Tốt trở lên", "Tăng".
pub fn threshold_short(lang: Lang, requirement: Requirement) -> String {
    let t = lang.texts();
    match requirement {
        Requirement::All => "100%".to_string(),
        Requirement::AtLeast(p) => format!("≥ {}%", format_percent(p, lang.numbers())),
        Requirement::RatedGood => t.threshold_yes_short.to_string(),
        Requirement::Increase => t.threshold_increase_short.to_string(),
    }
}

// Plan editor (issue 12)

/// The words a new plan, bloc, unit or target of the plan editor starts with.
pub fn new_plan_words(lang: Lang) -> crate::domain::plan_edit::NewPlanWords {
    let t = lang.texts();
    crate::domain::plan_edit::NewPlanWords {
        plan_id: t.pe_new_plan_id,
        plan_name: t.pe_new_plan_name,
        bloc: t.pe_new_bloc,
        unit: t.pe_new_unit,
        target: t.pe_new_target,
        numerator: t.pe_new_numerator,
        denominator: t.pe_new_denominator,
        one_more: t.pe_new_one_more,
        question: t.pe_new_question,
        before: t.pe_new_before,
        after: t.pe_new_after,
    }
}

/// A problem of a field of the plan editor.
pub fn edit_problem_message(
    lang: Lang,
    kind: &crate::domain::plan_edit::EditProblemKind,
) -> String {
    use crate::domain::plan_edit::EditProblemKind;
    let t = lang.texts();
    match kind {
        EditProblemKind::Number(error) => error_message(lang, FieldError::Number(*error)),
        EditProblemKind::Required => t.pe_error_required.into(),
        EditProblemKind::TooManyDecimals(decimals) => t.pe_error_decimals(*decimals),
        EditProblemKind::YearOutOfRange { min, max } => t.pe_error_year(*min, *max),
        EditProblemKind::WeightTooLarge(max) => t.pe_error_weight(*max),
        EditProblemKind::ZeroPlaces => t.pe_error_zero_places.into(),
        EditProblemKind::BadId => t.pe_error_bad_id.into(),
        EditProblemKind::DuplicateId => t.pe_error_duplicate_id.into(),
        EditProblemKind::Plan(kind) => plan_problem_text(lang, kind),
    }
}

/// A problem of a line of a pasted unit list.
pub fn line_problem_message(lang: Lang, problem: &crate::domain::plan_edit::LineProblem) -> String {
    use crate::domain::plan_edit::LineProblemKind;
    let t = lang.texts();
    let line = problem.line;
    match &problem.kind {
        LineProblemKind::DuplicateCode { code, first_line } => {
            t.pe_line_duplicate(line, code, *first_line)
        }
        LineProblemKind::CodeTaken(code) => t.pe_line_code_taken(line, code),
        LineProblemKind::BadCode(code) => t.pe_line_bad_code(line, code),
        LineProblemKind::ReservedCode => t.pe_line_reserved(line),
        LineProblemKind::TooManyColumns(columns) => t.pe_line_columns(line, *columns),
        LineProblemKind::NameTooLong { chars, limit } => t.pe_line_too_long(line, *chars, *limit),
    }
}

/// What a plan's target asks of a unit, as its card states it ("Chỉ tiêu: tối thiểu 65%").
pub fn plan_requirement_text(lang: Lang, requirement: crate::domain::plan::Requirement) -> String {
    use crate::domain::plan::Requirement as PlanRequirement;
    let t = lang.texts();
    match requirement {
        PlanRequirement::All => t.threshold_all.to_string(),
        PlanRequirement::AtLeast(p) => t.threshold_at_least(p),
        PlanRequirement::RatedGood => t.threshold_yes.to_string(),
        PlanRequirement::Increase => t.threshold_increase.to_string(),
    }
}

// End of plan editor (issue 12)

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::number::Percent;

    fn fields(texts: &Texts) -> Vec<(String, String)> {
        let value = serde_json::to_value(texts).expect("texts serialise");
        let object = value.as_object().expect("texts are an object");
        // A list of strings (the CSV headers) counts as one string per item.
        object
            .iter()
            .flat_map(|(k, v)| match v.as_array() {
                Some(items) => items.iter().map(|item| (k.clone(), item.clone())).collect(),
                None => vec![(k.clone(), v.clone())],
            })
            .map(|(k, v)| (k, v.as_str().unwrap_or_default().to_string()))
            .collect()
    }

    #[test]
    fn every_string_is_translated_and_has_no_placeholder() {
        // `Texts` and `Messages` make a missing key a compile error; here: no empty string,
        // and no `{x}` left in a plain string (a message with figures is a method).
        let (vi, en) = (fields(&VI), fields(&EN));
        assert!(vi.len() >= 200, "{} keys", vi.len());
        assert_eq!(vi.len(), en.len());
        for ((key, vi_text), (_, en_text)) in vi.iter().zip(&en) {
            assert!(
                !vi_text.trim().is_empty(),
                "empty Vietnamese text for {key}"
            );
            assert!(!en_text.trim().is_empty(), "empty English text for {key}");
            for text in [vi_text, en_text] {
                assert!(!text.contains('{'), "a placeholder in {key}: {text}");
            }
        }
    }

    #[test]
    fn english_counts_take_the_singular_for_one() {
        let (en, vi) = (Lang::En.texts(), Lang::Vi.texts());
        assert_eq!(en.import_added(1, "a.json"), "Added 1 profile: a.json");
        assert_eq!(
            en.import_added(2, "a.json, b.json"),
            "Added 2 profiles: a.json, b.json"
        );
        assert_eq!(
            en.import_replaced(1, "a.json"),
            "Replaced 1 profile: a.json"
        );
        assert!(en
            .import_already_there(1, "a.json")
            .starts_with("1 file already here"));
        assert!(en.import_errors_heading(1).starts_with("1 file could not"));
        assert_eq!(en.missing(1), "1 target still without figures");
        assert_eq!(en.missing(3), "3 targets still without figures");
        assert_eq!(en.invalid_count(1), "1 target with invalid figures");
        assert_eq!(en.met_of(1, 1), "1 of 1 target met");
        assert_eq!(en.met_of(1, 12), "1 of 12 targets met");
        assert_eq!(en.units_met(0, 1), "0 of 1 unit");
        assert_eq!(
            en.explain_na(1),
            "1 target that does not apply is left out."
        );
        assert_eq!(
            en.explain_na(2),
            "2 targets that do not apply are left out."
        );
        assert!(en.percent_only(1).starts_with("1 unit typed"));
        assert!(en.district_duplicates(1).starts_with("1 unit has more"));
        assert!(en.district_duplicates(2).starts_with("2 units have more"));
        assert!(en
            .problem_figures(1, "T", "E")
            .starts_with("1 figure is invalid"));
        assert_eq!(en.award_zone_caption(1), "Award zone: the leading 1 unit");
        assert_eq!(en.award_in(5), "In the leading 5 units that are rewarded");
        assert_eq!(en.step_points(1.0), "+1 point");
        assert_eq!(en.step_points(1.5), "+1.5 points");
        assert_eq!(
            en.gap_points(Percent::from_scaled(10_000)),
            "1 more percentage point needed"
        );
        assert!(en
            .improve_zone(1)
            .starts_with("The first step of the list is"));
        assert!(en
            .report_score(90.0, "Good", 1, 1)
            .ends_with("1 of 1 applicable target met."));
        // Vietnamese nouns do not change with the number.
        assert_eq!(
            vi.import_added(1, "a.json"),
            "Đã thêm 1 bản đánh giá: a.json"
        );
        assert_eq!(
            vi.import_added(2, "a.json"),
            "Đã thêm 2 bản đánh giá: a.json"
        );
        assert_eq!(vi.met_of(1, 1), "Đạt 1/1 chỉ tiêu");
    }

    #[test]
    fn messages_format_numbers_in_their_language() {
        let (en, vi) = (Lang::En.texts(), Lang::Vi.texts());
        assert_eq!(
            en.pager_status(2, 3, 26, 50, 1234),
            "Page 2/3 · rows 26–50 of 1,234"
        );
        assert_eq!(
            vi.pager_status(2, 3, 26, 50, 1234),
            "Trang 2/3 · hàng 26–50 trên 1.234"
        );
        assert_eq!(
            vi.report_date("Vĩnh Thạnh", 2021, 4, 9),
            "Vĩnh Thạnh, ngày 09 tháng 04 năm 2021"
        );
        assert_eq!(
            vi.report_date("", 2026, 11, 30),
            "Ngày 30 tháng 11 năm 2026"
        );
        assert_eq!(
            en.report_date("Vĩnh Thạnh", 2021, 4, 9),
            "Vĩnh Thạnh, 2021-04-09"
        );
        // The built-in plan's name gives the report the title it had before plans were data.
        assert_eq!(
            vi.report_title("Chỉ tiêu cải cách hành chính năm 2021"),
            "BÁO CÁO TỰ ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH NĂM 2021"
        );
        assert_eq!(
            vi.margin_behind(1.5),
            "Cần thêm 1,5 điểm để bằng vị trí cuối của nhóm"
        );
    }

    #[test]
    fn the_vietnamese_texts_are_vietnamese() {
        let letters = "ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ";
        let vietnamese = fields(&VI)
            .iter()
            .filter(|(_, text)| text.to_lowercase().chars().any(|c| letters.contains(c)))
            .count();
        // Almost every sentence has a Vietnamese letter; the few without are short (like "Có").
        assert!(
            vietnamese * 10 >= fields(&VI).len() * 9,
            "{vietnamese} of {}",
            fields(&VI).len()
        );
    }

    #[test]
    fn messages_use_each_language_number_format() {
        let noun = Text {
            vi: "hồ sơ".into(),
            en: Some("files".into()),
        };
        assert_eq!(
            gap_message(Lang::Vi, Gap::Items(1234), &noun),
            "Cần thêm 1.234 hồ sơ"
        );
        assert_eq!(
            gap_message(Lang::En, Gap::Items(1234), &noun),
            "1,234 more files needed"
        );
        assert_eq!(
            gap_message(Lang::Vi, Gap::Points(Percent::from_scaled(5_000)), &noun),
            "Cần thêm 0,5 điểm phần trăm"
        );
        // 80 of 100 against 87%: 7 more if the total stays 100, 54 if it grows with them.
        let share = Gap::Share {
            items: 7,
            total: 100,
            growing: Some(54),
        };
        assert_eq!(
            gap_message(Lang::Vi, share, &noun),
            "Cần thêm 7 hồ sơ nếu tổng số giữ nguyên 100; 54 nếu mỗi hồ sơ thêm vào cũng được cộng vào tổng số"
        );
        assert_eq!(
            gap_message(Lang::En, share, &noun),
            "7 more files needed if the total stays 100; 54 more files if they also add to the total"
        );
        let full = Gap::Share {
            items: 3,
            total: 1234,
            growing: None,
        };
        assert_eq!(
            gap_message(Lang::Vi, full, &noun),
            "Cần thêm 3 hồ sơ nếu tổng số giữ nguyên 1.234"
        );
        // A gap is rounded up: 64,99 against 65 needs 0,01, never 0.
        assert_eq!(
            gap_message(Lang::Vi, Gap::Points(Percent::from_scaled(100)), &noun),
            "Cần thêm 0,01 điểm phần trăm"
        );
        assert_eq!(
            gap_message(Lang::Vi, Gap::Points(Percent::from_scaled(1)), &noun),
            "Cần thêm 0,01 điểm phần trăm"
        );
        assert_eq!(
            gap_message(Lang::Vi, Gap::Points(Percent::from_scaled(9_500)), &noun),
            "Cần thêm 0,95 điểm phần trăm"
        );
        assert_eq!(
            error_message(Lang::Vi, FieldError::Number(NumberError::TooLarge)),
            "Số quá lớn (tối đa 10.000.000)."
        );
        assert_eq!(
            error_message(Lang::Vi, FieldError::AboveDenominator { denominator: 20 }),
            "Không được lớn hơn tổng số (20)."
        );
    }
    // Plan editor (issue 12)
    #[test]
    fn plan_editor_messages_are_vietnamese_first() {
        use crate::domain::plan_edit::{parse_unit_list, EditProblemKind};
        let vi = Lang::Vi;
        assert_eq!(
            edit_problem_message(vi, &EditProblemKind::TooManyDecimals(2)),
            "Tối đa 2 chữ số thập phân."
        );
        assert_eq!(
            edit_problem_message(vi, &EditProblemKind::Number(NumberError::NotANumber)),
            error_message(vi, FieldError::Number(NumberError::NotANumber))
        );
        let (_, problems) = parse_unit_list("1\tA\n1\tB", &[]);
        assert_eq!(
            line_problem_message(vi, &problems[0]),
            "Dòng 2: mã 1 đã có ở dòng 1."
        );
        assert_eq!(Lang::En.texts().pe_problem_count(1), "1 problem to fix:");
        assert_eq!(vi.texts().pe_units_count(1234), "Danh sách đơn vị (1.234)");
        assert_eq!(new_plan_words(vi).bloc, "Khối");
    }
    // End of plan editor (issue 12)
}
