//! Native tests of the district office's journey (issue 13): the grid's CSV, export dates
//! and the printed report's heading.
#![cfg(not(target_arch = "wasm32"))]

use cchc_2021::domain::small_map::SmallMap;

use cchc_2021::domain::builtin;
use cchc_2021::domain::figures::EntryMode;
use cchc_2021::domain::grid::grid;
use cchc_2021::domain::profile::Profile;
use cchc_2021::domain::score::ScoringModel;
use cchc_2021::domain::workspace::ProfileRecord;
use cchc_2021::formats::csv::{grid_csv, parse_csv};
use cchc_2021::i18n::Lang;

fn records() -> Vec<ProfileRecord> {
    let plan = builtin::plan_ref();
    let mut vinh_binh = Profile::default();
    vinh_binh.set_unit(plan, "31211");
    vinh_binh.update_entry(builtin::ONLINE_WORK_FILES, |e| {
        e.numerator = "13".into();
        e.denominator = "40".into();
    });
    vinh_binh.update_entry(builtin::SATISFACTION_ADMIN, |e| {
        e.mode = EntryMode::Percent;
        e.percent = "88,5".into();
    });
    vinh_binh.update_entry(builtin::TTHC_RATING_GOOD, |e| e.answer = Some(true));
    let mut record = ProfileRecord::new("p1".into(), vinh_binh);
    record.exported_at = Some("2026-11-28".into());
    vec![record]
}

#[test]
fn the_grid_is_one_csv_for_excel_with_every_unit() {
    let plan = builtin::plan_ref();
    let rows = grid(plan, &records(), &SmallMap::new(), &ScoringModel::default());
    let csv = grid_csv(plan, &rows, Lang::Vi);
    assert!(csv.starts_with('\u{FEFF}'));
    assert!(csv.contains("\r\n"));
    let parsed = parse_csv(&csv, ';');
    // A header and one row per unit: 11 communes and 12 agencies.
    assert_eq!(parsed.len(), 1 + 23);
    let header = &parsed[0];
    assert_eq!(header.len(), 7 + 2 * plan.targets.len());
    assert_eq!(
        header[..7],
        [
            "Khối",
            "Mã đơn vị",
            "Tên đơn vị",
            "Đã nộp",
            "Ngày xuất tệp",
            "Số chỉ tiêu chưa đủ số liệu",
            "Điểm"
        ]
    );
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let files = plan.target(builtin::ONLINE_WORK_FILES).unwrap();
    let files_label = files.label.vi.as_str();
    let satisfaction = plan
        .target(builtin::SATISFACTION_ADMIN)
        .unwrap()
        .label
        .vi
        .as_str();
    let rated = plan
        .target(builtin::TTHC_RATING_GOOD)
        .unwrap()
        .label
        .vi
        .as_str();
    let row = parsed.iter().find(|r| r[1] == "31211").unwrap();
    assert_eq!(row[0], "Khối xã, thị trấn");
    assert_eq!(row[2], "Xã Vĩnh Bình");
    assert_eq!((row[3].as_str(), row[4].as_str()), ("1", "2026-11-28"));
    assert_eq!(row[column(files_label)], "32,5");
    assert_eq!(row[column(&format!("{files_label} – kết quả"))], "Chưa đạt");
    assert_eq!(row[column(satisfaction)], "88,5");
    assert_eq!(row[column(&format!("{satisfaction} – kết quả"))], "Đạt");
    assert_eq!(row[column(rated)], "1");
    let absent = parsed.iter().find(|r| r[1] == "31234").unwrap();
    assert_eq!(
        (absent[3].as_str(), absent[4].as_str(), absent[6].as_str()),
        ("0", "", "")
    );
    assert_eq!(
        absent[column(&format!("{files_label} – kết quả"))],
        "Chưa nộp"
    );
    // English: commas, dots.
    let english = parse_csv(&grid_csv(plan, &rows, Lang::En), ',');
    let row = english.iter().find(|r| r[1] == "31211").unwrap();
    assert_eq!(
        row[english[0]
            .iter()
            .position(|h| h == Lang::En.pick(&files.label))
            .unwrap()],
        "32.5"
    );
}

#[test]
fn the_report_is_headed_by_the_issuing_body_as_officers_write_it() {
    let vi = Lang::Vi.texts();
    assert_eq!(vi.report_issuer("Xã Vĩnh Bình"), "UBND XÃ VĨNH BÌNH");
    assert_eq!(
        vi.report_issuer("Thị trấn Thạnh An"),
        "UBND THỊ TRẤN THẠNH AN"
    );
    assert_eq!(vi.report_issuer("Phường Cái Khế"), "UBND PHƯỜNG CÁI KHẾ");
    assert_eq!(vi.report_issuer("Phòng Nội vụ"), "PHÒNG NỘI VỤ");
    assert_eq!(
        vi.report_issuer("Văn phòng HĐND và UBND huyện"),
        "VĂN PHÒNG HĐND VÀ UBND HUYỆN"
    );
    assert_eq!(vi.file_date("2026-11-28"), "28/11/2026");
    assert_eq!(vi.file_date("hôm qua"), "hôm qua");
    assert_eq!(vi.import_date(Some("2026-11-28")), "xuất ngày 28/11/2026");
    assert_eq!(Lang::En.texts().file_date("2026-11-28"), "2026-11-28");
}
