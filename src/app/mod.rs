//! The page: one reducer (`state`), thin components that render state and send actions,
//! and the one effect that saves.

pub mod components;
pub mod state;

use yew::prelude::*;

use crate::domain::score::ScoringModel;
use crate::store::{self, LocalStorage};
use components::banners::Banners;
use components::summary::SummaryPanel;
use components::target_card::TargetCard;
use components::unit_picker::UnitPicker;
use state::{Action, AppState};

fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

#[component]
pub fn App() -> Html {
    let state = use_reducer_eq(|| AppState::from_loaded(store::load(&LocalStorage, now_ms())));
    let on_action = {
        let dispatcher = state.dispatcher();
        use_callback((), move |action: Action, _| dispatcher.dispatch(action))
    };

    {
        // Autosave on every change of the data, unless that would overwrite data that
        // could not be kept aside.
        let dispatcher = state.dispatcher();
        let may_save = state.may_save;
        use_effect_with(state.data.clone(), move |data| {
            if may_save {
                dispatcher.dispatch(Action::Saved(store::save(&LocalStorage, data)));
            }
        });
    }
    use_effect_with(state.lang, |lang| {
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.set_attribute("lang", lang.code());
        }
    });

    let lang = state.lang;
    let t = lang.texts();
    let profile = &state.data.profile;
    let model = ScoringModel::default();
    let evaluations = profile.evaluate_all();
    let summary =
        crate::domain::score::summarize(evaluations.iter().map(|(t, e)| (t.id, e)), &model);
    let save_state = if !state.may_save || state.save_error.is_some() {
        "memory"
    } else {
        "saved"
    };
    let toggle_lang = {
        let on_action = on_action.clone();
        let other = match lang {
            crate::i18n::Lang::Vi => crate::i18n::Lang::En,
            crate::i18n::Lang::En => crate::i18n::Lang::Vi,
        };
        Callback::from(move |_| on_action.emit(Action::SetLang(other)))
    };

    html! {
        <div class="app" data-app="" data-save-state={save_state}>
            <header class="app-header">
                <div class="app-titles">
                    <h1>{ t.app_title }</h1>
                    <p class="subtitle">{ t.app_subtitle }</p>
                </div>
                <button type="button" class="lang-switch" data-action="language" onclick={toggle_lang}>
                    { t.language_switch }
                </button>
            </header>
            <Banners
                lang={lang}
                load_notice={state.load_notice.clone()}
                save_error={state.save_error}
                on_action={on_action.clone()}
            />
            <main class="layout">
                <UnitPicker
                    lang={lang}
                    bloc={profile.bloc}
                    unit_id={profile.unit_id.clone()}
                    other_name={profile.other_name.clone()}
                    on_action={on_action.clone()}
                />
                <SummaryPanel
                    lang={lang}
                    summary={summary}
                    unit_name={profile.unit_name().map(str::to_string)}
                />
                <section class="targets" aria-labelledby="targets-heading">
                    <h2 id="targets-heading">{ t.targets_heading }</h2>
                    { for evaluations.into_iter().map(|(target, evaluation)| html! {
                        <TargetCard
                            key={target.key}
                            lang={lang}
                            target={target}
                            entry={profile.entry(target.id).clone()}
                            evaluation={evaluation}
                            applies_by_default={target.applies_by_default(profile.bloc, &profile.unit_id)}
                            on_action={on_action.clone()}
                        />
                    }) }
                </section>
                <footer class="app-footer">
                    <h2>{ t.model_heading }</h2>
                    <p>{ t.model_text }</p>
                    <p>{ t.awards_text }</p>
                    <p class="privacy">{ t.privacy_note }</p>
                </footer>
            </main>
        </div>
    }
}
