//! The English texts.

use super::{count, Messages, Texts};
use crate::domain::number::{
    format_count, format_gap_points, format_percent, format_real, NumberStyle, Percent,
};
use crate::domain::score::RatingBands;

const STYLE: NumberStyle = NumberStyle::English;

fn real(value: f64) -> String {
    format_real(value, 2, STYLE)
}

/// `1 target`, `2 targets`: the count and the noun in the number English needs.
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", count(n, STYLE), if n == 1 { one } else { many })
}

/// `1 point`, `0.5 points`: a figure as shown, singular only when it shows as exactly 1.
fn points(value: f64) -> String {
    let shown = real(value);
    let noun = if shown == "1" { "point" } else { "points" };
    format!("{shown} {noun}")
}

/// The English messages with figures, with singular nouns where a count is 1.
pub struct En;

/// The crash page's English line, which the crash page shows beside the Vietnamese texts
/// without the English module (src/app/crash.rs).
pub const CRASH_TEXT: &str = "Your saved figures are still in this browser. Reload the page. If the error comes back, download the saved figures and send them to the person in charge.";

pub static EN: Texts = Texts {
    messages: &En,
    app_tagline: "a unit's self-assessment against the campaign targets",
    model_intro: "Every applicable target has a weight (1 unless the settings say otherwise). A ratio target scores its attainment against the threshold (at most 1); yes/no and increase targets score 1 when met and 0 otherwise. Score = 100 × the weighted sum of target scores ÷ the sum of the applicable targets' weights. Targets without figures or with invalid figures score 0.",
    privacy_note: "Figures are kept in this browser only and are never sent anywhere.",
    first_screen_loading: "Loading the calculator… You can enter figures now; the results appear once it has loaded.",
    unit_section: "Unit",
    plan_label: "Target plan",
    plan_mismatch: "Note: the sender used a version of the plan with other scoring rules than this browser's copy; the score below follows yours.",
    plan_example: "example",
    bloc_label: "Bloc",
    unit_label: "Unit",
    unit_placeholder: "— Choose a unit —",
    unit_other: "Another unit (type its name)",
    unit_name_label: "Unit name",
    unit_name_placeholder: "e.g. Xã Thạnh Quới",
    unit_not_chosen: "No unit chosen",
    summary_label: "Self-assessment result",
    score_label: "Score",
    rating_label: "Rating",
    rating_good: "Good",
    rating_fair: "Fair",
    rating_average: "Average",
    rating_weak: "Weak",
    nothing_applicable: "No target applies yet",
    status_met: "Met",
    status_not_met: "Not met",
    status_na: "Not applicable",
    status_incomplete: "Figures missing",
    status_invalid: "Invalid figures",
    threshold_all: "Target: 100%",
    threshold_yes: "Target: rated good or better",
    threshold_increase: "Target: more at the end of the year than at the start",
    na_label: "Did not arise / not applicable",
    na_by_default: "Not applicable to this kind of unit by default. Untick the box above if the unit has figures.",
    na_zero_denominator: "The total is 0: the target did not arise and is not scored.",
    entry_label: "Entry",
    entry_counts: "Enter counts",
    entry_percent: "Enter a percentage",
    percent_label: "Achieved share (%)",
    answer_no: "Answer: not met",
    answered_no: "Answered: not rated good",
    unanswered: "Not answered yet",
    help_toggle: "Explanation",
    error_not_a_number: "Not a number. Type digits, e.g. 12 or 65.5.",
    error_negative: "Cannot be negative.",
    error_not_whole: "Must be a whole number.",
    error_above_100: "A percentage cannot exceed 100%. A point or comma before exactly three digits separates thousands (1,000 is one thousand).",
    banner_storage_blocked: "The browser blocks local storage: figures are kept in this page only and are lost when it is closed.",
    banner_storage_full: "The browser's storage is full: new changes are not saved. What was saved before is intact.",
    banner_unreadable_left: "The saved figures could not be read or kept aside. They are left as they are: the page will not overwrite them, and new changes stay in this page only.",
    dismiss: "Dismiss",
    banner_example_unavailable: "The example plan could not be loaded (the device may be offline). Check the connection and choose it again.",
    crash_title: "Sorry, the page hit an error",
    crash_text: CRASH_TEXT,
    crash_download: "Download the saved figures",
    crash_reload: "Reload the page",
    banner_updated: "A new version of the app has been installed and is in use. Your figures are unchanged.",
    banner_synced: "The figures were just changed in another tab; this tab has been updated to match.",
    language_switch: "Tiếng Việt",
    model_heading: "How the score is computed",
    nav_label: "Sections of the app",
    nav_calculator: "Self-assessment",
    nav_ranking: "Ranking",
    nav_district: "District",
    nav_settings: "Scoring model",
    profile_label: "Profile",
    profile_name_label: "Profile name (empty: the unit's name)",
    // The profile picker's search (issue 14, store)
    profile_search_label: "Find a profile",
    // End of the profile picker's search (issue 14, store)
    profile_unnamed: "Profile without a unit",
    profile_new: "New profile",
    profile_duplicate: "Duplicate",
    profile_delete: "Delete profile",
    undo: "Undo",
    rank_no_unit: "Choose a unit to see its rank in the bloc",
    margin_tie: "Level with the unit at the edge of the group (same rank)",
    table_heading: "Ranking table",
    col_rank: "Rank",
    col_unit: "Unit",
    col_score: "Score",
    col_source: "Source",
    source_own: "Your unit",
    source_profile: "From a profile in this browser",
    source_typed: "Typed score",
    source_unknown: "No figures",
    peer_unknown: "Unknown",
    peer_hint: "Type a peer's known score (e.g. last year's index) or leave it empty if unknown. Ranks go by the score rounded to the two decimals shown, highest first; equal scores share a rank.",
    in_zone: "in the award zone",
    // Trainer (issue 13)
    present_start: "Present",
    present_stop: "Leave presentation (Esc)",
    chart_title: "Chart of the bloc's scores",
    leaderboard_order: "In rank order, highest first; equal scores share a rank and keep the list order; units without a score come last.",
    legend_heading: "Key",
    legend_own: "Dark blue frame, \"unit on screen\": the unit of the open profile, at its own rank.",
    legend_zone_in: "Green background, solid left bar and ★: surely in the award zone.",
    legend_zone_possible: "Dashed orange left bar: possibly in the award zone, depending on the unknown scores.",
    legend_range: "A rank like \"2–11\": the best and worst possible rank while some scores are unknown.",
    legend_no_rank: "Rank \"—\": no score yet, so no rank.",
    legend_default: "\"(default: …)\": the score and rank under the default model, to compare with the model in use.",
    legend_cutoff: "Horizontal line on the chart: the award cut-off.",
    own_mark: "unit on screen",
    peer_settle_hint: "While you type scores the rows stay put; the table re-sorts by rank when you leave it.",
    // End of trainer (issue 13)
    error_score_range: "A score is a number from 0 to 100. A point or comma before exactly three digits separates thousands (1,000 is one thousand).",
    improve_heading: "What to improve",
    improve_none: "The unit meets every applicable target.",
    step_enter: "enter figures that meet the target",
    step_fix: "correct the invalid figures and meet the target",
    step_yes: "be rated good or better",
    improve_zone_unreachable: "Even meeting every target would not reach the award zone against the known peers.",
    improve_zone_already: "The unit is already in the award zone against the known peers.",
    district_heading: "The district as a whole",
    district_table: "Totals by target",
    district_intro: "Adds up the figures of every profile in this browser (one per unit) and checks them against the targets.",
    col_target: "Target",
    col_units_met: "Units meeting",
    scope_district: "District",
    scope_whole_plan: "All blocs",
    total_none: "no figures",
    settings_heading: "Scoring model (training mode)",
    settings_intro: "Change the model to demonstrate and explain. The plan's thresholds do not change.",
    mode_label: "Attainment",
    mode_proportional: "Proportional (share of the threshold, at most 1)",
    mode_all_or_nothing: "All or nothing (1 when met, else 0)",
    weights_heading: "Weights and applicability",
    weight_label: "Weight",
    applicability_label: "Applies to",
    applicability_default: "Default",
    applicability_all: "Every unit",
    applicability_none: "No unit",
    bands_heading: "Rating bands",
    band_good: "Good from",
    band_fair: "Fair from",
    band_average: "Average from",
    band_order_error: "Bands must decrease: Good > Fair > Average.",
    award_places_heading: "Units rewarded",
    reset_model: "Back to the default model",
    model_custom_mark: "A custom scoring model is in use",
    demo_heading: "Demonstration bloc",
    demo_intro: "Loads the 11 communes with made-up figures for training. Real profiles are not touched.",
    demo_start: "Open the demonstration bloc",
    demo_banner: "Demonstration mode: the figures are made up, not real, and are not saved.",
    demo_reset: "Reset the demonstration",
    demo_exit: "Leave demonstration mode",
    explain_heading: "How was this score computed?",
    col_weight: "Weight",
    col_attainment: "Attainment",
    col_points: "Contribution",
    attain_met: "met: 1",
    attain_not_met: "not met: 0",
    attain_missing: "no figures: 0",
    attain_invalid: "invalid figures: 0",
    nav_data: "Files and print",
    nav_plans: "Plans",
    nav_overall: "Overall",
    overall_heading: "All units together",
    // The plans view (issue 12)
    plans_heading: "Target plans",
    plans_intro: "A plan is a set of targets with its blocs, units and thresholds. Vĩnh Thạnh district's 2021 plan is built in; a province, commune or ward can write its own plan or open a plan file (.json) sent to it. Every profile belongs to one plan.",
    plans_open_file: "Open a plan file (.json)",
    plan_new: "Write a new plan",
    plan_example_badge: "Example",
    plan_on_screen: "In use",
    plan_id_label: "Id",
    plan_fingerprint_label: "Scoring rules code",
    plan_use: "Use this plan",
    plan_edit: "Edit",
    plan_edit_copy: "Write a copy for next year",
    plan_export: "Download the plan file",
    plan_share: "Make a share link",
    plan_link_label: "Plan link (send it by Zalo, e-mail…)",
    plan_link_too_long: "The plan is too big for a link; download the plan file and send the file.",
    plan_replace: "Replace the plan here with this one",
    plan_link_heading: "The plan link could not be opened",
    // Removing a plan
    plan_remove: "Remove from this browser",
    plan_remove_confirm: "Remove the plan",
    plan_remove_cancel: "No, keep it",
    data_heading: "Export, import, share and print",
    export_heading: "Export the current profile",
    export_json: "Download the profile file (JSON)",
    export_csv: "Download the profile spreadsheet (CSV)",
    export_table_csv: "Download the bloc ranking (CSV)",
    csv_profile_rows: [
        "Unit",
        "Unit id",
        "Profile name",
        "Bloc",
        "Score",
        "Rating",
        "Targets met / applicable",
    ],
    csv_target_columns: [
        "Target id",
        "Target",
        "Applicable",
        "Status id",
        "Status",
        "Numerator",
        "Denominator",
        "Achieved (%)",
        "Threshold (%)",
        "Yes/no answer",
        "Start of year",
        "End of year",
        "Gap",
        "Gap unit",
    ],
    csv_table_columns: [
        "Rank",
        "Unit id",
        "Unit",
        "Score",
        "Score source id",
        "Score source",
        "In award zone",
    ],
    percentage_points: "percentage points",
    export_hint: "The JSON file is for sending to Phòng Nội vụ or opening on another computer; the CSV files open in Excel.",
    problem_no_unit: "choose the unit first.",
    problem_other_no_name: "type the unit's name.",
    import_heading: "Import profile files",
    import_label: "Choose one or more profile files (.json)",
    import_drop: "Or drop profile files here.",
    import_existing: "Current profile",
    import_incoming: "In the file",
    import_replace: "Replace the current profile",
    import_add_new: "Add as a new profile",
    import_skip: "Skip this file",
    file_empty: "the file is empty.",
    file_not_utf8: "the file is not UTF-8 text.",
    file_not_unit: "this is not a unit profile file of this app.",
    file_saved_backup: "this is a backup of the app's whole data, not a single unit's profile file.",
    file_migration: "the older format could not be brought up to date.",
    share_heading: "Share as a link",
    share_hint: "The link carries the profile's figures inside the address (after #); no server sees them.",
    share_make: "Create a share link",
    share_copy: "Copy the link",
    share_label: "Share link",
    share_file: "Download the profile file (JSON) to send",
    link_preview_heading: "A profile from a link",
    link_preview_intro: "The link carries the profile below. Nothing has changed yet; choose how to open it.",
    link_open_new: "Open as a new profile",
    link_ignore: "Ignore",
    link_truncated: "the link was cut short; copy the whole link again.",
    link_damaged: "the link was edited or damaged.",
    link_newer: "the link was made by a newer version of the app.",
    link_not_share: "the address carries no shared profile.",
    link_too_long: "the link is too long.",
    link_malformed: "the link's content is invalid.",
    print_heading: "Print a report",
    print_hint: "An A4 report with the unit, the date, every target's figures, score, rating, rank estimate, the scoring settings and the signature block.",
    print_open: "Open the print view",
    print_now: "Print or save as PDF",
    print_back: "Back",
    report_nation: "SOCIALIST REPUBLIC OF VIET NAM",
    report_motto: "Independence - Freedom - Happiness",
    col_no: "No.",
    col_figures: "Figures",
    col_threshold: "Threshold",
    col_result: "Result",
    report_preparer: "PREPARED BY",
    report_head: "HEAD OF UNIT",
    report_sign: "(Signature and full name)",
    report_sign_seal: "(Signature and seal)",
    report_note: "Figures entered by the unit; the score follows the app's illustrative model, not an official assessment.",
    answer_yes: "Yes",
    answer_no_short: "No",
    threshold_yes_short: "Good or better",
    threshold_increase_short: "More than at the start",
    pager_label: "Pages of the ranking table",
    pager_previous: "‹ Previous page",
    pager_next: "Next page ›",
    pager_own: "Go to my unit's row",
    rating_none: "not rated yet",
    // Plan files (issue 12)
    file_not_plan: "this is not a target plan file (format cchc-plan).",
    plan_not_an_id: "an id has 1–40 characters: unaccented letters, digits, hyphens, underscores or dots.",
    plan_reserved_id: "the id “other” is kept for a unit not in the list; choose another.",
    plan_empty_text: "is empty.",
    plan_no_blocs: "the plan has no bloc.",
    plan_no_targets: "the plan has no target.",
    plan_no_units: "the bloc has no unit.",
    plan_unknown_bloc: "the plan has no such bloc.",
    plan_duplicate_rule: "this bloc is given twice for the same target.",
    plan_missing_threshold: "a ratio target needs the percentage to reach in this bloc.",
    plan_threshold_not_ratio: "only a ratio target has a percentage to reach.",
    plan_percent_range: "a percentage is between 0–100.",
    plan_percent_precise: "a percentage has at most two decimals.",
    plan_band_range: "a rating band is between 0–100.",
    plan_bands_order: "the rating bands must go down: Good above Fair, Fair above Average.",
    plan_weight_range: "a weight is a whole number from 0 to 10.",
    // Plan editor (issue 12)
    pe_heading: "Plan editor",
    pe_intro: "Edit the blocs, units, targets and thresholds of a campaign. Every problem shows next to its field; the plan can be saved once there is none.",
    pe_start_empty: "Start from an empty plan",
    pe_start_copy: "Copy for the next year",
    pe_start_hint: "A copy keeps the blocs, units and targets; the year goes up by 1 and the year in the plan's id and name follows. Typing another year (say 2021 → 2026) moves them again.",
    pe_no_problems: "The plan has no problem: it can be saved or exported.",
    pe_general: "General",
    pe_plan_id: "Plan id (letters without accents, digits, - _ .)",
    pe_plan_name: "Plan name",
    pe_year: "Year",
    pe_issuer: "Issued by",
    pe_place: "Place name on the date line of printed reports (e.g. Vĩnh Thạnh)",
    pe_blocs: "Blocs",
    pe_bloc_id: "Bloc id",
    pe_bloc_name: "Bloc name",
    pe_award_places: "Leading units rewarded",
    pe_unit_id: "Unit id",
    pe_unit_name: "Unit name",
    pe_unit_add: "Add a unit",
    pe_paste_label: "Paste a unit list (from Excel)",
    pe_paste_hint: "One unit per line: its code and name in two columns copied from Excel (or code;name), or just its name (the id is made from it: “Phường Cái Khế” → phuong-cai-khe). Blank lines and a header line (Code, Name) are skipped; spaces never split columns.",
    pe_paste_append: "Add after the current list",
    pe_paste_replace_note: "Unless ticked, the pasted list replaces the bloc's units; a unit whose name is pasted again keeps its id.",
    pe_paste_apply: "Use the pasted list",
    pe_move_up: "Up",
    pe_move_down: "Down",
    pe_bloc_remove: "Remove the bloc",
    pe_bloc_add: "Add a bloc",
    pe_targets: "Targets",
    pe_target_id: "Target id",
    pe_target_label: "Target name",
    pe_target_help: "Short explanation",
    pe_kind: "Kind",
    pe_kind_ratio: "Ratio (numerator / denominator)",
    pe_kind_yes_no: "Yes / no",
    pe_kind_increase: "Increase over the year",
    pe_numerator: "Numerator label",
    pe_denominator: "Denominator label",
    pe_one_more: "Word for one more item (for “… more needed”)",
    pe_question: "Question",
    pe_before: "Label of the start figure",
    pe_after: "Label of the end figure",
    pe_overall: "Share of units answering yes needed overall (%, empty if none)",
    pe_weight: "Weight (0–10)",
    pe_col_bloc: "By bloc",
    pe_offered: "Offered",
    pe_threshold: "Threshold (%)",
    pe_default_units: "Units by default",
    pe_units_all: "Every unit of the bloc",
    pe_units_none: "None (a unit switches it on)",
    pe_target_remove: "Remove the target",
    pe_target_add: "Add a target",
    pe_scoring: "Default scoring",
    pe_preview: "Preview: what a unit of a bloc sees",
    pe_preview_bloc: "See as a unit of",
    pe_preview_none: "No target is offered to this bloc yet.",
    pe_save: "Save the plan",
    pe_export: "Export the plan file (.json)",
    pe_close: "Close the editor",
    pe_save_blocked: "Fix every problem to save or export.",
    pe_error_required: "This field cannot be empty.",
    pe_error_zero_places: "At least 1 unit must be rewarded.",
    pe_error_bad_id: "An id has only letters without accents, digits and - _ . (at most 40 characters).",
    pe_error_duplicate_id: "Another item already has this id.",
    pe_new_plan_id: "plan",
    pe_new_plan_name: "Administrative reform targets",
    pe_new_bloc: "Bloc",
    pe_new_unit: "Unit",
    pe_new_target: "Target",
    pe_new_numerator: "Files that qualify",
    pe_new_denominator: "All files",
    pe_new_one_more: "files",
    pe_new_question: "Is it up to standard?",
    pe_new_before: "At the start of the year",
    pe_new_after: "At the end of the year",
    // End of plan editor (issue 12)
    // The district office, collecting (issue 13)
    grid_heading: "Who has sent what",
    grid_intro: "One row per unit, one column per target: ✓ Met · ✗ Not met · … Figures missing · – Not applicable · ○ Not sent.",
    grid_table: "Units × targets",
    grid_col_unit: "Unit",
    grid_col_file: "File exported",
    grid_col_score: "Score",
    grid_status_missing: "Not sent",
    grid_typed_here: "Typed here",
    grid_export_csv: "Download the grid (CSV for Excel)",
    grid_print: "Print the grid",
    grid_all_sent: "Every unit has sent its figures.",
    csv_grid_columns: [
        "Bloc",
        "Unit id",
        "Unit name",
        "Sent",
        "File exported",
        "Targets without figures",
        "Score",
    ],
    csv_grid_result: "result",
    district_units_list: "Units counted",
    import_newer: "newer",
    import_older: "older",
    import_same_day: "same day",
    print_threshold_word: "threshold",
    // End of the district office (issue 13)
    // The officer's journey (issue 13)
    next_steps_label: "Next steps",
    next_send: "Send the result",
    targets_chart_title: "How far each target is reached.",
    chart_caption: "The upright line is the threshold: a bar passes it only when the target is met, and is full only at 100%.",
    send_heading: "Send the result",
    send_hint: "Send it to the district: share the link (Zalo, e-mail…), download the file to attach, or print the report to sign.",
    send_share: "Share…",
    send_file: "Download the file",
    send_link: "Copy the link",
    send_print: "Print",
    toast_download_failed: "The browser did not allow the download. Try again, or use “Copy the link”.",
    toast_copied: "Link copied. Paste it into Zalo, an e-mail or a message to send it.",
    toast_copy_failed: "The link could not be copied: the browser did not allow it. Use “Download the file” to send the file.",
    toast_printed: "The print dialog opened. Choose a printer, or “Save as PDF” to get a file.",
    toast_shared: "The result went to the app you chose to send it with.",
    toast_share_failed: "It could not be shared. Use “Download the file” or “Copy the link”.",
    // End of the officer's journey (issue 13)
    // On-demand views (issue 14)
    view_loading: "Loading…",
    view_load_failed: "This part could not be loaded. Check the network connection, then open it again.",
    // End of on-demand views (issue 14)
    // Aftercare of issue 13
    grid_legend_heading: "The grid's target columns",
    // End of aftercare of issue 13
};

impl Messages for En {
    fn met_of(&self, met: usize, applicable: usize) -> String {
        format!(
            "{} of {} met",
            count(met, STYLE),
            plural(applicable, "target", "targets")
        )
    }
    fn missing(&self, n: usize) -> String {
        format!("{} still without figures", plural(n, "target", "targets"))
    }
    fn invalid_count(&self, n: usize) -> String {
        format!("{} with invalid figures", plural(n, "target", "targets"))
    }
    fn threshold_at_least(&self, threshold: Percent) -> String {
        format!("Target: at least {}%", format_percent(threshold, STYLE))
    }
    fn actual(&self, actual: &str) -> String {
        format!("Achieved: {actual}%")
    }
    // The noun comes from the target table, in the plural only.
    fn gap_items(&self, n: u64, noun: &str) -> String {
        format!("{} more {noun} needed", format_count(n, STYLE))
    }
    fn gap_share(&self, n: u64, noun: &str, total: u64) -> String {
        format!(
            "{} more {noun} needed if the total stays {}",
            format_count(n, STYLE),
            format_count(total, STYLE)
        )
    }
    fn gap_share_growing(&self, n: u64, noun: &str, total: u64, growing: u64) -> String {
        format!(
            "{}; {} more {noun} if they also add to the total",
            self.gap_share(n, noun, total),
            format_count(growing, STYLE)
        )
    }
    fn gap_points(&self, points: Percent) -> String {
        let shown = format_gap_points(points, STYLE);
        let noun = if shown == "1" { "point" } else { "points" };
        format!("{shown} more percentage {noun} needed")
    }
    fn error_too_large(&self, max: u64) -> String {
        format!("Too large (at most {}).", format_count(max, STYLE))
    }
    fn error_too_many_decimals(&self, decimals: u32) -> String {
        format!("At most {decimals} decimal places.")
    }
    fn error_above_denominator(&self, denominator: u64) -> String {
        format!(
            "Cannot exceed the total ({}).",
            format_count(denominator, STYLE)
        )
    }
    fn error_too_long(&self, limit: usize) -> String {
        format!(
            "Too long: at most {}. The previous value is kept.",
            plural(limit, "character", "characters")
        )
    }
    fn banner_unreadable(&self, backup_key: &str) -> String {
        format!("The saved figures could not be read. They were kept aside (key {backup_key}), not overwritten; the form starts afresh.")
    }
    fn banner_newer_left(&self, version: u64) -> String {
        format!("The saved figures come from a newer version of the app (format {version}). This page does not overwrite them; new changes stay in this page only. Reload the page while online to use the newest version.")
    }
    fn banner_edit_conflict(&self, field: &str, unit: &str) -> String {
        format!("“{field}” of {unit} was just changed in another tab, after your edit here. The app keeps the later edit (shown here); please check this field.")
    }
    fn profile_deleted(&self, name: &str) -> String {
        format!("Profile “{name}” deleted.")
    }
    fn profiles_deleted(&self, n: usize) -> String {
        format!("{} deleted.", plural(n, "profile", "profiles"))
    }
    fn rank_exact(&self, rank: usize, size: usize) -> String {
        format!("Rank {} of {}", count(rank, STYLE), count(size, STYLE))
    }
    fn rank_range(&self, best: usize, worst: usize, size: usize) -> String {
        format!(
            "Rank {}–{} of {}",
            count(best, STYLE),
            count(worst, STYLE),
            count(size, STYLE)
        )
    }
    fn award_in(&self, places: usize) -> String {
        format!(
            "In the leading {} that are rewarded",
            plural(places, "unit", "units")
        )
    }
    fn award_out(&self, places: usize) -> String {
        format!(
            "Outside the leading {} that are rewarded",
            plural(places, "unit", "units")
        )
    }
    fn award_possible(&self, places: usize) -> String {
        format!(
            "May be in the leading {}, depending on the unknown peers",
            plural(places, "unit", "units")
        )
    }
    fn margin_ahead(&self, margin: f64) -> String {
        format!(
            "{} ahead of the first unit outside the group",
            points(margin)
        )
    }
    fn margin_behind(&self, margin: f64) -> String {
        let shown = real(margin);
        let noun = if shown == "1" { "point" } else { "points" };
        format!("{shown} more {noun} to reach the last place in the group")
    }
    fn peer_score_label(&self, unit: &str) -> String {
        format!("Score of {unit}")
    }
    fn peer_unknown_label(&self, unit: &str) -> String {
        format!("Set the score of {unit} back to unknown")
    }
    // Trainer (issue 13)
    fn default_model_figures(&self, score: &str, rank: Option<&str>) -> String {
        match rank {
            Some(rank) => format!("(default: {score} · {rank})"),
            None => format!("(default: {score})"),
        }
    }
    fn chart_description(&self, known: usize, unknown: usize, places: usize) -> String {
        let mut text = format!(
            "Scores of {}, highest first, each bar as long as the score out of 100; a horizontal line marks off the leading {} that get an award.",
            plural(known, "unit", "units"),
            count(places, STYLE)
        );
        if unknown > 0 {
            text.push_str(&format!(
                " {} without a score are not drawn.",
                plural(unknown, "unit", "units")
            ));
        }
        text.push_str(" The ranking table below has every figure.");
        text
    }
    fn chart_cutoff(&self, places: usize) -> String {
        format!(
            "▲ the leading {} get an award",
            plural(places, "unit", "units")
        )
    }
    fn peer_cleared(&self, unit: &str, typed: &str) -> String {
        format!("{unit}'s score is set back to unknown (the score removed: {typed}).")
    }
    // End of trainer (issue 13)
    fn award_zone_caption(&self, places: usize) -> String {
        format!(
            "Award zone: the leading {}",
            plural(places, "unit", "units")
        )
    }
    fn step_points(&self, step: f64) -> String {
        format!("+{}", points(step))
    }
    fn improve_zone(&self, steps: usize) -> String {
        if steps == 1 {
            "The first step of the list is enough to reach the award zone (against the peers with known scores).".to_string()
        } else {
            format!("The first {} steps of the list are the fewest that reach the award zone (against the peers with known scores).", count(steps, STYLE))
        }
    }
    fn coverage(&self, blocs: &[(usize, usize, &str)]) -> String {
        let parts: Vec<String> = blocs
            .iter()
            .map(|(n, size, bloc)| {
                format!("{} of {} ({bloc})", count(*n, STYLE), count(*size, STYLE))
            })
            .collect();
        format!("Units with a profile: {}.", parts.join(", "))
    }
    fn district_duplicates(&self, units: usize) -> String {
        let (subject, verb) = if units == 1 {
            ("unit", "has")
        } else {
            ("units", "have")
        };
        format!("{} {subject} {verb} more than one profile. Only one profile per unit counts in the district totals; choose which one.", count(units, STYLE))
    }
    fn district_choice_label(&self, unit: &str, profiles: usize) -> String {
        format!("{unit} ({profiles} profiles): the profile that counts")
    }
    fn district_choice_option(&self, place: usize, name: &str, score: f64) -> String {
        format!("Profile {place}: {name}, score {}", real(score))
    }
    fn percent_only(&self, units: usize) -> String {
        format!(
            "{} typed a percentage, which cannot be added up",
            plural(units, "unit", "units")
        )
    }
    fn units_met(&self, met: usize, applicable: usize) -> String {
        format!(
            "{} of {}",
            count(met, STYLE),
            plural(applicable, "unit", "units")
        )
    }
    fn explain_formula(
        &self,
        sums_relation: &str,
        earned: &str,
        total: &str,
        score_relation: &str,
        score: f64,
    ) -> String {
        format!(
            "Score = 100 × Σ(weight × attainment) ÷ Σ weights {sums_relation} 100 × {earned} ÷ {total} {score_relation} {}",
            real(score)
        )
    }
    fn explain_na(&self, n: usize) -> String {
        if n == 1 {
            "1 target that does not apply is left out.".to_string()
        } else {
            format!("{n} targets that do not apply are left out.")
        }
    }
    fn explain_rating(&self, bands: RatingBands) -> String {
        format!(
            "Rating bands: Good from {}, Fair from {}, Average from {}.",
            real(bands.good),
            real(bands.fair),
            real(bands.average)
        )
    }
    fn export_blocked(&self, problem: &str) -> String {
        format!("The profile file cannot be exported yet: {problem}")
    }
    fn problem_unknown_unit(&self, unit: &str) -> String {
        format!("the unit “{unit}” is not in the lists.")
    }
    fn problem_bloc(&self, unit: &str, bloc: &str) -> String {
        format!("the unit {unit} is not in “{bloc}”.")
    }
    fn problem_unknown_bloc(&self, bloc: &str) -> String {
        format!("the bloc “{bloc}” is not in the plan.")
    }
    fn unknown_plan(&self, plan_id: &str) -> String {
        format!("the profile belongs to the plan “{plan_id}”, which this browser does not have. Open that plan's file (.json) first, then open this again.")
    }
    fn problem_figures(&self, n: usize, target: &str, error: &str) -> String {
        let verb = if n == 1 { "is" } else { "are" };
        format!(
            "{} {verb} invalid, e.g. in “{target}”: {error}",
            plural(n, "figure", "figures")
        )
    }
    fn problem_figure_too_long(&self, target: &str, chars: usize, limit: usize) -> String {
        format!(
            "a figure of “{target}” has {} (at most {}).",
            plural(chars, "character", "characters"),
            count(limit, STYLE)
        )
    }
    fn plans_added(&self, names: &str) -> String {
        format!("Plans added: {names}.")
    }
    fn plans_replaced(&self, names: &str) -> String {
        format!("Replaced by the new version: {names}.")
    }
    fn plans_already_there(&self, names: &str) -> String {
        format!("Already here, identical: {names}.")
    }
    fn plan_mismatch_files(&self, files: &str) -> String {
        format!("Note: {files} was made with a version of its plan with other scoring rules than this browser's copy; it is scored again with yours.")
    }
    fn plan_conflict(&self, name: &str, id: &str) -> String {
        format!("A plan with the id “{id}” is already here and differs from “{name}”, just opened. Replace the one here with it? The plan's profiles are kept.")
    }
    fn plan_builtin_id(&self, id: &str) -> String {
        format!("The plan just opened uses the id “{id}” of the built-in plan, so it was not added; change the id in the file.")
    }
    fn plan_year(&self, year: u16) -> String {
        format!("Year {year}")
    }
    // Removing a plan
    fn plan_remove_question(&self, name: &str) -> String {
        format!("Remove the plan “{name}” from this browser? Its scoring settings, the other units' scores typed for it and its empty profiles go too. To use it again, open the plan file again.")
    }
    fn plan_in_use(&self, name: &str, n: usize) -> String {
        let profiles = if n == 1 {
            "profile with figures belongs"
        } else {
            "profiles with figures belong"
        };
        format!("The plan “{name}” cannot be removed yet: {} {profiles} to it. Download their files if needed, then delete them (profile bar) first.", count(n, STYLE))
    }
    fn plan_removed(&self, name: &str) -> String {
        format!("The plan “{name}” was removed from this browser.")
    }
    fn plan_counts(&self, blocs: usize, units: usize, targets: usize) -> String {
        let plural = |n: usize, one: &str, many: &str| {
            format!("{} {}", count(n, STYLE), if n == 1 { one } else { many })
        };
        format!(
            "{}, {}, {}",
            plural(blocs, "bloc", "blocs"),
            plural(units, "unit", "units"),
            plural(targets, "target", "targets")
        )
    }
    fn import_added(&self, n: usize, files: &str) -> String {
        format!("Added {}: {files}", plural(n, "profile", "profiles"))
    }
    fn import_replaced(&self, n: usize, files: &str) -> String {
        format!("Replaced {}: {files}", plural(n, "profile", "profiles"))
    }
    fn import_already_there(&self, n: usize, files: &str) -> String {
        format!(
            "{} already here, identical to a profile, nothing to import: {files}",
            plural(n, "file", "files")
        )
    }
    fn import_conflict_heading(&self, file: &str) -> String {
        format!("File “{file}”: this unit already has a profile. Choose what to do:")
    }
    fn import_errors_heading(&self, n: usize) -> String {
        format!(
            "{} could not be imported; nothing saved was changed:",
            plural(n, "file", "files")
        )
    }
    fn file_error(&self, file: &str, problem: &str) -> String {
        format!("File “{file}”: {problem}")
    }
    fn file_too_big(&self, size: usize, limit: usize) -> String {
        format!(
            "the file is too big ({}; at most {}).",
            plural(size, "byte", "bytes"),
            count(limit, STYLE)
        )
    }
    fn file_not_json(&self, line: usize, column: usize) -> String {
        format!("the file is not valid JSON (error at line {line}, column {column}).")
    }
    fn file_newer(&self, version: u64, supported: u64) -> String {
        format!("the file was written by a newer version of the app (format {version}; this version reads up to {supported}).")
    }
    fn file_missing_field(&self, field: &str) -> String {
        format!("the field “{field}” is missing.")
    }
    fn file_wrong_shape(&self, field: &str) -> String {
        format!("the field “{field}” has the wrong type.")
    }
    fn file_unknown_field(&self, field: &str) -> String {
        format!("the field “{field}” is unknown to this version.")
    }
    fn file_unknown_target(&self, key: &str) -> String {
        format!("it names an unknown target “{key}”.")
    }
    fn file_header_mismatch(&self, header: &str, profile: &str, field: &str) -> String {
        format!("the header says “{header}” but the profile says “{profile}” ({field}); the file may have been edited by hand.")
    }
    fn share_blocked(&self, problem: &str) -> String {
        format!("No link can be made yet: {problem}")
    }
    fn share_too_long(&self, chars: usize, limit: usize) -> String {
        format!(
            "The link would have {}, more than the {} the app opens. Send the profile file instead.",
            plural(chars, "character", "characters"),
            count(limit, STYLE)
        )
    }
    fn link_replace(&self, name: &str) -> String {
        format!("Replace the profile “{name}”")
    }
    fn link_error(&self, problem: &str) -> String {
        format!("The share link cannot be opened: {problem}")
    }
    fn link_bad_character(&self, position: usize) -> String {
        format!("the link has an invalid character at position {position}.")
    }
    fn link_refused(&self, problem: &str) -> String {
        format!("the link's content is inconsistent: {problem}")
    }
    fn report_unit(&self, unit: &str) -> String {
        format!("Unit: {unit}")
    }
    fn report_date(&self, place: &str, year: u32, month: u32, day: u32) -> String {
        if place.is_empty() {
            format!("{year}-{month:02}-{day:02}")
        } else {
            format!("{place}, {year}-{month:02}-{day:02}")
        }
    }
    fn report_title(&self, plan: &str) -> String {
        format!(
            "SELF-ASSESSMENT: {}",
            crate::domain::letter_case::upper(plan)
        )
    }
    fn targets_heading(&self, year: u16) -> String {
        format!("The {year} targets")
    }
    fn model_source(&self, bands: RatingBands, plan: &str, issuer: &str) -> String {
        let band = |x: f64| format_real(x, 2, STYLE);
        let source = if issuer.is_empty() {
            format!("“{plan}”")
        } else {
            format!("“{plan}” of {issuer}")
        };
        format!(
            "Ratings: Good from {}, Fair from {}, Average from {}, Weak below {}. Thresholds follow {source}; the scoring is an illustrative model, not an official formula.",
            band(bands.good),
            band(bands.fair),
            band(bands.average),
            band(bands.average)
        )
    }
    fn awards_text(&self, blocs: &[(usize, &str)]) -> String {
        let parts: Vec<String> = blocs
            .iter()
            .map(|(places, bloc)| format!("the {places} leading units of “{bloc}”"))
            .collect();
        format!(
            "At the end of the campaign, awards go to {}.",
            parts.join(", ")
        )
    }
    fn report_score(&self, score: f64, rating: &str, met: usize, applicable: usize) -> String {
        format!(
            "Self-assessed score: {}/100. Rating: {rating}. {met} of {applicable} applicable {} met.",
            real(score),
            if applicable == 1 { "target" } else { "targets" }
        )
    }
    fn report_rank(&self, rank: &str) -> String {
        format!("Estimated rank: {rank}.")
    }
    fn report_model(&self, mode: &str, bands: RatingBands, places: usize) -> String {
        format!(
            "Scoring: {mode}; Good from {}, Fair from {}, Average from {}; the leading {} of the bloc are rewarded.",
            real(bands.good),
            real(bands.fair),
            real(bands.average),
            plural(places, "unit", "units")
        )
    }
    fn report_weights(&self, list: &str) -> String {
        format!("Weights other than 1: {list}.")
    }
    fn pager_status(
        &self,
        page: usize,
        pages: usize,
        first: usize,
        last: usize,
        rows: usize,
    ) -> String {
        format!(
            "Page {}/{} · rows {}–{} of {}",
            count(page, STYLE),
            count(pages, STYLE),
            count(first, STYLE),
            count(last, STYLE),
            count(rows, STYLE)
        )
    }
    // Plan files (issue 12)
    fn plan_problem_at(&self, field: &str, problem: &str) -> String {
        format!("“{field}”: {problem}")
    }
    fn plan_problems(&self, n: usize, list: &str) -> String {
        let problems = if n == 1 { "problem" } else { "problems" };
        format!(
            "the plan has {} {problems} and was not added: {list}",
            count(n, STYLE)
        )
    }
    fn plan_unknown_kind(&self, kind: &str, field: &str) -> String {
        format!("there is no target kind “{kind}” (“{field}”); the kinds are ratio, yes_no and increase.")
    }
    fn plan_duplicate_id(&self, first: &str) -> String {
        format!("this id is already used at “{first}”.")
    }
    fn plan_award_places(&self, units: usize) -> String {
        format!(
            "award places go from 1 to {} (the bloc's units).",
            count(units, STYLE)
        )
    }
    fn plan_unknown_unit(&self, unit: &str) -> String {
        format!("the bloc has no unit “{unit}”.")
    }
    fn plan_year_range(&self, first: u16, last: u16) -> String {
        format!("the year is from {first} to {last}.")
    }
    fn file_duplicate_key(&self, key: &str, line: usize, column: usize) -> String {
        format!("“{key}” is given twice in the same object (line {line}, column {column}).")
    }
    // Plan editor (issue 12)
    fn pe_problem_count(&self, n: usize) -> String {
        format!("{} to fix:", plural(n, "problem", "problems"))
    }
    fn pe_bloc_legend(&self, n: usize, name: &str) -> String {
        format!("Bloc {}: {name}", count(n, STYLE))
    }
    fn pe_target_legend(&self, n: usize, name: &str) -> String {
        format!("Target {}: {name}", count(n, STYLE))
    }
    fn pe_units_count(&self, n: usize) -> String {
        format!("Units ({})", count(n, STYLE))
    }
    fn pe_unit_remove(&self, name: &str) -> String {
        format!("Remove {name}")
    }
    fn pe_units_only(&self, n: usize) -> String {
        format!("Only {} chosen", plural(n, "unit", "units"))
    }
    fn pe_paste_count(&self, n: usize) -> String {
        format!("{} read.", plural(n, "unit", "units"))
    }
    fn pe_line_duplicate(&self, line: usize, code: &str, first_line: usize) -> String {
        format!(
            "Line {}: the code {code} is on line {} already.",
            count(line, STYLE),
            count(first_line, STYLE)
        )
    }
    fn pe_line_code_taken(&self, line: usize, code: &str) -> String {
        format!(
            "Line {}: another unit of the plan has the code {code}.",
            count(line, STYLE)
        )
    }
    fn pe_line_bad_code(&self, line: usize, code: &str) -> String {
        format!("Line {}: “{code}” is not a code (letters without accents, digits, - _ ., at most 40 characters).", count(line, STYLE))
    }
    fn pe_line_reserved(&self, line: usize) -> String {
        format!(
            "Line {}: the code “other” is kept for “Other unit”.",
            count(line, STYLE)
        )
    }
    fn pe_line_columns(&self, line: usize, columns: usize) -> String {
        format!(
            "Line {} has {} columns; paste two: the code and the name.",
            count(line, STYLE),
            count(columns, STYLE)
        )
    }
    fn pe_line_too_long(&self, line: usize, chars: usize, limit: usize) -> String {
        format!(
            "Line {}: the name has {} characters (at most {}).",
            count(line, STYLE),
            count(chars, STYLE),
            count(limit, STYLE)
        )
    }
    fn pe_error_decimals(&self, decimals: u32) -> String {
        format!("At most {decimals} decimals.")
    }
    fn pe_error_year(&self, min: u16, max: u16) -> String {
        format!("The year must be from {min} to {max}.")
    }
    fn pe_error_weight(&self, max: u8) -> String {
        format!("A weight is a whole number from 0 to {max}.")
    }
    // End of plan editor (issue 12)
    // The district office, collecting (issue 13)
    fn district_included(&self, included: usize, expected: usize) -> String {
        let noun = if expected == 1 { "unit" } else { "units" };
        format!(
            "{} of {} {noun}",
            count(included, STYLE),
            count(expected, STYLE)
        )
    }
    fn district_included_names(&self, names: &str) -> String {
        format!("With figures: {names}.")
    }
    fn district_lacking_names(&self, names: &str) -> String {
        format!("Without figures: {names}.")
    }
    fn district_estimate(&self, value: &str, units: usize, mean: bool) -> String {
        let noun = if units == 1 { "unit" } else { "units" };
        let how = if mean {
            format!("average of {} {noun}' percentages", count(units, STYLE))
        } else {
            format!("counts of {} {noun} added up", count(units, STYLE))
        };
        format!("Estimate: {value}% ({how})")
    }
    fn grid_not_sent(&self, bloc: &str, missing: usize, total: usize, names: &str) -> String {
        format!(
            "{bloc}: {} of {} units have not sent figures: {names}.",
            count(missing, STYLE),
            count(total, STYLE)
        )
    }
    fn grid_lacking(&self, targets: usize) -> String {
        let noun = if targets == 1 { "target" } else { "targets" };
        format!("{} {noun} without figures", count(targets, STYLE))
    }
    fn file_date(&self, iso: &str) -> String {
        iso.to_string()
    }
    fn import_date(&self, date: Option<&str>) -> String {
        match date {
            Some(date) => format!("exported {}", self.file_date(date)),
            None => "no export date (typed here)".to_string(),
        }
    }
    fn report_issuer(&self, unit: &str) -> String {
        let unit = unit.trim();
        if super::is_commune_level(unit) {
            format!(
                "PEOPLE'S COMMITTEE OF {}",
                crate::domain::letter_case::upper(unit)
            )
        } else {
            crate::domain::letter_case::upper(unit)
        }
    }
    // End of the district office (issue 13)
    // The officer's journey (issue 13)
    fn next_points(&self, points: f64) -> String {
        format!(
            "+{} points",
            format_real(points, 2, STYLE)
                .trim_end_matches('0')
                .trim_end_matches('.')
        )
    }
    fn na_fold(&self, n: usize) -> String {
        let verb = if n == 1 { "does" } else { "do" };
        format!("{} that {verb} not apply", plural(n, "target", "targets"))
    }
    fn toast_downloaded(&self, file: &str) -> String {
        format!("File “{file}” downloaded to this device, in the Downloads folder.")
    }
    // End of the officer's journey (issue 13)
    // Saved data in parts (issue 14, store)
    fn banner_profiles_unreadable(
        &self,
        n: usize,
        pages: usize,
        backup_key: Option<&str>,
    ) -> String {
        let kept = match backup_key {
            Some(key) => format!(" The damaged figures were kept aside (key {key})."),
            None => String::new(),
        };
        // A page of records holds ~64 profiles; how many, the saved data does not say.
        let profiles = (n > 0).then(|| {
            let noun = if n == 1 { "profile" } else { "profiles" };
            format!("{} saved {noun}", count(n, STYLE))
        });
        let pages = (pages > 0).then(|| {
            let noun = if pages == 1 { "page" } else { "pages" };
            format!(
                "{} {noun} of saved profiles (about 64 profiles each)",
                count(pages, STYLE)
            )
        });
        let lost = match (profiles, pages) {
            (Some(profiles), Some(pages)) => format!("{profiles} and {pages}"),
            (Some(one), None) | (None, Some(one)) => one,
            (None, None) => String::new(),
        };
        format!("{lost} could not be read; the others opened as usual.{kept}")
    }
    fn profile_search_shown(&self, shown: usize, total: usize) -> String {
        format!(
            "The list shows {} of {} profiles; type a name to find the others.",
            count(shown, STYLE),
            count(total, STYLE)
        )
    }
    // End of saved data in parts (issue 14, store)
}
