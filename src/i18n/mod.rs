//! Every user-visible string, in Vietnamese (default) and English. The `Texts` struct makes
//! a missing translation a compile error; sentences with figures in them are built by the
//! functions at the bottom, which also format the numbers the way each language writes them.

use crate::domain::evaluate::{Evaluation, FieldError, Gap, Status};
use crate::domain::figures::{EntryMode, TargetEntry};
use crate::domain::number::{
    format_count, format_gap_points, format_percent, format_real, NumberError, NumberStyle,
    MAX_COUNT, PERCENT_DECIMALS,
};
use crate::domain::rank::{AwardVerdict, RankRange, ZoneMargin};
use crate::domain::score::Rating;
use crate::domain::targets::{target, Measure, Requirement, Target, Text};
use crate::domain::units::Bloc;
use crate::formats::share_link::{LinkError, ShareRefusal};
use crate::formats::unit_file::{ImportError, ImportProblem, SAVED_DATA_FORMAT};
use crate::formats::validate::ProfileProblem;

pub use crate::domain::language::Language as Lang;

impl Lang {
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Vi => &VI,
            Lang::En => &EN,
        }
    }

    pub fn pick(self, text: Text) -> &'static str {
        match self {
            Lang::Vi => text.vi,
            Lang::En => text.en,
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
pub fn profile_field_name(lang: Lang, field: crate::domain::merge::ProfileField) -> String {
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
            let target = target(id);
            let part = match (part, target.measure) {
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
            format!("{} — {}", lang.pick(target.label), part)
        }
    }
}

/// The notice that another tab's later edit replaced one of this tab's.
pub fn edit_conflict_message(
    lang: Lang,
    unit: Option<&str>,
    field: crate::domain::merge::ProfileField,
) -> String {
    let t = lang.texts();
    t.banner_edit_conflict
        .replace("{field}", &profile_field_name(lang, field))
        .replace("{unit}", unit.unwrap_or(t.profile_unnamed))
}

#[derive(serde::Serialize)]
pub struct Texts {
    pub app_title: &'static str,
    pub app_subtitle: &'static str,
    pub privacy_note: &'static str,
    /// Shown on the pre-rendered first screen until the app has started.
    pub first_screen_loading: &'static str,
    pub unit_section: &'static str,
    pub bloc_label: &'static str,
    pub bloc_commune: &'static str,
    pub bloc_agency: &'static str,
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
    /// "{met}" of "{applicable}".
    pub met_of: &'static str,
    pub missing: &'static str,
    pub invalid_count: &'static str,
    pub nothing_applicable: &'static str,
    pub targets_heading: &'static str,
    pub status_met: &'static str,
    pub status_not_met: &'static str,
    pub status_na: &'static str,
    pub status_incomplete: &'static str,
    pub status_invalid: &'static str,
    pub threshold_at_least: &'static str,
    pub threshold_all: &'static str,
    pub threshold_yes: &'static str,
    pub threshold_increase: &'static str,
    pub actual: &'static str,
    pub gap_items: &'static str,
    pub gap_share: &'static str,
    pub gap_share_growing: &'static str,
    pub gap_points: &'static str,
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
    pub error_too_large: &'static str,
    pub error_too_many_decimals: &'static str,
    pub error_above_100: &'static str,
    pub error_above_denominator: &'static str,
    /// A typed text refused for its length; `{limit}`.
    pub error_too_long: &'static str,
    pub banner_storage_blocked: &'static str,
    pub banner_storage_full: &'static str,
    pub banner_unreadable: &'static str,
    pub banner_unreadable_left: &'static str,
    pub banner_newer_left: &'static str,
    pub dismiss: &'static str,
    pub banner_updated: &'static str,
    pub crash_title: &'static str,
    pub crash_text: &'static str,
    pub crash_download: &'static str,
    pub crash_reload: &'static str,
    pub banner_synced: &'static str,
    /// One of this tab's recent edits was replaced by another tab's later edit: "{field}"
    /// of "{unit}".
    pub banner_edit_conflict: &'static str,
    pub language_switch: &'static str,
    pub model_heading: &'static str,
    pub model_text: &'static str,
    pub awards_text: &'static str,
    pub nav_label: &'static str,
    pub nav_calculator: &'static str,
    pub nav_ranking: &'static str,
    pub nav_district: &'static str,
    pub nav_settings: &'static str,
    pub profile_label: &'static str,
    pub profile_name_label: &'static str,
    pub profile_unnamed: &'static str,
    pub profile_new: &'static str,
    pub profile_duplicate: &'static str,
    pub profile_delete: &'static str,
    pub profile_deleted: &'static str,
    /// Several profiles deleted since the undo offer appeared ({n} ≥ 2).
    pub profiles_deleted: &'static str,
    pub undo: &'static str,
    pub rank_exact: &'static str,
    pub rank_range: &'static str,
    pub rank_no_unit: &'static str,
    pub award_in: &'static str,
    pub award_out: &'static str,
    pub award_possible: &'static str,
    pub margin_ahead: &'static str,
    pub margin_tie: &'static str,
    pub margin_behind: &'static str,
    pub unknown_peers: &'static str,
    pub table_heading: &'static str,
    pub col_rank: &'static str,
    pub col_unit: &'static str,
    pub col_score: &'static str,
    pub col_source: &'static str,
    pub source_own: &'static str,
    pub source_profile: &'static str,
    pub source_typed: &'static str,
    pub source_unknown: &'static str,
    pub peer_score_label: &'static str,
    pub peer_unknown: &'static str,
    pub peer_unknown_label: &'static str,
    pub peer_hint: &'static str,
    pub award_zone_caption: &'static str,
    pub in_zone: &'static str,
    pub error_score_range: &'static str,
    pub improve_heading: &'static str,
    pub improve_none: &'static str,
    pub step_points: &'static str,
    pub step_enter: &'static str,
    pub step_fix: &'static str,
    pub step_yes: &'static str,
    pub improve_zone: &'static str,
    pub improve_zone_unreachable: &'static str,
    pub improve_zone_already: &'static str,
    pub district_heading: &'static str,
    pub district_intro: &'static str,
    pub district_table: &'static str,
    pub coverage: &'static str,
    /// Units with more than one profile, of which only one counts ({n}).
    pub district_duplicates: &'static str,
    /// The label of the choice of the profile that counts for a unit ({unit}, {n} profiles).
    pub district_choice_label: &'static str,
    /// One option of that choice: a profile's name and score ({name}, {score}, {place}).
    pub district_choice_option: &'static str,
    pub col_target: &'static str,
    pub col_units_met: &'static str,
    pub scope_communes: &'static str,
    pub scope_agencies: &'static str,
    pub scope_district: &'static str,
    pub total_none: &'static str,
    pub percent_only: &'static str,
    pub units_met: &'static str,
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
    pub explain_formula: &'static str,
    pub explain_na: &'static str,
    pub explain_rating: &'static str,
    pub nav_data: &'static str,
    pub data_heading: &'static str,
    pub export_heading: &'static str,
    pub export_json: &'static str,
    pub export_csv: &'static str,
    pub export_table_csv: &'static str,
    pub export_hint: &'static str,
    pub export_blocked: &'static str,
    pub problem_no_unit: &'static str,
    pub problem_unknown_unit: &'static str,
    pub problem_other_no_name: &'static str,
    pub problem_bloc: &'static str,
    pub problem_figures: &'static str,
    pub problem_figure_too_long: &'static str,
    pub import_heading: &'static str,
    pub import_label: &'static str,
    pub import_drop: &'static str,
    pub import_added: &'static str,
    pub import_replaced: &'static str,
    /// Files whose data is already here, identical ({n}, {files}).
    pub import_already_there: &'static str,
    pub import_conflict_heading: &'static str,
    pub import_existing: &'static str,
    pub import_incoming: &'static str,
    pub import_replace: &'static str,
    pub import_add_new: &'static str,
    pub import_skip: &'static str,
    pub import_errors_heading: &'static str,
    pub file_error: &'static str,
    pub file_too_big: &'static str,
    pub file_empty: &'static str,
    pub file_not_utf8: &'static str,
    pub file_not_json: &'static str,
    pub file_not_unit: &'static str,
    pub file_saved_backup: &'static str,
    pub file_newer: &'static str,
    pub file_missing_field: &'static str,
    pub file_wrong_shape: &'static str,
    pub file_unknown_field: &'static str,
    pub file_unknown_target: &'static str,
    pub file_header_mismatch: &'static str,
    pub file_migration: &'static str,
    pub share_heading: &'static str,
    pub share_hint: &'static str,
    pub share_make: &'static str,
    pub share_copy: &'static str,
    pub share_label: &'static str,
    pub share_blocked: &'static str,
    pub share_too_long: &'static str,
    pub share_file: &'static str,
    pub link_preview_heading: &'static str,
    pub link_preview_intro: &'static str,
    pub link_open_new: &'static str,
    pub link_replace: &'static str,
    pub link_ignore: &'static str,
    pub link_error: &'static str,
    pub link_truncated: &'static str,
    pub link_damaged: &'static str,
    pub link_newer: &'static str,
    pub link_not_share: &'static str,
    pub link_too_long: &'static str,
    pub link_bad_character: &'static str,
    pub link_malformed: &'static str,
    pub link_refused: &'static str,
    pub print_heading: &'static str,
    pub print_hint: &'static str,
    pub print_open: &'static str,
    pub print_now: &'static str,
    pub print_back: &'static str,
    pub report_nation: &'static str,
    pub report_motto: &'static str,
    pub report_title: &'static str,
    pub report_unit: &'static str,
    pub report_date: &'static str,
    pub col_no: &'static str,
    pub col_figures: &'static str,
    pub col_threshold: &'static str,
    pub col_result: &'static str,
    pub report_score: &'static str,
    pub report_rank: &'static str,
    pub report_model: &'static str,
    pub report_weights: &'static str,
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
    pub pager_status: &'static str,
    pub pager_own: &'static str,
    pub rating_none: &'static str,
}

pub static VI: Texts = Texts {
    app_title: "Chỉ tiêu cải cách hành chính năm 2021",
    app_subtitle: "Huyện Vĩnh Thạnh, thành phố Cần Thơ · tự đánh giá mức đạt chỉ tiêu thi đua của đơn vị",
    privacy_note: "Số liệu chỉ lưu trên trình duyệt này và không được gửi đi đâu.",
    first_screen_loading: "Đang tải phần tính điểm… Có thể nhập số liệu ngay; kết quả sẽ hiện khi tải xong.",
    unit_section: "Đơn vị",
    bloc_label: "Khối thi đua",
    bloc_commune: "Khối xã, thị trấn",
    bloc_agency: "Khối ban ngành huyện",
    unit_label: "Đơn vị",
    unit_placeholder: "— Chọn đơn vị —",
    unit_other: "Đơn vị khác (tự nhập tên)",
    unit_name_label: "Tên đơn vị",
    unit_name_placeholder: "Ví dụ: Xã Thạnh Quới",
    unit_not_chosen: "Chưa chọn đơn vị",
    summary_label: "Kết quả tự đánh giá",
    score_label: "Điểm",
    rating_label: "Xếp loại",
    rating_good: "Tốt",
    rating_fair: "Khá",
    rating_average: "Trung bình",
    rating_weak: "Yếu",
    met_of: "Đạt {met}/{applicable} chỉ tiêu",
    missing: "Còn {n} chỉ tiêu chưa nhập số liệu",
    invalid_count: "{n} chỉ tiêu có số liệu chưa hợp lệ",
    nothing_applicable: "Chưa có chỉ tiêu nào được áp dụng",
    targets_heading: "Các chỉ tiêu năm 2021",
    status_met: "Đạt",
    status_not_met: "Chưa đạt",
    status_na: "Không áp dụng",
    status_incomplete: "Chưa đủ số liệu",
    status_invalid: "Số liệu không hợp lệ",
    threshold_at_least: "Chỉ tiêu: tối thiểu {p}%",
    threshold_all: "Chỉ tiêu: 100%",
    threshold_yes: "Chỉ tiêu: xếp loại tốt trở lên",
    threshold_increase: "Chỉ tiêu: cuối năm nhiều hơn đầu năm",
    actual: "Đạt được: {p}%",
    gap_items: "Cần thêm {n} {noun}",
    gap_share: "Cần thêm {n} {noun} nếu tổng số giữ nguyên {total}",
    gap_share_growing: "Cần thêm {n} {noun} nếu tổng số giữ nguyên {total}; {m} nếu mỗi {noun} thêm vào cũng được cộng vào tổng số",
    gap_points: "Cần thêm {p} điểm phần trăm",
    na_label: "Không phát sinh / không áp dụng",
    na_by_default: "Mặc định không áp dụng cho loại đơn vị này. Bỏ chọn ô trên nếu đơn vị có số liệu.",
    na_zero_denominator: "Tổng số bằng 0: chỉ tiêu không phát sinh, không tính điểm.",
    entry_label: "Cách nhập",
    entry_counts: "Nhập số lượng",
    entry_percent: "Nhập tỷ lệ %",
    percent_label: "Tỷ lệ đạt được (%)",
    answer_no: "Trả lời: không đạt",
    answered_no: "Đã trả lời: chưa xếp loại tốt",
    unanswered: "Chưa trả lời",
    help_toggle: "Giải thích",
    error_not_a_number: "Không phải là số. Hãy nhập chữ số, ví dụ 12 hoặc 65,5.",
    error_negative: "Không được là số âm.",
    error_not_whole: "Phải là số nguyên, không có phần thập phân.",
    error_too_large: "Số quá lớn (tối đa {max}).",
    error_too_many_decimals: "Tối đa {n} chữ số sau dấu phẩy.",
    error_above_100: "Tỷ lệ không được vượt quá 100%. Dấu chấm hoặc phẩy trước đúng ba chữ số là dấu phân cách hàng nghìn (1.000 là một nghìn).",
    error_above_denominator: "Không được lớn hơn tổng số ({d}).",
    error_too_long: "Quá dài: tối đa {limit} ký tự. Vẫn giữ giá trị trước đó.",
    banner_storage_blocked: "Trình duyệt đang chặn bộ nhớ cục bộ: số liệu chỉ được giữ trong trang này và sẽ mất khi đóng trang.",
    banner_storage_full: "Bộ nhớ của trình duyệt đã đầy: thay đổi mới chưa được lưu. Số liệu đã lưu trước đó vẫn còn nguyên.",
    banner_unreadable: "Không đọc được số liệu đã lưu trước đây. Bản cũ đã được cất riêng (khóa {key}), không bị ghi đè; biểu mẫu bắt đầu lại từ đầu.",
    banner_unreadable_left: "Không đọc được số liệu đã lưu trước đây và không cất riêng được. Bản cũ được giữ nguyên: trang sẽ không ghi đè lên nó, thay đổi mới chỉ giữ trong trang này.",
    banner_newer_left: "Số liệu đã lưu được tạo bởi phiên bản mới hơn của ứng dụng (định dạng {v}). Trang này không ghi đè lên số liệu đó; thay đổi mới chỉ giữ trong trang này. Hãy tải lại trang khi có mạng để dùng phiên bản mới nhất.",
    dismiss: "Đóng thông báo",
    crash_title: "Rất tiếc, trang vừa gặp lỗi",
    crash_text: "Số liệu đã lưu vẫn còn trong trình duyệt. Hãy tải lại trang. Nếu lỗi lặp lại, hãy tải số liệu đã lưu về máy và gửi cho cán bộ phụ trách.",
    crash_download: "Tải số liệu đã lưu về máy",
    crash_reload: "Tải lại trang",
    banner_updated: "Đã có phiên bản mới của ứng dụng và trang đang dùng phiên bản này. Số liệu của bạn vẫn giữ nguyên.",
    banner_synced: "Số liệu vừa được thay đổi ở một tab khác; tab này đã cập nhật theo.",
    banner_edit_conflict: "Ô “{field}” của {unit} vừa được sửa ở một tab khác, sau lần bạn sửa ở đây. Ứng dụng giữ lần sửa sau cùng (đang hiện ở đây); hãy kiểm tra lại ô này.",
    language_switch: "English",
    model_heading: "Cách tính điểm",
    model_text: "Mỗi chỉ tiêu áp dụng có trọng số 1. Chỉ tiêu tỷ lệ được tính theo mức đạt so với chỉ tiêu (tối đa 1); chỉ tiêu có/không và chỉ tiêu tăng thêm được 1 khi đạt, 0 khi chưa đạt. Điểm = 100 × tổng điểm các chỉ tiêu ÷ số chỉ tiêu áp dụng. Chỉ tiêu chưa có hoặc sai số liệu được 0 điểm. Xếp loại: Tốt từ 90, Khá từ 70, Trung bình từ 50, dưới 50 là Yếu. Mức chỉ tiêu theo kế hoạch ngày 09/4/2021 của UBND huyện Vĩnh Thạnh; cách tính điểm là mô hình minh họa, không phải công thức chính thức.",
    awards_text: "Cuối đợt thi đua, huyện khen thưởng 05 đơn vị dẫn đầu khối xã, thị trấn, 03 cơ quan, ban ngành cấp huyện và 14 cá nhân tiêu biểu của mỗi khối.",
    nav_label: "Các phần của ứng dụng",
    nav_calculator: "Tự đánh giá",
    nav_ranking: "Xếp hạng",
    nav_district: "Toàn huyện",
    nav_settings: "Cách tính điểm",
    profile_label: "Hồ sơ đang xem",
    profile_name_label: "Tên hồ sơ (để trống: dùng tên đơn vị)",
    profile_unnamed: "Hồ sơ chưa chọn đơn vị",
    profile_new: "Thêm hồ sơ",
    profile_duplicate: "Nhân bản",
    profile_delete: "Xóa hồ sơ",
    profile_deleted: "Đã xóa hồ sơ “{name}”.",
    profiles_deleted: "Đã xóa {n} hồ sơ.",
    undo: "Hoàn tác",
    rank_exact: "Hạng {rank}/{size}",
    rank_range: "Hạng {best}–{worst}/{size}",
    rank_no_unit: "Chọn đơn vị để xem hạng trong khối",
    award_in: "Trong nhóm {n} đơn vị dẫn đầu được khen thưởng",
    award_out: "Ngoài nhóm {n} đơn vị dẫn đầu được khen thưởng",
    award_possible: "Có thể vào nhóm {n} đơn vị dẫn đầu, tùy điểm các đơn vị chưa biết",
    margin_ahead: "Hơn đơn vị đứng ngay sau nhóm {p} điểm",
    margin_tie: "Bằng điểm đơn vị ở biên nhóm (cùng hạng)",
    margin_behind: "Cần thêm {p} điểm để bằng vị trí cuối của nhóm",
    unknown_peers: "{n} đơn vị chưa có số liệu",
    table_heading: "Bảng xếp hạng",
    col_rank: "Hạng",
    col_unit: "Đơn vị",
    col_score: "Điểm",
    col_source: "Nguồn điểm",
    source_own: "Đơn vị của bạn",
    source_profile: "Từ hồ sơ trong trình duyệt",
    source_typed: "Điểm nhập tay",
    source_unknown: "Chưa có số liệu",
    peer_score_label: "Điểm của {unit}",
    peer_unknown: "Chưa biết",
    peer_unknown_label: "Đặt lại điểm của {unit} về chưa biết",
    peer_hint: "Nhập điểm đã biết của đơn vị khác (ví dụ chỉ số năm trước) hoặc để trống nếu chưa biết. Hạng được tính theo điểm làm tròn đến hai chữ số thập phân như đang hiển thị, cao nhất trước; bằng điểm thì cùng hạng.",
    award_zone_caption: "Nhóm khen thưởng: {n} đơn vị dẫn đầu",
    in_zone: "trong nhóm khen thưởng",
    error_score_range: "Điểm phải là số từ 0 đến 100. Dấu chấm hoặc phẩy trước đúng ba chữ số là dấu phân cách hàng nghìn (1.000 là một nghìn).",
    improve_heading: "Cần cải thiện gì",
    improve_none: "Đơn vị đã đạt mọi chỉ tiêu áp dụng.",
    step_points: "+{p} điểm",
    step_enter: "nhập số liệu và đạt chỉ tiêu",
    step_fix: "sửa số liệu chưa hợp lệ và đạt chỉ tiêu",
    step_yes: "được xếp loại tốt trở lên",
    improve_zone: "Cần ít nhất {n} bước (các bước đầu danh sách) để vào nhóm khen thưởng, so với các đơn vị đã biết điểm.",
    improve_zone_unreachable: "Kể cả đạt mọi chỉ tiêu cũng chưa đủ vào nhóm khen thưởng so với các đơn vị đã biết điểm.",
    improve_zone_already: "Đơn vị đã ở trong nhóm khen thưởng so với các đơn vị đã biết điểm.",
    district_heading: "Toàn huyện",
    district_table: "Bảng tổng hợp theo chỉ tiêu",
    district_intro: "Cộng số liệu của mọi hồ sơ trong trình duyệt này (mỗi đơn vị một hồ sơ) và đối chiếu với chỉ tiêu.",
    coverage: "{communes}/11 xã, thị trấn và {agencies}/12 cơ quan, ban ngành có hồ sơ.",
    district_duplicates: "{n} đơn vị có nhiều hồ sơ. Mỗi đơn vị chỉ tính một hồ sơ vào tổng toàn huyện; hãy chọn hồ sơ được tính.",
    district_choice_label: "{unit} ({n} hồ sơ): hồ sơ được tính",
    district_choice_option: "Hồ sơ thứ {place}: {name}, {score} điểm",
    col_target: "Chỉ tiêu",
    col_units_met: "Số đơn vị đạt",
    scope_communes: "Khối xã",
    scope_agencies: "Khối huyện",
    scope_district: "Toàn huyện",
    total_none: "chưa có số liệu",
    percent_only: "{n} đơn vị nhập tỷ lệ %, không cộng được",
    units_met: "{met}/{applicable} đơn vị",
    settings_heading: "Cách tính điểm (chế độ tập huấn)",
    settings_intro: "Thay đổi cách tính để minh họa và giải thích. Mức chỉ tiêu theo kế hoạch không đổi.",
    mode_label: "Cách tính mức đạt",
    mode_proportional: "Theo tỷ lệ (mức đạt so với chỉ tiêu, tối đa 1)",
    mode_all_or_nothing: "Đạt hoặc không (1 khi đạt, 0 khi chưa đạt)",
    weights_heading: "Trọng số và phạm vi áp dụng",
    weight_label: "Trọng số",
    applicability_label: "Áp dụng",
    applicability_default: "Mặc định",
    applicability_all: "Mọi đơn vị",
    applicability_none: "Không đơn vị nào",
    bands_heading: "Ngưỡng xếp loại",
    band_good: "Tốt từ",
    band_fair: "Khá từ",
    band_average: "Trung bình từ",
    band_order_error: "Ngưỡng phải giảm dần: Tốt > Khá > Trung bình.",
    award_places_heading: "Số đơn vị được khen thưởng",
    reset_model: "Trở về cách tính mặc định",
    model_custom_mark: "Đang dùng cách tính điểm tùy chỉnh",
    demo_heading: "Khối minh họa",
    demo_intro: "Nạp 11 xã, thị trấn với số liệu giả định để tập huấn. Hồ sơ thật không bị ảnh hưởng.",
    demo_start: "Mở khối minh họa",
    demo_banner: "Chế độ minh họa: số liệu là giả định, không phải số liệu thật, và không được lưu.",
    demo_reset: "Đặt lại số liệu minh họa",
    demo_exit: "Thoát chế độ minh họa",
    explain_heading: "Điểm này được tính thế nào?",
    col_weight: "Trọng số",
    col_attainment: "Mức đạt",
    col_points: "Đóng góp",
    attain_met: "đạt: 1",
    attain_not_met: "chưa đạt: 0",
    attain_missing: "chưa có số liệu: 0",
    attain_invalid: "số liệu không hợp lệ: 0",
    explain_formula: "Điểm = 100 × Σ(trọng số × mức đạt) ÷ Σ trọng số {sums_relation} 100 × {earned} ÷ {total} {score_relation} {score}",
    explain_na: "Không tính {n} chỉ tiêu không áp dụng.",
    explain_rating: "Xếp loại theo ngưỡng: Tốt từ {good}, Khá từ {fair}, Trung bình từ {average}.",
    nav_data: "Xuất, nhập, in",
    data_heading: "Xuất, nhập, chia sẻ và in",
    export_heading: "Xuất hồ sơ đang xem",
    export_json: "Tải tệp hồ sơ (JSON)",
    export_csv: "Tải bảng tính hồ sơ (CSV)",
    export_table_csv: "Tải bảng xếp hạng khối (CSV)",
    export_hint: "Tệp JSON dùng để gửi Phòng Nội vụ hoặc mở lại trên máy khác; tệp CSV mở được bằng Excel.",
    export_blocked: "Chưa xuất được tệp hồ sơ: {problem}",
    problem_no_unit: "hãy chọn đơn vị trước.",
    problem_unknown_unit: "đơn vị “{unit}” không có trong danh sách.",
    problem_other_no_name: "hãy nhập tên đơn vị.",
    problem_bloc: "đơn vị {unit} không thuộc {bloc}.",
    problem_figures: "có {n} ô số liệu chưa hợp lệ, ví dụ ở chỉ tiêu “{target}”: {error}",
    problem_figure_too_long: "một ô số liệu của chỉ tiêu “{target}” dài {chars} ký tự (tối đa {limit}).",
    import_heading: "Nhập tệp hồ sơ",
    import_label: "Chọn một hoặc nhiều tệp hồ sơ (.json)",
    import_drop: "Hoặc kéo thả các tệp hồ sơ vào đây.",
    import_added: "Đã thêm {n} hồ sơ: {files}",
    import_replaced: "Đã thay thế {n} hồ sơ: {files}",
    import_already_there: "{n} tệp đã có sẵn, giống hệt hồ sơ hiện có, không cần nhập lại: {files}",
    import_conflict_heading: "Tệp “{file}”: đơn vị này đã có hồ sơ. Chọn cách xử lý:",
    import_existing: "Hồ sơ hiện có",
    import_incoming: "Trong tệp",
    import_replace: "Thay thế hồ sơ hiện có",
    import_add_new: "Thêm thành hồ sơ mới",
    import_skip: "Bỏ qua tệp này",
    import_errors_heading: "Không nhập được {n} tệp; số liệu đã lưu không thay đổi:",
    file_error: "Tệp “{file}”: {problem}",
    file_too_big: "tệp quá lớn ({size} byte; tối đa {limit} byte).",
    file_empty: "tệp rỗng.",
    file_not_utf8: "tệp không phải văn bản UTF-8.",
    file_not_json: "tệp không phải JSON hợp lệ (lỗi ở dòng {line}, cột {column}).",
    file_not_unit: "đây không phải tệp hồ sơ đơn vị của ứng dụng này.",
    file_saved_backup: "đây là bản sao lưu toàn bộ dữ liệu của ứng dụng, không phải tệp hồ sơ một đơn vị.",
    file_newer: "tệp được tạo bởi phiên bản mới hơn của ứng dụng (định dạng {version}; phiên bản này đọc được đến {supported}).",
    file_missing_field: "thiếu mục “{field}”.",
    file_wrong_shape: "mục “{field}” có kiểu dữ liệu không đúng.",
    file_unknown_field: "có mục “{field}” mà phiên bản này không biết.",
    file_unknown_target: "có chỉ tiêu không tồn tại “{key}”.",
    file_header_mismatch: "phần đầu tệp ghi “{header}” nhưng hồ sơ ghi “{profile}” (mục {field}); tệp có thể đã bị sửa tay.",
    file_migration: "không chuyển được tệp định dạng cũ sang định dạng hiện tại.",
    share_heading: "Chia sẻ bằng liên kết",
    share_hint: "Liên kết chứa toàn bộ số liệu của hồ sơ ngay trong địa chỉ (sau dấu #), không đi qua máy chủ nào.",
    share_make: "Tạo liên kết chia sẻ",
    share_copy: "Sao chép liên kết",
    share_label: "Liên kết chia sẻ",
    share_blocked: "Chưa tạo được liên kết: {problem}",
    share_too_long: "Liên kết sẽ dài {chars} ký tự, quá giới hạn {limit} ký tự mà ứng dụng mở được. Hãy gửi tệp hồ sơ thay cho liên kết.",
    share_file: "Tải tệp hồ sơ (JSON) để gửi",
    link_preview_heading: "Mở hồ sơ từ liên kết",
    link_preview_intro: "Liên kết chứa hồ sơ dưới đây. Chưa có gì thay đổi; hãy chọn cách mở.",
    link_open_new: "Mở thành hồ sơ mới",
    link_replace: "Thay thế hồ sơ “{name}”",
    link_ignore: "Bỏ qua",
    link_error: "Không mở được liên kết chia sẻ: {problem}",
    link_truncated: "liên kết bị cắt mất một phần; hãy sao chép lại toàn bộ liên kết.",
    link_damaged: "liên kết đã bị sửa hoặc bị hỏng.",
    link_newer: "liên kết được tạo bởi phiên bản mới hơn của ứng dụng.",
    link_not_share: "địa chỉ không chứa hồ sơ chia sẻ.",
    link_too_long: "liên kết quá dài.",
    link_bad_character: "liên kết có ký tự không hợp lệ ở vị trí {position}.",
    link_malformed: "nội dung liên kết không hợp lệ.",
    link_refused: "nội dung liên kết không nhất quán: {problem}",
    print_heading: "In báo cáo",
    print_hint: "Bản in khổ A4 gồm đơn vị, ngày, số liệu từng chỉ tiêu, điểm, xếp loại, ước tính xếp hạng, cách tính điểm và phần ký.",
    print_open: "Xem bản in",
    print_now: "In hoặc lưu PDF",
    print_back: "Quay lại",
    report_nation: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    report_motto: "Độc lập - Tự do - Hạnh phúc",
    report_title: "BÁO CÁO TỰ ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH NĂM 2021",
    report_unit: "Đơn vị: {unit}",
    report_date: "Vĩnh Thạnh, ngày {d} tháng {m} năm {y}",
    col_no: "STT",
    col_figures: "Số liệu",
    col_threshold: "Mức chỉ tiêu",
    col_result: "Kết quả",
    report_score: "Điểm tự đánh giá: {score}/100. Xếp loại: {rating}. Đạt {met}/{applicable} chỉ tiêu áp dụng.",
    report_rank: "Ước tính xếp hạng: {rank}.",
    report_model: "Cách tính điểm: {mode}; xếp loại Tốt từ {good}, Khá từ {fair}, Trung bình từ {average}; khen thưởng {places} đơn vị dẫn đầu khối.",
    report_weights: "Trọng số khác 1: {list}.",
    report_preparer: "NGƯỜI LẬP BIỂU",
    report_head: "THỦ TRƯỞNG ĐƠN VỊ",
    report_sign: "(Ký, ghi rõ họ tên)",
    report_sign_seal: "(Ký tên, đóng dấu)",
    report_note: "Số liệu do đơn vị tự nhập; điểm tính theo mô hình minh họa của ứng dụng, không phải kết quả chấm điểm chính thức.",
    answer_yes: "Có",
    answer_no_short: "Không",
    threshold_yes_short: "Tốt trở lên",
    threshold_increase_short: "Tăng so với đầu năm",
    pager_label: "Các trang của bảng xếp hạng",
    pager_previous: "‹ Trang trước",
    pager_next: "Trang sau ›",
    pager_status: "Trang {x}/{y} · hàng {a}–{b} trên {n}",
    pager_own: "Đến hàng của đơn vị mình",
    rating_none: "chưa xếp loại",
};

pub static EN: Texts = Texts {
    app_title: "2021 administrative-reform targets",
    app_subtitle: "Vĩnh Thạnh district, Cần Thơ · a unit's self-assessment against the campaign targets",
    privacy_note: "Figures are kept in this browser only and are never sent anywhere.",
    first_screen_loading: "Loading the calculator… You can enter figures now; the results appear once it has loaded.",
    unit_section: "Unit",
    bloc_label: "Bloc",
    bloc_commune: "Communes and towns",
    bloc_agency: "District agencies",
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
    met_of: "{met} of {applicable} targets met",
    missing: "{n} targets still without figures",
    invalid_count: "{n} targets with invalid figures",
    nothing_applicable: "No target applies yet",
    targets_heading: "The 2021 targets",
    status_met: "Met",
    status_not_met: "Not met",
    status_na: "Not applicable",
    status_incomplete: "Figures missing",
    status_invalid: "Invalid figures",
    threshold_at_least: "Target: at least {p}%",
    threshold_all: "Target: 100%",
    threshold_yes: "Target: rated good or better",
    threshold_increase: "Target: more at the end of the year than at the start",
    actual: "Achieved: {p}%",
    gap_items: "{n} more {noun} needed",
    gap_share: "{n} more {noun} needed if the total stays {total}",
    gap_share_growing: "{n} more {noun} needed if the total stays {total}; {m} more {noun} if they also add to the total",
    gap_points: "{p} more percentage points needed",
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
    error_too_large: "Too large (at most {max}).",
    error_too_many_decimals: "At most {n} decimal places.",
    error_above_100: "A percentage cannot exceed 100%. A point or comma before exactly three digits separates thousands (1,000 is one thousand).",
    error_above_denominator: "Cannot exceed the total ({d}).",
    error_too_long: "Too long: at most {limit} characters. The previous value is kept.",
    banner_storage_blocked: "The browser blocks local storage: figures are kept in this page only and are lost when it is closed.",
    banner_storage_full: "The browser's storage is full: new changes are not saved. What was saved before is intact.",
    banner_unreadable: "The saved figures could not be read. They were kept aside (key {key}), not overwritten; the form starts afresh.",
    banner_unreadable_left: "The saved figures could not be read or kept aside. They are left as they are: the page will not overwrite them, and new changes stay in this page only.",
    banner_newer_left: "The saved figures come from a newer version of the app (format {v}). This page does not overwrite them; new changes stay in this page only. Reload the page while online to use the newest version.",
    dismiss: "Dismiss",
    crash_title: "Sorry, the page hit an error",
    crash_text: "Your saved figures are still in this browser. Reload the page. If the error comes back, download the saved figures and send them to the person in charge.",
    crash_download: "Download the saved figures",
    crash_reload: "Reload the page",
    banner_updated: "A new version of the app has been installed and is in use. Your figures are unchanged.",
    banner_synced: "The figures were just changed in another tab; this tab has been updated to match.",
    banner_edit_conflict: "“{field}” of {unit} was just changed in another tab, after your edit here. The app keeps the later edit (shown here); please check this field.",
    language_switch: "Tiếng Việt",
    model_heading: "How the score is computed",
    model_text: "Every applicable target has weight 1. A ratio target scores its attainment against the threshold (at most 1); yes/no and increase targets score 1 when met and 0 otherwise. Score = 100 × the sum of target scores ÷ the number of applicable targets. Targets without figures or with invalid figures score 0. Ratings: Good from 90, Fair from 70, Average from 50, Weak below 50. Thresholds follow the Vĩnh Thạnh district plan of 9 April 2021; the scoring is an illustrative model, not an official formula.",
    awards_text: "At the end of the campaign the district rewards the 5 leading communes and towns, 3 district agencies and 14 outstanding individuals in each bloc.",
    nav_label: "Sections of the app",
    nav_calculator: "Self-assessment",
    nav_ranking: "Ranking",
    nav_district: "District",
    nav_settings: "Scoring model",
    profile_label: "Profile",
    profile_name_label: "Profile name (empty: the unit's name)",
    profile_unnamed: "Profile without a unit",
    profile_new: "New profile",
    profile_duplicate: "Duplicate",
    profile_delete: "Delete profile",
    profile_deleted: "Profile “{name}” deleted.",
    profiles_deleted: "{n} profiles deleted.",
    undo: "Undo",
    rank_exact: "Rank {rank} of {size}",
    rank_range: "Rank {best}–{worst} of {size}",
    rank_no_unit: "Choose a unit to see its rank in the bloc",
    award_in: "In the leading {n} units that are rewarded",
    award_out: "Outside the leading {n} units that are rewarded",
    award_possible: "May be in the leading {n} units, depending on the unknown peers",
    margin_ahead: "{p} points ahead of the first unit outside the group",
    margin_tie: "Level with the unit at the edge of the group (same rank)",
    margin_behind: "{p} more points to reach the last place in the group",
    unknown_peers: "{n} units without figures",
    table_heading: "Ranking table",
    col_rank: "Rank",
    col_unit: "Unit",
    col_score: "Score",
    col_source: "Source",
    source_own: "Your unit",
    source_profile: "From a profile in this browser",
    source_typed: "Typed score",
    source_unknown: "No figures",
    peer_score_label: "Score of {unit}",
    peer_unknown: "Unknown",
    peer_unknown_label: "Set the score of {unit} back to unknown",
    peer_hint: "Type a peer's known score (e.g. last year's index) or leave it empty if unknown. Ranks go by the score rounded to the two decimals shown, highest first; equal scores share a rank.",
    award_zone_caption: "Award zone: the leading {n} units",
    in_zone: "in the award zone",
    error_score_range: "A score is a number from 0 to 100. A point or comma before exactly three digits separates thousands (1,000 is one thousand).",
    improve_heading: "What to improve",
    improve_none: "The unit meets every applicable target.",
    step_points: "+{p} points",
    step_enter: "enter figures that meet the target",
    step_fix: "correct the invalid figures and meet the target",
    step_yes: "be rated good or better",
    improve_zone: "The first {n} steps of the list are the fewest that reach the award zone (against the peers with known scores).",
    improve_zone_unreachable: "Even meeting every target would not reach the award zone against the known peers.",
    improve_zone_already: "The unit is already in the award zone against the known peers.",
    district_heading: "The district as a whole",
    district_table: "Totals by target",
    district_intro: "Adds up the figures of every profile in this browser (one per unit) and checks them against the targets.",
    coverage: "{communes} of 11 communes and towns and {agencies} of 12 agencies have a profile.",
    district_duplicates: "{n} units have more than one profile. Only one profile per unit counts in the district totals; choose which one.",
    district_choice_label: "{unit} ({n} profiles): the profile that counts",
    district_choice_option: "Profile {place}: {name}, score {score}",
    col_target: "Target",
    col_units_met: "Units meeting",
    scope_communes: "Communes",
    scope_agencies: "Agencies",
    scope_district: "District",
    total_none: "no figures",
    percent_only: "{n} units typed a percentage, which cannot be added up",
    units_met: "{met} of {applicable} units",
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
    explain_formula: "Score = 100 × Σ(weight × attainment) ÷ Σ weights {sums_relation} 100 × {earned} ÷ {total} {score_relation} {score}",
    explain_na: "{n} targets that do not apply are left out.",
    explain_rating: "Rating bands: Good from {good}, Fair from {fair}, Average from {average}.",
    nav_data: "Files and print",
    data_heading: "Export, import, share and print",
    export_heading: "Export the current profile",
    export_json: "Download the profile file (JSON)",
    export_csv: "Download the profile spreadsheet (CSV)",
    export_table_csv: "Download the bloc ranking (CSV)",
    export_hint: "The JSON file is for sending to Phòng Nội vụ or opening on another computer; the CSV files open in Excel.",
    export_blocked: "The profile file cannot be exported yet: {problem}",
    problem_no_unit: "choose the unit first.",
    problem_unknown_unit: "the unit “{unit}” is not in the lists.",
    problem_other_no_name: "type the unit's name.",
    problem_bloc: "the unit {unit} is not in the {bloc} bloc.",
    problem_figures: "{n} figures are invalid, e.g. in “{target}”: {error}",
    problem_figure_too_long: "a figure of “{target}” has {chars} characters (at most {limit}).",
    import_heading: "Import profile files",
    import_label: "Choose one or more profile files (.json)",
    import_drop: "Or drop profile files here.",
    import_added: "Added {n} profiles: {files}",
    import_replaced: "Replaced {n} profiles: {files}",
    import_already_there: "{n} files already here, identical to a profile, nothing to import: {files}",
    import_conflict_heading: "File “{file}”: this unit already has a profile. Choose what to do:",
    import_existing: "Current profile",
    import_incoming: "In the file",
    import_replace: "Replace the current profile",
    import_add_new: "Add as a new profile",
    import_skip: "Skip this file",
    import_errors_heading: "{n} files could not be imported; nothing saved was changed:",
    file_error: "File “{file}”: {problem}",
    file_too_big: "the file is too big ({size} bytes; at most {limit}).",
    file_empty: "the file is empty.",
    file_not_utf8: "the file is not UTF-8 text.",
    file_not_json: "the file is not valid JSON (error at line {line}, column {column}).",
    file_not_unit: "this is not a unit profile file of this app.",
    file_saved_backup: "this is a backup of the app's whole data, not a single unit's profile file.",
    file_newer: "the file was written by a newer version of the app (format {version}; this version reads up to {supported}).",
    file_missing_field: "the field “{field}” is missing.",
    file_wrong_shape: "the field “{field}” has the wrong type.",
    file_unknown_field: "the field “{field}” is unknown to this version.",
    file_unknown_target: "it names an unknown target “{key}”.",
    file_header_mismatch: "the header says “{header}” but the profile says “{profile}” ({field}); the file may have been edited by hand.",
    file_migration: "the older format could not be brought up to date.",
    share_heading: "Share as a link",
    share_hint: "The link carries the profile's figures inside the address (after #); no server sees them.",
    share_make: "Create a share link",
    share_copy: "Copy the link",
    share_label: "Share link",
    share_blocked: "No link can be made yet: {problem}",
    share_too_long: "The link would have {chars} characters, more than the {limit} the app opens. Send the profile file instead.",
    share_file: "Download the profile file (JSON) to send",
    link_preview_heading: "A profile from a link",
    link_preview_intro: "The link carries the profile below. Nothing has changed yet; choose how to open it.",
    link_open_new: "Open as a new profile",
    link_replace: "Replace the profile “{name}”",
    link_ignore: "Ignore",
    link_error: "The share link cannot be opened: {problem}",
    link_truncated: "the link was cut short; copy the whole link again.",
    link_damaged: "the link was edited or damaged.",
    link_newer: "the link was made by a newer version of the app.",
    link_not_share: "the address carries no shared profile.",
    link_too_long: "the link is too long.",
    link_bad_character: "the link has an invalid character at position {position}.",
    link_malformed: "the link's content is invalid.",
    link_refused: "the link's content is inconsistent: {problem}",
    print_heading: "Print a report",
    print_hint: "An A4 report with the unit, the date, every target's figures, score, rating, rank estimate, the scoring settings and the signature block.",
    print_open: "Open the print view",
    print_now: "Print or save as PDF",
    print_back: "Back",
    report_nation: "SOCIALIST REPUBLIC OF VIET NAM",
    report_motto: "Independence - Freedom - Happiness",
    report_title: "SELF-ASSESSMENT OF THE 2021 ADMINISTRATIVE-REFORM TARGETS",
    report_unit: "Unit: {unit}",
    report_date: "Vĩnh Thạnh, {y}-{m}-{d}",
    col_no: "No.",
    col_figures: "Figures",
    col_threshold: "Threshold",
    col_result: "Result",
    report_score: "Self-assessed score: {score}/100. Rating: {rating}. {met} of {applicable} applicable targets met.",
    report_rank: "Estimated rank: {rank}.",
    report_model: "Scoring: {mode}; Good from {good}, Fair from {fair}, Average from {average}; the leading {places} units of the bloc are rewarded.",
    report_weights: "Weights other than 1: {list}.",
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
    pager_status: "Page {x}/{y} · rows {a}–{b} of {n}",
    pager_own: "Go to my unit's row",
    rating_none: "not rated yet",
};

pub fn bloc_name(lang: Lang, bloc: Bloc) -> &'static str {
    let t = lang.texts();
    match bloc {
        Bloc::Commune => t.bloc_commune,
        Bloc::Agency => t.bloc_agency,
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
    let style = lang.numbers();
    match error {
        FieldError::Number(NumberError::NotANumber) => t.error_not_a_number.into(),
        FieldError::Number(NumberError::Negative) => t.error_negative.into(),
        FieldError::Number(NumberError::NotWhole) => t.error_not_whole.into(),
        FieldError::Number(NumberError::TooLarge) => t
            .error_too_large
            .replace("{max}", &format_count(MAX_COUNT, style)),
        FieldError::Number(NumberError::TooManyDecimals) => t
            .error_too_many_decimals
            .replace("{n}", &PERCENT_DECIMALS.to_string()),
        FieldError::Number(NumberError::PercentAbove100) => t.error_above_100.into(),
        FieldError::AboveDenominator { denominator } => t
            .error_above_denominator
            .replace("{d}", &format_count(denominator, style)),
    }
}

pub fn gap_message(lang: Lang, gap: Gap, noun: Text) -> String {
    let t = lang.texts();
    let style = lang.numbers();
    match gap {
        Gap::Items(n) => t
            .gap_items
            .replace("{n}", &format_count(n, style))
            .replace("{noun}", lang.pick(noun)),
        Gap::Share {
            items,
            total,
            growing,
        } => {
            let template = if growing.is_some() {
                t.gap_share_growing
            } else {
                t.gap_share
            };
            template
                .replace("{n}", &format_count(items, style))
                .replace("{total}", &format_count(total, style))
                .replace("{m}", &format_count(growing.unwrap_or_default(), style))
                .replace("{noun}", lang.pick(noun))
        }
        Gap::Points(points) => t
            .gap_points
            .replace("{p}", &format_gap_points(points, style)),
    }
}

/// "Hạng 3/11" or, with unknown peers, "Hạng 3–9/11".
pub fn rank_text(lang: Lang, rank: RankRange, size: usize) -> String {
    let t = lang.texts();
    let count = |n: usize| format_count(n as u64, lang.numbers());
    if rank.is_exact() {
        t.rank_exact
            .replace("{rank}", &count(rank.best))
            .replace("{size}", &count(size))
    } else {
        t.rank_range
            .replace("{best}", &count(rank.best))
            .replace("{worst}", &count(rank.worst))
            .replace("{size}", &count(size))
    }
}

pub fn award_text(lang: Lang, verdict: AwardVerdict, places: usize) -> String {
    let t = lang.texts();
    let template = match verdict {
        AwardVerdict::In => t.award_in,
        AwardVerdict::Out => t.award_out,
        AwardVerdict::Possible => t.award_possible,
    };
    template.replace("{n}", &format_count(places as u64, lang.numbers()))
}

pub fn margin_text(lang: Lang, margin: ZoneMargin) -> String {
    let t = lang.texts();
    let points = |p: f64| format_real(p, 2, lang.numbers());
    match margin {
        ZoneMargin::Ahead(p) if p <= 0.0 => t.margin_tie.to_string(),
        ZoneMargin::Ahead(p) => t.margin_ahead.replace("{p}", &points(p)),
        ZoneMargin::Behind(p) => t.margin_behind.replace("{p}", &points(p)),
    }
}

/// Why a profile cannot be exported (or why an imported one was refused).
pub fn profile_problem_message(lang: Lang, problem: &ProfileProblem) -> String {
    let t = lang.texts();
    match problem {
        ProfileProblem::NoUnit => t.problem_no_unit.to_string(),
        ProfileProblem::UnknownUnit { unit_id } => {
            t.problem_unknown_unit.replace("{unit}", unit_id)
        }
        ProfileProblem::OtherUnitWithoutName => t.problem_other_no_name.to_string(),
        ProfileProblem::BlocMismatch { unit_id, bloc, .. } => t
            .problem_bloc
            .replace("{unit}", unit_id)
            .replace("{bloc}", bloc_name(lang, *bloc)),
        ProfileProblem::FigureTooLong {
            target: id,
            too_long,
            ..
        } => t
            .problem_figure_too_long
            .replace("{target}", lang.pick(target(*id).label))
            .replace(
                "{chars}",
                &format_count(too_long.chars as u64, lang.numbers()),
            )
            .replace(
                "{limit}",
                &format_count(too_long.limit as u64, lang.numbers()),
            ),
        ProfileProblem::ImpossibleFigures(problems) => {
            let first = problems.first();
            t.problem_figures
                .replace("{n}", &problems.count().to_string())
                .replace("{target}", lang.pick(target(first.target).label))
                .replace("{error}", &error_message(lang, first.error))
        }
    }
}

/// A typed text refused for its length, shown next to its field.
pub fn too_long_message(lang: Lang, limit: usize) -> String {
    lang.texts()
        .error_too_long
        .replace("{limit}", &format_count(limit as u64, lang.numbers()))
}

/// Why the share button made no link.
pub fn share_refusal_message(lang: Lang, refusal: &ShareRefusal) -> String {
    let t = lang.texts();
    match refusal {
        ShareRefusal::Invalid(problem) => t
            .share_blocked
            .replace("{problem}", &profile_problem_message(lang, problem)),
        ShareRefusal::TooLong { chars, limit } => t
            .share_too_long
            .replace("{chars}", &format_count(*chars as u64, lang.numbers()))
            .replace("{limit}", &format_count(*limit as u64, lang.numbers())),
    }
}

/// A sentence naming the file and what is wrong with it.
pub fn import_error_message(lang: Lang, error: &ImportError) -> String {
    let t = lang.texts();
    let problem = match &error.problem {
        ImportProblem::TooBig { size, limit } => t
            .file_too_big
            .replace("{size}", &format_count(*size as u64, lang.numbers()))
            .replace("{limit}", &format_count(*limit as u64, lang.numbers())),
        ImportProblem::Empty => t.file_empty.to_string(),
        ImportProblem::NotUtf8 { .. } => t.file_not_utf8.to_string(),
        ImportProblem::NotJson { line, column } => t
            .file_not_json
            .replace("{line}", &line.to_string())
            .replace("{column}", &column.to_string()),
        ImportProblem::NotUnitFile { format } if format.as_deref() == Some(SAVED_DATA_FORMAT) => {
            t.file_saved_backup.to_string()
        }
        ImportProblem::NotUnitFile { .. } => t.file_not_unit.to_string(),
        ImportProblem::NewerVersion { version, supported } => t
            .file_newer
            .replace("{version}", &version.to_string())
            .replace("{supported}", &supported.to_string()),
        ImportProblem::MissingField { field } => t.file_missing_field.replace("{field}", field),
        ImportProblem::WrongShape { field, .. } => t.file_wrong_shape.replace("{field}", field),
        ImportProblem::UnknownField { field } => t.file_unknown_field.replace("{field}", field),
        ImportProblem::UnknownTarget { key } => t.file_unknown_target.replace("{key}", key),
        ImportProblem::HeaderMismatch {
            field,
            header,
            profile,
        } => t
            .file_header_mismatch
            .replace("{header}", header)
            .replace("{profile}", profile)
            .replace("{field}", field),
        ImportProblem::Migration(_) => t.file_migration.to_string(),
        ImportProblem::Profile(problem) => profile_problem_message(lang, problem),
    };
    t.file_error
        .replace("{file}", &error.file_name)
        .replace("{problem}", &problem)
}

pub fn link_error_message(lang: Lang, error: &LinkError) -> String {
    let t = lang.texts();
    let problem = match error {
        LinkError::Empty | LinkError::NotAShareLink => t.link_not_share.to_string(),
        LinkError::NewerVersion { .. } => t.link_newer.to_string(),
        LinkError::TooLong { .. } => t.link_too_long.to_string(),
        LinkError::BadCharacter { position, .. } => t
            .link_bad_character
            .replace("{position}", &position.to_string()),
        LinkError::Truncated => t.link_truncated.to_string(),
        LinkError::Damaged => t.link_damaged.to_string(),
        LinkError::Malformed(_) => t.link_malformed.to_string(),
        LinkError::Refused(problem) => t
            .link_refused
            .replace("{problem}", &profile_problem_message(lang, problem)),
    };
    t.link_error.replace("{problem}", &problem)
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
        Requirement::AtLeast(p) => t
            .threshold_at_least
            .replace("{p}", &format_percent(p, lang.numbers())),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::number::Percent;

    fn fields(texts: &Texts) -> Vec<(String, String)> {
        let value = serde_json::to_value(texts).expect("texts serialise");
        let object = value.as_object().expect("texts are an object");
        object
            .iter()
            .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string()))
            .collect()
    }

    fn placeholders(text: &str) -> Vec<&str> {
        let mut found: Vec<&str> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
            .collect();
        found.sort_unstable();
        found
    }

    #[test]
    fn every_string_is_translated_with_the_same_placeholders() {
        // `Texts` makes a missing key a compile error; here: no empty string, and every
        // placeholder of one language is in the other.
        let (vi, en) = (fields(&VI), fields(&EN));
        assert!(vi.len() > 200, "{} keys", vi.len());
        for ((key, vi_text), (_, en_text)) in vi.iter().zip(&en) {
            assert!(
                !vi_text.trim().is_empty(),
                "empty Vietnamese text for {key}"
            );
            assert!(!en_text.trim().is_empty(), "empty English text for {key}");
            assert_eq!(
                placeholders(vi_text),
                placeholders(en_text),
                "placeholders of {key}"
            );
        }
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
            vi: "hồ sơ",
            en: "files",
        };
        assert_eq!(
            gap_message(Lang::Vi, Gap::Items(1234), noun),
            "Cần thêm 1.234 hồ sơ"
        );
        assert_eq!(
            gap_message(Lang::En, Gap::Items(1234), noun),
            "1,234 more files needed"
        );
        assert_eq!(
            gap_message(Lang::Vi, Gap::Points(Percent::from_scaled(5_000)), noun),
            "Cần thêm 0,5 điểm phần trăm"
        );
        // 80 of 100 against 87%: 7 more if the total stays 100, 54 if it grows with them.
        let share = Gap::Share {
            items: 7,
            total: 100,
            growing: Some(54),
        };
        assert_eq!(
            gap_message(Lang::Vi, share, noun),
            "Cần thêm 7 hồ sơ nếu tổng số giữ nguyên 100; 54 nếu mỗi hồ sơ thêm vào cũng được cộng vào tổng số"
        );
        assert_eq!(
            gap_message(Lang::En, share, noun),
            "7 more files needed if the total stays 100; 54 more files if they also add to the total"
        );
        let full = Gap::Share {
            items: 3,
            total: 1234,
            growing: None,
        };
        assert_eq!(
            gap_message(Lang::Vi, full, noun),
            "Cần thêm 3 hồ sơ nếu tổng số giữ nguyên 1.234"
        );
        // A gap is rounded up: 64,99 against 65 needs 0,01, never 0.
        assert_eq!(
            gap_message(Lang::Vi, Gap::Points(Percent::from_scaled(100)), noun),
            "Cần thêm 0,01 điểm phần trăm"
        );
        assert_eq!(
            gap_message(Lang::Vi, Gap::Points(Percent::from_scaled(1)), noun),
            "Cần thêm 0,01 điểm phần trăm"
        );
        assert_eq!(
            gap_message(Lang::Vi, Gap::Points(Percent::from_scaled(9_500)), noun),
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
}
