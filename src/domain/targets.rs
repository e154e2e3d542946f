//! The 2021 target set as data: the one table that the form, the scoring and the help text
//! all read. Thresholds are the seed article's; applicability is the documented default.

use serde::{Deserialize, Serialize};

use super::number::Percent;
use super::units::{Bloc, OTHER_UNIT_ID};

/// A piece of user-visible text in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    pub vi: &'static str,
    pub en: &'static str,
}

const fn text(vi: &'static str, en: &'static str) -> Text {
    Text { vi, en }
}

/// The stable ids of the targets; serialised exactly as in the domain reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetId {
    OnlineWorkFiles,
    TthcOnlineL34,
    L34WithApplications,
    OnlineResolution,
    InfosecDossiers,
    TthcRatingGood,
    SatisfactionAdmin,
    SatisfactionEducation,
    SatisfactionHealth,
    OrgStructure,
    LeaderAppointments,
    Recruitment,
    SelfFinancingUnits,
}

impl TargetId {
    pub fn key(self) -> &'static str {
        target(self).key
    }

    pub fn from_key(key: &str) -> Option<TargetId> {
        TARGETS.iter().find(|t| t.key == key).map(|t| t.id)
    }
}

/// What a unit enters for a target, with the words for each input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    /// Two counts (or a percentage typed directly); met at `threshold` percent or more.
    Ratio {
        numerator: Text,
        denominator: Text,
        /// What one more item of the numerator is called, for "cần thêm 3 …".
        gap_noun: Text,
        threshold: BlocThreshold,
    },
    /// A yes/no answer; met on yes. For the district as a whole, the share of units
    /// answering yes must reach `district_threshold` percent.
    YesNo {
        question: Text,
        district_threshold: u32,
    },
    /// A count at the start and at the end of the year; met when it grew.
    Increase {
        before: Text,
        after: Text,
        gap_noun: Text,
    },
}

/// A threshold in whole percent, which may differ between the blocs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BlocThreshold {
    pub commune: u32,
    pub agency: u32,
}

impl BlocThreshold {
    const fn same(percent: u32) -> BlocThreshold {
        BlocThreshold {
            commune: percent,
            agency: percent,
        }
    }

    pub fn for_bloc(self, bloc: Bloc) -> Percent {
        Percent::from_whole(match bloc {
            Bloc::Commune => self.commune,
            Bloc::Agency => self.agency,
        })
    }
}

/// Which units a target applies to unless the unit says otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applicability {
    AllUnits,
    AllAgencies,
    /// Only the named agencies (and the district as a whole).
    Agencies(&'static [&'static str]),
    /// The district as a whole; a unit switches it on when it has such figures.
    NoUnitByDefault,
}

impl Applicability {
    pub fn applies_to(self, bloc: Bloc, unit_id: &str) -> bool {
        match self {
            Applicability::AllUnits => true,
            Applicability::AllAgencies => bloc == Bloc::Agency,
            Applicability::Agencies(ids) => {
                bloc == Bloc::Agency && unit_id != OTHER_UNIT_ID && ids.contains(&unit_id)
            }
            Applicability::NoUnitByDefault => false,
        }
    }
}

/// One target of the campaign.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    pub id: TargetId,
    /// The id as written in files and the page contract.
    pub key: &'static str,
    pub label: Text,
    pub help: Text,
    pub measure: Measure,
    pub applicability: Applicability,
}

impl Target {
    pub fn applies_by_default(&self, bloc: Bloc, unit_id: &str) -> bool {
        self.applicability.applies_to(bloc, unit_id)
    }

    /// The percentage to reach for a ratio target, `None` for the other kinds.
    pub fn threshold(&self, bloc: Bloc) -> Option<Percent> {
        match self.measure {
            Measure::Ratio { threshold, .. } => Some(threshold.for_bloc(bloc)),
            _ => None,
        }
    }

    /// What the target asks of a unit of `bloc`, for the page to state (the wording is
    /// i18n's).
    pub fn requirement(&self, bloc: Bloc) -> Requirement {
        match self.measure {
            Measure::Ratio { threshold, .. } => match threshold.for_bloc(bloc) {
                all if all == Percent::HUNDRED => Requirement::All,
                share => Requirement::AtLeast(share),
            },
            Measure::YesNo { .. } => Requirement::RatedGood,
            Measure::Increase { .. } => Requirement::Increase,
        }
    }
}

/// What a target asks of a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Requirement {
    /// A share of 100%.
    All,
    /// A share of at least this percentage (below 100).
    AtLeast(Percent),
    /// Rated good or better (a yes/no target).
    RatedGood,
    /// More at the end of the year than at the start.
    Increase,
}

const SATISFIED: Text = text("Số người hài lòng", "Satisfied respondents");
const RESPONDENTS: Text = text("Số người được khảo sát", "Respondents");
const SATISFIED_NOUN: Text = text("người trả lời hài lòng", "satisfied respondents");
const SURVEY_HELP: Text = text(
    "Nhập số người hài lòng và số người được khảo sát, hoặc chọn nhập tỷ lệ % nếu chỉ có kết quả khảo sát.",
    "Enter the satisfied respondents and all respondents, or switch to a percentage if only the survey result is known.",
);

/// The 13 targets of 2021, in the article's order.
pub const TARGETS: &[Target] = &[
    Target {
        id: TargetId::OnlineWorkFiles,
        key: "online_work_files",
        label: text(
            "Hồ sơ công việc được xử lý trên môi trường mạng (trừ hồ sơ mật)",
            "Work files handled online (secret files excluded)",
        ),
        help: text(
            "Hồ sơ công việc gồm hồ sơ văn bản điện tử và hồ sơ thủ tục hành chính; không tính hồ sơ có nội dung mật. Cấp huyện và cấp xã có mức chỉ tiêu khác nhau.",
            "Work files are electronic document files and administrative-procedure files; secret files are not counted. District and commune levels have different thresholds.",
        ),
        measure: Measure::Ratio {
            numerator: text("Số hồ sơ xử lý trên môi trường mạng", "Files handled online"),
            denominator: text("Tổng số hồ sơ công việc (trừ hồ sơ mật)", "All work files (secret excluded)"),
            gap_noun: text("hồ sơ được xử lý trên mạng", "files handled online"),
            threshold: BlocThreshold { commune: 35, agency: 65 },
        },
        applicability: Applicability::AllUnits,
    },
    Target {
        id: TargetId::TthcOnlineL34,
        key: "tthc_online_l34",
        label: text(
            "Thủ tục hành chính đủ điều kiện được triển khai dịch vụ công trực tuyến mức độ 3, 4",
            "Eligible administrative procedures offered online at level 3 or 4",
        ),
        help: text(
            "Mức độ 3: nộp và xử lý hồ sơ trực tuyến, nhận kết quả trực tiếp. Mức độ 4: thêm thanh toán trực tuyến và trả kết quả trực tuyến hoặc qua bưu chính.",
            "Level 3: the application is submitted and handled online, results collected in person. Level 4: also paid online, results sent online or by post.",
        ),
        measure: Measure::Ratio {
            numerator: text("Số TTHC đã cung cấp trực tuyến mức độ 3, 4", "Procedures offered online at level 3/4"),
            denominator: text("Số TTHC đủ điều kiện cung cấp mức độ 3, 4", "Procedures eligible for level 3/4"),
            gap_noun: text("TTHC đưa lên trực tuyến mức độ 3, 4", "procedures put online at level 3/4"),
            threshold: BlocThreshold::same(65),
        },
        applicability: Applicability::AllUnits,
    },
    Target {
        id: TargetId::L34WithApplications,
        key: "l34_with_applications",
        label: text(
            "TTHC trực tuyến mức độ 3, 4 có phát sinh hồ sơ trực tuyến",
            "Level 3/4 online procedures that received online applications",
        ),
        help: text(
            "Trong số TTHC đã cung cấp trực tuyến mức độ 3, 4, đếm những thủ tục có ít nhất một hồ sơ nộp trực tuyến trong năm.",
            "Of the procedures offered online at level 3/4, count those with at least one online application in the year.",
        ),
        measure: Measure::Ratio {
            numerator: text("Số TTHC mức độ 3, 4 có hồ sơ trực tuyến", "Level 3/4 procedures with an online application"),
            denominator: text("Số TTHC cung cấp trực tuyến mức độ 3, 4", "Level 3/4 procedures offered"),
            gap_noun: text("TTHC có phát sinh hồ sơ trực tuyến", "procedures with an online application"),
            threshold: BlocThreshold::same(30),
        },
        applicability: Applicability::AllUnits,
    },
    Target {
        id: TargetId::OnlineResolution,
        key: "online_resolution",
        label: text(
            "Hồ sơ giải quyết trực tuyến mức độ 3, 4 trên tổng số hồ sơ TTHC",
            "Applications resolved online at level 3/4, of all applications",
        ),
        help: text(
            "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến mức độ 3, 4 trên tổng số hồ sơ đã giải quyết.",
            "The share of administrative-procedure applications resolved online at level 3/4 among all applications resolved.",
        ),
        measure: Measure::Ratio {
            numerator: text("Số hồ sơ giải quyết trực tuyến mức độ 3, 4", "Applications resolved online (level 3/4)"),
            denominator: text("Tổng số hồ sơ TTHC đã giải quyết", "All applications resolved"),
            gap_noun: text("hồ sơ giải quyết trực tuyến", "applications resolved online"),
            threshold: BlocThreshold::same(25),
        },
        applicability: Applicability::AllUnits,
    },
    Target {
        id: TargetId::InfosecDossiers,
        key: "infosec_dossiers",
        label: text(
            "Hồ sơ hệ thống thông tin bảo đảm an toàn thông tin theo cấp độ được xây dựng, phê duyệt",
            "Information systems with an approved security-level dossier",
        ),
        help: text(
            "Mỗi hệ thống thông tin của đơn vị cần có hồ sơ đề xuất cấp độ an toàn thông tin được phê duyệt.",
            "Every information system of the unit needs an approved information-security level dossier.",
        ),
        measure: Measure::Ratio {
            numerator: text("Số hệ thống có hồ sơ cấp độ được phê duyệt", "Systems with an approved dossier"),
            denominator: text("Tổng số hệ thống thông tin", "All information systems"),
            gap_noun: text("hồ sơ hệ thống được phê duyệt", "approved system dossiers"),
            threshold: BlocThreshold::same(100),
        },
        applicability: Applicability::AllUnits,
    },
    Target {
        id: TargetId::TthcRatingGood,
        key: "tthc_rating_good",
        label: text(
            "Kết quả đánh giá việc giải quyết TTHC xếp loại tốt trở lên",
            "Rated good or better for handling administrative procedures",
        ),
        help: text(
            "Với một đơn vị: kết quả đánh giá của chính đơn vị. Toàn huyện cần tối thiểu 90% cơ quan xếp loại tốt trở lên.",
            "For one unit: its own rating. The district as a whole needs at least 90% of its bodies rated good or better.",
        ),
        measure: Measure::YesNo {
            question: text("Đơn vị được xếp loại tốt trở lên", "The unit is rated good or better"),
            district_threshold: 90,
        },
        applicability: Applicability::AllUnits,
    },
    Target {
        id: TargetId::SatisfactionAdmin,
        key: "satisfaction_admin",
        label: text(
            "Mức độ hài lòng của người dân với sự phục vụ của cơ quan hành chính nhà nước",
            "Citizen satisfaction with the service of state administrative bodies",
        ),
        help: SURVEY_HELP,
        measure: Measure::Ratio {
            numerator: SATISFIED,
            denominator: RESPONDENTS,
            gap_noun: SATISFIED_NOUN,
            threshold: BlocThreshold::same(87),
        },
        applicability: Applicability::AllUnits,
    },
    Target {
        id: TargetId::SatisfactionEducation,
        key: "satisfaction_education",
        label: text("Mức độ hài lòng về dịch vụ giáo dục công lập", "Satisfaction with public education services"),
        help: SURVEY_HELP,
        measure: Measure::Ratio {
            numerator: SATISFIED,
            denominator: RESPONDENTS,
            gap_noun: SATISFIED_NOUN,
            threshold: BlocThreshold::same(90),
        },
        applicability: Applicability::Agencies(&["giao-duc-dao-tao"]),
    },
    Target {
        id: TargetId::SatisfactionHealth,
        key: "satisfaction_health",
        label: text("Mức độ hài lòng về dịch vụ y tế công lập", "Satisfaction with public health services"),
        help: SURVEY_HELP,
        measure: Measure::Ratio {
            numerator: SATISFIED,
            denominator: RESPONDENTS,
            gap_noun: SATISFIED_NOUN,
            threshold: BlocThreshold::same(85),
        },
        applicability: Applicability::Agencies(&["y-te"]),
    },
    Target {
        id: TargetId::OrgStructure,
        key: "org_structure",
        label: text(
            "Cơ quan, đơn vị sự nghiệp công lập sắp xếp tổ chức bộ máy theo Nghị định 108/2020/NĐ-CP và 120/2020/NĐ-CP",
            "Bodies and public service units restructured under Decrees 108/2020 and 120/2020",
        ),
        help: text(
            "Đếm các cơ quan hành chính, đơn vị sự nghiệp công lập phải sắp xếp lại và những đơn vị đã sắp xếp đúng quy định.",
            "Count the administrative bodies and public service units required to restructure, and those that did as required.",
        ),
        measure: Measure::Ratio {
            numerator: text("Số cơ quan, đơn vị đã sắp xếp đúng quy định", "Units restructured as required"),
            denominator: text("Số cơ quan, đơn vị phải sắp xếp", "Units required to restructure"),
            gap_noun: text("cơ quan, đơn vị sắp xếp xong", "units restructured"),
            threshold: BlocThreshold::same(100),
        },
        applicability: Applicability::AllAgencies,
    },
    Target {
        id: TargetId::LeaderAppointments,
        key: "leader_appointments",
        label: text(
            "Lãnh đạo cấp phòng, đơn vị sự nghiệp trực thuộc UBND huyện được bổ nhiệm mới đúng quy định",
            "New heads of offices and public service units appointed by the rules",
        ),
        help: text(
            "Đếm các trường hợp bổ nhiệm mới trong năm và những trường hợp đúng quy định.",
            "Count the new appointments in the year and those made by the rules.",
        ),
        measure: Measure::Ratio {
            numerator: text("Số trường hợp bổ nhiệm đúng quy định", "Appointments made by the rules"),
            denominator: text("Tổng số trường hợp bổ nhiệm mới", "All new appointments"),
            gap_noun: text("trường hợp bổ nhiệm đúng quy định", "appointments made by the rules"),
            threshold: BlocThreshold::same(100),
        },
        applicability: Applicability::AllAgencies,
    },
    Target {
        id: TargetId::Recruitment,
        key: "recruitment",
        label: text(
            "Cán bộ, công chức, viên chức được tuyển dụng (thi tuyển, xét tuyển) đúng quy định",
            "Civil servants and public employees recruited (by exam or selection) by the rules",
        ),
        help: text(
            "Đếm số người được tuyển dụng trong năm và số người được tuyển đúng quy định.",
            "Count the people recruited in the year and those recruited by the rules.",
        ),
        measure: Measure::Ratio {
            numerator: text("Số người tuyển dụng đúng quy định", "Recruited by the rules"),
            denominator: text("Tổng số người được tuyển dụng", "All recruits"),
            gap_noun: text("người tuyển dụng đúng quy định", "recruits hired by the rules"),
            threshold: BlocThreshold::same(100),
        },
        applicability: Applicability::AllUnits,
    },
    Target {
        id: TargetId::SelfFinancingUnits,
        key: "self_financing_units",
        label: text(
            "Có thêm đơn vị sự nghiệp công lập tự bảo đảm chi thường xuyên (toàn bộ hoặc một phần)",
            "More public service units covering their own recurrent costs (fully or partly)",
        ),
        help: text(
            "Chỉ tiêu của toàn huyện; cơ quan quản lý đơn vị sự nghiệp công lập bật chỉ tiêu này để nhập số đơn vị đầu năm và cuối năm.",
            "A target for the district as a whole; an agency that manages public service units switches it on to enter the counts at the start and the end of the year.",
        ),
        measure: Measure::Increase {
            before: text("Số đơn vị tự bảo đảm chi thường xuyên đầu năm 2021", "Self-financing units at the start of 2021"),
            after: text("Số đơn vị tự bảo đảm chi thường xuyên cuối năm 2021", "Self-financing units at the end of 2021"),
            gap_noun: text("đơn vị tự bảo đảm chi thường xuyên", "self-financing units"),
        },
        applicability: Applicability::NoUnitByDefault,
    },
];

/// The target with this id.
pub fn target(id: TargetId) -> &'static Target {
    TARGETS
        .iter()
        .find(|t| t.id == id)
        .expect("every TargetId has a row in TARGETS")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_requirement_follows_the_measure_and_the_bloc() {
        let files = target(TargetId::OnlineWorkFiles);
        assert_eq!(
            files.requirement(Bloc::Commune),
            Requirement::AtLeast(Percent::from_whole(35))
        );
        assert_eq!(
            files.requirement(Bloc::Agency),
            Requirement::AtLeast(Percent::from_whole(65))
        );
        assert_eq!(
            target(TargetId::InfosecDossiers).requirement(Bloc::Commune),
            Requirement::All
        );
        assert_eq!(
            target(TargetId::TthcRatingGood).requirement(Bloc::Commune),
            Requirement::RatedGood
        );
        assert_eq!(
            target(TargetId::SelfFinancingUnits).requirement(Bloc::Agency),
            Requirement::Increase
        );
    }

    #[test]
    fn every_id_has_exactly_one_row_and_a_stable_key() {
        assert_eq!(TARGETS.len(), 13);
        for t in TARGETS {
            assert_eq!(TARGETS.iter().filter(|o| o.id == t.id).count(), 1);
            assert_eq!(
                serde_json::to_string(&t.id).unwrap(),
                format!("\"{}\"", t.key)
            );
            assert_eq!(TargetId::from_key(t.key), Some(t.id));
            assert!(!t.label.vi.is_empty() && !t.label.en.is_empty());
        }
    }

    #[test]
    fn seed_thresholds() {
        let at = |id, bloc| target(id).threshold(bloc).map(|p| p.scaled() / 10_000);
        use Bloc::*;
        use TargetId::*;
        assert_eq!(at(OnlineWorkFiles, Agency), Some(65));
        assert_eq!(at(OnlineWorkFiles, Commune), Some(35));
        assert_eq!(at(TthcOnlineL34, Commune), Some(65));
        assert_eq!(at(L34WithApplications, Agency), Some(30));
        assert_eq!(at(OnlineResolution, Commune), Some(25));
        assert_eq!(at(InfosecDossiers, Commune), Some(100));
        assert_eq!(at(TthcRatingGood, Commune), None);
        assert_eq!(at(SatisfactionAdmin, Commune), Some(87));
        assert_eq!(at(SatisfactionEducation, Agency), Some(90));
        assert_eq!(at(SatisfactionHealth, Agency), Some(85));
        assert_eq!(at(OrgStructure, Agency), Some(100));
        assert_eq!(at(LeaderAppointments, Agency), Some(100));
        assert_eq!(at(Recruitment, Commune), Some(100));
        assert_eq!(at(SelfFinancingUnits, Agency), None);
    }

    #[test]
    fn default_applicability() {
        let applicable = |bloc, unit: &str| {
            TARGETS
                .iter()
                .filter(|t| t.applies_by_default(bloc, unit))
                .count()
        };
        assert_eq!(applicable(Bloc::Commune, "31211"), 8);
        assert_eq!(applicable(Bloc::Agency, "noi-vu"), 10);
        assert_eq!(applicable(Bloc::Agency, "giao-duc-dao-tao"), 11);
        assert_eq!(applicable(Bloc::Agency, "y-te"), 11);
        assert_eq!(applicable(Bloc::Agency, OTHER_UNIT_ID), 10);
        assert!(!target(TargetId::SelfFinancingUnits).applies_by_default(Bloc::Agency, "y-te"));
        assert!(!target(TargetId::OrgStructure).applies_by_default(Bloc::Commune, "31211"));
    }
}
