//! A profile opened from a share link: a preview and the user's choice; never a silent
//! replacement. A link that cannot be read says why.

use yew::prelude::*;

use crate::app::shared::Shared;
use crate::app::state::{Action, Choice};
use crate::domain::number::format_real;
use crate::domain::plan::Plan;
use crate::domain::score::ScoringModel;
use crate::formats::share_link::LinkError;
use crate::formats::share_link::SharedProfile;
use crate::i18n::{bloc_name, figures_text, link_error_message, status_name, Lang};

#[derive(Properties, PartialEq, Clone)]
pub struct LinkPreviewProps {
    pub lang: Lang,
    pub incoming: Result<SharedProfile, LinkError>,
    /// The plan of the incoming profile (read links always have one here).
    pub plan: Option<Shared<Plan>>,
    pub model: ScoringModel,
    /// The name of the profile that "replace" would overwrite.
    pub replace_name: String,
    pub on_action: Callback<Action>,
}

#[component]
pub fn LinkPreview(props: &LinkPreviewProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let choose = |choice: Choice| {
        props
            .on_action
            .reform(move |_: MouseEvent| Action::ResolveLink(choice))
    };
    let profile = match &props.incoming {
        Err(error) => {
            return html! {
                <div class="banner warning" role="alert" data-banner="share-link-error">
                    <span class="banner-icon" aria-hidden="true">{ "⚠" }</span>
                    <p>{ link_error_message(lang, error) }</p>
                    <button type="button" class="dismiss" onclick={choose(Choice::Skip)}>{ t.dismiss }</button>
                </div>
            };
        }
        Ok(shared) => &shared.profile,
    };
    let Some(plan) = props.plan.as_deref() else {
        return Html::default();
    };
    let mismatch = match &props.incoming {
        Ok(SharedProfile {
            fingerprint: Some(theirs),
            ..
        }) => *theirs != plan.fingerprint(),
        _ => false,
    };
    let summary = profile.summary(plan, &props.model);
    let evaluations = profile.evaluate_all(plan, &props.model);
    html! {
        <section class="link-preview" data-link-preview="" aria-labelledby="link-preview-heading">
            <h2 id="link-preview-heading">{ t.link_preview_heading }</h2>
            <p>{ t.link_preview_intro }</p>
            if mismatch {
                <p class="warning" data-plan-mismatch="">{ t.plan_mismatch }</p>
            }
            <p class="preview-unit">
                <strong>{ profile.display_name(plan).unwrap_or(t.profile_unnamed).to_string() }</strong>
                { " · " }{ bloc_name(lang, plan, profile.bloc).to_string() }
                { " · " }{ t.score_label }{ ": " }{ format_real(summary.score, 2, lang.numbers()) }
                { " · " }{ t.met_of(summary.met, summary.applicable) }
            </p>
            <div class="table-wrap" tabindex="0" role="region" aria-label={t.link_preview_heading}>
                <table>
                    <tbody>
                        { for evaluations.iter().map(|(target, evaluation)| html! {
                            <tr>
                                <th scope="row">{ lang.pick(&target.label) }</th>
                                <td>{ figures_text(lang, target, profile.entry(target.id), evaluation) }</td>
                                <td>{ status_name(lang, evaluation.status) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <div class="actions">
                <button type="button" class="primary" data-action="open-as-new" onclick={choose(Choice::AddAsNew)}>{ t.link_open_new }</button>
                <button type="button" class="secondary danger" data-action="replace" onclick={choose(Choice::Replace)}>
                    { t.link_replace(&props.replace_name) }
                </button>
                <button type="button" class="secondary" data-action="link-ignore" onclick={choose(Choice::Skip)}>{ t.link_ignore }</button>
            </div>
        </section>
    }
}
