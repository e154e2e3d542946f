//! Sending the result from the calculator (issue 13): the officer's last step, where the
//! next steps lead once every figure is in. Share (the phone's share sheet, e.g. to Zalo),
//! download the unit file, copy the share link, or print the report; each says what it did
//! (`browser::Notice`).

use std::rc::Rc;

use yew::prelude::*;

use crate::app::browser::{self, ShareContent};
use crate::app::shared::{Latest, Shared};
use crate::app::state::{Action, View};
use crate::domain::plan::Plan;
use crate::domain::profile::Profile;
use crate::domain::score::ScoringModel;
use crate::formats::share_link::{make_share_fragment, ShareRefusal};
use crate::formats::unit_file::{export_unit_file_with_model, suggested_file_name};
use crate::formats::validate::check_profile;
use crate::i18n::{profile_problem_message, share_refusal_message, Lang};

#[derive(Properties, PartialEq)]
pub struct SendPanelProps {
    pub lang: Lang,
    pub plan: Shared<Plan>,
    /// The profile on screen, read when a button is pressed: a keystroke changes it without
    /// drawing the panel again (keystroke budget, issues 12 and 13).
    pub profile: Latest<Rc<Profile>>,
    pub model: ScoringModel,
    pub on_action: Callback<Action>,
}

/// The unit file: `(name, text)`, or why it cannot be made yet.
fn unit_file(
    lang: Lang,
    plan: &Plan,
    profile: &Profile,
    model: &ScoringModel,
) -> Result<(String, String), String> {
    let t = lang.texts();
    check_profile(plan, profile)
        .map_err(|problem| t.export_blocked(&profile_problem_message(lang, &problem)))?;
    let today = browser::today_iso();
    Ok((
        suggested_file_name(plan, profile, &today),
        export_unit_file_with_model(plan, profile, &today, model),
    ))
}

/// The share link, or why there is none.
fn share_link(plan: &Plan, profile: &Profile) -> Result<String, ShareRefusal> {
    make_share_fragment(plan, profile)
        .map(|fragment| format!("{}#{}", browser::page_address(), fragment))
}

#[component]
pub fn SendPanel(props: &SendPanelProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let problem = use_state(|| None::<String>);
    // Known only in the browser, after the first render (the first screen, rendered at
    // build time, has no share button either).
    let can_share = use_state(|| false);
    {
        let can_share = can_share.clone();
        use_effect_with((), move |_| can_share.set(browser::can_share()));
    }
    // What the buttons work on, read when they are pressed (not on every keystroke).
    let current = use_mut_ref(|| None::<(Shared<Plan>, ScoringModel)>);
    *current.borrow_mut() = Some((props.plan.clone(), props.model.clone()));
    let with_current = {
        let (current, profile) = (current.clone(), props.profile.clone());
        move |f: &dyn Fn(&Plan, &Profile, &ScoringModel) -> Option<String>| {
            let current = current.borrow();
            let profile = profile.get();
            current
                .as_ref()
                .and_then(|(plan, model)| f(plan, &profile, model))
        }
    };

    let on_share = {
        let (problem, with_current) = (problem.clone(), with_current.clone());
        Callback::from(move |_: MouseEvent| {
            problem.set(with_current(&|plan, profile, model| {
                let title = profile.display_name(plan).unwrap_or_default().to_string();
                match share_link(plan, profile) {
                    Ok(url) => {
                        browser::share(ShareContent::Link {
                            title: &title,
                            url: &url,
                        });
                        None
                    }
                    Err(refusal) => match unit_file(lang, plan, profile, model) {
                        Ok((name, text)) => {
                            let shared = browser::share(ShareContent::File {
                                title: &title,
                                file_name: &name,
                                mime: "application/json",
                                text: &text,
                            });
                            (!shared).then(|| share_refusal_message(lang, &refusal))
                        }
                        Err(problem) => Some(problem),
                    },
                }
            }))
        })
    };
    let on_file = {
        let (problem, with_current) = (problem.clone(), with_current.clone());
        Callback::from(move |_: MouseEvent| {
            problem.set(with_current(&|plan, profile, model| match unit_file(
                lang, plan, profile, model,
            ) {
                Ok((name, text)) => {
                    browser::download(&name, "application/json", &text);
                    None
                }
                Err(problem) => Some(problem),
            }))
        })
    };
    let on_link = {
        let (problem, with_current) = (problem.clone(), with_current);
        Callback::from(move |_: MouseEvent| {
            problem.set(with_current(
                &|plan, profile, _| match share_link(plan, profile) {
                    Ok(url) => {
                        browser::copy_to_clipboard(&url);
                        None
                    }
                    Err(refusal) => Some(share_refusal_message(lang, &refusal)),
                },
            ))
        })
    };
    let on_print = props
        .on_action
        .reform(|_: MouseEvent| Action::SetView(View::Print));

    html! {
        <section class="send-panel" data-send="" aria-labelledby="send-heading">
            <h2 id="send-heading">{ t.send_heading }</h2>
            <p class="hint">{ t.send_hint }</p>
            <div class="actions">
                if *can_share {
                    <button type="button" class="primary" data-action="share-native" onclick={on_share}>{ t.send_share }</button>
                }
                <button type="button" class="secondary" data-action="send-file" onclick={on_file}>{ t.send_file }</button>
                <button type="button" class="secondary" data-action="send-link" onclick={on_link}>{ t.send_link }</button>
                <button type="button" class="secondary" data-action="send-print" onclick={on_print}>{ t.send_print }</button>
            </div>
            if let Some(problem) = &*problem {
                <p class="error" role="alert" data-error="send">{ problem.clone() }</p>
            }
        </section>
    }
}
