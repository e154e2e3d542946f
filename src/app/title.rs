//! The document's title (aftercare of issue 13): the plan on screen, as the page's header
//! names it, so that a tab, a bookmark or a printout of another plan is not titled with the
//! built-in one. index.html's static title is neutral, for the moment before the app runs.

use yew::prelude::*;

use crate::domain::plan::Plan;
use crate::i18n::Lang;

/// "<plan's name> · <place>", the place left out when the plan has none or its name
/// already says it.
pub fn document_title(lang: Lang, plan: &Plan) -> String {
    let name = lang.pick(&plan.name);
    match lang.pick(&plan.place) {
        "" => name.to_string(),
        place if name.contains(place) => name.to_string(),
        place => format!("{name} · {place}"),
    }
}

/// Keeps `document.title` on the plan on screen, in the language on screen.
#[hook]
pub fn use_document_title(lang: Lang, plan: &Plan) {
    let title = document_title(lang, plan);
    use_effect_with(title, |title| {
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            document.set_title(title);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::builtin;

    #[test]
    fn the_builtin_plan_is_titled_with_its_name_and_place() {
        let plan = builtin::plan();
        assert_eq!(
            document_title(Lang::Vi, &plan),
            "Chỉ tiêu cải cách hành chính năm 2021 · Vĩnh Thạnh"
        );
        assert_eq!(
            document_title(Lang::En, &plan),
            "2021 administrative-reform targets · Vĩnh Thạnh"
        );
    }

    #[test]
    fn a_plan_without_a_place_or_naming_it_is_titled_with_its_name() {
        let mut plan = (*builtin::plan()).clone();
        plan.name.vi = "Chỉ tiêu năm 2026 — Tỉnh An Hòa".to_string();
        plan.place.vi = String::new();
        assert_eq!(
            document_title(Lang::Vi, &plan),
            "Chỉ tiêu năm 2026 — Tỉnh An Hòa"
        );
        plan.place.vi = "An Hòa".to_string();
        assert_eq!(
            document_title(Lang::Vi, &plan),
            "Chỉ tiêu năm 2026 — Tỉnh An Hòa"
        );
    }
}
