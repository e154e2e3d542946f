//! The built-in plan: Vĩnh Thạnh district's 2021 campaign, exactly as the seed article fixes it
//! (thresholds, blocs, award places) with the documented defaults (agencies, applicability).
//! The default plan of every profile that names none.
//!
//! Rust data, built directly: no file is read at start-up (issue 14: parsing the plan file
//! was ~23 KB of the start-up module and part of its first long task). The public plan file
//! `plans/vinh-thanh-2021.json` is the same plan (tests/plan_builtin.rs proves it field by
//! field); exporting the plan writes it from this data.

use std::rc::Rc;

use super::number::Percent;
use super::plan::{
    Bloc, BlocId, BlocRule, DefaultUnits, Key, Measure, Plan, ScoringDefaults, Target, TargetId,
    Text, Unit,
};
use super::score::Weight;

/// The built-in plan's id: what profiles, files and links of version 1 belong to.
pub const PLAN_ID: &str = "vinh-thanh-2021";

/// The communes and towns (khối xã, thị trấn).
pub const COMMUNE: BlocId = BlocId(Key::from_static("commune"));
/// The district agencies (khối ban ngành huyện).
pub const AGENCY: BlocId = BlocId(Key::from_static("agency"));

macro_rules! target_ids {
    ($($name:ident = $key:literal),+ $(,)?) => {
        $(pub const $name: TargetId = TargetId(Key::from_static($key));)+
        /// The 13 targets, in the article's order.
        pub const TARGET_IDS: [TargetId; 13] = [$($name),+];
    };
}

target_ids! {
    ONLINE_WORK_FILES = "online_work_files",
    TTHC_ONLINE_L34 = "tthc_online_l34",
    L34_WITH_APPLICATIONS = "l34_with_applications",
    ONLINE_RESOLUTION = "online_resolution",
    INFOSEC_DOSSIERS = "infosec_dossiers",
    TTHC_RATING_GOOD = "tthc_rating_good",
    SATISFACTION_ADMIN = "satisfaction_admin",
    SATISFACTION_EDUCATION = "satisfaction_education",
    SATISFACTION_HEALTH = "satisfaction_health",
    ORG_STRUCTURE = "org_structure",
    LEADER_APPOINTMENTS = "leader_appointments",
    RECRUITMENT = "recruitment",
    SELF_FINANCING_UNITS = "self_financing_units",
}

static PLAN_DATA: std::sync::OnceLock<Plan> = std::sync::OnceLock::new();

thread_local! {
    static PLAN: Rc<Plan> = Rc::new(plan_ref().clone());
}

/// The built-in plan, shared: the same `Rc` on every call (the page compares plans by
/// address).
pub fn plan() -> Rc<Plan> {
    PLAN.with(Rc::clone)
}

/// The built-in plan, borrowed for the whole program.
pub fn plan_ref() -> &'static Plan {
    PLAN_DATA.get_or_init(build)
}

/// Looks a plan up among the built-in one only (for code and tests that know no other).
pub fn only(plan_id: &str) -> Option<Rc<Plan>> {
    (plan_id == PLAN_ID).then(plan)
}

// ---- The plan's data, in the plan file's order. ----

/// A text in Vietnamese and English.
type Both = (&'static str, &'static str);

/// Which units of a bloc a target applies to unless a unit says otherwise.
#[derive(Clone, Copy)]
enum Units {
    All,
    Only(&'static [&'static str]),
    NoUnit,
}
use Units::{All, NoUnit, Only};

/// The words of a target's inputs: a ratio's numerator, denominator and "one more" noun; a
/// yes/no question and the share of units that must answer yes overall; an increase's
/// before, after and "one more" noun.
enum Words {
    Ratio([Both; 3]),
    YesNo(Both, u32),
    Increase([Both; 3]),
}
use Words::{Increase, Ratio, YesNo};

struct Row {
    id: TargetId,
    label: Both,
    help: Both,
    words: Words,
    /// Per bloc (communes, agencies): the threshold in whole percent and the default units.
    rules: [(Option<u32>, Units); 2],
}

const SATISFIED: Both = ("Số người hài lòng", "Satisfied respondents");
const RESPONDENTS: Both = ("Số người được khảo sát", "Respondents");
const SATISFIED_NOUN: Both = ("người trả lời hài lòng", "satisfied respondents");
const SURVEY_HELP: Both = (
    "Nhập số người hài lòng và số người được khảo sát, hoặc chọn nhập tỷ lệ % nếu chỉ có kết quả khảo sát.",
    "Enter the satisfied respondents and all respondents, or switch to a percentage if only the survey result is known.",
);

const ROWS: [Row; 13] = [
    Row {
        id: ONLINE_WORK_FILES,
        label: (
            "Hồ sơ công việc được xử lý trên môi trường mạng (trừ hồ sơ mật)",
            "Work files handled online (secret files excluded)",
        ),
        help: (
            "Hồ sơ công việc gồm hồ sơ văn bản điện tử và hồ sơ thủ tục hành chính; không tính hồ sơ có nội dung mật. Cấp huyện và cấp xã có mức chỉ tiêu khác nhau.",
            "Work files are electronic document files and administrative-procedure files; secret files are not counted. District and commune levels have different thresholds.",
        ),
        words: Ratio([
            ("Số hồ sơ xử lý trên môi trường mạng", "Files handled online"),
            (
                "Tổng số hồ sơ công việc (trừ hồ sơ mật)",
                "All work files (secret excluded)",
            ),
            ("hồ sơ được xử lý trên mạng", "files handled online"),
        ]),
        rules: [(Some(35), All), (Some(65), All)],
    },
    Row {
        id: TTHC_ONLINE_L34,
        label: (
            "Thủ tục hành chính đủ điều kiện được triển khai dịch vụ công trực tuyến mức độ 3, 4",
            "Eligible administrative procedures offered online at level 3 or 4",
        ),
        help: (
            "Mức độ 3: nộp và xử lý hồ sơ trực tuyến, nhận kết quả trực tiếp. Mức độ 4: thêm thanh toán trực tuyến và trả kết quả trực tuyến hoặc qua bưu chính.",
            "Level 3: the application is submitted and handled online, results collected in person. Level 4: also paid online, results sent online or by post.",
        ),
        words: Ratio([
            (
                "Số TTHC đã cung cấp trực tuyến mức độ 3, 4",
                "Procedures offered online at level 3/4",
            ),
            (
                "Số TTHC đủ điều kiện cung cấp mức độ 3, 4",
                "Procedures eligible for level 3/4",
            ),
            (
                "TTHC đưa lên trực tuyến mức độ 3, 4",
                "procedures put online at level 3/4",
            ),
        ]),
        rules: [(Some(65), All), (Some(65), All)],
    },
    Row {
        id: L34_WITH_APPLICATIONS,
        label: (
            "TTHC trực tuyến mức độ 3, 4 có phát sinh hồ sơ trực tuyến",
            "Level 3/4 online procedures that received online applications",
        ),
        help: (
            "Trong số TTHC đã cung cấp trực tuyến mức độ 3, 4, đếm những thủ tục có ít nhất một hồ sơ nộp trực tuyến trong năm.",
            "Of the procedures offered online at level 3/4, count those with at least one online application in the year.",
        ),
        words: Ratio([
            (
                "Số TTHC mức độ 3, 4 có hồ sơ trực tuyến",
                "Level 3/4 procedures with an online application",
            ),
            ("Số TTHC cung cấp trực tuyến mức độ 3, 4", "Level 3/4 procedures offered"),
            (
                "TTHC có phát sinh hồ sơ trực tuyến",
                "procedures with an online application",
            ),
        ]),
        rules: [(Some(30), All), (Some(30), All)],
    },
    Row {
        id: ONLINE_RESOLUTION,
        label: (
            "Hồ sơ giải quyết trực tuyến mức độ 3, 4 trên tổng số hồ sơ TTHC",
            "Applications resolved online at level 3/4, of all applications",
        ),
        help: (
            "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến mức độ 3, 4 trên tổng số hồ sơ đã giải quyết.",
            "The share of administrative-procedure applications resolved online at level 3/4 among all applications resolved.",
        ),
        words: Ratio([
            (
                "Số hồ sơ giải quyết trực tuyến mức độ 3, 4",
                "Applications resolved online (level 3/4)",
            ),
            ("Tổng số hồ sơ TTHC đã giải quyết", "All applications resolved"),
            ("hồ sơ giải quyết trực tuyến", "applications resolved online"),
        ]),
        rules: [(Some(25), All), (Some(25), All)],
    },
    Row {
        id: INFOSEC_DOSSIERS,
        label: (
            "Hồ sơ hệ thống thông tin bảo đảm an toàn thông tin theo cấp độ được xây dựng, phê duyệt",
            "Information systems with an approved security-level dossier",
        ),
        help: (
            "Mỗi hệ thống thông tin của đơn vị cần có hồ sơ đề xuất cấp độ an toàn thông tin được phê duyệt.",
            "Every information system of the unit needs an approved information-security level dossier.",
        ),
        words: Ratio([
            (
                "Số hệ thống có hồ sơ cấp độ được phê duyệt",
                "Systems with an approved dossier",
            ),
            ("Tổng số hệ thống thông tin", "All information systems"),
            ("hồ sơ hệ thống được phê duyệt", "approved system dossiers"),
        ]),
        rules: [(Some(100), All), (Some(100), All)],
    },
    Row {
        id: TTHC_RATING_GOOD,
        label: (
            "Kết quả đánh giá việc giải quyết TTHC xếp loại tốt trở lên",
            "Rated good or better for handling administrative procedures",
        ),
        help: (
            "Với một đơn vị: kết quả đánh giá của chính đơn vị. Toàn huyện cần tối thiểu 90% cơ quan xếp loại tốt trở lên.",
            "For one unit: its own rating. The district as a whole needs at least 90% of its bodies rated good or better.",
        ),
        words: YesNo(
            ("Đơn vị được xếp loại tốt trở lên", "The unit is rated good or better"),
            90,
        ),
        rules: [(None, All), (None, All)],
    },
    Row {
        id: SATISFACTION_ADMIN,
        label: (
            "Mức độ hài lòng của người dân với sự phục vụ của cơ quan hành chính nhà nước",
            "Citizen satisfaction with the service of state administrative bodies",
        ),
        help: SURVEY_HELP,
        words: Ratio([
            SATISFIED,
            RESPONDENTS,
            SATISFIED_NOUN,
        ]),
        rules: [(Some(87), All), (Some(87), All)],
    },
    Row {
        id: SATISFACTION_EDUCATION,
        label: (
            "Mức độ hài lòng về dịch vụ giáo dục công lập",
            "Satisfaction with public education services",
        ),
        help: SURVEY_HELP,
        words: Ratio([
            SATISFIED,
            RESPONDENTS,
            SATISFIED_NOUN,
        ]),
        rules: [(Some(90), NoUnit), (Some(90), Only(&["giao-duc-dao-tao"]))],
    },
    Row {
        id: SATISFACTION_HEALTH,
        label: (
            "Mức độ hài lòng về dịch vụ y tế công lập",
            "Satisfaction with public health services",
        ),
        help: SURVEY_HELP,
        words: Ratio([
            SATISFIED,
            RESPONDENTS,
            SATISFIED_NOUN,
        ]),
        rules: [(Some(85), NoUnit), (Some(85), Only(&["y-te"]))],
    },
    Row {
        id: ORG_STRUCTURE,
        label: (
            "Cơ quan, đơn vị sự nghiệp công lập sắp xếp tổ chức bộ máy theo Nghị định 108/2020/NĐ-CP và 120/2020/NĐ-CP",
            "Bodies and public service units restructured under Decrees 108/2020 and 120/2020",
        ),
        help: (
            "Đếm các cơ quan hành chính, đơn vị sự nghiệp công lập phải sắp xếp lại và những đơn vị đã sắp xếp đúng quy định.",
            "Count the administrative bodies and public service units required to restructure, and those that did as required.",
        ),
        words: Ratio([
            (
                "Số cơ quan, đơn vị đã sắp xếp đúng quy định",
                "Units restructured as required",
            ),
            ("Số cơ quan, đơn vị phải sắp xếp", "Units required to restructure"),
            ("cơ quan, đơn vị sắp xếp xong", "units restructured"),
        ]),
        rules: [(Some(100), NoUnit), (Some(100), All)],
    },
    Row {
        id: LEADER_APPOINTMENTS,
        label: (
            "Lãnh đạo cấp phòng, đơn vị sự nghiệp trực thuộc UBND huyện được bổ nhiệm mới đúng quy định",
            "New heads of offices and public service units appointed by the rules",
        ),
        help: (
            "Đếm các trường hợp bổ nhiệm mới trong năm và những trường hợp đúng quy định.",
            "Count the new appointments in the year and those made by the rules.",
        ),
        words: Ratio([
            ("Số trường hợp bổ nhiệm đúng quy định", "Appointments made by the rules"),
            ("Tổng số trường hợp bổ nhiệm mới", "All new appointments"),
            ("trường hợp bổ nhiệm đúng quy định", "appointments made by the rules"),
        ]),
        rules: [(Some(100), NoUnit), (Some(100), All)],
    },
    Row {
        id: RECRUITMENT,
        label: (
            "Cán bộ, công chức, viên chức được tuyển dụng (thi tuyển, xét tuyển) đúng quy định",
            "Civil servants and public employees recruited (by exam or selection) by the rules",
        ),
        help: (
            "Đếm số người được tuyển dụng trong năm và số người được tuyển đúng quy định.",
            "Count the people recruited in the year and those recruited by the rules.",
        ),
        words: Ratio([
            ("Số người tuyển dụng đúng quy định", "Recruited by the rules"),
            ("Tổng số người được tuyển dụng", "All recruits"),
            ("người tuyển dụng đúng quy định", "recruits hired by the rules"),
        ]),
        rules: [(Some(100), All), (Some(100), All)],
    },
    Row {
        id: SELF_FINANCING_UNITS,
        label: (
            "Có thêm đơn vị sự nghiệp công lập tự bảo đảm chi thường xuyên (toàn bộ hoặc một phần)",
            "More public service units covering their own recurrent costs (fully or partly)",
        ),
        help: (
            "Chỉ tiêu của toàn huyện; cơ quan quản lý đơn vị sự nghiệp công lập bật chỉ tiêu này để nhập số đơn vị đầu năm và cuối năm.",
            "A target for the district as a whole; an agency that manages public service units switches it on to enter the counts at the start and the end of the year.",
        ),
        words: Increase([
            (
                "Số đơn vị tự bảo đảm chi thường xuyên đầu năm 2021",
                "Self-financing units at the start of 2021",
            ),
            (
                "Số đơn vị tự bảo đảm chi thường xuyên cuối năm 2021",
                "Self-financing units at the end of 2021",
            ),
            ("đơn vị tự bảo đảm chi thường xuyên", "self-financing units"),
        ]),
        rules: [(None, NoUnit), (None, NoUnit)],
    },
];

const COMMUNE_UNITS: &[(&str, &str)] = &[
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

const AGENCY_UNITS: &[(&str, &str)] = &[
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

fn text((vi, en): Both) -> Text {
    Text::both(vi, en)
}

fn units(list: &[(&str, &str)]) -> Vec<Unit> {
    list.iter()
        .map(|&(id, name)| Unit {
            id: id.into(),
            name: name.into(),
        })
        .collect()
}

fn target(row: &Row) -> Target {
    let words = |list: &[Both; 3]| list.map(text);
    let measure = match &row.words {
        Ratio(list) => {
            let [numerator, denominator, one_more] = words(list);
            Measure::Ratio {
                numerator,
                denominator,
                one_more,
            }
        }
        YesNo(question, overall) => Measure::YesNo {
            question: text(*question),
            overall_threshold: Some(Percent::from_whole(*overall)),
        },
        Increase(list) => {
            let [before, after, one_more] = words(list);
            Measure::Increase {
                before,
                after,
                one_more,
            }
        }
    };
    let blocs = [COMMUNE, AGENCY]
        .into_iter()
        .zip(row.rules)
        .map(|(bloc, (threshold, units))| BlocRule {
            bloc,
            threshold: threshold.map(Percent::from_whole),
            applies_to: match units {
                All => DefaultUnits::All,
                Only(ids) => DefaultUnits::Only(ids.iter().map(|&id| id.into()).collect()),
                NoUnit => DefaultUnits::None,
            },
        })
        .collect();
    Target {
        id: row.id,
        label: text(row.label),
        help: text(row.help),
        measure,
        blocs,
        weight: Weight::DEFAULT,
    }
}

fn build() -> Plan {
    Plan {
        id: PLAN_ID.into(),
        name: text((
            "Chỉ tiêu cải cách hành chính năm 2021",
            "2021 administrative-reform targets",
        )),
        year: 2021,
        issuer: text((
            "UBND huyện Vĩnh Thạnh, thành phố Cần Thơ",
            "People's Committee of Vĩnh Thạnh district, Cần Thơ",
        )),
        // The date line of the printed report.
        place: Text::vi("Vĩnh Thạnh"),
        example: false,
        blocs: vec![
            Bloc {
                id: COMMUNE,
                name: text(("Khối xã, thị trấn", "Communes and towns")),
                award_places: 5,
                units: units(COMMUNE_UNITS),
            },
            Bloc {
                id: AGENCY,
                name: text(("Khối ban ngành huyện", "District agencies")),
                award_places: 3,
                units: units(AGENCY_UNITS),
            },
        ],
        targets: ROWS.iter().map(target).collect(),
        // Proportional, bands 90 / 70 / 50.
        scoring: ScoringDefaults::default(),
    }
}
