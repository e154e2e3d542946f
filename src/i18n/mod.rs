//! Every user-visible string, in Vietnamese (default) and English. The `Texts` struct makes
//! a missing translation a compile error; sentences with figures in them are built by the
//! functions at the bottom, which also format the numbers the way each language writes them.

use crate::domain::evaluate::{FieldError, Gap, Status};
use crate::domain::number::{
    format_count, format_percent, format_real, NumberError, NumberStyle, MAX_COUNT,
    PERCENT_DECIMALS,
};
use crate::domain::rank::{AwardVerdict, RankRange, ZoneMargin};
use crate::domain::score::Rating;
use crate::domain::targets::Text;
use crate::domain::units::Bloc;

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
}

pub struct Texts {
    pub app_title: &'static str,
    pub app_subtitle: &'static str,
    pub privacy_note: &'static str,
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
    pub banner_storage_blocked: &'static str,
    pub banner_storage_full: &'static str,
    pub banner_unreadable: &'static str,
    pub banner_unreadable_left: &'static str,
    pub banner_newer: &'static str,
    pub banner_newer_left: &'static str,
    pub dismiss: &'static str,
    pub banner_updated: &'static str,
    pub crash_title: &'static str,
    pub crash_text: &'static str,
    pub crash_download: &'static str,
    pub crash_reload: &'static str,
    pub banner_synced: &'static str,
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
}

pub static VI: Texts = Texts {
    app_title: "Chỉ tiêu cải cách hành chính năm 2021",
    app_subtitle: "Huyện Vĩnh Thạnh, thành phố Cần Thơ · tự đánh giá mức đạt chỉ tiêu thi đua của đơn vị",
    privacy_note: "Số liệu chỉ lưu trên trình duyệt này và không được gửi đi đâu.",
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
    error_above_100: "Tỷ lệ không được vượt quá 100%.",
    error_above_denominator: "Không được lớn hơn tổng số ({d}).",
    banner_storage_blocked: "Trình duyệt đang chặn bộ nhớ cục bộ: số liệu chỉ được giữ trong trang này và sẽ mất khi đóng trang.",
    banner_storage_full: "Bộ nhớ của trình duyệt đã đầy: thay đổi mới chưa được lưu. Số liệu đã lưu trước đó vẫn còn nguyên.",
    banner_unreadable: "Không đọc được số liệu đã lưu trước đây. Bản cũ đã được cất riêng (khóa {key}), không bị ghi đè; biểu mẫu bắt đầu lại từ đầu.",
    banner_unreadable_left: "Không đọc được số liệu đã lưu trước đây và không cất riêng được. Bản cũ được giữ nguyên: trang sẽ không ghi đè lên nó, thay đổi mới chỉ giữ trong trang này.",
    banner_newer: "Số liệu đã lưu được tạo bởi phiên bản mới hơn của ứng dụng (định dạng {v}). Bản đó đã được cất riêng (khóa {key}) và không bị thay đổi.",
    banner_newer_left: "Số liệu đã lưu được tạo bởi phiên bản mới hơn của ứng dụng (định dạng {v}). Để không làm hỏng bản đó, trang sẽ không ghi đè lên nó; thay đổi mới chỉ giữ trong trang này.",
    dismiss: "Đóng thông báo",
    crash_title: "Rất tiếc, trang vừa gặp lỗi",
    crash_text: "Số liệu đã lưu vẫn còn trong trình duyệt. Hãy tải lại trang. Nếu lỗi lặp lại, hãy tải số liệu đã lưu về máy và gửi cho cán bộ phụ trách.",
    crash_download: "Tải số liệu đã lưu về máy",
    crash_reload: "Tải lại trang",
    banner_updated: "Đã có phiên bản mới của ứng dụng và trang đang dùng phiên bản này. Số liệu của bạn vẫn giữ nguyên.",
    banner_synced: "Số liệu vừa được thay đổi ở một tab khác; tab này đã cập nhật theo.",
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
    peer_hint: "Nhập điểm đã biết của đơn vị khác (ví dụ chỉ số năm trước) hoặc để trống nếu chưa biết. Hạng được tính theo điểm, cao nhất trước; bằng điểm thì cùng hạng.",
    award_zone_caption: "Nhóm khen thưởng: {n} đơn vị dẫn đầu",
    in_zone: "trong nhóm khen thưởng",
    error_score_range: "Điểm phải là số từ 0 đến 100.",
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
    explain_formula: "Điểm = 100 × Σ(trọng số × mức đạt) ÷ Σ trọng số = 100 × {earned} ÷ {total} = {score}",
    explain_na: "Không tính {n} chỉ tiêu không áp dụng.",
    explain_rating: "Xếp loại theo ngưỡng: Tốt từ {good}, Khá từ {fair}, Trung bình từ {average}.",
};

pub static EN: Texts = Texts {
    app_title: "2021 administrative-reform targets",
    app_subtitle: "Vĩnh Thạnh district, Cần Thơ · a unit's self-assessment against the campaign targets",
    privacy_note: "Figures are kept in this browser only and are never sent anywhere.",
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
    error_above_100: "A percentage cannot exceed 100%.",
    error_above_denominator: "Cannot exceed the total ({d}).",
    banner_storage_blocked: "The browser blocks local storage: figures are kept in this page only and are lost when it is closed.",
    banner_storage_full: "The browser's storage is full: new changes are not saved. What was saved before is intact.",
    banner_unreadable: "The saved figures could not be read. They were kept aside (key {key}), not overwritten; the form starts afresh.",
    banner_unreadable_left: "The saved figures could not be read or kept aside. They are left as they are: the page will not overwrite them, and new changes stay in this page only.",
    banner_newer: "The saved figures come from a newer version of the app (format {v}). They were kept aside (key {key}) unchanged.",
    banner_newer_left: "The saved figures come from a newer version of the app (format {v}). To protect them the page will not overwrite them; new changes stay in this page only.",
    dismiss: "Dismiss",
    crash_title: "Sorry, the page hit an error",
    crash_text: "Your saved figures are still in this browser. Reload the page. If the error comes back, download the saved figures and send them to the person in charge.",
    crash_download: "Download the saved figures",
    crash_reload: "Reload the page",
    banner_updated: "A new version of the app has been installed and is in use. Your figures are unchanged.",
    banner_synced: "The figures were just changed in another tab; this tab has been updated to match.",
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
    peer_hint: "Type a peer's known score (e.g. last year's index) or leave it empty if unknown. Ranks go by score, highest first; equal scores share a rank.",
    award_zone_caption: "Award zone: the leading {n} units",
    in_zone: "in the award zone",
    error_score_range: "A score is a number from 0 to 100.",
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
    explain_formula: "Score = 100 × Σ(weight × attainment) ÷ Σ weights = 100 × {earned} ÷ {total} = {score}",
    explain_na: "{n} targets that do not apply are left out.",
    explain_rating: "Rating bands: Good from {good}, Fair from {fair}, Average from {average}.",
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
        Gap::Points(points) => t.gap_points.replace("{p}", &format_percent(points, style)),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::number::Percent;

    #[test]
    fn every_string_is_translated() {
        // `Texts` makes a missing key a compile error; an empty one is caught here.
        for lang in [Lang::Vi, Lang::En] {
            let t = lang.texts();
            for s in [
                t.app_title,
                t.met_of,
                t.error_not_a_number,
                t.banner_unreadable,
                t.model_text,
            ] {
                assert!(!s.trim().is_empty());
            }
        }
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
