//! The app's state and the one reducer that changes it. Components send `Action`s; they
//! never change the profile themselves.

use std::rc::Rc;

use yew::Reducible;

use crate::domain::figures::{EntryMode, Field};
use crate::domain::targets::TargetId;
use crate::domain::units::Bloc;
use crate::formats::envelope::SavedData;
use crate::i18n::Lang;
use crate::store::{LoadNotice, Loaded, StorageError};

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub data: SavedData,
    pub lang: Lang,
    /// What loading found, until the user dismisses it.
    pub load_notice: Option<LoadNotice>,
    /// The last save failed; cleared by the next successful save.
    pub save_error: Option<StorageError>,
    /// False while saving would overwrite data that could not be kept aside.
    pub may_save: bool,
}

impl AppState {
    pub fn from_loaded(loaded: Loaded) -> AppState {
        AppState {
            data: loaded.data,
            lang: Lang::default(),
            load_notice: loaded.notice,
            save_error: None,
            may_save: loaded.may_save,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    SetBloc(Bloc),
    SetUnit(String),
    SetOtherName(String),
    SetText(TargetId, Field, String),
    SetMode(TargetId, EntryMode),
    SetNotApplicable(TargetId, bool),
    SetAnswer(TargetId, Option<bool>),
    SetLang(Lang),
    DismissLoadNotice,
    Saved(Result<(), StorageError>),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let profile = &mut next.data.profile;
        match action {
            Action::SetBloc(bloc) => profile.set_bloc(bloc),
            Action::SetUnit(unit_id) => profile.set_unit(&unit_id),
            Action::SetOtherName(name) => profile.other_name = name,
            Action::SetText(id, field, text) => {
                profile.update_entry(id, |e| e.set_text(field, text))
            }
            Action::SetMode(id, mode) => profile.update_entry(id, |e| e.mode = mode),
            Action::SetNotApplicable(id, value) => {
                profile.update_entry(id, |e| e.not_applicable = Some(value))
            }
            Action::SetAnswer(id, answer) => profile.update_entry(id, |e| e.answer = answer),
            Action::SetLang(lang) => next.lang = lang,
            Action::DismissLoadNotice => next.load_notice = None,
            Action::Saved(result) => next.save_error = result.err(),
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Loaded;

    fn state() -> Rc<AppState> {
        Rc::new(AppState::from_loaded(Loaded {
            data: SavedData::default(),
            notice: None,
            may_save: true,
        }))
    }

    #[test]
    fn typing_keeps_the_text_and_clearing_drops_the_entry() {
        let id = TargetId::Recruitment;
        let typed = state().reduce(Action::SetText(id, Field::Numerator, "12,5".into()));
        assert_eq!(typed.data.profile.entry(id).numerator, "12,5");
        let cleared = typed.reduce(Action::SetText(id, Field::Numerator, String::new()));
        assert!(cleared.data.profile.entries.is_empty());
    }

    #[test]
    fn an_unchanged_state_is_the_same_state() {
        let before = state();
        let after = before.clone().reduce(Action::Saved(Ok(())));
        assert!(Rc::ptr_eq(&before, &after));
    }
}
