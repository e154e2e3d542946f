//! The app's state and the one reducer that changes it. Components send `Action`s; they
//! never change the data themselves.

use std::rc::Rc;

use yew::Reducible;

use crate::domain::demo::demo_profiles;
use crate::domain::figures::{EntryMode, Field};
use crate::domain::language::Language;
use crate::domain::profile::Profile;
use crate::domain::score::{ApplicabilityOverride, RatingBands, ScoringMode, ScoringModel};
use crate::domain::targets::TargetId;
use crate::domain::units::Bloc;
use crate::domain::workspace::{Deleted, Workspace};
use crate::store::{LoadNotice, Loaded, StorageError};

/// The part of the app on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Calculator,
    Ranking,
    District,
    Settings,
}

impl View {
    pub const ALL: [View; 4] = [
        View::Calculator,
        View::Ranking,
        View::District,
        View::Settings,
    ];

    /// The `data-view` value of its navigation button.
    pub fn key(self) -> &'static str {
        match self {
            View::Calculator => "calculator",
            View::Ranking => "ranking",
            View::District => "district",
            View::Settings => "settings",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// The real data, saved on every change.
    pub data: Workspace,
    /// The demonstration sandbox while it is open; never saved, never touches `data`.
    pub demo: Option<Workspace>,
    pub view: View,
    /// What loading found, until the user dismisses it.
    pub load_notice: Option<LoadNotice>,
    /// The last save failed; cleared by the next successful save.
    pub save_error: Option<StorageError>,
    /// False while saving would overwrite data that could not be kept aside.
    pub may_save: bool,
    /// The last deleted profile and its place, for undo.
    pub undo: Option<Deleted>,
    /// Another tab changed the data and this tab took its version.
    pub synced: bool,
}

impl AppState {
    pub fn from_loaded(loaded: Loaded) -> AppState {
        AppState {
            data: loaded.data,
            demo: None,
            view: View::default(),
            load_notice: loaded.notice,
            save_error: None,
            may_save: loaded.may_save,
            undo: None,
            synced: false,
        }
    }

    /// The workspace on screen: the sandbox while it is open, else the real data.
    pub fn workspace(&self) -> &Workspace {
        self.demo.as_ref().unwrap_or(&self.data)
    }

    fn workspace_mut(&mut self) -> &mut Workspace {
        self.demo.as_mut().unwrap_or(&mut self.data)
    }

    pub fn language(&self) -> Language {
        self.data.language
    }
}

fn demo_workspace() -> Workspace {
    Workspace::with_profiles(demo_profiles())
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    SetBloc(Bloc),
    SetUnit(String),
    SetOtherName(String),
    SetLabel(String),
    SetText(TargetId, Field, String),
    SetMode(TargetId, EntryMode),
    SetNotApplicable(TargetId, bool),
    SetAnswer(TargetId, Option<bool>),
    NewProfile,
    DuplicateProfile,
    DeleteProfile(String),
    UndoDelete,
    DismissUndo,
    SwitchProfile(String),
    SetPeerScore(String, String),
    SetScoringMode(ScoringMode),
    SetWeight(TargetId, f64),
    SetApplicability(TargetId, Option<ApplicabilityOverride>),
    SetBands(RatingBands),
    SetAwardPlaces(Bloc, usize),
    ResetModel,
    StartDemo,
    ResetDemo,
    ExitDemo,
    SetView(View),
    SetLang(Language),
    DismissLoadNotice,
    Saved(Result<(), StorageError>),
    /// Another tab saved this data.
    ChangedElsewhere(Workspace),
    DismissSyncNotice,
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let workspace = next.workspace_mut();
        let profile = workspace.active_profile_mut();
        match action {
            Action::SetBloc(bloc) => profile.set_bloc(bloc),
            Action::SetUnit(unit_id) => profile.set_unit(&unit_id),
            Action::SetOtherName(name) => profile.other_name = name,
            Action::SetLabel(label) => profile.label = label,
            Action::SetText(id, field, text) => {
                profile.update_entry(id, |e| e.set_text(field, text))
            }
            Action::SetMode(id, mode) => profile.update_entry(id, |e| e.mode = mode),
            Action::SetNotApplicable(id, value) => {
                profile.update_entry(id, |e| e.not_applicable = Some(value))
            }
            Action::SetAnswer(id, answer) => profile.update_entry(id, |e| e.answer = answer),
            Action::NewProfile => {
                // A new profile starts in the bloc being worked on.
                let mut fresh = Profile::default();
                fresh.set_bloc(profile.bloc);
                workspace.add_profile(fresh);
            }
            Action::DuplicateProfile => {
                workspace.duplicate_active();
            }
            Action::DeleteProfile(id) => next.undo = workspace.delete(&id),
            Action::UndoDelete => {
                if let Some(deleted) = next.undo.take() {
                    next.workspace_mut().restore(deleted);
                }
            }
            Action::DismissUndo => next.undo = None,
            Action::SwitchProfile(id) => workspace.switch_to(&id),
            Action::SetPeerScore(unit_id, text) => {
                if text.is_empty() {
                    workspace.peer_scores.remove(&unit_id);
                } else {
                    workspace.peer_scores.insert(unit_id, text);
                }
            }
            Action::SetScoringMode(mode) => workspace.model.mode = mode,
            Action::SetWeight(id, weight) => {
                if weight == 1.0 {
                    workspace.model.weights.remove(&id);
                } else {
                    workspace.model.weights.insert(id, weight.max(0.0));
                }
            }
            Action::SetApplicability(id, Some(value)) => {
                workspace.model.applicability.insert(id, value);
            }
            Action::SetApplicability(id, None) => {
                workspace.model.applicability.remove(&id);
            }
            Action::SetBands(bands) => workspace.model.bands = bands,
            Action::SetAwardPlaces(bloc, places) => {
                let places = places.clamp(1, bloc.units().len());
                workspace.model.award_places.set(bloc, places);
            }
            Action::ResetModel => workspace.model = ScoringModel::default(),
            Action::StartDemo | Action::ResetDemo => {
                next.demo = Some(demo_workspace());
                next.undo = None;
            }
            Action::ExitDemo => {
                next.demo = None;
                next.undo = None;
            }
            Action::SetView(view) => next.view = view,
            Action::SetLang(language) => next.data.language = language,
            Action::DismissLoadNotice => next.load_notice = None,
            Action::Saved(result) => next.save_error = result.err(),
            Action::ChangedElsewhere(data) => {
                if data != next.data {
                    next.data = data;
                    next.synced = true;
                }
            }
            Action::DismissSyncNotice => next.synced = false,
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
            data: Workspace::default(),
            notice: None,
            may_save: true,
        }))
    }

    #[test]
    fn typing_keeps_the_text_and_clearing_drops_the_entry() {
        let id = TargetId::Recruitment;
        let typed = state().reduce(Action::SetText(id, Field::Numerator, "12,5".into()));
        assert_eq!(typed.data.active_profile().entry(id).numerator, "12,5");
        let cleared = typed.reduce(Action::SetText(id, Field::Numerator, String::new()));
        assert!(cleared.data.active_profile().entries.is_empty());
    }

    #[test]
    fn an_unchanged_state_is_the_same_state() {
        let before = state();
        let after = before.clone().reduce(Action::Saved(Ok(())));
        assert!(Rc::ptr_eq(&before, &after));
    }

    #[test]
    fn the_demo_never_touches_the_real_data() {
        let real = state().reduce(Action::SetUnit("31211".into()));
        let demo = real.clone().reduce(Action::StartDemo);
        let edited = demo
            .reduce(Action::SetText(
                TargetId::Recruitment,
                Field::Numerator,
                "1".into(),
            ))
            .reduce(Action::SetScoringMode(ScoringMode::AllOrNothing))
            .reduce(Action::DeleteProfile("p1".into()));
        assert_eq!(edited.data, real.data);
        assert_eq!(edited.workspace().profiles.len(), 10);
        let reset = edited.reduce(Action::ResetDemo);
        assert_eq!(reset.workspace().profiles.len(), 11);
        let left = reset.reduce(Action::ExitDemo);
        assert_eq!(left.workspace(), &real.data);
    }

    #[test]
    fn delete_can_be_undone() {
        let two = state()
            .reduce(Action::SetUnit("31211".into()))
            .reduce(Action::NewProfile);
        let deleted = two.clone().reduce(Action::DeleteProfile("p1".into()));
        assert_eq!(deleted.data.profiles.len(), 1);
        let undone = deleted.reduce(Action::UndoDelete);
        assert_eq!(undone.data.profiles, two.data.profiles);
        assert_eq!(undone.undo, None);
    }
}
