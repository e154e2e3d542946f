//! The Vietnamese texts (the default language).

use super::{count, Messages, Texts};
use crate::domain::number::{
    format_count, format_gap_points, format_percent, format_real, NumberStyle, Percent,
};
use crate::domain::score::RatingBands;

const STYLE: NumberStyle = NumberStyle::Vietnamese;

fn real(value: f64) -> String {
    format_real(value, 2, STYLE)
}

/// The Vietnamese messages with figures: Vietnamese nouns do not change with the number.
pub struct Vi;

pub static VI: Texts = Texts {
    messages: &Vi,
    app_tagline: "tự đánh giá mức đạt chỉ tiêu thi đua của đơn vị",
    model_intro: "Mỗi chỉ tiêu áp dụng có trọng số (mặc định 1; xem Cách tính điểm). Chỉ tiêu tỷ lệ được tính theo mức đạt so với chỉ tiêu (tối đa 1); chỉ tiêu có/không và chỉ tiêu tăng thêm được 1 khi đạt, 0 khi chưa đạt. Điểm = 100 × tổng điểm có trọng số ÷ tổng trọng số các chỉ tiêu áp dụng. Chỉ tiêu chưa có hoặc sai số liệu được 0 điểm.",
    privacy_note: "Số liệu chỉ lưu trên trình duyệt này và không được gửi đi đâu.",
    first_screen_loading: "Đang tải phần tính điểm… Có thể nhập số liệu ngay; kết quả sẽ hiện khi tải xong.",
    unit_section: "Đơn vị",
    plan_label: "Kế hoạch chỉ tiêu",
    plan_mismatch: "Lưu ý: đơn vị gửi dùng bản kế hoạch có quy tắc chấm điểm khác với bản trong trình duyệt này; điểm dưới đây tính theo bản của bạn.",
    plan_example: "ví dụ",
    bloc_label: "Khối thi đua",
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
    nothing_applicable: "Chưa có chỉ tiêu nào được áp dụng",
    status_met: "Đạt",
    status_not_met: "Chưa đạt",
    status_na: "Không áp dụng",
    status_incomplete: "Chưa đủ số liệu",
    status_invalid: "Số liệu không hợp lệ",
    threshold_all: "Chỉ tiêu: 100%",
    threshold_yes: "Chỉ tiêu: xếp loại tốt trở lên",
    threshold_increase: "Chỉ tiêu: cuối năm nhiều hơn đầu năm",
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
    error_above_100: "Tỷ lệ không được vượt quá 100%. Dấu chấm hoặc phẩy trước đúng ba chữ số là dấu phân cách hàng nghìn (1.000 là một nghìn).",
    banner_storage_blocked: "Trình duyệt đang chặn bộ nhớ cục bộ: số liệu chỉ được giữ trong trang này và sẽ mất khi đóng trang.",
    banner_storage_full: "Bộ nhớ của trình duyệt đã đầy: thay đổi mới chưa được lưu. Số liệu đã lưu trước đó vẫn còn nguyên.",
    banner_unreadable_left: "Không đọc được số liệu đã lưu trước đây và không cất riêng được. Bản cũ được giữ nguyên: trang sẽ không ghi đè lên nó, thay đổi mới chỉ giữ trong trang này.",
    dismiss: "Đóng thông báo",
    banner_example_unavailable: "Chưa tải được kế hoạch ví dụ (có thể do mất mạng). Hãy kiểm tra kết nối mạng rồi chọn lại.",
    crash_title: "Rất tiếc, trang vừa gặp lỗi",
    crash_text: "Số liệu đã lưu vẫn còn trong trình duyệt. Hãy tải lại trang. Nếu lỗi lặp lại, hãy tải số liệu đã lưu về máy và gửi cho cán bộ phụ trách.",
    crash_download: "Tải số liệu đã lưu về máy",
    crash_reload: "Tải lại trang",
    banner_updated: "Đã có phiên bản mới của ứng dụng và trang đang dùng phiên bản này. Số liệu của bạn vẫn giữ nguyên.",
    banner_synced: "Số liệu vừa được thay đổi ở một tab khác; tab này đã cập nhật theo.",
    language_switch: "English",
    model_heading: "Cách tính điểm",
    nav_label: "Các phần của ứng dụng",
    nav_calculator: "Tự đánh giá",
    nav_ranking: "Xếp hạng",
    nav_district: "Toàn huyện",
    nav_settings: "Cách tính điểm",
    profile_label: "Bản đánh giá đang xem",
    profile_name_label: "Tên bản đánh giá (để trống: dùng tên đơn vị)",
    // The profile picker's search (issue 14, store)
    profile_search_label: "Tìm bản đánh giá",
    // End of the profile picker's search (issue 14, store)
    profile_unnamed: "Bản đánh giá chưa chọn đơn vị",
    profile_new: "Thêm bản đánh giá",
    profile_duplicate: "Nhân bản",
    profile_delete: "Xóa bản đánh giá",
    undo: "Hoàn tác",
    rank_no_unit: "Chọn đơn vị để xem hạng trong khối",
    margin_tie: "Bằng điểm đơn vị ở biên nhóm (cùng hạng)",
    table_heading: "Bảng xếp hạng",
    col_rank: "Hạng",
    col_unit: "Đơn vị",
    col_score: "Điểm",
    col_source: "Nguồn điểm",
    source_own: "Đơn vị của bạn",
    source_profile: "Từ bản đánh giá trong trình duyệt",
    source_typed: "Điểm nhập tay",
    source_unknown: "Chưa có số liệu",
    peer_unknown: "Chưa biết",
    peer_hint: "Nhập điểm đã biết của đơn vị khác (ví dụ chỉ số năm trước) hoặc để trống nếu chưa biết. Hạng được tính theo điểm làm tròn đến hai chữ số thập phân như đang hiển thị, cao nhất trước; bằng điểm thì cùng hạng.",
    in_zone: "trong nhóm khen thưởng",
    // Trainer (issue 13)
    present_start: "Trình chiếu",
    present_stop: "Thoát trình chiếu (Esc)",
    chart_title: "Biểu đồ điểm của khối",
    leaderboard_order: "Xếp theo hạng, cao nhất trước; bằng điểm thì cùng hạng và giữ thứ tự danh sách; đơn vị chưa có điểm ở cuối.",
    legend_heading: "Chú thích",
    legend_own: "Khung viền xanh đậm, chữ «đơn vị đang xem»: đơn vị của bản đánh giá đang mở, ở đúng hạng của mình.",
    legend_zone_in: "Nền xanh lá, viền trái liền và ★: chắc chắn trong nhóm khen thưởng.",
    legend_zone_possible: "Viền trái nét đứt màu cam: có thể trong nhóm khen thưởng, tùy điểm các đơn vị chưa biết.",
    legend_range: "Hạng dạng «2–11»: hạng tốt nhất và kém nhất có thể, khi còn đơn vị chưa có điểm.",
    legend_no_rank: "Hạng «—»: chưa có điểm nên chưa xếp hạng.",
    legend_default: "«(mặc định: …)»: điểm và hạng theo cách tính mặc định, để so với cách tính đang dùng.",
    legend_cutoff: "Đường kẻ ngang trên biểu đồ: ngưỡng khen thưởng.",
    own_mark: "đơn vị đang xem",
    peer_settle_hint: "Khi đang nhập điểm, các hàng đứng yên; bảng xếp lại theo hạng khi bạn rời bảng.",
    // End of trainer (issue 13)
    error_score_range: "Điểm phải là số từ 0 đến 100. Dấu chấm hoặc phẩy trước đúng ba chữ số là dấu phân cách hàng nghìn (1.000 là một nghìn).",
    improve_heading: "Cần cải thiện gì",
    improve_none: "Đơn vị đã đạt mọi chỉ tiêu áp dụng.",
    step_enter: "nhập số liệu và đạt chỉ tiêu",
    step_fix: "sửa số liệu chưa hợp lệ và đạt chỉ tiêu",
    step_yes: "được xếp loại tốt trở lên",
    improve_zone_unreachable: "Kể cả đạt mọi chỉ tiêu cũng chưa đủ vào nhóm khen thưởng so với các đơn vị đã biết điểm.",
    improve_zone_already: "Đơn vị đã ở trong nhóm khen thưởng so với các đơn vị đã biết điểm.",
    district_heading: "Toàn huyện",
    district_table: "Bảng tổng hợp theo chỉ tiêu",
    district_intro: "Cộng số liệu của mọi bản đánh giá trong trình duyệt này (mỗi đơn vị một bản) và đối chiếu với chỉ tiêu.",
    col_target: "Chỉ tiêu",
    col_units_met: "Số đơn vị đạt",
    scope_district: "Toàn huyện",
    scope_whole_plan: "Tất cả các khối",
    total_none: "chưa có số liệu",
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
    demo_intro: "Nạp 11 xã, thị trấn với số liệu giả định để tập huấn. Các bản đánh giá thật không bị ảnh hưởng.",
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
    nav_data: "Xuất, nhập, in",
    nav_plans: "Kế hoạch",
    nav_overall: "Tổng hợp",
    overall_heading: "Tổng hợp các đơn vị",
    // The plans view (issue 12)
    plans_heading: "Kế hoạch chỉ tiêu",
    plans_intro: "Mỗi kế hoạch là một bộ chỉ tiêu với các khối thi đua, đơn vị và mức phải đạt. Kế hoạch năm 2021 của huyện Vĩnh Thạnh có sẵn; tỉnh, xã, phường có thể soạn kế hoạch của mình hoặc mở tệp kế hoạch (.json) được gửi đến. Mỗi bản đánh giá thuộc một kế hoạch.",
    plans_open_file: "Mở tệp kế hoạch (.json)",
    plan_new: "Soạn kế hoạch mới",
    plan_example_badge: "Ví dụ",
    plan_on_screen: "Đang dùng",
    plan_id_label: "Mã",
    plan_fingerprint_label: "Mã quy tắc chấm điểm",
    plan_use: "Dùng kế hoạch này",
    plan_edit: "Sửa",
    plan_edit_copy: "Soạn bản sao cho năm sau",
    plan_export: "Tải tệp kế hoạch",
    plan_share: "Tạo liên kết chia sẻ",
    plan_link_label: "Liên kết kế hoạch (gửi qua Zalo, thư điện tử…)",
    plan_link_too_long: "Kế hoạch quá lớn để gửi bằng liên kết; hãy tải tệp kế hoạch và gửi tệp.",
    plan_replace: "Thay kế hoạch đang có bằng bản này",
    plan_link_heading: "Không mở được liên kết kế hoạch",
    // Removing a plan
    plan_remove: "Xóa khỏi trình duyệt",
    plan_remove_confirm: "Xóa kế hoạch",
    plan_remove_cancel: "Thôi, giữ lại",
    data_heading: "Xuất, nhập, chia sẻ và in",
    export_heading: "Xuất tệp của bản đánh giá đang xem",
    export_json: "Tải tệp bản đánh giá (JSON)",
    export_csv: "Tải bảng tính của bản đánh giá (CSV)",
    export_table_csv: "Tải bảng xếp hạng khối (CSV)",
    csv_profile_rows: [
        "Đơn vị",
        "Mã đơn vị",
        "Tên bản đánh giá",
        "Khối",
        "Điểm",
        "Xếp loại",
        "Số chỉ tiêu đạt / áp dụng",
    ],
    csv_target_columns: [
        "Mã chỉ tiêu",
        "Chỉ tiêu",
        "Áp dụng",
        "Mã trạng thái",
        "Trạng thái",
        "Tử số",
        "Mẫu số",
        "Tỷ lệ đạt (%)",
        "Mức chỉ tiêu (%)",
        "Trả lời có/không",
        "Số đầu năm",
        "Số cuối năm",
        "Còn thiếu",
        "Đơn vị của phần còn thiếu",
    ],
    csv_table_columns: [
        "Hạng",
        "Mã đơn vị",
        "Đơn vị",
        "Điểm",
        "Mã nguồn điểm",
        "Nguồn điểm",
        "Trong nhóm khen thưởng",
    ],
    percentage_points: "điểm phần trăm",
    export_hint: "Tệp JSON dùng để gửi Phòng Nội vụ hoặc mở lại trên máy khác; tệp CSV mở được bằng Excel.",
    problem_no_unit: "hãy chọn đơn vị trước.",
    problem_other_no_name: "hãy nhập tên đơn vị.",
    import_heading: "Nhập tệp bản đánh giá",
    import_label: "Chọn một hoặc nhiều tệp bản đánh giá (.json)",
    import_drop: "Hoặc kéo thả các tệp bản đánh giá vào đây.",
    import_existing: "Bản đánh giá hiện có",
    import_incoming: "Trong tệp",
    import_replace: "Thay thế bản đánh giá hiện có",
    import_add_new: "Thêm thành bản đánh giá mới",
    import_skip: "Bỏ qua tệp này",
    file_empty: "tệp rỗng.",
    file_not_utf8: "tệp không phải văn bản UTF-8.",
    file_not_unit: "đây không phải tệp bản đánh giá của một đơn vị từ ứng dụng này.",
    file_saved_backup: "đây là bản sao lưu toàn bộ dữ liệu của ứng dụng, không phải tệp bản đánh giá của một đơn vị.",
    file_migration: "không chuyển được tệp định dạng cũ sang định dạng hiện tại.",
    share_heading: "Chia sẻ bằng liên kết",
    share_hint: "Liên kết chứa toàn bộ số liệu của bản đánh giá ngay trong địa chỉ (sau dấu #), không đi qua máy chủ nào.",
    share_make: "Tạo liên kết chia sẻ",
    share_copy: "Sao chép liên kết",
    share_label: "Liên kết chia sẻ",
    share_file: "Tải tệp bản đánh giá (JSON) để gửi",
    link_preview_heading: "Mở bản đánh giá từ liên kết",
    link_preview_intro: "Liên kết chứa bản đánh giá dưới đây. Chưa có gì thay đổi; hãy chọn cách mở.",
    link_open_new: "Mở thành bản đánh giá mới",
    link_ignore: "Bỏ qua",
    link_truncated: "liên kết bị cắt mất một phần; hãy sao chép lại toàn bộ liên kết.",
    link_damaged: "liên kết đã bị sửa hoặc bị hỏng.",
    link_newer: "liên kết được tạo bởi phiên bản mới hơn của ứng dụng.",
    link_not_share: "địa chỉ không chứa bản đánh giá chia sẻ.",
    link_too_long: "liên kết quá dài.",
    link_malformed: "nội dung liên kết không hợp lệ.",
    print_heading: "In báo cáo",
    print_hint: "Bản in khổ A4 gồm đơn vị, ngày, số liệu từng chỉ tiêu, điểm, xếp loại, ước tính xếp hạng, cách tính điểm và phần ký.",
    print_open: "Xem bản in",
    print_now: "In hoặc lưu PDF",
    print_back: "Quay lại",
    report_nation: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    report_motto: "Độc lập - Tự do - Hạnh phúc",
    col_no: "STT",
    col_figures: "Số liệu",
    col_threshold: "Mức chỉ tiêu",
    col_result: "Kết quả",
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
    pager_own: "Đến hàng của đơn vị mình",
    rating_none: "chưa xếp loại",
    // Plan files (issue 12)
    file_not_plan: "đây không phải tệp kế hoạch chỉ tiêu (định dạng cchc-plan).",
    plan_not_an_id: "mã chỉ được gồm 1–40 chữ cái không dấu, chữ số, dấu gạch ngang, gạch dưới hoặc dấu chấm.",
    plan_reserved_id: "mã “other” được dành cho đơn vị ngoài danh sách; hãy dùng mã khác.",
    plan_empty_text: "chưa có nội dung.",
    plan_no_blocs: "kế hoạch chưa có khối thi đua nào.",
    plan_no_targets: "kế hoạch chưa có chỉ tiêu nào.",
    plan_no_units: "khối chưa có đơn vị nào.",
    plan_unknown_bloc: "kế hoạch không có khối này.",
    plan_duplicate_rule: "khối này được ghi hai lần cho cùng một chỉ tiêu.",
    plan_missing_threshold: "chỉ tiêu tỷ lệ cần mức phần trăm phải đạt cho khối này.",
    plan_threshold_not_ratio: "chỉ chỉ tiêu tỷ lệ mới có mức phần trăm.",
    plan_percent_range: "phần trăm phải trong khoảng 0–100.",
    plan_percent_precise: "phần trăm có tối đa hai chữ số thập phân.",
    plan_band_range: "ngưỡng xếp loại phải trong khoảng 0–100.",
    plan_bands_order: "ngưỡng xếp loại phải giảm dần: Tốt cao hơn Khá, Khá cao hơn Trung bình.",
    plan_weight_range: "trọng số phải là số nguyên từ 0 đến 10.",
    // Plan editor (issue 12)
    pe_heading: "Soạn kế hoạch chỉ tiêu",
    pe_intro: "Soạn khối, đơn vị, chỉ tiêu và mức chỉ tiêu của một đợt thi đua. Mọi lỗi hiện ngay cạnh ô cần sửa; chỉ lưu được khi không còn lỗi.",
    pe_start_empty: "Bắt đầu từ kế hoạch trống",
    pe_start_copy: "Sao chép sang năm sau",
    pe_start_hint: "Sao chép giữ nguyên khối, đơn vị và chỉ tiêu; năm tăng thêm 1 và năm trong mã, tên kế hoạch đổi theo. Sửa ô Năm (ví dụ 2021 → 2026) thì mã và tên cũng đổi theo.",
    pe_no_problems: "Kế hoạch không có lỗi: có thể lưu hoặc xuất tệp.",
    pe_general: "Thông tin chung",
    pe_plan_id: "Mã kế hoạch (chữ không dấu, số, dấu - _ .)",
    pe_plan_name: "Tên kế hoạch",
    pe_year: "Năm",
    pe_issuer: "Cơ quan ban hành",
    pe_place: "Địa danh ở dòng ngày tháng của báo cáo in (ví dụ: Vĩnh Thạnh)",
    pe_blocs: "Khối thi đua",
    pe_bloc_id: "Mã khối",
    pe_bloc_name: "Tên khối",
    pe_award_places: "Số đơn vị dẫn đầu được khen thưởng",
    pe_unit_id: "Mã đơn vị",
    pe_unit_name: "Tên đơn vị",
    pe_unit_add: "Thêm một đơn vị",
    pe_paste_label: "Dán danh sách đơn vị (từ Excel)",
    pe_paste_hint: "Mỗi dòng một đơn vị: mã và tên ở hai cột chép từ Excel (hoặc mã;tên), hoặc chỉ tên (mã được tạo từ tên, ví dụ “Phường Cái Khế” → phuong-cai-khe). Dòng trống và dòng tiêu đề (Mã, Tên) được bỏ qua; khoảng trắng không tách cột.",
    pe_paste_append: "Thêm vào cuối danh sách hiện có",
    pe_paste_replace_note: "Nếu không chọn, danh sách dán thay thế toàn bộ đơn vị của khối; đơn vị trùng tên giữ nguyên mã.",
    pe_paste_apply: "Dùng danh sách đã dán",
    pe_move_up: "Lên",
    pe_move_down: "Xuống",
    pe_bloc_remove: "Xóa khối",
    pe_bloc_add: "Thêm khối",
    pe_targets: "Chỉ tiêu",
    pe_target_id: "Mã chỉ tiêu",
    pe_target_label: "Tên chỉ tiêu",
    pe_target_help: "Giải thích ngắn",
    pe_kind: "Loại chỉ tiêu",
    pe_kind_ratio: "Tỷ lệ (tử số / mẫu số)",
    pe_kind_yes_no: "Có / không",
    pe_kind_increase: "Tăng so với đầu năm",
    pe_numerator: "Nhãn tử số",
    pe_denominator: "Nhãn mẫu số",
    pe_one_more: "Tên gọi của một đơn vị đếm (cho “cần thêm …”)",
    pe_question: "Câu hỏi",
    pe_before: "Nhãn số đầu năm",
    pe_after: "Nhãn số cuối năm",
    pe_overall: "Tỷ lệ đơn vị trả lời “có” cần đạt trên toàn địa bàn (%, để trống nếu không có)",
    pe_weight: "Trọng số (0–10)",
    pe_col_bloc: "Áp dụng theo khối",
    pe_offered: "Áp dụng",
    pe_threshold: "Chỉ tiêu (%)",
    pe_default_units: "Đơn vị áp dụng mặc định",
    pe_units_all: "Mọi đơn vị của khối",
    pe_units_none: "Không đơn vị nào (đơn vị tự bật)",
    pe_target_remove: "Xóa chỉ tiêu",
    pe_target_add: "Thêm chỉ tiêu",
    pe_scoring: "Cách tính điểm mặc định",
    pe_preview: "Xem trước: đơn vị của khối thấy gì",
    pe_preview_bloc: "Xem như đơn vị của khối",
    pe_preview_none: "Khối này chưa được áp dụng chỉ tiêu nào.",
    pe_save: "Lưu kế hoạch",
    pe_export: "Xuất tệp kế hoạch (.json)",
    pe_close: "Đóng trình soạn",
    pe_save_blocked: "Sửa hết lỗi để lưu hoặc xuất tệp.",
    pe_error_required: "Ô này không được để trống.",
    pe_error_zero_places: "Cần ít nhất 1 đơn vị được khen thưởng.",
    pe_error_bad_id: "Mã chỉ gồm chữ không dấu, số và dấu - _ . (tối đa 40 ký tự).",
    pe_error_duplicate_id: "Mã này đã được dùng cho một mục khác.",
    pe_new_plan_id: "ke-hoach",
    pe_new_plan_name: "Chỉ tiêu cải cách hành chính năm",
    pe_new_bloc: "Khối",
    pe_new_unit: "Đơn vị",
    pe_new_target: "Chỉ tiêu",
    pe_new_numerator: "Số hồ sơ đạt",
    pe_new_denominator: "Tổng số hồ sơ",
    pe_new_one_more: "hồ sơ",
    pe_new_question: "Đã đạt chuẩn?",
    pe_new_before: "Đầu năm",
    pe_new_after: "Cuối năm",
    // End of plan editor (issue 12)
    // The district office, collecting (issue 13)
    grid_heading: "Theo dõi đơn vị nộp số liệu",
    grid_intro: "Mỗi hàng là một đơn vị, mỗi cột một chỉ tiêu: ✓ Đạt · ✗ Chưa đạt · … Chưa đủ số liệu · – Không áp dụng · ○ Chưa nộp.",
    grid_table: "Bảng đơn vị × chỉ tiêu",
    grid_col_unit: "Đơn vị",
    grid_col_file: "Ngày xuất tệp",
    grid_col_score: "Điểm",
    grid_status_missing: "Chưa nộp",
    grid_typed_here: "Nhập tại đây",
    grid_export_csv: "Tải bảng theo dõi (CSV cho Excel)",
    grid_print: "In bảng theo dõi",
    grid_all_sent: "Mọi đơn vị đã nộp số liệu.",
    csv_grid_columns: [
        "Khối",
        "Mã đơn vị",
        "Tên đơn vị",
        "Đã nộp",
        "Ngày xuất tệp",
        "Số chỉ tiêu chưa đủ số liệu",
        "Điểm",
    ],
    csv_grid_result: "kết quả",
    district_units_list: "Đơn vị được tính",
    import_newer: "mới hơn",
    import_older: "cũ hơn",
    import_same_day: "cùng ngày",
    print_threshold_word: "ngưỡng",
    // End of the district office (issue 13)
    // The officer's journey (issue 13)
    next_steps_label: "Việc tiếp theo",
    next_send: "Gửi kết quả",
    targets_chart_title: "Mức đạt từng chỉ tiêu.",
    chart_caption: "Vạch đứng là mức phải đạt: thanh chỉ vượt qua vạch khi chỉ tiêu đã đạt, và chỉ đầy khi đạt 100%.",
    send_heading: "Gửi kết quả",
    send_hint: "Gửi cho huyện: chia sẻ liên kết (Zalo, thư điện tử…), tải tệp để đính kèm, hoặc in báo cáo để ký.",
    send_share: "Chia sẻ…",
    send_file: "Tải tệp",
    send_link: "Sao chép liên kết",
    send_print: "In",
    toast_download_failed: "Trình duyệt không cho tải tệp xuống. Hãy thử lại, hoặc dùng “Sao chép liên kết”.",
    toast_copied: "Đã sao chép liên kết. Dán vào Zalo, thư điện tử hoặc tin nhắn để gửi.",
    toast_copy_failed: "Chưa sao chép được liên kết: trình duyệt không cho phép. Hãy dùng “Tải tệp” để gửi tệp.",
    toast_printed: "Đã mở hộp thoại in. Chọn máy in, hoặc “Lưu dưới dạng PDF” để có tệp.",
    toast_shared: "Đã chuyển kết quả sang ứng dụng bạn chọn để gửi.",
    toast_share_failed: "Chưa chia sẻ được. Hãy dùng “Tải tệp” hoặc “Sao chép liên kết”.",
    // End of the officer's journey (issue 13)
    // On-demand views (issue 14)
    view_loading: "Đang tải…",
    view_load_failed: "Không tải được phần này. Hãy kiểm tra kết nối mạng rồi mở lại.",
    // End of on-demand views (issue 14)
    // Aftercare of issue 13
    grid_legend_heading: "Các cột chỉ tiêu của bảng",
    // End of aftercare of issue 13
};

impl Messages for Vi {
    fn met_of(&self, met: usize, applicable: usize) -> String {
        format!(
            "Đạt {}/{} chỉ tiêu",
            count(met, STYLE),
            count(applicable, STYLE)
        )
    }
    fn missing(&self, n: usize) -> String {
        format!("Còn {} chỉ tiêu chưa nhập số liệu", count(n, STYLE))
    }
    fn invalid_count(&self, n: usize) -> String {
        format!("{} chỉ tiêu có số liệu chưa hợp lệ", count(n, STYLE))
    }
    fn threshold_at_least(&self, threshold: Percent) -> String {
        format!("Chỉ tiêu: tối thiểu {}%", format_percent(threshold, STYLE))
    }
    fn actual(&self, actual: &str) -> String {
        format!("Đạt được: {actual}%")
    }
    fn gap_items(&self, n: u64, noun: &str) -> String {
        format!("Cần thêm {} {noun}", format_count(n, STYLE))
    }
    fn gap_share(&self, n: u64, noun: &str, total: u64) -> String {
        format!(
            "Cần thêm {} {noun} nếu tổng số giữ nguyên {}",
            format_count(n, STYLE),
            format_count(total, STYLE)
        )
    }
    fn gap_share_growing(&self, n: u64, noun: &str, total: u64, growing: u64) -> String {
        format!(
            "{}; {} nếu mỗi {noun} thêm vào cũng được cộng vào tổng số",
            self.gap_share(n, noun, total),
            format_count(growing, STYLE)
        )
    }
    fn gap_points(&self, points: Percent) -> String {
        format!(
            "Cần thêm {} điểm phần trăm",
            format_gap_points(points, STYLE)
        )
    }
    fn error_too_large(&self, max: u64) -> String {
        format!("Số quá lớn (tối đa {}).", format_count(max, STYLE))
    }
    fn error_too_many_decimals(&self, decimals: u32) -> String {
        format!("Tối đa {decimals} chữ số sau dấu phẩy.")
    }
    fn error_above_denominator(&self, denominator: u64) -> String {
        format!(
            "Không được lớn hơn tổng số ({}).",
            format_count(denominator, STYLE)
        )
    }
    fn error_too_long(&self, limit: usize) -> String {
        format!(
            "Quá dài: tối đa {} ký tự. Vẫn giữ giá trị trước đó.",
            count(limit, STYLE)
        )
    }
    fn banner_unreadable(&self, backup_key: &str) -> String {
        format!("Không đọc được số liệu đã lưu trước đây. Bản cũ đã được cất riêng (khóa {backup_key}), không bị ghi đè; biểu mẫu bắt đầu lại từ đầu.")
    }
    fn banner_newer_left(&self, version: u64) -> String {
        format!("Số liệu đã lưu được tạo bởi phiên bản mới hơn của ứng dụng (định dạng {version}). Trang này không ghi đè lên số liệu đó; thay đổi mới chỉ giữ trong trang này. Hãy tải lại trang khi có mạng để dùng phiên bản mới nhất.")
    }
    fn banner_edit_conflict(&self, field: &str, unit: &str) -> String {
        format!("Ô “{field}” của {unit} vừa được sửa ở một tab khác, sau lần bạn sửa ở đây. Ứng dụng giữ lần sửa sau cùng (đang hiện ở đây); hãy kiểm tra lại ô này.")
    }
    fn profile_deleted(&self, name: &str) -> String {
        format!("Đã xóa bản đánh giá “{name}”.")
    }
    fn profiles_deleted(&self, n: usize) -> String {
        format!("Đã xóa {} bản đánh giá.", count(n, STYLE))
    }
    fn rank_exact(&self, rank: usize, size: usize) -> String {
        format!("Hạng {}/{}", count(rank, STYLE), count(size, STYLE))
    }
    fn rank_range(&self, best: usize, worst: usize, size: usize) -> String {
        format!(
            "Hạng {}–{}/{}",
            count(best, STYLE),
            count(worst, STYLE),
            count(size, STYLE)
        )
    }
    fn award_in(&self, places: usize) -> String {
        format!(
            "Trong nhóm {} đơn vị dẫn đầu được khen thưởng",
            count(places, STYLE)
        )
    }
    fn award_out(&self, places: usize) -> String {
        format!(
            "Ngoài nhóm {} đơn vị dẫn đầu được khen thưởng",
            count(places, STYLE)
        )
    }
    fn award_possible(&self, places: usize) -> String {
        format!(
            "Có thể vào nhóm {} đơn vị dẫn đầu, tùy điểm các đơn vị chưa biết",
            count(places, STYLE)
        )
    }
    fn margin_ahead(&self, points: f64) -> String {
        format!("Hơn đơn vị đứng ngay sau nhóm {} điểm", real(points))
    }
    fn margin_behind(&self, points: f64) -> String {
        format!(
            "Cần thêm {} điểm để bằng vị trí cuối của nhóm",
            real(points)
        )
    }
    fn peer_score_label(&self, unit: &str) -> String {
        format!("Điểm của {unit}")
    }
    fn peer_unknown_label(&self, unit: &str) -> String {
        format!("Đặt lại điểm của {unit} về chưa biết")
    }
    fn award_zone_caption(&self, places: usize) -> String {
        format!("Nhóm khen thưởng: {} đơn vị dẫn đầu", count(places, STYLE))
    }
    // Trainer (issue 13)
    fn default_model_figures(&self, score: &str, rank: Option<&str>) -> String {
        match rank {
            Some(rank) => format!("(mặc định: {score} · {rank})"),
            None => format!("(mặc định: {score})"),
        }
    }
    fn chart_description(&self, known: usize, unknown: usize, places: usize) -> String {
        let mut text = format!(
            "Điểm của {} đơn vị, cao nhất trước, mỗi thanh dài theo điểm trên thang 100; đường kẻ ngang ngăn {} đơn vị dẫn đầu được khen thưởng.",
            count(known, STYLE),
            count(places, STYLE)
        );
        if unknown > 0 {
            text.push_str(&format!(
                " {} đơn vị chưa có điểm không được vẽ.",
                count(unknown, STYLE)
            ));
        }
        text.push_str(" Bảng xếp hạng dưới đây ghi đủ số liệu.");
        text
    }
    fn chart_cutoff(&self, places: usize) -> String {
        format!("▲ {} đơn vị dẫn đầu được khen thưởng", count(places, STYLE))
    }
    fn peer_cleared(&self, unit: &str, typed: &str) -> String {
        format!("Đã đặt điểm của {unit} về «chưa biết» (điểm vừa bỏ: {typed}).")
    }
    // End of trainer (issue 13)
    fn step_points(&self, points: f64) -> String {
        format!("+{} điểm", real(points))
    }
    fn improve_zone(&self, steps: usize) -> String {
        format!("Cần ít nhất {} bước (các bước đầu danh sách) để vào nhóm khen thưởng, so với các đơn vị đã biết điểm.", count(steps, STYLE))
    }
    fn coverage(&self, blocs: &[(usize, usize, &str)]) -> String {
        let parts: Vec<String> = blocs
            .iter()
            .map(|(n, size, bloc)| format!("{}/{} ({bloc})", count(*n, STYLE), count(*size, STYLE)))
            .collect();
        format!("Đơn vị có bản đánh giá: {}.", parts.join(", "))
    }
    fn district_duplicates(&self, units: usize) -> String {
        format!("{} đơn vị có nhiều bản đánh giá. Mỗi đơn vị chỉ tính một bản vào tổng toàn huyện; hãy chọn bản được tính.", count(units, STYLE))
    }
    fn district_choice_label(&self, unit: &str, profiles: usize) -> String {
        format!("{unit} ({profiles} bản đánh giá): bản được tính")
    }
    fn district_choice_option(&self, place: usize, name: &str, score: f64) -> String {
        format!("Bản đánh giá thứ {place}: {name}, {} điểm", real(score))
    }
    fn percent_only(&self, units: usize) -> String {
        format!("{units} đơn vị nhập tỷ lệ %, không cộng được")
    }
    fn units_met(&self, met: usize, applicable: usize) -> String {
        format!("{}/{} đơn vị", count(met, STYLE), count(applicable, STYLE))
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
            "Điểm = 100 × Σ(trọng số × mức đạt) ÷ Σ trọng số {sums_relation} 100 × {earned} ÷ {total} {score_relation} {}",
            real(score)
        )
    }
    fn explain_na(&self, n: usize) -> String {
        format!("Không tính {n} chỉ tiêu không áp dụng.")
    }
    fn explain_rating(&self, bands: RatingBands) -> String {
        format!(
            "Xếp loại theo ngưỡng: Tốt từ {}, Khá từ {}, Trung bình từ {}.",
            real(bands.good),
            real(bands.fair),
            real(bands.average)
        )
    }
    fn export_blocked(&self, problem: &str) -> String {
        format!("Chưa xuất được tệp bản đánh giá: {problem}")
    }
    fn problem_unknown_unit(&self, unit: &str) -> String {
        format!("đơn vị “{unit}” không có trong danh sách.")
    }
    fn problem_bloc(&self, unit: &str, bloc: &str) -> String {
        format!("đơn vị {unit} không thuộc {bloc}.")
    }
    fn problem_unknown_bloc(&self, bloc: &str) -> String {
        format!("khối “{bloc}” không có trong kế hoạch.")
    }
    fn unknown_plan(&self, plan_id: &str) -> String {
        format!("bản đánh giá thuộc kế hoạch “{plan_id}” mà trình duyệt này chưa có. Hãy mở tệp kế hoạch (.json) của kế hoạch đó trước, rồi mở lại.")
    }
    fn problem_figures(&self, n: usize, target: &str, error: &str) -> String {
        format!("có {n} ô số liệu chưa hợp lệ, ví dụ ở chỉ tiêu “{target}”: {error}")
    }
    fn problem_figure_too_long(&self, target: &str, chars: usize, limit: usize) -> String {
        format!(
            "một ô số liệu của chỉ tiêu “{target}” dài {} ký tự (tối đa {}).",
            count(chars, STYLE),
            count(limit, STYLE)
        )
    }
    fn plans_added(&self, names: &str) -> String {
        format!("Đã thêm kế hoạch: {names}.")
    }
    fn plans_replaced(&self, names: &str) -> String {
        format!("Đã thay bằng bản mới: {names}.")
    }
    fn plans_already_there(&self, names: &str) -> String {
        format!("Kế hoạch đã có sẵn, giống hệt: {names}.")
    }
    fn plan_mismatch_files(&self, files: &str) -> String {
        format!("Lưu ý: {files} được lập theo bản kế hoạch có quy tắc chấm điểm khác với bản trong trình duyệt này; điểm được tính lại theo bản của bạn.")
    }
    fn plan_conflict(&self, name: &str, id: &str) -> String {
        format!("Đã có một kế hoạch mã “{id}” khác với “{name}” vừa mở. Thay bản đang có bằng bản này? Các bản đánh giá của kế hoạch được giữ nguyên.")
    }
    fn plan_builtin_id(&self, id: &str) -> String {
        format!("Kế hoạch vừa mở dùng mã “{id}” của kế hoạch có sẵn nên không được thêm; hãy đổi mã trong tệp.")
    }
    fn plan_year(&self, year: u16) -> String {
        format!("Năm {year}")
    }
    // Removing a plan
    fn plan_remove_question(&self, name: &str) -> String {
        format!("Xóa kế hoạch «{name}» khỏi trình duyệt này? Thiết lập tính điểm, điểm đơn vị khác đã nhập và các bản đánh giá còn trống của kế hoạch cũng bị xóa. Muốn dùng lại thì mở lại tệp kế hoạch.")
    }
    fn plan_in_use(&self, name: &str, n: usize) -> String {
        format!("Chưa xóa được kế hoạch «{name}»: {} bản đánh giá có số liệu thuộc kế hoạch này. Hãy tải tệp của chúng nếu cần rồi xóa chúng (thanh bản đánh giá) trước.", count(n, STYLE))
    }
    fn plan_removed(&self, name: &str) -> String {
        format!("Đã xóa kế hoạch «{name}» khỏi trình duyệt này.")
    }
    fn plan_counts(&self, blocs: usize, units: usize, targets: usize) -> String {
        format!(
            "{} khối, {} đơn vị, {} chỉ tiêu",
            count(blocs, STYLE),
            count(units, STYLE),
            count(targets, STYLE)
        )
    }
    fn import_added(&self, n: usize, files: &str) -> String {
        format!("Đã thêm {n} bản đánh giá: {files}")
    }
    fn import_replaced(&self, n: usize, files: &str) -> String {
        format!("Đã thay thế {n} bản đánh giá: {files}")
    }
    fn import_already_there(&self, n: usize, files: &str) -> String {
        format!("{n} tệp đã có sẵn, giống hệt bản đánh giá hiện có, không cần nhập lại: {files}")
    }
    fn import_conflict_heading(&self, file: &str) -> String {
        format!("Tệp “{file}”: đơn vị này đã có bản đánh giá. Chọn cách xử lý:")
    }
    fn import_errors_heading(&self, n: usize) -> String {
        format!("Không nhập được {n} tệp; số liệu đã lưu không thay đổi:")
    }
    fn file_error(&self, file: &str, problem: &str) -> String {
        format!("Tệp “{file}”: {problem}")
    }
    fn file_too_big(&self, size: usize, limit: usize) -> String {
        format!(
            "tệp quá lớn ({} byte; tối đa {} byte).",
            count(size, STYLE),
            count(limit, STYLE)
        )
    }
    fn file_not_json(&self, line: usize, column: usize) -> String {
        format!("tệp không phải JSON hợp lệ (lỗi ở dòng {line}, cột {column}).")
    }
    fn file_newer(&self, version: u64, supported: u64) -> String {
        format!("tệp được tạo bởi phiên bản mới hơn của ứng dụng (định dạng {version}; phiên bản này đọc được đến {supported}).")
    }
    fn file_missing_field(&self, field: &str) -> String {
        format!("thiếu mục “{field}”.")
    }
    fn file_wrong_shape(&self, field: &str) -> String {
        format!("mục “{field}” có kiểu dữ liệu không đúng.")
    }
    fn file_unknown_field(&self, field: &str) -> String {
        format!("có mục “{field}” mà phiên bản này không biết.")
    }
    fn file_unknown_target(&self, key: &str) -> String {
        format!("có chỉ tiêu không tồn tại “{key}”.")
    }
    fn file_header_mismatch(&self, header: &str, profile: &str, field: &str) -> String {
        format!("phần đầu tệp ghi “{header}” nhưng bản đánh giá ghi “{profile}” (mục {field}); tệp có thể đã bị sửa tay.")
    }
    fn share_blocked(&self, problem: &str) -> String {
        format!("Chưa tạo được liên kết: {problem}")
    }
    fn share_too_long(&self, chars: usize, limit: usize) -> String {
        format!(
            "Liên kết sẽ dài {} ký tự, quá giới hạn {} ký tự mà ứng dụng mở được. Hãy gửi tệp bản đánh giá thay cho liên kết.",
            count(chars, STYLE),
            count(limit, STYLE)
        )
    }
    fn link_replace(&self, name: &str) -> String {
        format!("Thay thế bản đánh giá “{name}”")
    }
    fn link_error(&self, problem: &str) -> String {
        format!("Không mở được liên kết chia sẻ: {problem}")
    }
    fn link_bad_character(&self, position: usize) -> String {
        format!("liên kết có ký tự không hợp lệ ở vị trí {position}.")
    }
    fn link_refused(&self, problem: &str) -> String {
        format!("nội dung liên kết không nhất quán: {problem}")
    }
    fn report_unit(&self, unit: &str) -> String {
        format!("Đơn vị: {unit}")
    }
    fn report_date(&self, place: &str, year: u32, month: u32, day: u32) -> String {
        if place.is_empty() {
            format!("Ngày {day:02} tháng {month:02} năm {year}")
        } else {
            format!("{place}, ngày {day:02} tháng {month:02} năm {year}")
        }
    }
    fn report_title(&self, plan: &str) -> String {
        format!(
            "BÁO CÁO TỰ ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN {}",
            crate::domain::letter_case::upper(plan)
        )
    }
    fn targets_heading(&self, year: u16) -> String {
        format!("Các chỉ tiêu năm {year}")
    }
    fn model_source(&self, bands: RatingBands, plan: &str, issuer: &str) -> String {
        let band = |x: f64| format_real(x, 2, STYLE);
        let source = if issuer.is_empty() {
            format!("“{plan}”")
        } else {
            format!("“{plan}” của {issuer}")
        };
        format!(
            "Xếp loại: Tốt từ {}, Khá từ {}, Trung bình từ {}, dưới {} là Yếu. Mức chỉ tiêu theo {source}; cách tính điểm là mô hình minh họa, không phải công thức chính thức.",
            band(bands.good),
            band(bands.fair),
            band(bands.average),
            band(bands.average)
        )
    }
    fn awards_text(&self, blocs: &[(usize, &str)]) -> String {
        let parts: Vec<String> = blocs
            .iter()
            .map(|(places, bloc)| format!("{places:02} đơn vị dẫn đầu {bloc}"))
            .collect();
        format!("Cuối đợt thi đua, khen thưởng {}.", parts.join(", "))
    }
    fn report_score(&self, score: f64, rating: &str, met: usize, applicable: usize) -> String {
        format!(
            "Điểm tự đánh giá: {}/100. Xếp loại: {rating}. Đạt {met}/{applicable} chỉ tiêu áp dụng.",
            real(score)
        )
    }
    fn report_rank(&self, rank: &str) -> String {
        format!("Ước tính xếp hạng: {rank}.")
    }
    fn report_model(&self, mode: &str, bands: RatingBands, places: usize) -> String {
        format!(
            "Cách tính điểm: {mode}; xếp loại Tốt từ {}, Khá từ {}, Trung bình từ {}; khen thưởng {places} đơn vị dẫn đầu khối.",
            real(bands.good),
            real(bands.fair),
            real(bands.average)
        )
    }
    fn report_weights(&self, list: &str) -> String {
        format!("Trọng số khác 1: {list}.")
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
            "Trang {}/{} · hàng {}–{} trên {}",
            count(page, STYLE),
            count(pages, STYLE),
            count(first, STYLE),
            count(last, STYLE),
            count(rows, STYLE)
        )
    }
    // Plan files (issue 12)
    fn plan_problem_at(&self, field: &str, problem: &str) -> String {
        format!("Mục “{field}”: {problem}")
    }
    fn plan_problems(&self, n: usize, list: &str) -> String {
        format!(
            "kế hoạch có {} lỗi, chưa nhập được: {list}",
            count(n, STYLE)
        )
    }
    fn plan_unknown_kind(&self, kind: &str, field: &str) -> String {
        format!("loại chỉ tiêu “{kind}” (mục “{field}”) không có; các loại là ratio, yes_no và increase.")
    }
    fn plan_duplicate_id(&self, first: &str) -> String {
        format!("mã này đã dùng ở mục “{first}”.")
    }
    fn plan_award_places(&self, units: usize) -> String {
        format!(
            "số vị trí khen thưởng phải từ 1 đến {} (số đơn vị của khối).",
            count(units, STYLE)
        )
    }
    fn plan_unknown_unit(&self, unit: &str) -> String {
        format!("khối không có đơn vị mã “{unit}”.")
    }
    fn plan_year_range(&self, first: u16, last: u16) -> String {
        format!("năm phải từ {first} đến {last}.")
    }
    fn file_duplicate_key(&self, key: &str, line: usize, column: usize) -> String {
        format!("mục “{key}” được ghi hai lần trong cùng một nhóm (dòng {line}, cột {column}).")
    }
    // Plan editor (issue 12)
    fn pe_problem_count(&self, n: usize) -> String {
        format!("Còn {} lỗi cần sửa:", count(n, STYLE))
    }
    fn pe_bloc_legend(&self, n: usize, name: &str) -> String {
        format!("Khối {}: {name}", count(n, STYLE))
    }
    fn pe_target_legend(&self, n: usize, name: &str) -> String {
        format!("Chỉ tiêu {}: {name}", count(n, STYLE))
    }
    fn pe_units_count(&self, n: usize) -> String {
        format!("Danh sách đơn vị ({})", count(n, STYLE))
    }
    fn pe_unit_remove(&self, name: &str) -> String {
        format!("Xóa {name}")
    }
    fn pe_units_only(&self, n: usize) -> String {
        format!("Chỉ {} đơn vị đã chọn", count(n, STYLE))
    }
    fn pe_paste_count(&self, n: usize) -> String {
        format!("Đọc được {} đơn vị.", count(n, STYLE))
    }
    fn pe_line_duplicate(&self, line: usize, code: &str, first_line: usize) -> String {
        format!(
            "Dòng {}: mã {code} đã có ở dòng {}.",
            count(line, STYLE),
            count(first_line, STYLE)
        )
    }
    fn pe_line_code_taken(&self, line: usize, code: &str) -> String {
        format!(
            "Dòng {}: mã {code} đã là mã của một đơn vị khác trong kế hoạch.",
            count(line, STYLE)
        )
    }
    fn pe_line_bad_code(&self, line: usize, code: &str) -> String {
        format!("Dòng {}: “{code}” không phải là mã (chỉ chữ không dấu, số, dấu - _ ., tối đa 40 ký tự).", count(line, STYLE))
    }
    fn pe_line_reserved(&self, line: usize) -> String {
        format!(
            "Dòng {}: mã “other” dành cho lựa chọn “Đơn vị khác”.",
            count(line, STYLE)
        )
    }
    fn pe_line_columns(&self, line: usize, columns: usize) -> String {
        format!(
            "Dòng {} có {} cột; chỉ dán hai cột: mã và tên.",
            count(line, STYLE),
            count(columns, STYLE)
        )
    }
    fn pe_line_too_long(&self, line: usize, chars: usize, limit: usize) -> String {
        format!(
            "Dòng {}: tên dài {} ký tự (tối đa {}).",
            count(line, STYLE),
            count(chars, STYLE),
            count(limit, STYLE)
        )
    }
    fn pe_error_decimals(&self, decimals: u32) -> String {
        format!("Tối đa {decimals} chữ số thập phân.")
    }
    fn pe_error_year(&self, min: u16, max: u16) -> String {
        format!("Năm phải từ {min} đến {max}.")
    }
    fn pe_error_weight(&self, max: u8) -> String {
        format!("Trọng số là số nguyên từ 0 đến {max}.")
    }
    // End of plan editor (issue 12)
    // The district office, collecting (issue 13)
    fn district_included(&self, included: usize, expected: usize) -> String {
        format!(
            "{}/{} đơn vị",
            count(included, STYLE),
            count(expected, STYLE)
        )
    }
    fn district_included_names(&self, names: &str) -> String {
        format!("Có số liệu: {names}.")
    }
    fn district_lacking_names(&self, names: &str) -> String {
        format!("Chưa có số liệu: {names}.")
    }
    fn district_estimate(&self, value: &str, units: usize, mean: bool) -> String {
        let how = if mean {
            "trung bình tỷ lệ của"
        } else {
            "cộng số liệu của"
        };
        format!("Ước tính: {value}% ({how} {} đơn vị)", count(units, STYLE))
    }
    fn grid_not_sent(&self, bloc: &str, missing: usize, total: usize, names: &str) -> String {
        format!(
            "{bloc}: {}/{} đơn vị chưa nộp: {names}.",
            count(missing, STYLE),
            count(total, STYLE)
        )
    }
    fn grid_lacking(&self, targets: usize) -> String {
        format!("thiếu {} chỉ tiêu", count(targets, STYLE))
    }
    fn file_date(&self, iso: &str) -> String {
        match super::iso_date(iso) {
            Some((y, m, d)) => format!("{d}/{m}/{y}"),
            None => iso.to_string(),
        }
    }
    fn import_date(&self, date: Option<&str>) -> String {
        match date {
            Some(date) => format!("xuất ngày {}", self.file_date(date)),
            None => "không có ngày xuất (nhập tại đây)".to_string(),
        }
    }
    fn report_issuer(&self, unit: &str) -> String {
        let unit = unit.trim();
        if super::is_commune_level(unit) {
            format!("UBND {}", crate::domain::letter_case::upper(unit))
        } else {
            crate::domain::letter_case::upper(unit)
        }
    }
    // End of the district office (issue 13)
    // The officer's journey (issue 13)
    fn next_points(&self, points: f64) -> String {
        format!(
            "+{} điểm",
            format_real(points, 2, STYLE)
                .trim_end_matches("0")
                .trim_end_matches(",")
        )
    }
    fn na_fold(&self, n: usize) -> String {
        format!("{} chỉ tiêu không áp dụng", count(n, STYLE))
    }
    fn toast_downloaded(&self, file: &str) -> String {
        format!("Đã tải tệp “{file}” về máy, trong thư mục Tải về (Downloads).")
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
            Some(key) => format!(" Phần số liệu hỏng đã được cất riêng (khóa {key})."),
            None => String::new(),
        };
        // A page of records holds ~64 profiles; how many, the saved data does not say.
        let profiles = (n > 0).then(|| format!("{} bản đánh giá", count(n, STYLE)));
        let pages = (pages > 0).then(|| {
            format!(
                "{} trang bản đánh giá (mỗi trang khoảng 64 bản)",
                count(pages, STYLE)
            )
        });
        let lost = match (profiles, pages) {
            (Some(profiles), Some(pages)) => format!("{profiles} và {pages}"),
            (Some(one), None) | (None, Some(one)) => one,
            (None, None) => String::new(),
        };
        format!(
            "Không đọc được {lost} trong số liệu đã lưu; các bản còn lại đã mở bình thường.{kept}"
        )
    }
    fn profile_search_shown(&self, shown: usize, total: usize) -> String {
        format!(
            "Danh sách đang hiện {} trong {} bản đánh giá; gõ tên để tìm bản khác.",
            count(shown, STYLE),
            count(total, STYLE)
        )
    }
    // End of saved data in parts (issue 14, store)
}
