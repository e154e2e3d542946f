//! The page: one reducer (`state`), thin components that render state and send actions,
//! and the one effect that saves.

pub mod browser;
pub mod components;
pub mod crash;
pub mod early_input;
pub mod hooks;
pub mod lazy;
pub mod links; // issue 14: link reading on demand
pub mod present; // Presentation mode (issue 13)
pub mod shared;
pub mod state;
pub mod title; // The document's title follows the plan (aftercare of issue 13)

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::evaluate::Evaluation;
use crate::domain::language::Lang;
use crate::domain::plan::Plan;
use crate::domain::standing::StandingCache; // 10 000 profiles (issue 14)
use crate::store::{self, LocalStorage, SessionStorage};
use components::app_footer::AppFooter;
use components::banners::Banners;
use components::explain::Explain;
use components::nav::Nav;
use components::profile_bar::ProfileBar;
use components::send_panel::SendPanel;
use components::summary::{NextStepItem, SummaryPanel};
use components::target_card::TargetCard;
use components::targets_chart::TargetsChart;
use components::toast::Toast;
use components::unit_picker::UnitPicker;
// On-demand views (issue 14): wrappers with the views' own props that download a view's
// module the first time it is opened (src/app/lazy.rs).
use lazy::{DataView, DistrictView, LinkPreview, PlansView, PrintView, RankingView, SettingsView};
use shared::{Latest, Shared};
use state::{Action, AppState, TextInput, View};

fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// The saved data and its id, or (when rendering the first screen at build time,
/// where there is no browser) a fresh start.
fn load_saved() -> (store::Loaded, Option<String>) {
    if cfg!(target_arch = "wasm32") {
        store::load_tab(&LocalStorage, &SessionStorage, now_ms())
    } else {
        let none = store::MemoryStorage::default();
        store::load_tab(&none, &none, 0)
    }
}

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// Rendering the first screen at build time: it says that the results are on their way.
    #[prop_or_default]
    pub prerendering: bool,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer_eq(|| {
        let (loaded, id) = load_saved();
        AppState::from_loaded(loaded).at_version(id)
    });
    let on_action = {
        let dispatcher = state.dispatcher();
        use_callback((), move |action: Action, _| dispatcher.dispatch(action))
    };

    hooks::use_first_screen(on_action.clone());
    hooks::use_other_tabs(on_action.clone());
    hooks::use_share_links(on_action.clone());
    let updated = hooks::use_update_notice();
    hooks::use_autosave(&state);
    // Issue 14: the on-demand views' modules, loaded in idle time after the first result.
    lazy::use_prefetch();
    // Which profile this tab shows is its own: kept in its session storage for a reload.
    use_effect_with(state.data.active.clone(), |active| {
        if cfg!(target_arch = "wasm32") {
            store::remember_active(&SessionStorage, active);
        }
    });
    // Issue 14: English comes in a module of its own; the page is drawn in Vietnamese until
    // it is here (`Lang::shown`), then again.
    lazy::use_english(state.language());
    lazy::use_examples(state.example_wanted.clone(), on_action.clone());
    use_effect_with(state.language().shown(), |lang| {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", lang.code());
        }
    });

    let lang = state.language().shown();
    let t = lang.texts();
    let workspace = state.workspace();
    let plan_rc = workspace.active_plan();
    let plan = Shared::new(plan_rc.clone());
    title::use_document_title(lang, &plan_rc); // aftercare of issue 13
    let plans = {
        let state = state.clone();
        // Plans come and go with the list (imports, the editor, another tab), never with a
        // keystroke: the unit picker is not drawn again for each figure typed.
        use_memo(state.list_revision, move |_| {
            Shared::new(Rc::new(state.workspace().all_plans()))
        })
    };
    let plans: Shared<Vec<Rc<Plan>>> = (*plans).clone();
    let model = &workspace.model_of(&plan_rc);
    let profile = workspace.active_profile();
    let evaluations = profile.evaluate_all(&plan_rc, model);
    let evaluations_only: Vec<Evaluation> = evaluations.iter().map(|(_, e)| e.clone()).collect();
    let summary =
        crate::domain::score::summarize(evaluations.iter().map(|(t, e)| (t.id, e)), model);
    // Derived from the whole workspace: computed once per change of it, not per render, and
    // with the scores of the profiles that did not change taken from the cache.
    // 10 000 profiles (issue 14): the whole bloc table only for the views that list it;
    // the others show the standing, which a keystroke updates without the table.
    let table_shown = matches!(state.view, View::Ranking | View::Data);
    // The standing's caches (the model in use, the default one) also make the tables: one
    // score per profile for both, so opening the view after typing on the calculator
    // scores the edited profile only, and the standing of the same state needs no second
    // table (issue 14: 10 000 profiles).
    let standings = use_mut_ref(|| [StandingCache::default(), StandingCache::default()]);
    let table = {
        let state = state.clone();
        let standings = standings.clone();
        use_memo((state.revision, table_shown), move |(_, shown)| {
            shown.then(|| {
                let workspace = state.workspace();
                let model = workspace.model_of(&workspace.active_plan());
                let own = &mut standings.borrow_mut()[0];
                Shared::new(Rc::new(workspace.bloc_table_kept(&model, own)))
            })
        })
    };
    let table: Option<Shared<_>> = (*table).clone();
    // Model against default (issue 13): the same table under the default model while a
    // custom one is in use.
    let default_table = {
        let state = state.clone();
        let standings = standings.clone();
        use_memo((state.revision, table_shown), move |(_, shown)| {
            if !shown {
                return None;
            }
            let workspace = state.workspace();
            let plan = workspace.active_plan();
            let default = crate::domain::score::ScoringModel::for_plan(&plan);
            (workspace.model_of(&plan) != default).then(|| {
                let other = &mut standings.borrow_mut()[1];
                Shared::new(Rc::new(workspace.bloc_table_kept(&default, other)))
            })
        })
    };
    let default_table: Option<Shared<_>> = (*default_table).clone();
    let (standing, default_standing) = {
        let state = state.clone();
        *use_memo(state.revision, move |_| {
            let workspace = state.workspace();
            let plan = workspace.active_plan();
            let model = workspace.model_of(&plan);
            let default = crate::domain::score::ScoringModel::for_plan(&plan);
            let [own, other] = &mut *standings.borrow_mut();
            let standing = workspace.standing_under(&model, own);
            // Only while a custom model is in use (as `default_model_table`).
            let default_standing =
                (model != default).then(|| workspace.standing_under(&default, other));
            (standing, default_standing)
        })
    };
    let default_figures = default_standing.map(|standing| {
        let default = crate::domain::score::ScoringModel::for_plan(&plan_rc);
        components::model_compare::DefaultFigures {
            score: profile.summary(&plan_rc, &default).score,
            rank: standing.map(|s| s.rank),
            bloc_size: standing.map_or(0, |s| s.bloc_size),
        }
    });
    let (present, toggle_present) = present::use_present(); // issue 13
    let shared_workspace = Shared::new(state.shared_workspace().clone());
    let active_profile = workspace.active().profile.clone();
    // Keystroke budget (issues 12 and 13): the send panel reads the profile when a button is
    // pressed; a keystroke writes it here without drawing the panel again.
    let latest_profile = Latest::new(use_mut_ref(|| active_profile.clone()));
    latest_profile.set(active_profile.clone());
    let profile_options = {
        let state = state.clone();
        use_memo((state.list_revision, lang), move |(_, lang)| {
            Rc::new(components::profile_bar::profile_options(
                state.workspace(),
                *lang,
            ))
        })
    };
    let save_state = if !state.may_save || state.save_error.is_some() {
        "memory"
    } else {
        "saved"
    };
    // What the switch offers follows what is shown (while English loads, English again).
    let other_lang = match lang {
        Lang::Vi => Lang::En,
        Lang::En => Lang::Vi,
    };
    let subtitle = match lang.pick(&plan_rc.issuer) {
        "" => t.app_tagline.to_string(),
        issuer => format!("{issuer} · {}", t.app_tagline),
    };
    let toggle_lang = on_action.reform(move |_: MouseEvent| Action::SetLang(other_lang));

    // The officer's journey (issue 13).
    // A first visit (one empty profile when the tab opened) starts with the unit: the
    // profile bar waits below the page for this tab's life, so that nothing jumps once a
    // unit is chosen.
    let first_visit = {
        let state = state.clone();
        *use_memo((), move |_| {
            let workspace = state.workspace();
            workspace.profiles.len() == 1 && workspace.active_profile().is_untouched()
        })
    };
    let card = |index: usize, target: &crate::domain::plan::Target, evaluation: &Evaluation| {
        html! {
            <TargetCard
                key={target.id.key().to_string()}
                lang={lang}
                plan={plan.clone()}
                index={index}
                bloc={profile.bloc}
                entry={profile.entry(target.id).clone()}
                evaluation={evaluation.clone()}
                applies_by_default={model.applies_by_default(target, profile.bloc, &profile.unit_id)}
                refused={state.refused.clone().filter(|r| matches!(r.input, TextInput::Figure(id, _) if id == target.id))}
                on_action={on_action.clone()}
            />
        }
    };
    // The targets offered to the unit's bloc: those that apply to the unit by default first,
    // the others folded after them (by the default, not by the switch: a card never moves
    // while its switch is used).
    let (applying, not_applying): (Vec<_>, Vec<_>) = evaluations
        .iter()
        .enumerate()
        .filter(|(_, (target, _))| target.is_offered(profile.bloc))
        .partition(|(_, (target, _))| {
            model.applies_by_default(target, profile.bloc, &profile.unit_id)
        });
    let next = (state.view == View::Calculator).then(|| {
        crate::domain::improve::next_steps(
            &plan_rc,
            &evaluations,
            model,
            profile.unit_name(&plan_rc).is_some(),
        )
    });
    let next_steps: Vec<NextStepItem> = next
        .as_ref()
        .map(|next| {
            next.steps
                .iter()
                .map(|step| NextStepItem {
                    key: step.target.id.key().to_string().into(),
                    name: lang.pick(&step.target.label).to_string().into(),
                    points: step.points,
                })
                .collect()
        })
        .unwrap_or_default();
    let send = next.is_some_and(|next| next.send);
    // End of the officer's journey (issue 13).

    let view = match state.view {
        View::Calculator => html! {
            <>
                <UnitPicker
                    lang={lang}
                    plans={plans.clone()}
                    plan={plan.clone()}
                    bloc={profile.bloc}
                    unit_id={profile.unit_id.clone()}
                    other_name={profile.other_name.clone()}
                    refused={state.refused.clone().filter(|r| r.input == TextInput::UnitName)}
                    on_action={on_action.clone()}
                />
                <section class="targets" aria-labelledby="targets-heading">
                    <h2 id="targets-heading">{ t.targets_heading(plan_rc.year) }</h2>
                    // Only the targets the plan offers to the unit's bloc.
                    { for applying.iter().map(|(index, (target, evaluation))| card(*index, target, evaluation)) }
                    if !not_applying.is_empty() {
                        <details class="na-fold" data-na-fold={not_applying.len().to_string()}>
                            <summary>{ t.na_fold(not_applying.len()) }</summary>
                            { for not_applying.iter().map(|(index, (target, evaluation))| card(*index, target, evaluation)) }
                        </details>
                    }
                </section>
                <TargetsChart lang={lang} plan={plan.clone()} bloc={profile.bloc} evaluations={evaluations_only.clone()} />
                <SendPanel lang={lang} plan={plan.clone()} profile={latest_profile} model={model.clone()} on_action={on_action.clone()} />
                <Explain lang={lang} plan={plan.clone()} evaluations={evaluations_only.clone()} model={model.clone()} summary={summary} />
            </>
        },
        View::Ranking => match table.clone() {
            Some(table) => html! {
                <RankingView lang={lang} plan={plan.clone()} table={table} default_table={default_table.clone()} profile={active_profile} model={model.clone()} refused={state.refused.clone().filter(|r| matches!(r.input, TextInput::PeerScore(_)))} on_action={on_action.clone()} />
            },
            None => Html::default(),
        },
        View::District => {
            html! { <DistrictView lang={lang} plan={plan.clone()} workspace={shared_workspace} on_action={on_action.clone()} /> }
        }
        View::Settings => html! {
            <SettingsView lang={lang} plan={plan.clone()} model={model.clone()} demo={state.demo.is_some()} on_action={on_action.clone()} />
        },
        View::Plans => html! {
            <PlansView lang={lang} workspace={shared_workspace.clone()} plan={plan.clone()} import={state.import.clone()} on_action={on_action.clone()} />
        },
        View::Data => match table.clone() {
            Some(table) => html! {
                <DataView
                    lang={lang}
                    workspace={shared_workspace}
                    table={table}
                    import={state.import.clone()}
                    on_action={on_action.clone()}
                />
            },
            None => Html::default(),
        },
        View::Print => html! {
            <PrintView
                lang={lang}
                plan={plan.clone()}
                profile={profile.clone()}
                evaluations={evaluations_only.clone()}
                summary={summary}
                model={model.clone()}
                standing={standing}
                on_action={on_action.clone()}
            />
        },
    };
    let link_preview = state.incoming.clone().map(|incoming| {
        let link_plan = incoming
            .as_ref()
            .ok()
            .and_then(|shared| workspace.plan(&shared.profile.plan));
        let replace_name = match (&incoming, &link_plan) {
            (Ok(shared), Some(_)) => {
                let record = workspace.replaced_by_link(&shared.profile);
                workspace
                    .plan(&record.profile.plan)
                    .and_then(|p| record.profile.display_name(&p).map(str::to_string))
                    .unwrap_or_else(|| t.profile_unnamed.to_string())
            }
            _ => String::new(),
        };
        let link_model = link_plan.as_ref().map(|p| workspace.model_of(p)).unwrap_or_default();
        html! { <LinkPreview lang={lang} incoming={incoming} plan={link_plan.map(Shared::new)} model={link_model} replace_name={replace_name} on_action={on_action.clone()} /> }
    });

    let profile_bar = html! {
        <ProfileBar
            lang={lang}
            options={(*profile_options).clone()}
            active={workspace.active.clone()}
            label={profile.label.clone()}
            refused={state.refused.clone().filter(|r| r.input == TextInput::ProfileName)}
            undo={state.undo.iter().map(|d| workspace.plan(&d.record.profile.plan).and_then(|p| d.record.profile.display_name(&p).map(str::to_string)).unwrap_or_else(|| t.profile_unnamed.to_string())).collect::<Vec<_>>()}
            on_action={on_action.clone()}
        />
    };
    html! {
        <div class="app" data-app="" data-save-state={save_state} data-demo={state.demo.is_some().then_some("true")} data-present={present.then_some("true")}>
            <header class="app-header">
                <div class="app-titles">
                    <h1>{ lang.pick(&plan_rc.name).to_string() }</h1>
                    <p class="subtitle">{ subtitle }</p>
                </div>
                <button type="button" class="lang-switch" data-action="language" lang={other_lang.code()} onclick={toggle_lang}>
                    { t.language_switch }
                </button>
                // Presentation mode (issue 13)
                <button type="button" class="lang-switch present-switch" data-action="present" onclick={toggle_present}>
                    { if present { t.present_stop } else { t.present_start } }
                </button>
            </header>
            <Banners
                lang={lang}
                plan={plan.clone()}
                load_notice={state.load_notice.clone()}
                save_error={state.save_error}
                demo={state.demo.is_some()}
                synced={state.synced}
                edit_conflict={state.edit_conflict.clone()}
                updated={updated}
                example_unavailable={state.example_unavailable}
                on_action={on_action.clone()}
            />
            <main class="layout">
                { for link_preview }
                if !first_visit {
                    { profile_bar.clone() }
                }
                <Nav lang={lang} district_plan={plan_rc.id == crate::domain::builtin::PLAN_ID} view={state.view} on_action={on_action.clone()} />
                if props.prerendering {
                    <p class="first-screen-loading" role="status">{ t.first_screen_loading }</p>
                }
                // The plans view is about plans, not the unit: no unit summary over the editor.
                if state.view != View::Plans {
                    <SummaryPanel
                        lang={lang}
                        summary={summary}
                        unit_name={profile.display_name(&plan_rc).map(str::to_string)}
                        standing={standing}
                        bloc_name={crate::i18n::bloc_name(lang, &plan_rc, profile.bloc).to_string()}
                        custom_model={!model.is_default(&plan_rc)}
                        default_figures={default_figures}
                        demo={state.demo.is_some()}
                        next_steps={next_steps}
                        send={send}
                    />
                }
                { view }
                if first_visit {
                    { profile_bar }
                }
                <AppFooter lang={lang} plan={plan.clone()} bands={model.bands} award_places={model.award_places.clone()} />
            </main>
            <Toast lang={lang} />
        </div>
    }
}
