//! The built-in plan file `plans/vinh-thanh-2021.json` is the 2021 tables exactly: read with
//! the plan-file reader, it equals the plan built here from the tables as they were compiled
//! into the app before plans were data (`TARGETS`, `COMMUNES`, `AGENCIES`, kept below
//! verbatim), field by field: ids, texts in both languages, thresholds per bloc, default
//! applicability, award places, units in order, scoring defaults.

use cchc_2021::domain::builtin::{self, AGENCY, COMMUNE};
use cchc_2021::domain::number::Percent;
use cchc_2021::domain::plan::{
    Bloc, BlocRule, DefaultUnits, Measure, Plan, ScoringDefaults, Target, TargetId, Text, Unit,
};
use cchc_2021::domain::score::Weight;
use cchc_2021::formats::plan_file::{export_plan_file, import_plan_file};

const BUILTIN: &str = include_str!("../plans/vinh-thanh-2021.json");

// ---- The 2021 tables, exactly as they were compiled into src/domain before plans were data. ----

type T = (&'static str, &'static str);

const fn text(vi: &'static str, en: &'static str) -> T {
    (vi, en)
}

fn owned((vi, en): T) -> Text {
    Text::both(vi, en)
}

#[derive(Clone, Copy)]
struct BlocThreshold {
    commune: u32,
    agency: u32,
}

const fn same(percent: u32) -> BlocThreshold {
    BlocThreshold {
        commune: percent,
        agency: percent,
    }
}

#[derive(Clone, Copy)]
enum Applicability {
    AllUnits,
    AllAgencies,
    Agencies(&'static [&'static str]),
    NoUnitByDefault,
}

#[derive(Clone, Copy)]
enum LegacyMeasure {
    Ratio {
        numerator: T,
        denominator: T,
        gap_noun: T,
        threshold: BlocThreshold,
    },
    YesNo {
        question: T,
        district_threshold: u32,
    },
    Increase {
        before: T,
        after: T,
        gap_noun: T,
    },
}

struct LegacyTarget {
    key: &'static str,
    label: T,
    help: T,
    measure: LegacyMeasure,
    applicability: Applicability,
}

const SATISFIED: T = text("Số người hài lòng", "Satisfied respondents");
const RESPONDENTS: T = text("Số người được khảo sát", "Respondents");
const SATISFIED_NOUN: T = text("người trả lời hài lòng", "satisfied respondents");
const SURVEY_HELP: T = text(
    "Nhập số người hài lòng và số người được khảo sát, hoặc chọn nhập tỷ lệ % nếu chỉ có kết quả khảo sát.",
    "Enter the satisfied respondents and all respondents, or switch to a percentage if only the survey result is known.",
);

/// The 13 targets of 2021, in the article's order.
const TARGETS: &[LegacyTarget] = &[
    LegacyTarget {
        key: "online_work_files",
        label: text(
            "Hồ sơ công việc được xử lý trên môi trường mạng (trừ hồ sơ mật)",
            "Work files handled online (secret files excluded)",
        ),
        help: text(
            "Hồ sơ công việc gồm hồ sơ văn bản điện tử và hồ sơ thủ tục hành chính; không tính hồ sơ có nội dung mật. Cấp huyện và cấp xã có mức chỉ tiêu khác nhau.",
            "Work files are electronic document files and administrative-procedure files; secret files are not counted. District and commune levels have different thresholds.",
        ),
        measure: LegacyMeasure::Ratio {
            numerator: text("Số hồ sơ xử lý trên môi trường mạng", "Files handled online"),
            denominator: text("Tổng số hồ sơ công việc (trừ hồ sơ mật)", "All work files (secret excluded)"),
            gap_noun: text("hồ sơ được xử lý trên mạng", "files handled online"),
            threshold: BlocThreshold { commune: 35, agency: 65 },
        },
        applicability: Applicability::AllUnits,
    },
    LegacyTarget {
        key: "tthc_online_l34",
        label: text(
            "Thủ tục hành chính đủ điều kiện được triển khai dịch vụ công trực tuyến mức độ 3, 4",
            "Eligible administrative procedures offered online at level 3 or 4",
        ),
        help: text(
            "Mức độ 3: nộp và xử lý hồ sơ trực tuyến, nhận kết quả trực tiếp. Mức độ 4: thêm thanh toán trực tuyến và trả kết quả trực tuyến hoặc qua bưu chính.",
            "Level 3: the application is submitted and handled online, results collected in person. Level 4: also paid online, results sent online or by post.",
        ),
        measure: LegacyMeasure::Ratio {
            numerator: text("Số TTHC đã cung cấp trực tuyến mức độ 3, 4", "Procedures offered online at level 3/4"),
            denominator: text("Số TTHC đủ điều kiện cung cấp mức độ 3, 4", "Procedures eligible for level 3/4"),
            gap_noun: text("TTHC đưa lên trực tuyến mức độ 3, 4", "procedures put online at level 3/4"),
            threshold: same(65),
        },
        applicability: Applicability::AllUnits,
    },
    LegacyTarget {
        key: "l34_with_applications",
        label: text(
            "TTHC trực tuyến mức độ 3, 4 có phát sinh hồ sơ trực tuyến",
            "Level 3/4 online procedures that received online applications",
        ),
        help: text(
            "Trong số TTHC đã cung cấp trực tuyến mức độ 3, 4, đếm những thủ tục có ít nhất một hồ sơ nộp trực tuyến trong năm.",
            "Of the procedures offered online at level 3/4, count those with at least one online application in the year.",
        ),
        measure: LegacyMeasure::Ratio {
            numerator: text("Số TTHC mức độ 3, 4 có hồ sơ trực tuyến", "Level 3/4 procedures with an online application"),
            denominator: text("Số TTHC cung cấp trực tuyến mức độ 3, 4", "Level 3/4 procedures offered"),
            gap_noun: text("TTHC có phát sinh hồ sơ trực tuyến", "procedures with an online application"),
            threshold: same(30),
        },
        applicability: Applicability::AllUnits,
    },
    LegacyTarget {
        key: "online_resolution",
        label: text(
            "Hồ sơ giải quyết trực tuyến mức độ 3, 4 trên tổng số hồ sơ TTHC",
            "Applications resolved online at level 3/4, of all applications",
        ),
        help: text(
            "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến mức độ 3, 4 trên tổng số hồ sơ đã giải quyết.",
            "The share of administrative-procedure applications resolved online at level 3/4 among all applications resolved.",
        ),
        measure: LegacyMeasure::Ratio {
            numerator: text("Số hồ sơ giải quyết trực tuyến mức độ 3, 4", "Applications resolved online (level 3/4)"),
            denominator: text("Tổng số hồ sơ TTHC đã giải quyết", "All applications resolved"),
            gap_noun: text("hồ sơ giải quyết trực tuyến", "applications resolved online"),
            threshold: same(25),
        },
        applicability: Applicability::AllUnits,
    },
    LegacyTarget {
        key: "infosec_dossiers",
        label: text(
            "Hồ sơ hệ thống thông tin bảo đảm an toàn thông tin theo cấp độ được xây dựng, phê duyệt",
            "Information systems with an approved security-level dossier",
        ),
        help: text(
            "Mỗi hệ thống thông tin của đơn vị cần có hồ sơ đề xuất cấp độ an toàn thông tin được phê duyệt.",
            "Every information system of the unit needs an approved information-security level dossier.",
        ),
        measure: LegacyMeasure::Ratio {
            numerator: text("Số hệ thống có hồ sơ cấp độ được phê duyệt", "Systems with an approved dossier"),
            denominator: text("Tổng số hệ thống thông tin", "All information systems"),
            gap_noun: text("hồ sơ hệ thống được phê duyệt", "approved system dossiers"),
            threshold: same(100),
        },
        applicability: Applicability::AllUnits,
    },
    LegacyTarget {
        key: "tthc_rating_good",
        label: text(
            "Kết quả đánh giá việc giải quyết TTHC xếp loại tốt trở lên",
            "Rated good or better for handling administrative procedures",
        ),
        help: text(
            "Với một đơn vị: kết quả đánh giá của chính đơn vị. Toàn huyện cần tối thiểu 90% cơ quan xếp loại tốt trở lên.",
            "For one unit: its own rating. The district as a whole needs at least 90% of its bodies rated good or better.",
        ),
        measure: LegacyMeasure::YesNo {
            question: text("Đơn vị được xếp loại tốt trở lên", "The unit is rated good or better"),
            district_threshold: 90,
        },
        applicability: Applicability::AllUnits,
    },
    LegacyTarget {
        key: "satisfaction_admin",
        label: text(
            "Mức độ hài lòng của người dân với sự phục vụ của cơ quan hành chính nhà nước",
            "Citizen satisfaction with the service of state administrative bodies",
        ),
        help: SURVEY_HELP,
        measure: LegacyMeasure::Ratio {
            numerator: SATISFIED,
            denominator: RESPONDENTS,
            gap_noun: SATISFIED_NOUN,
            threshold: same(87),
        },
        applicability: Applicability::AllUnits,
    },
    LegacyTarget {
        key: "satisfaction_education",
        label: text("Mức độ hài lòng về dịch vụ giáo dục công lập", "Satisfaction with public education services"),
        help: SURVEY_HELP,
        measure: LegacyMeasure::Ratio {
            numerator: SATISFIED,
            denominator: RESPONDENTS,
            gap_noun: SATISFIED_NOUN,
            threshold: same(90),
        },
        applicability: Applicability::Agencies(&["giao-duc-dao-tao"]),
    },
    LegacyTarget {
        key: "satisfaction_health",
        label: text("Mức độ hài lòng về dịch vụ y tế công lập", "Satisfaction with public health services"),
        help: SURVEY_HELP,
        measure: LegacyMeasure::Ratio {
            numerator: SATISFIED,
            denominator: RESPONDENTS,
            gap_noun: SATISFIED_NOUN,
            threshold: same(85),
        },
        applicability: Applicability::Agencies(&["y-te"]),
    },
    LegacyTarget {
        key: "org_structure",
        label: text(
            "Cơ quan, đơn vị sự nghiệp công lập sắp xếp tổ chức bộ máy theo Nghị định 108/2020/NĐ-CP và 120/2020/NĐ-CP",
            "Bodies and public service units restructured under Decrees 108/2020 and 120/2020",
        ),
        help: text(
            "Đếm các cơ quan hành chính, đơn vị sự nghiệp công lập phải sắp xếp lại và những đơn vị đã sắp xếp đúng quy định.",
            "Count the administrative bodies and public service units required to restructure, and those that did as required.",
        ),
        measure: LegacyMeasure::Ratio {
            numerator: text("Số cơ quan, đơn vị đã sắp xếp đúng quy định", "Units restructured as required"),
            denominator: text("Số cơ quan, đơn vị phải sắp xếp", "Units required to restructure"),
            gap_noun: text("cơ quan, đơn vị sắp xếp xong", "units restructured"),
            threshold: same(100),
        },
        applicability: Applicability::AllAgencies,
    },
    LegacyTarget {
        key: "leader_appointments",
        label: text(
            "Lãnh đạo cấp phòng, đơn vị sự nghiệp trực thuộc UBND huyện được bổ nhiệm mới đúng quy định",
            "New heads of offices and public service units appointed by the rules",
        ),
        help: text(
            "Đếm các trường hợp bổ nhiệm mới trong năm và những trường hợp đúng quy định.",
            "Count the new appointments in the year and those made by the rules.",
        ),
        measure: LegacyMeasure::Ratio {
            numerator: text("Số trường hợp bổ nhiệm đúng quy định", "Appointments made by the rules"),
            denominator: text("Tổng số trường hợp bổ nhiệm mới", "All new appointments"),
            gap_noun: text("trường hợp bổ nhiệm đúng quy định", "appointments made by the rules"),
            threshold: same(100),
        },
        applicability: Applicability::AllAgencies,
    },
    LegacyTarget {
        key: "recruitment",
        label: text(
            "Cán bộ, công chức, viên chức được tuyển dụng (thi tuyển, xét tuyển) đúng quy định",
            "Civil servants and public employees recruited (by exam or selection) by the rules",
        ),
        help: text(
            "Đếm số người được tuyển dụng trong năm và số người được tuyển đúng quy định.",
            "Count the people recruited in the year and those recruited by the rules.",
        ),
        measure: LegacyMeasure::Ratio {
            numerator: text("Số người tuyển dụng đúng quy định", "Recruited by the rules"),
            denominator: text("Tổng số người được tuyển dụng", "All recruits"),
            gap_noun: text("người tuyển dụng đúng quy định", "recruits hired by the rules"),
            threshold: same(100),
        },
        applicability: Applicability::AllUnits,
    },
    LegacyTarget {
        key: "self_financing_units",
        label: text(
            "Có thêm đơn vị sự nghiệp công lập tự bảo đảm chi thường xuyên (toàn bộ hoặc một phần)",
            "More public service units covering their own recurrent costs (fully or partly)",
        ),
        help: text(
            "Chỉ tiêu của toàn huyện; cơ quan quản lý đơn vị sự nghiệp công lập bật chỉ tiêu này để nhập số đơn vị đầu năm và cuối năm.",
            "A target for the district as a whole; an agency that manages public service units switches it on to enter the counts at the start and the end of the year.",
        ),
        measure: LegacyMeasure::Increase {
            before: text("Số đơn vị tự bảo đảm chi thường xuyên đầu năm 2021", "Self-financing units at the start of 2021"),
            after: text("Số đơn vị tự bảo đảm chi thường xuyên cuối năm 2021", "Self-financing units at the end of 2021"),
            gap_noun: text("đơn vị tự bảo đảm chi thường xuyên", "self-financing units"),
        },
        applicability: Applicability::NoUnitByDefault,
    },
];

const COMMUNES: &[(&str, &str)] = &[
    ("31231", "Thị trấn Thạnh An"),
    ("31232", "Thị trấn Vĩnh Thạnh"),
    ("31211", "Xã Vĩnh Bình"),
    ("31234", "Xã Thạnh Mỹ"),
    ("31237", "Xã Vĩnh Trinh"),
    ("31240", "Xã Thạnh An"),
    ("31241", "Xã Thạnh Tiến"),
    ("31243", "Xã Thạnh Thắng"),
    ("31244", "Xã Thạnh Lợi"),
    ("31246", "Xã Thạnh Qưới"),
    ("31252", "Xã Thạnh Lộc"),
];

/// The default list of district agencies (not verified for Vĩnh Thạnh).
const AGENCIES: &[(&str, &str)] = &[
    ("vp-hdnd-ubnd", "Văn phòng HĐND và UBND huyện"),
    ("noi-vu", "Phòng Nội vụ"),
    ("tu-phap", "Phòng Tư pháp"),
    ("tai-chinh-ke-hoach", "Phòng Tài chính – Kế hoạch"),
    ("tai-nguyen-moi-truong", "Phòng Tài nguyên và Môi trường"),
    ("lao-dong-tbxh", "Phòng Lao động – Thương binh và Xã hội"),
    ("van-hoa-thong-tin", "Phòng Văn hóa và Thông tin"),
    ("giao-duc-dao-tao", "Phòng Giáo dục và Đào tạo"),
    ("y-te", "Phòng Y tế"),
    ("thanh-tra", "Thanh tra huyện"),
    (
        "nong-nghiep-ptnt",
        "Phòng Nông nghiệp và Phát triển nông thôn",
    ),
    ("kinh-te-ha-tang", "Phòng Kinh tế và Hạ tầng"),
];

fn units(list: &[(&str, &str)]) -> Vec<Unit> {
    list.iter()
        .map(|(id, name)| Unit {
            id: id.to_string(),
            name: name.to_string(),
        })
        .collect()
}

fn rules(applicability: Applicability, threshold: Option<BlocThreshold>) -> Vec<BlocRule> {
    [(COMMUNE, false), (AGENCY, true)]
        .into_iter()
        .map(|(bloc, is_agency)| BlocRule {
            bloc,
            threshold: threshold
                .map(|t| Percent::from_whole(if is_agency { t.agency } else { t.commune })),
            applies_to: match applicability {
                Applicability::AllUnits => DefaultUnits::All,
                Applicability::AllAgencies if is_agency => DefaultUnits::All,
                Applicability::Agencies(ids) if is_agency => {
                    DefaultUnits::Only(ids.iter().map(|id| id.to_string()).collect())
                }
                _ => DefaultUnits::None,
            },
        })
        .collect()
}

fn plan_from_tables() -> Plan {
    let targets = TARGETS
        .iter()
        .map(|legacy| {
            let (measure, threshold) = match legacy.measure {
                LegacyMeasure::Ratio {
                    numerator,
                    denominator,
                    gap_noun,
                    threshold,
                } => (
                    Measure::Ratio {
                        numerator: owned(numerator),
                        denominator: owned(denominator),
                        one_more: owned(gap_noun),
                    },
                    Some(threshold),
                ),
                LegacyMeasure::YesNo {
                    question,
                    district_threshold,
                } => (
                    Measure::YesNo {
                        question: owned(question),
                        overall_threshold: Some(Percent::from_whole(district_threshold)),
                    },
                    None,
                ),
                LegacyMeasure::Increase {
                    before,
                    after,
                    gap_noun,
                } => (
                    Measure::Increase {
                        before: owned(before),
                        after: owned(after),
                        one_more: owned(gap_noun),
                    },
                    None,
                ),
            };
            Target {
                id: TargetId::new(legacy.key).expect("a valid key"),
                label: owned(legacy.label),
                help: owned(legacy.help),
                measure,
                blocs: rules(legacy.applicability, threshold),
                weight: Weight::DEFAULT,
            }
        })
        .collect();
    Plan {
        id: "vinh-thanh-2021".into(),
        name: Text::both(
            "Chỉ tiêu cải cách hành chính năm 2021",
            "2021 administrative-reform targets",
        ),
        year: 2021,
        issuer: Text::both(
            "UBND huyện Vĩnh Thạnh, thành phố Cần Thơ",
            "People's Committee of Vĩnh Thạnh district, Cần Thơ",
        ),
        // The date line of the printed report, as the app wrote it before plans were data.
        place: Text::vi("Vĩnh Thạnh"),
        example: false,
        blocs: vec![
            Bloc {
                id: COMMUNE,
                name: Text::both("Khối xã, thị trấn", "Communes and towns"),
                award_places: 5,
                units: units(COMMUNES),
            },
            Bloc {
                id: AGENCY,
                name: Text::both("Khối ban ngành huyện", "District agencies"),
                award_places: 3,
                units: units(AGENCIES),
            },
        ],
        targets,
        scoring: ScoringDefaults::default(),
    }
}

fn builtin() -> Plan {
    import_plan_file("vinh-thanh-2021.json", BUILTIN.as_bytes()).expect("the built-in plan reads")
}

#[test]
fn the_builtin_plan_file_is_todays_tables_exactly() {
    let plan = builtin();
    let expected = plan_from_tables();
    // Field by field first, so that a difference names its place.
    assert_eq!(plan.blocs, expected.blocs);
    for (read, table) in plan.targets.iter().zip(&expected.targets) {
        assert_eq!(read, table, "target {}", table.id);
    }
    assert_eq!(plan, expected);
}

#[test]
fn the_builtin_plan_answers_like_the_tables() {
    let plan = builtin();
    let tables = plan_from_tables();
    assert_eq!(plan.targets.len(), 13);
    for (target, table) in plan.targets.iter().zip(&tables.targets) {
        for bloc in [COMMUNE, AGENCY] {
            assert_eq!(
                target.threshold(bloc),
                table.threshold(bloc),
                "{} {bloc:?}",
                table.id
            );
            let units = COMMUNES.iter().chain(AGENCIES).map(|(id, _)| *id);
            for unit in units.chain(["other"]) {
                assert_eq!(
                    target.applies_by_default(bloc, unit),
                    table.applies_by_default(bloc, unit),
                    "{} {bloc:?} {unit}",
                    table.id
                );
            }
        }
    }
}

/// The app builds the plan from Rust data (issue 14: no file parsed at start-up): it is the
/// plan the public file gives, field by field, and exporting it gives a file that reads back
/// as that plan.
#[test]
fn the_app_uses_the_builtin_plan_file() {
    let app = builtin::plan_ref();
    let file = builtin();
    assert_eq!(app.blocs, file.blocs);
    for (data, read) in app.targets.iter().zip(&file.targets) {
        assert_eq!(data, read, "target {}", read.id);
    }
    assert_eq!(*app, file);
    let exported = export_plan_file(app);
    assert_eq!(
        import_plan_file("exported.json", exported.as_bytes()).unwrap(),
        file
    );
}

#[test]
fn the_builtin_plan_gives_both_languages_for_every_text() {
    let plan = builtin();
    let mut texts = vec![&plan.name, &plan.issuer];
    texts.extend(plan.blocs.iter().map(|b| &b.name));
    for t in &plan.targets {
        texts.push(&t.label);
        texts.push(&t.help);
        match &t.measure {
            Measure::Ratio {
                numerator,
                denominator,
                one_more,
            } => texts.extend([numerator, denominator, one_more]),
            Measure::YesNo { question, .. } => texts.push(question),
            Measure::Increase {
                before,
                after,
                one_more,
            } => texts.extend([before, after, one_more]),
        }
    }
    for text in texts {
        assert!(!text.vi.is_empty(), "{text:?}");
        assert!(
            text.en.as_deref().is_some_and(|en| !en.is_empty()),
            "{text:?}"
        );
    }
}

#[test]
fn the_builtin_plan_exports_and_reads_back_the_same() {
    let plan = builtin();
    let again = import_plan_file("again.json", export_plan_file(&plan).as_bytes()).unwrap();
    assert_eq!(again, plan);
    assert_eq!(again.fingerprint(), plan.fingerprint());
}

/// Unit files carry the fingerprint of their plan's scoring rules: the built-in plan's is
/// pinned, so that a change to its rules (which would flag every unit file written before as
/// scored by another version of the plan) is a decision, not an accident.
#[test]
fn the_builtin_plans_fingerprint_is_pinned() {
    let plan = builtin();
    assert_eq!(plan.fingerprint(), "eab652e1");
}
