//! What became of the plans that came in (files or a link): added, already here, refused
//! (named with the file and the field), or waiting for a yes before replacing another
//! version of a plan.

use yew::prelude::*;

use crate::app::state::{Action, Choice, ImportReview};
use crate::i18n::{plan_link_error, Lang};

#[derive(Properties, PartialEq)]
pub struct PlanReviewProps {
    pub lang: Lang,
    pub review: ImportReview,
    pub on_action: Callback<Action>,
}

#[component]
pub fn PlanReview(props: &PlanReviewProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let review = &props.review;
    let nothing = review.plans_added.is_empty()
        && review.plans_replaced.is_empty()
        && review.plans_already_there.is_empty()
        && review.plan_conflicts.is_empty()
        && review.plan_errors.is_empty()
        && review.mismatched.is_empty();
    if nothing {
        return Html::default();
    }
    html! {
        <div class="import-review plan-review" data-plan-review="" role="status">
            if !review.plans_added.is_empty() {
                <p data-plans-added={review.plans_added.len().to_string()}>
                    { t.plans_added(&review.plans_added.join(", ")) }
                </p>
            }
            if !review.plans_replaced.is_empty() {
                <p data-plans-replaced={review.plans_replaced.len().to_string()}>
                    { t.plans_replaced(&review.plans_replaced.join(", ")) }
                </p>
            }
            if !review.plans_already_there.is_empty() {
                <p data-plans-already-there={review.plans_already_there.len().to_string()}>
                    { t.plans_already_there(&review.plans_already_there.join(", ")) }
                </p>
            }
            if !review.mismatched.is_empty() {
                <p class="warning" data-plan-mismatch={review.mismatched.len().to_string()}>
                    { t.plan_mismatch_files(&review.mismatched.join(", ")) }
                </p>
            }
            { for review.plan_conflicts.iter().enumerate().map(|(index, conflict)| {
                let choose = |choice: Choice| props.on_action.reform(move |_: MouseEvent| Action::ResolvePlanConflict(index, choice));
                let name = lang.pick(&conflict.plan.name).to_string();
                html! {
                    <div class="conflict" data-plan-conflict={conflict.plan.id.clone()}>
                        if conflict.replaceable {
                            <p><strong>{ t.plan_conflict(&name, &conflict.plan.id) }</strong></p>
                            <div class="actions">
                                <button type="button" class="secondary danger" data-action="add-plan" onclick={choose(Choice::Replace)}>{ t.plan_replace }</button>
                                <button type="button" class="secondary" data-action="skip-plan" onclick={choose(Choice::Skip)}>{ t.import_skip }</button>
                            </div>
                        } else {
                            <p><strong>{ t.plan_builtin_id(&conflict.plan.id) }</strong></p>
                            <div class="actions">
                                <button type="button" class="secondary" data-action="skip-plan" onclick={choose(Choice::Skip)}>{ t.dismiss }</button>
                            </div>
                        }
                    </div>
                }
            }) }
            if !review.plan_errors.is_empty() {
                <div role="alert">
                    <ul class="errors">
                        { for review.plan_errors.iter().map(|error| html! {
                            <li data-plan-error="">{ plan_link_error(lang, error) }</li>
                        }) }
                    </ul>
                </div>
            }
        </div>
    }
}
