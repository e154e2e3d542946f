//! The plan editor rendered natively (Yew's server renderer): the page contract of the form
//! (`data-plan-editor`, `data-plan-field` = the path in the plan file, the actions) and the
//! first screen of a plan with no problem. Typing is driven in the browser once the editor
//! is mounted (tests/e2e).
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use cchc_2021::app::components::plan_editor::{PlanEditor, PlanEditorProps};
use cchc_2021::domain::number::Percent;
use cchc_2021::domain::plan::{
    Bloc, BlocId, BlocRule, DefaultUnits, Measure, Plan, Target, TargetId, Text, Unit,
};
use cchc_2021::domain::score::Weight;
use cchc_2021::i18n::Lang;
use yew::Callback;

fn plan() -> Plan {
    let phuong = BlocId::new("phuong").unwrap();
    let xa = BlocId::new("xa").unwrap();
    let unit = |id: &str, name: &str| Unit {
        id: id.into(),
        name: name.into(),
    };
    Plan {
        id: "an-hoa-2026".into(),
        name: Text::vi("Chỉ tiêu CCHC năm 2026"),
        year: 2026,
        issuer: Text::vi("UBND tỉnh"),
        place: Text::default(),
        example: false,
        blocs: vec![
            Bloc {
                id: phuong,
                name: Text::vi("Khối phường"),
                award_places: 1,
                units: vec![unit("26734", "Phường Cái Khế")],
            },
            Bloc {
                id: xa,
                name: Text::vi("Khối xã"),
                award_places: 1,
                units: vec![unit("31120", "Xã Phong Điền")],
            },
        ],
        targets: vec![
            Target {
                id: TargetId::new("toan_trinh").unwrap(),
                label: Text::vi("Thủ tục trực tuyến toàn trình"),
                help: Text::vi("Tỷ lệ thủ tục toàn trình"),
                measure: Measure::Ratio {
                    numerator: Text::vi("Số thủ tục toàn trình"),
                    denominator: Text::vi("Tổng số thủ tục"),
                    one_more: Text::vi("thủ tục"),
                },
                blocs: vec![BlocRule {
                    bloc: phuong,
                    threshold: Some(Percent::from_scaled(875_000)),
                    applies_to: DefaultUnits::All,
                }],
                weight: Weight::new(2).unwrap(),
            },
            Target {
                id: TargetId::new("mot_cua").unwrap(),
                label: Text::vi("Bộ phận một cửa đạt chuẩn"),
                help: Text::default(),
                measure: Measure::YesNo {
                    question: Text::vi("Đã đạt chuẩn?"),
                    overall_threshold: None,
                },
                blocs: vec![BlocRule {
                    bloc: xa,
                    threshold: None,
                    applies_to: DefaultUnits::All,
                }],
                weight: Weight::DEFAULT,
            },
        ],
        scoring: Default::default(),
    }
}

fn render(lang: Lang) -> String {
    let props = PlanEditorProps {
        plan: Rc::new(plan()),
        lang,
        on_save: Callback::noop(),
        on_export: Callback::noop(),
        on_close: Callback::noop(),
    };
    futures::executor::block_on(
        yew::LocalServerRenderer::<PlanEditor>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

#[test]
fn every_field_names_its_path_in_the_plan_file() {
    let html = render(Lang::Vi);
    assert!(html.contains("data-plan-editor"));
    for path in [
        "plan.name",
        "plan.id",
        "plan.year",
        "plan.issuer",
        "plan.place",
        "plan.blocs[0].name",
        "plan.blocs[1].id",
        "plan.blocs[1].award_places",
        "plan.blocs[0].units",
        "plan.targets[0].name",
        "plan.targets[0].id",
        "plan.targets[0].kind",
        "plan.targets[0].weight",
        "plan.targets[0].numerator",
        "plan.targets[0].applies.phuong",
        "plan.targets[0].applies.xa",
        "plan.targets[0].default_units.phuong",
        "plan.targets[1].question",
        "plan.targets[1].overall_threshold",
        "plan.scoring.mode",
        "plan.scoring.bands.good",
    ] {
        assert!(
            html.contains(&format!("data-plan-field=\"{path}\"")),
            "no field {path}"
        );
    }
    for action in [
        "save-plan",
        "export-plan",
        "paste-units",
        "add-bloc",
        "add-target",
        "plan-start-copy",
    ] {
        assert!(
            html.contains(&format!("data-action=\"{action}\"")),
            "{action}"
        );
    }
    // The unit tables are closed, and not rendered until opened (hundreds of units).
    assert!(!html.contains("data-plan-field=\"plan.blocs[0].units[0].id\""));
    assert!(html.contains("Danh sách đơn vị (1)"));
    // Numbers the Vietnamese way; thresholds typed as text with a decimal keyboard.
    assert!(html.contains("value=\"87,5\""));
    assert!(html.contains("inputmode=\"decimal\""));
    // No problem: saving is possible, and the preview lists the first bloc's target.
    assert!(html.contains("data-plan-problems=\"0\""));
    assert!(!html.contains("data-problem="));
    assert!(html.contains("data-preview-target=\"toan_trinh\""));
    assert!(html.contains("Chỉ tiêu: tối thiểu 87,5%"));
}

#[test]
fn the_editor_speaks_english_too() {
    let html = render(Lang::En);
    assert!(html.contains("Save the plan"));
    assert!(html.contains("value=\"87.5\""));
}
