//! What the user did on the pre-rendered first screen before the app had loaded.
//!
//! `index.html` carries the calculator's first screen, rendered at build time
//! (`src/bin/prerender.rs`), so that a slow connection shows the unit picker and the inputs
//! long before the wasm arrives. When the app starts it reads what was changed there
//! (`browser::take_prerendered`), removes that screen and replays the changes as the same
//! actions the live inputs send, then puts the caret back where it was. Plain data here;
//! the DOM reading lives in `browser`.

use crate::domain::builtin;
use crate::domain::figures::{EntryMode, Field};
use crate::domain::keyed::keyed_enum;
use crate::domain::plan::BlocId;
use crate::i18n::Lang;

use super::state::{Action, Edit, View};

keyed_enum! {
    /// The `data-field` of a profile's controls that are not a card's figures (those are
    /// [`Field`]s): the live components and the pre-rendered first screen (the same
    /// components) write them, and `actions` reads them back.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum Control {
        /// The plan on screen (by plan id).
        Plan = "plan",
        Bloc = "bloc",
        Unit = "unit",
        /// The typed name of a unit that is not in the lists.
        UnitName = "unit-name",
        Profile = "profile",
        ProfileName = "profile-name",
        /// A card's entry mode ([`EntryMode`]).
        EntryMode = "entry",
        /// A card's "không phát sinh / không áp dụng" switch.
        NotApplicable = "na",
        /// A yes/no card's answer.
        Answer = "yes",
    }
}

/// One control whose value differs from what the page was built with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangedControl {
    /// The `data-target` of the card the control is in, if any.
    pub target: Option<String>,
    /// The control's `data-field`.
    pub field: String,
    /// Its value: the text typed, the option chosen, or "true"/"false" for a checkbox.
    pub value: String,
}

/// Where the keyboard was, so that typing can go on in the live page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caret {
    pub target: Option<String>,
    pub field: String,
    /// Selection start and end in a text input.
    pub selection: Option<(u32, u32)>,
}

/// Everything taken from the pre-rendered screen.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EarlyInput {
    pub changes: Vec<ChangedControl>,
    pub caret: Option<Caret>,
    /// The `data-view` of the last tab tapped (the loader remembers taps, see
    /// `scripts/post-build.mjs`).
    pub view: Option<String>,
    /// The language chosen with the language button (`lang` of the button tapped).
    pub language: Option<String>,
}

impl EarlyInput {
    /// The actions that replay the changes: the bloc and unit first (their lists depend on
    /// each other), then the cards in page order. Controls the app does not know are skipped.
    pub fn actions(&self) -> Vec<Action> {
        let by_field = |control: Control| {
            self.changes
                .iter()
                .filter(move |c| c.target.is_none() && c.field == control.key())
        };
        let mut actions: Vec<Action> = by_field(Control::Bloc)
            .filter_map(|c| BlocId::new(&c.value).map(|bloc| Action::Edit(Edit::SetBloc(bloc))))
            .collect();
        actions
            .extend(by_field(Control::Unit).map(|c| Action::Edit(Edit::SetUnit(c.value.clone()))));
        actions.extend(
            by_field(Control::UnitName).map(|c| Action::Edit(Edit::SetOtherName(c.value.clone()))),
        );
        actions.extend(
            by_field(Control::ProfileName).map(|c| Action::Edit(Edit::SetLabel(c.value.clone()))),
        );
        // A changed entry mode comes before the card's figures: it decides which inputs exist.
        let on_cards = || self.changes.iter().filter(|c| c.target.is_some());
        let is_mode = |c: &&ChangedControl| c.field == Control::EntryMode.key();
        let modes = on_cards().filter(is_mode);
        for change in modes.chain(on_cards().filter(|c| !is_mode(c))) {
            // The first screen is the built-in plan's: its cards are the built-in targets.
            let Some(id) = change
                .target
                .as_deref()
                .and_then(|key| builtin::plan_ref().target_by_key(key))
                .map(|target| target.id)
            else {
                continue;
            };
            let checked = change.value == "true";
            let action = match (
                Control::from_key(&change.field),
                Field::from_key(&change.field),
            ) {
                (Some(Control::NotApplicable), _) => Edit::SetNotApplicable(id, checked),
                (Some(Control::Answer), _) => Edit::SetAnswer(id, Some(checked)),
                (Some(Control::EntryMode), _) => {
                    Edit::SetMode(id, EntryMode::from_key(&change.value).unwrap_or_default())
                }
                (None, Some(field)) => Edit::SetText(id, field, change.value.clone()),
                _ => continue,
            };
            actions.push(Action::Edit(action));
        }
        if let Some(language) = self.language.as_deref().and_then(Lang::from_code) {
            actions.push(Action::SetLang(language));
        }
        if let Some(view) = self.view.as_deref().and_then(View::from_key) {
            actions.push(Action::SetView(view));
        }
        actions
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(target: Option<&str>, field: &str, value: &str) -> ChangedControl {
        ChangedControl {
            target: target.map(str::to_string),
            field: field.to_string(),
            value: value.to_string(),
        }
    }

    #[test]
    fn unit_first_then_entry_modes_then_figures_and_unknown_controls_skipped() {
        let early = EarlyInput {
            changes: vec![
                change(Some("online_work_files"), "numerator", "13"),
                change(None, "unit", "31231"),
                change(Some("tthc_online_l34"), "entry", "percent"),
                change(Some("no_such_target"), "numerator", "1"),
                change(Some("online_work_files"), "colour", "red"),
                change(None, "bloc", "commune"),
                change(Some("recruitment"), "yes", "true"),
                change(None, "profile-name", "Xã A, lần 2"),
                change(None, "profile", "p9"),
            ],
            caret: None,
            view: Some("ranking".into()),
            language: Some("en".into()),
        };
        let actions = early.actions();
        let expected = [
            "SetBloc(BlocId(\"commune\"))",
            "SetUnit(\"31231\")",
            "SetLabel(\"Xã A, lần 2\")",
            "SetMode(TargetId(\"tthc_online_l34\"), Percent)",
            "SetText(TargetId(\"online_work_files\"), Numerator, \"13\")",
            "SetAnswer(TargetId(\"recruitment\"), Some(true))",
            "SetLang(En)",
            "SetView(Ranking)",
        ];
        let got: Vec<String> = actions
            .iter()
            .map(|action| match action {
                Action::Edit(edit) => format!("{edit:?}"),
                action => format!("{action:?}"),
            })
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn unknown_views_and_languages_are_skipped() {
        let early = EarlyInput {
            view: Some("print-everything".into()),
            language: Some("fr".into()),
            ..EarlyInput::default()
        };
        assert!(early.actions().is_empty());
    }

    /// The cards' controls are told apart by name: no control may be named like a figure.
    #[test]
    fn no_control_is_named_like_a_figure() {
        for field in Field::ALL {
            assert_eq!(Control::from_key(field.key()), None, "{field:?}");
        }
    }

    #[test]
    fn nothing_changed_means_nothing_to_replay() {
        assert!(EarlyInput::default().actions().is_empty());
    }
}
