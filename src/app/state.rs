//! The app's state and the one reducer that changes it. Components send `Action`s; they
//! never change the data themselves.

use std::rc::Rc;

use yew::Reducible;

use super::links;
use crate::domain::builtin;
use crate::domain::demo::demo_profiles;
use crate::domain::figures::{EntryMode, Field};
use crate::domain::keyed::keyed_enum;
use crate::domain::language::Lang;
use crate::domain::limits::{check_length, TextKind};
use crate::domain::merge::{apply_renames, merge, same_data, EntryPart, ProfileField};
use crate::domain::plan::{BlocId, Plan, TargetId};
use crate::domain::profile::Profile;
use crate::domain::score::{ApplicabilityOverride, RatingBands, ScoringMode, ScoringModel, Weight};
use crate::domain::workspace::{Deleted, Workspace};
use crate::formats::envelope::Stamp;
use crate::formats::examples::{self, example_plan};
use crate::formats::plan_file::PlanFileError;
use crate::formats::plan_link::PlanLinkError;
use crate::formats::share_link::{LinkError, SharedProfile};
use crate::formats::unit_file::ImportError;
use crate::store::{Known, LoadNotice, Loaded, Snapshot, StorageError, Stored, Version, Writer};

keyed_enum! {
    /// The part of the app on screen; its key is the `data-view` of its navigation button.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
    pub enum View {
        #[default]
        Calculator = "calculator",
        Ranking = "ranking",
        District = "district",
        Settings = "settings",
        /// Export, import, share and print.
        Data = "data",
        /// The printable report (opened from `Data`).
        Print = "print",
        /// The plans in this browser, and the plan editor.
        Plans = "plans",
    }
}

impl View {
    /// The views in the navigation.
    pub const NAV: [View; 6] = [
        View::Calculator,
        View::Ranking,
        View::District,
        View::Data,
        View::Settings,
        View::Plans,
    ];
}

/// The workspaces sit behind `Rc`, so that an action that does not edit one (switching views,
/// a banner) copies nothing, and equality is a pointer comparison (see `PartialEq` below).
#[derive(Debug, Clone)]
pub struct AppState {
    /// The real data, saved on every change.
    pub data: Rc<Workspace>,
    /// The demonstration sandbox while it is open; never saved, never touches `data`.
    pub demo: Option<Rc<Workspace>>,
    pub view: View,
    /// What loading found, until the user dismisses it.
    pub load_notice: Option<LoadNotice>,
    /// The last save failed; cleared by the next successful save.
    pub save_error: Option<StorageError>,
    /// False while saving would overwrite data that could not be kept aside.
    pub may_save: bool,
    /// Every profile deleted since the undo offer appeared, oldest first, with its place:
    /// undo puts them all back (a double click must not leave one deleted for good).
    pub undo: Vec<Deleted>,
    /// Another tab changed the data and this tab took its version.
    pub synced: bool,
    /// What the last import did, and the files waiting for a decision.
    pub import: Option<ImportReview>,
    /// A profile opened from a share link, waiting for the user's choice, or why the link
    /// could not be read.
    pub incoming: Option<Result<SharedProfile, LinkError>>,
    /// A share link whose plan this browser does not have yet: opened again when a plan
    /// is added.
    pub waiting_link: Option<String>,
    /// An example plan chosen before the examples' module was here (issue 14): chosen again
    /// once it is (`app::lazy::use_examples`).
    pub example_wanted: Option<String>,
    /// The examples' module could not be loaded (offline before it was ever here).
    pub example_unavailable: bool,
    /// Goes up whenever the workspace on screen changes, so that what is derived from it
    /// (the bloc table, the profile list) is computed once per change, not once per render.
    pub revision: u64,
    /// Goes up with `revision`, except for the edits that cannot change the list of profiles
    /// (their ids, names and order): typing figures, peer scores, the scoring model. The
    /// profile picker (one option per profile, 10 000 in a big workspace) is rebuilt only
    /// when this changes. Which edits keep the list is [`Edit::keeps_list`].
    pub list_revision: u64,
    /// Goes up whenever the real data changes: the autosave's trigger.
    pub data_revision: u64,
    /// The last typed text refused for its length, until the next accepted edit.
    pub refused: Option<Refused>,
    /// The stored data `data` derives from (with this tab's active profile), its id, the
    /// stored versions this tab knows, and the names of the versions it writes: what a save
    /// merges against (see `store::save_synced`).
    pub base: Rc<Workspace>,
    pub base_id: Option<String>,
    pub known: Rc<Known>,
    pub writer: Rc<Writer>,
    /// The fields this tab edited lately, to tell when another tab's later edit replaced
    /// one of them.
    pub recent_edits: Vec<RecentEdit>,
    /// Another tab's later edit replaced one of this tab's recent edits.
    pub edit_conflict: Option<EditConflict>,
}

/// An input of typed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextInput {
    Figure(TargetId, Field),
    UnitName,
    ProfileName,
    /// The typed score of a peer (its unit id).
    PeerScore(String),
}

/// Typed text refused for its length ([`TextKind::max_chars`]): the data keeps the last good
/// value, and the input shows it again with the reason next to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub input: TextInput,
    pub limit: usize,
    /// Goes up with every refusal, so the input is drawn again (with the last good value)
    /// even when the same text is refused twice in a row.
    pub count: u64,
}

impl Refused {
    /// The limit, when this refusal is about `input`.
    pub fn limit_for(refused: &Option<Refused>, input: &TextInput) -> Option<usize> {
        refused
            .as_ref()
            .filter(|r| r.input == *input)
            .map(|r| r.limit)
    }
}

/// A field this tab edited, and when (ms since the epoch).
#[derive(Debug, Clone, PartialEq)]
pub struct RecentEdit {
    pub profile_id: String,
    pub field: ProfileField,
    pub at: f64,
}

/// How long an edit counts as recent: another tab's edit of the same field within this
/// time was made "at the same time".
pub const RECENT_EDIT_MS: f64 = 15_000.0;

/// One of this tab's recent edits that another tab's later edit replaced.
#[derive(Debug, Clone, PartialEq)]
pub struct EditConflict {
    /// The profile's name (`None`: a profile without a unit yet).
    pub unit: Option<String>,
    pub field: ProfileField,
}

fn now_ms() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    }
}

fn same(a: &Rc<Workspace>, b: &Rc<Workspace>) -> bool {
    Rc::ptr_eq(a, b)
}

/// Equal states render the same: the saving's bookkeeping (`base`, `base_id`, `known`,
/// `writer`, `recent_edits`) is left out, so that a save re-renders nothing.
impl PartialEq for AppState {
    fn eq(&self, other: &Self) -> bool {
        let demo_same = match (&self.demo, &other.demo) {
            (Some(a), Some(b)) => same(a, b),
            (None, None) => true,
            _ => false,
        };
        same(&self.data, &other.data)
            && demo_same
            && self.view == other.view
            && self.load_notice == other.load_notice
            && self.save_error == other.save_error
            && self.may_save == other.may_save
            && self.undo == other.undo
            && self.synced == other.synced
            && self.edit_conflict == other.edit_conflict
            && self.import == other.import
            && self.incoming == other.incoming
            && self.waiting_link == other.waiting_link
            && self.example_wanted == other.example_wanted
            && self.example_unavailable == other.example_unavailable
            && self.refused == other.refused
    }
}

/// A unit file for a unit that already has a profile: shown side by side until the user
/// chooses.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub file_name: String,
    pub incoming: Profile,
    pub existing_id: String,
    /// The file's export date, kept with the profile if it is taken (issue 13).
    pub exported_at: Option<String>,
}

/// A plan file (or link) whose plan id this browser already has, with other content.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanConflict {
    pub plan: Rc<Plan>,
    /// The built-in plan is never replaced: such a plan can only be skipped.
    pub replaceable: bool,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct ImportReview {
    /// Names of the plans added.
    pub plans_added: Vec<String>,
    /// Names of the plans replaced after a yes.
    pub plans_replaced: Vec<String>,
    /// Names of the plans that were here already, identical.
    pub plans_already_there: Vec<String>,
    pub plan_conflicts: Vec<PlanConflict>,
    pub plan_errors: Vec<PlanLinkError>,
    /// Unit files made with other scoring rules than this browser's copy of their plan.
    pub mismatched: Vec<String>,
    /// File names added as new profiles.
    pub added: Vec<String>,
    pub conflicts: Vec<Conflict>,
    /// File names replaced after a yes.
    pub replaced: Vec<String>,
    /// File names whose profile is already here, identical: nothing to add or decide.
    pub already_there: Vec<String>,
    pub errors: Vec<ImportError>,
    /// The export date of each unit file read (file name → `exported_at`), shown beside its
    /// name so that a newer file can be told from an older one (issue 13).
    pub exported: crate::domain::small_map::SmallMap<String, String>,
}

/// What to do with a conflicting file or an opened link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choice {
    Replace,
    AddAsNew,
    Skip,
}

impl AppState {
    /// Reviews files read together: the plans first (so that the unit files of a plan
    /// that comes with them open), then the unit files. Conflicts still waiting for an
    /// answer from an earlier import stay.
    fn import_files(
        &mut self,
        plans: Vec<Result<Plan, PlanFileError>>,
        files: Vec<(String, Result<Profile, ImportError>)>,
        mismatched: Vec<String>,
        exported: Vec<(String, String)>,
    ) {
        // Only the questions still waiting for an answer carry over; the rest is this
        // import's.
        let previous = self.import.take().unwrap_or_default();
        let mut review = ImportReview {
            conflicts: previous.conflicts,
            plan_conflicts: previous.plan_conflicts,
            mismatched,
            // The dates of the files still waiting for an answer stay with them.
            exported: previous.exported.into_iter().chain(exported).collect(),
            ..ImportReview::default()
        };
        for outcome in plans {
            match outcome {
                Ok(plan) => self.add_plan(&mut review, plan),
                Err(error) => review.plan_errors.push(PlanLinkError::Plan(error)),
            }
        }
        let workspace = self.workspace_mut();
        let active = workspace.active.clone();
        for (file_name, outcome) in files {
            let exported_at = review.exported.get(&file_name).cloned();
            match outcome {
                Err(error) => review.errors.push(error),
                // The same file again (or one of identical data) is not a conflict.
                Ok(incoming) if workspace.profiles.iter().any(|r| *r.profile == incoming) => {
                    review.already_there.push(file_name)
                }
                Ok(incoming) => match workspace.profile_for_unit(&incoming) {
                    Some(existing_id) => review.conflicts.push(Conflict {
                        file_name,
                        incoming,
                        existing_id,
                        exported_at,
                    }),
                    // On a first visit the untouched empty profile takes the first
                    // file (and so it is on screen).
                    None => {
                        let id = workspace.add_or_fill_empty(incoming);
                        workspace.set_exported_at(&id, exported_at.as_deref());
                        review.added.push(file_name);
                    }
                },
            }
        }
        // Importing adds profiles; the one being edited stays on screen.
        workspace.switch_to(&active);
        self.import = Some(review);
        self.retry_waiting_link();
    }

    /// Adds a plan that came from a file or a link: new, identical to one here, or (asked
    /// first) in place of another version of it. A first visit starts with the new plan.
    fn add_plan(&mut self, review: &mut ImportReview, plan: Plan) {
        let name = plan.name.vi.clone();
        let workspace = self.workspace_mut();
        match workspace.plan(&plan.id) {
            None => {
                let id = plan.id.clone();
                workspace.put_plan(plan);
                let profile = workspace.active_profile();
                if profile.unit_id.is_empty() && profile.entries.is_empty() {
                    workspace.show_plan(&id);
                }
                review.plans_added.push(name);
            }
            Some(existing) if *existing == plan => review.plans_already_there.push(name),
            Some(_) => review.plan_conflicts.push(PlanConflict {
                replaceable: plan.id != builtin::PLAN_ID,
                plan: Rc::new(plan),
            }),
        }
    }

    /// Opens again a share link that was waiting for its plan, once the plan is here.
    fn retry_waiting_link(&mut self) {
        let Some(fragment) = self.waiting_link.clone() else {
            return;
        };
        // A link waits only once it was read, so the readers are here.
        let Some(readers) = links::readers() else {
            return;
        };
        let workspace = self.workspace();
        let outcome = (readers.read_share)(&fragment, &|id| workspace.plan(id));
        if !matches!(outcome, Err(LinkError::UnknownPlan { .. })) {
            self.waiting_link = None;
            self.incoming = Some(outcome);
        }
    }
    pub fn from_loaded(loaded: Loaded) -> AppState {
        let data = Rc::new(loaded.data);
        AppState {
            base: data.clone(),
            base_id: None,
            known: Rc::default(),
            writer: Rc::default(),
            recent_edits: Vec::new(),
            edit_conflict: None,
            data,
            demo: None,
            view: View::default(),
            load_notice: loaded.notice,
            save_error: None,
            may_save: loaded.may_save,
            undo: Vec::new(),
            synced: false,
            import: None,
            incoming: None,
            waiting_link: None,
            example_wanted: None,
            example_unavailable: false,
            revision: 0,
            list_revision: 0,
            data_revision: 0,
            refused: None,
        }
    }

    /// The state of a tab that loaded the stored version `id` (see `store::load_tab`).
    pub fn at_version(mut self, id: Option<String>) -> AppState {
        if let Some(id) = &id {
            Rc::make_mut(&mut self.known).add(id, &[], &self.base);
        }
        self.base_id = id;
        self
    }

    /// What a save needs (see `store::save_synced`).
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            data: self.data.clone(),
            base: self.base.clone(),
            base_id: self.base_id.clone(),
            known: self.known.clone(),
            writer: self.writer.clone(),
        }
    }

    /// Takes in what storage holds now (`stored`), which derives from `from` as this tab's
    /// data does: the data becomes their three-way merge, so that this tab's edits made
    /// meanwhile stay, and the ones another tab made arrive. `stored` becomes the base.
    fn take_in(&mut self, from: &Workspace, stored: &Version, renamed: &[(String, String)]) {
        let Version {
            id,
            parents,
            data: stored,
        } = stored;
        let mut from = from.clone();
        let mut ours = Workspace::clone(&self.data);
        apply_renames(&mut from, renamed);
        apply_renames(&mut ours, renamed);
        let merged = merge(&from, &ours, stored);
        let mut renamed = renamed.to_vec();
        renamed.extend(merged.renamed);
        let merged = merged.workspace;
        for edit in &mut self.recent_edits {
            if let Some((_, new)) = renamed.iter().find(|(old, _)| *old == edit.profile_id) {
                edit.profile_id = new.clone();
            }
        }
        if let Some(conflict) = self.replaced_edit(&ours, &merged) {
            self.edit_conflict = Some(conflict);
        }
        if !same_data(&merged, &self.data) || merged.active != self.data.active {
            self.data = Rc::new(merged);
        }
        // This tab's active profile is no change of its own: the base shows it too.
        let base = if stored.active == self.data.active {
            stored.clone()
        } else {
            let mut base = Workspace::clone(stored);
            base.active = self.data.active.clone();
            Rc::new(base)
        };
        // The base's profiles equal to the tab's share the tab's memory (issue 14): the
        // versions remembered then derive from the tab's profiles, and a save compares them by
        // address, not field by field for each of 10 000 profiles, on every keystroke.
        self.base = crate::store::share_unchanged(&base, &self.data);
        self.base_id = id.clone();
        if let Some(id) = id {
            Rc::make_mut(&mut self.known).add(id, parents, &self.base);
        }
    }

    /// The first of this tab's recent edits whose value `after` no longer holds.
    fn replaced_edit(&self, before: &Workspace, after: &Workspace) -> Option<EditConflict> {
        let now = now_ms();
        let profile = |w: &'_ Workspace, id: &str| {
            w.profiles
                .iter()
                .find(|r| r.id == id)
                .map(|r| r.profile.clone())
        };
        self.recent_edits
            .iter()
            .filter(|edit| now - edit.at <= RECENT_EDIT_MS)
            .find_map(|edit| {
                let (before, after) = (
                    profile(before, &edit.profile_id)?,
                    profile(after, &edit.profile_id)?,
                );
                let plan = self.workspace().plan(&after.plan)?;
                (edit.field.value(&before) != edit.field.value(&after)).then(|| EditConflict {
                    unit: after.display_name(&plan).map(str::to_string),
                    field: edit.field,
                })
            })
    }

    /// Remembers that this tab edited `field` of the active profile.
    fn remember_edit(&mut self, field: ProfileField) {
        let now = now_ms();
        let profile_id = self.data.active.clone();
        self.recent_edits.retain(|e| {
            now - e.at <= RECENT_EDIT_MS && !(e.field == field && e.profile_id == profile_id)
        });
        self.recent_edits.push(RecentEdit {
            profile_id,
            field,
            at: now,
        });
    }

    /// The workspace on screen: the sandbox while it is open, else the real data.
    pub fn workspace(&self) -> &Workspace {
        self.shared_workspace()
    }

    /// The workspace on screen, as the `Rc` the state holds it in.
    pub fn shared_workspace(&self) -> &Rc<Workspace> {
        self.demo.as_ref().unwrap_or(&self.data)
    }

    /// The workspace on screen, copied first if the previous state still shares it.
    fn workspace_mut(&mut self) -> &mut Workspace {
        Rc::make_mut(self.demo.as_mut().unwrap_or(&mut self.data))
    }

    pub fn language(&self) -> Lang {
        self.data.language
    }
}

fn demo_workspace() -> Workspace {
    Workspace::with_profiles(demo_profiles())
}

/// A change of the workspace on screen (the sandbox while it is open, else the real data),
/// and nothing else. What follows from an edit (whether the profile list stays, which field
/// of the active profile it changes, the text whose length is checked) is decided here, by
/// the variant: every `match` below names every variant, so a new edit cannot be left out.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// Shows a plan: its latest profile, or a new one (by plan id).
    ChoosePlan(String),
    /// Removes an added plan that no profile with figures belongs to (by plan id).
    RemovePlan(String),
    SetBloc(BlocId),
    SetUnit(String),
    SetOtherName(String),
    SetLabel(String),
    SetText(TargetId, Field, String),
    SetMode(TargetId, EntryMode),
    SetNotApplicable(TargetId, bool),
    SetAnswer(TargetId, Option<bool>),
    NewProfile,
    DuplicateProfile,
    SwitchProfile(String),
    SetPeerScore(String, String),
    /// Which of a unit's profiles counts in the district totals: (unit key, profile id).
    ChooseDistrictProfile(String, String),
    SetScoringMode(ScoringMode),
    SetWeight(TargetId, Weight),
    SetApplicability(TargetId, Option<ApplicabilityOverride>),
    SetBands(RatingBands),
    SetAwardPlaces(BlocId, usize),
    ResetModel,
}

impl Edit {
    /// The field of the active profile the edit changes; `None` for the edits of the list
    /// of profiles, the peer scores and the scoring model.
    pub fn profile_field(&self) -> Option<ProfileField> {
        Some(match self {
            Edit::SetBloc(_) | Edit::SetUnit(_) => ProfileField::Unit,
            Edit::SetOtherName(_) => ProfileField::OtherName,
            Edit::SetLabel(_) => ProfileField::Label,
            Edit::SetText(id, field, _) => ProfileField::Entry(*id, EntryPart::Text(*field)),
            Edit::SetMode(id, _) => ProfileField::Entry(*id, EntryPart::Mode),
            Edit::SetNotApplicable(id, _) => ProfileField::Entry(*id, EntryPart::NotApplicable),
            Edit::SetAnswer(id, _) => ProfileField::Entry(*id, EntryPart::Answer),
            Edit::ChoosePlan(_)
            | Edit::RemovePlan(_)
            | Edit::NewProfile
            | Edit::DuplicateProfile
            | Edit::SwitchProfile(_)
            | Edit::SetPeerScore(..)
            | Edit::ChooseDistrictProfile(..)
            | Edit::SetScoringMode(_)
            | Edit::SetWeight(..)
            | Edit::SetApplicability(..)
            | Edit::SetBands(_)
            | Edit::SetAwardPlaces(..)
            | Edit::ResetModel => return None,
        })
    }

    /// Whether the list of profiles (their ids, names, order and which one is active)
    /// stays as it was. Told by the variant, never by comparing the data: a keystroke must
    /// not compare 10 000 names.
    pub fn keeps_list(&self) -> bool {
        match self.profile_field() {
            // A profile is listed by its unit (or the typed name) and its label.
            Some(field) => matches!(field, ProfileField::Entry(..)),
            None => !matches!(
                self,
                Edit::ChoosePlan(_)
                    | Edit::RemovePlan(_)
                    | Edit::NewProfile
                    | Edit::DuplicateProfile
                    | Edit::SwitchProfile(_)
            ),
        }
    }

    /// The input the edit types into, with the kind of its text and the text.
    fn typed_text(&self) -> Option<(TextInput, TextKind, &str)> {
        match self {
            Edit::SetText(id, field, text) => {
                Some((TextInput::Figure(*id, *field), TextKind::Figure, text))
            }
            Edit::SetOtherName(text) => Some((TextInput::UnitName, TextKind::Name, text)),
            Edit::SetLabel(text) => Some((TextInput::ProfileName, TextKind::Label, text)),
            Edit::SetPeerScore(unit_id, text) => Some((
                TextInput::PeerScore(unit_id.clone()),
                TextKind::Figure,
                text,
            )),
            Edit::ChoosePlan(_)
            | Edit::RemovePlan(_)
            | Edit::SetBloc(_)
            | Edit::SetUnit(_)
            | Edit::SetMode(..)
            | Edit::SetNotApplicable(..)
            | Edit::SetAnswer(..)
            | Edit::NewProfile
            | Edit::DuplicateProfile
            | Edit::SwitchProfile(_)
            | Edit::ChooseDistrictProfile(..)
            | Edit::SetScoringMode(_)
            | Edit::SetWeight(..)
            | Edit::SetApplicability(..)
            | Edit::SetBands(_)
            | Edit::SetAwardPlaces(..)
            | Edit::ResetModel => None,
        }
    }

    /// Makes the change.
    fn apply(self, workspace: &mut Workspace) {
        // Only the edits of the active profile copy it (the others leave it shared).
        let profile = Workspace::active_profile_mut;
        let plan = workspace.active_plan();
        // A card's edit of a target the plan on screen does not have (sent by a script, or
        // typed before the page knew the plan) changes nothing.
        if let Edit::SetText(id, ..)
        | Edit::SetMode(id, _)
        | Edit::SetNotApplicable(id, _)
        | Edit::SetAnswer(id, _) = &self
        {
            if plan.target(*id).is_none() {
                return;
            }
        }
        match self {
            Edit::ChoosePlan(plan_id) => {
                // An example is added to the browser when it is first chosen.
                if workspace.plan(&plan_id).is_none() {
                    if let Some(example) = example_plan(&plan_id) {
                        workspace.put_plan(example);
                    }
                }
                workspace.show_plan(&plan_id)
            }
            Edit::RemovePlan(plan_id) => {
                workspace.remove_plan(&plan_id);
            }
            Edit::SetBloc(bloc) => profile(workspace).set_bloc(&plan, bloc),
            Edit::SetUnit(unit_id) => profile(workspace).set_unit(&plan, &unit_id),
            Edit::SetOtherName(name) => profile(workspace).other_name = name,
            Edit::SetLabel(label) => profile(workspace).label = label,
            Edit::SetText(id, field, text) => {
                profile(workspace).update_entry(id, |e| e.set_text(field, text))
            }
            Edit::SetMode(id, mode) => profile(workspace).update_entry(id, |e| e.mode = mode),
            Edit::SetNotApplicable(id, value) => {
                profile(workspace).update_entry(id, |e| e.not_applicable = Some(value))
            }
            Edit::SetAnswer(id, answer) => {
                profile(workspace).update_entry(id, |e| e.answer = answer)
            }
            Edit::NewProfile => {
                // A new profile starts in the bloc being worked on.
                let mut fresh = Profile::new(&plan);
                fresh.set_bloc(&plan, workspace.active_profile().bloc);
                workspace.add_profile(fresh);
            }
            Edit::DuplicateProfile => {
                workspace.duplicate_active();
            }
            Edit::SwitchProfile(id) => workspace.switch_to(&id),
            Edit::SetPeerScore(unit_id, text) => {
                let key = Workspace::peer_key(&plan, &unit_id);
                if text.is_empty() {
                    workspace.peer_scores.remove(&key);
                } else {
                    workspace.peer_scores.insert(key, text);
                }
            }
            Edit::ChooseDistrictProfile(unit_key, profile_id) => {
                workspace.district_choices.insert(unit_key, profile_id);
            }
            // The settings are the plan on screen's.
            Edit::SetScoringMode(mode) => workspace.model_mut(&plan).mode = mode,
            Edit::SetWeight(id, weight) => workspace.model_mut(&plan).set_weight(id, weight),
            Edit::SetApplicability(id, Some(value)) => {
                workspace.model_mut(&plan).applicability.insert(id, value);
            }
            Edit::SetApplicability(id, None) => {
                workspace.model_mut(&plan).applicability.remove(&id);
            }
            Edit::SetBands(bands) => workspace.model_mut(&plan).bands = bands,
            Edit::SetAwardPlaces(bloc, places) => {
                let size = plan.bloc(bloc).map_or(1, |b| b.units.len());
                workspace
                    .model_mut(&plan)
                    .award_places
                    .set(bloc, places.clamp(1, size.max(1)));
            }
            Edit::ResetModel => *workspace.model_mut(&plan) = ScoringModel::for_plan(&plan),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// An edit of the workspace on screen.
    Edit(Edit),
    DeleteProfile(String),
    UndoDelete,
    DismissUndo,
    StartDemo,
    ResetDemo,
    ExitDemo,
    SetView(View),
    SetLang(Lang),
    DismissLoadNotice,
    Saved(Result<(), StorageError>),
    /// What storage holds after this tab's save (its data, or the merge with another
    /// tab's).
    Synced(Stored),
    /// Storage holds data of a newer version of the app: this tab stops saving.
    StoredNewer(u64),
    /// Another tab saved this data, with this stamp (no id: an older build).
    ChangedElsewhere {
        /// Shared: the action is small whatever the workspace's size.
        data: Rc<Workspace>,
        stamp: Stamp,
    },
    DismissEditConflict,
    /// Unit files read: each file's name and its profile or why it was refused.
    Import(Vec<(String, Result<Profile, ImportError>)>),
    /// Files read: the plan files (each plan or why it was refused), then the unit files
    /// (read with those plans), reviewed together.
    ImportFiles {
        plans: Vec<Result<Plan, PlanFileError>>,
        units: Vec<(String, Result<Profile, ImportError>)>,
        /// Unit files made with other scoring rules than this browser's copy of their plan.
        mismatched: Vec<String>,
        /// The export date of each unit file read (file name, `exported_at`).
        exported: Vec<(String, String)>,
    },
    /// A plan conflict answered: add the plan in place of the one with its id, or skip it.
    ResolvePlanConflict(usize, Choice),
    /// A plan link was opened (its fragment).
    OpenPlanLink(String),
    /// A plan made or changed in the editor: added, or put in place of the plan with its id.
    SavePlan(Plan),
    ResolveConflict(usize, Choice),
    DismissImport,
    /// A share link was opened.
    /// A share link was opened (its fragment): read with the plans this browser has.
    OpenLink(String),
    ResolveLink(Choice),
    DismissSyncNotice,
    /// The examples' module could not be loaded (issue 14).
    ExamplesUnavailable,
    DismissExamplesNotice,
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let edit = match &action {
            Action::Edit(edit) => Some(edit),
            _ => None,
        };
        // The other actions that change the workspace (delete, undo, import, the demo)
        // change the list.
        let keeps_list = edit.is_some_and(Edit::keeps_list);
        // Typed text longer than its field allows is refused here, whatever sent it: the data
        // keeps its last good value.
        if let Some((input, kind, text)) = edit.and_then(Edit::typed_text) {
            if let Err(too_long) = check_length(kind, text) {
                let mut next = (*self).clone();
                next.refused = Some(Refused {
                    input,
                    limit: too_long.limit,
                    count: self.refused.as_ref().map_or(0, |r| r.count) + 1,
                });
                return Rc::new(next);
            }
        }
        // An example chosen before its file is here (issue 14): asked for; the choice is
        // made again when it arrives.
        if let Some(Edit::ChoosePlan(id)) = edit {
            if examples::is_example(id)
                && self.workspace().plan(id).is_none()
                && examples::files().is_none()
            {
                let mut next = (*self).clone();
                next.example_wanted = Some(id.clone());
                next.example_unavailable = false;
                return Rc::new(next);
            }
        }
        let mut next = (*self).clone();
        if let Some(Edit::ChoosePlan(_)) = edit {
            next.example_wanted = None;
            next.example_unavailable = false;
        }
        if next.demo.is_none() {
            if let Some(field) = edit.and_then(Edit::profile_field) {
                next.remember_edit(field);
            }
        }
        match action {
            // The id is the profile on screen when the button was pressed: a second click
            // that still carries it (the first already deleted it) changes nothing.
            Action::DeleteProfile(id) => {
                if next.workspace().profiles.iter().any(|r| r.id == id) {
                    if let Some(deleted) = next.workspace_mut().delete(&id) {
                        next.undo.push(deleted);
                    }
                }
            }
            Action::UndoDelete => {
                let deleted = std::mem::take(&mut next.undo);
                if !deleted.is_empty() {
                    // Newest first, so that every one goes back to its own place.
                    let workspace = next.workspace_mut();
                    for one in deleted.into_iter().rev() {
                        workspace.restore(one);
                    }
                }
            }
            Action::DismissUndo => next.undo.clear(),
            // Undo and pending imports belong to the workspace they were made in.
            Action::StartDemo | Action::ResetDemo => {
                // Opening the demonstration shows its bloc: the ranking (issue 13).
                if matches!(action, Action::StartDemo) {
                    next.view = View::Ranking;
                }
                next.demo = Some(Rc::new(demo_workspace()));
                next.undo.clear();
                next.import = None;
            }
            Action::ExitDemo => {
                next.demo = None;
                next.undo.clear();
                next.import = None;
            }
            Action::SetView(view) => next.view = view,
            Action::SetLang(language) => Rc::make_mut(&mut next.data).language = language,
            Action::DismissLoadNotice => next.load_notice = None,
            Action::ExamplesUnavailable => {
                next.example_wanted = None;
                next.example_unavailable = true;
            }
            Action::DismissExamplesNotice => next.example_unavailable = false,
            Action::Saved(result) => next.save_error = result.err(),
            Action::Synced(stored) => {
                if let Some(Version {
                    id: Some(id),
                    parents,
                    data,
                }) = &stored.merged_in
                {
                    Rc::make_mut(&mut next.known).add(id, parents, data);
                }
                if Rc::ptr_eq(&stored.from, &stored.stored.data) {
                    next.base = stored.stored.data;
                    next.base_id = stored.stored.id;
                    if let Some(id) = &next.base_id {
                        Rc::make_mut(&mut next.known).add(id, &stored.stored.parents, &next.base);
                    }
                } else {
                    next.take_in(&stored.from, &stored.stored, &stored.renamed);
                }
            }
            Action::StoredNewer(version) => {
                next.may_save = false;
                next.load_notice = Some(LoadNotice::Newer {
                    version,
                    backup_key: None,
                });
            }
            // A version this tab's data includes already (it took it in when it saved, or
            // a later one of the same tab) is never taken over again: it is older data.
            Action::ChangedElsewhere { stamp, .. }
                if stamp
                    .id
                    .as_deref()
                    .is_some_and(|id| next.known.includes(id)) => {}
            Action::ChangedElsewhere { data, stamp } => {
                let before = next.data.clone();
                // Merged against the newest version both derive from: for a slow tab's save
                // from an old base, that old base, so that its untouched fields are no change.
                let ancestor = next
                    .known
                    .ancestor(stamp.id.as_deref(), &stamp.parents)
                    .unwrap_or(&next.base)
                    .clone();
                let stored = Version {
                    id: stamp.id,
                    parents: stamp.parents,
                    data,
                };
                next.take_in(&ancestor, &stored, &[]);
                if !same_data(&before, &next.data) {
                    next.synced = true;
                }
            }
            Action::DismissEditConflict => next.edit_conflict = None,
            Action::DismissSyncNotice => next.synced = false,
            Action::Import(files) => next.import_files(Vec::new(), files, Vec::new(), Vec::new()),
            Action::ImportFiles {
                plans,
                units,
                mismatched,
                exported,
            } => next.import_files(plans, units, mismatched, exported),
            Action::OpenPlanLink(fragment) => {
                let name: String = fragment
                    .trim()
                    .trim_start_matches('#')
                    .chars()
                    .take(12)
                    .collect();
                // Sent once the readers are here (app::hooks::use_share_links).
                if let Some(readers) = links::readers() {
                    let outcome = (readers.read_plan)(&fragment, &format!("{name}…"));
                    let mut review = ImportReview::default();
                    match outcome {
                        Ok(plan) => next.add_plan(&mut review, plan),
                        Err(error) => review.plan_errors.push(error),
                    }
                    next.import = Some(review);
                    next.view = View::Plans;
                    next.retry_waiting_link();
                }
            }
            Action::ResolvePlanConflict(index, choice) => {
                let conflict = next
                    .import
                    .as_mut()
                    .filter(|review| index < review.plan_conflicts.len())
                    .map(|review| review.plan_conflicts.remove(index));
                if let (Some(conflict), Choice::Replace | Choice::AddAsNew) = (conflict, choice) {
                    if conflict.replaceable {
                        let name = conflict.plan.name.vi.clone();
                        next.workspace_mut().put_plan(Plan::clone(&conflict.plan));
                        if let Some(review) = next.import.as_mut() {
                            review.plans_replaced.push(name);
                        }
                        next.retry_waiting_link();
                    }
                }
            }
            Action::SavePlan(plan) => {
                let id = plan.id.clone();
                let workspace = next.workspace_mut();
                workspace.put_plan(plan);
                workspace.show_plan(&id);
                next.retry_waiting_link();
            }
            Action::ResolveConflict(index, choice) => {
                if let Some(review) = next.import.as_mut() {
                    if index < review.conflicts.len() {
                        let conflict = review.conflicts.remove(index);
                        let workspace = Rc::make_mut(next.demo.as_mut().unwrap_or(&mut next.data));
                        match choice {
                            // The profile it matched may have been deleted meanwhile: then
                            // the file is added, never lost.
                            Choice::Replace
                                if workspace
                                    .profiles
                                    .iter()
                                    .any(|r| r.id == conflict.existing_id) =>
                            {
                                workspace.replace_profile(&conflict.existing_id, conflict.incoming);
                                let date = conflict.exported_at.as_deref();
                                workspace.set_exported_at(&conflict.existing_id, date);
                                review.replaced.push(conflict.file_name);
                            }
                            Choice::Replace | Choice::AddAsNew => {
                                let active = workspace.active.clone();
                                let id = workspace.add_profile(conflict.incoming);
                                workspace.set_exported_at(&id, conflict.exported_at.as_deref());
                                workspace.switch_to(&active);
                                review.added.push(conflict.file_name);
                            }
                            Choice::Skip => {}
                        }
                    }
                }
            }
            Action::DismissImport => next.import = None,
            // Sent once the readers are here (app::hooks::use_share_links).
            Action::OpenLink(fragment) => {
                if let Some(readers) = links::readers() {
                    let workspace = next.workspace();
                    let outcome = (readers.read_share)(&fragment, &|id| workspace.plan(id));
                    // A link of a plan this browser lacks waits for the plan file.
                    next.waiting_link =
                        matches!(outcome, Err(LinkError::UnknownPlan { .. })).then_some(fragment);
                    next.incoming = Some(outcome);
                }
            }
            Action::ResolveLink(choice) => {
                if let Some(Ok(SharedProfile {
                    profile: incoming, ..
                })) = next.incoming.take()
                {
                    let workspace = next.workspace_mut();
                    match choice {
                        Choice::Replace => {
                            let target = workspace.replaced_by_link(&incoming).id.clone();
                            workspace.replace_profile(&target, incoming);
                            workspace.switch_to(&target);
                        }
                        Choice::AddAsNew => {
                            workspace.add_or_fill_empty(incoming);
                        }
                        Choice::Skip => {}
                    }
                    next.view = View::Calculator;
                }
            }
            Action::Edit(edit) => {
                next.refused = None;
                edit.apply(next.workspace_mut())
            }
        }
        // The saving's bookkeeping is not on screen: it is kept without a render.
        if next == *self
            && same(&next.base, &self.base)
            && next.base_id == self.base_id
            && Rc::ptr_eq(&next.known, &self.known)
        {
            return self;
        }
        if !std::ptr::eq(next.workspace(), self.workspace()) {
            next.revision += 1;
            if !keeps_list {
                next.list_revision += 1;
            }
        }
        if !same(&next.data, &self.data) {
            next.data_revision += 1;
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::builtin;
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
        let id = builtin::RECRUITMENT;
        let typed = state().reduce(Action::Edit(Edit::SetText(
            id,
            Field::Numerator,
            "12,5".into(),
        )));
        assert_eq!(typed.data.active_profile().entry(id).numerator, "12,5");
        let cleared = typed.reduce(Action::Edit(Edit::SetText(
            id,
            Field::Numerator,
            String::new(),
        )));
        assert!(cleared.data.active_profile().entries.is_empty());
    }

    #[test]
    fn switching_views_copies_no_workspace() {
        let before = state().reduce(Action::Edit(Edit::SetUnit("31211".into())));
        let after = before.clone().reduce(Action::SetView(View::Ranking));
        assert!(Rc::ptr_eq(&before.data, &after.data));
        assert_eq!(
            (after.revision, after.data_revision),
            (before.revision, before.data_revision)
        );
        let edited = after.reduce(Action::Edit(Edit::SetText(
            builtin::RECRUITMENT,
            Field::Numerator,
            "1".into(),
        )));
        assert_eq!(edited.data_revision, before.data_revision + 1);
    }

    #[test]
    fn typing_figures_keeps_the_list_of_profiles() {
        let before = state().reduce(Action::Edit(Edit::SetUnit("31211".into())));
        let typed = before.clone().reduce(Action::Edit(Edit::SetText(
            builtin::RECRUITMENT,
            Field::Numerator,
            "1".into(),
        )));
        assert_eq!(typed.revision, before.revision + 1);
        assert_eq!(typed.list_revision, before.list_revision);
        let renamed = typed
            .clone()
            .reduce(Action::Edit(Edit::SetLabel("Xã A".into())));
        assert_eq!(renamed.list_revision, typed.list_revision + 1);
        let added = renamed.clone().reduce(Action::Edit(Edit::NewProfile));
        assert_eq!(added.list_revision, renamed.list_revision + 1);
        // Only the edited profile is copied; the others stay shared with the previous state.
        let edited = added.clone().reduce(Action::Edit(Edit::SetText(
            builtin::RECRUITMENT,
            Field::Numerator,
            "2".into(),
        )));
        assert!(Rc::ptr_eq(
            &added.data.profiles[0].profile,
            &edited.data.profiles[0].profile
        ));
        assert!(!Rc::ptr_eq(
            &added.data.profiles[1].profile,
            &edited.data.profiles[1].profile
        ));
    }

    /// What the profile picker shows: every profile's id and name, and the active one.
    fn listed(state: &AppState) -> (Vec<(String, Option<String>)>, String) {
        let workspace = state.workspace();
        let names = workspace
            .profiles
            .iter()
            .map(|r| {
                (
                    r.id.clone(),
                    r.profile
                        .display_name(builtin::plan_ref())
                        .map(str::to_string),
                )
            })
            .collect();
        (names, workspace.active.clone())
    }

    /// Removing a plan is an edit of the list (the plan picker is drawn again) and of the
    /// saved data; a plan that a profile with figures belongs to stays.
    #[test]
    fn removing_a_plan_goes_through_the_list_and_keeps_a_plan_in_use() {
        let example = "tinh-an-hoa-2026";
        let chosen = state().reduce(Action::Edit(Edit::ChoosePlan(example.into())));
        assert!(chosen.workspace().plan(example).is_some());
        let unit = chosen.workspace().active_plan().blocs[0].units[0]
            .id
            .clone();
        let in_use = chosen
            .clone()
            .reduce(Action::Edit(Edit::SetUnit(unit)))
            .reduce(Action::Edit(Edit::RemovePlan(example.into())));
        assert!(
            in_use.workspace().plan(example).is_some(),
            "kept while in use"
        );
        let removed = chosen
            .clone()
            .reduce(Action::Edit(Edit::RemovePlan(example.into())));
        assert!(removed.workspace().plan(example).is_none());
        assert_eq!(removed.list_revision, chosen.list_revision + 1);
        assert_eq!(removed.data_revision, chosen.data_revision + 1);
    }

    /// `keeps_list` is told by the variant alone: checked here against what each edit does.
    #[test]
    fn after_taking_in_equal_data_the_base_shares_the_tabs_profiles() {
        // Issue 14: a copy of the same data (as the first save of version 1 data reads it
        // back) must not leave the base with profiles of its own, or every later save
        // compares 10 000 profiles field by field.
        let state = AppState::from_loaded(Loaded {
            data: Workspace::with_profiles(vec![Profile::default(); 30]),
            notice: None,
            may_save: true,
        });
        let copy = |w: &Workspace| {
            let mut w = w.clone();
            for record in w.profiles.iter_mut() {
                Rc::make_mut(record).profile = Rc::new(Profile::clone(&record.profile));
            }
            w
        };
        let stored = Stored {
            from: state.data.clone(),
            stored: Version {
                id: Some("abc.1".into()),
                parents: Vec::new(),
                data: Rc::new(copy(&state.data)),
            },
            merged_in: None,
            renamed: Vec::new(),
        };
        let from = state.data.clone();
        let next = Rc::new(state).reduce(Action::Synced(Stored {
            from: Rc::new(copy(&from)),
            ..stored
        }));
        assert!(next
            .base
            .profiles
            .iter()
            .zip(&next.data.profiles)
            .all(|(a, b)| Rc::ptr_eq(&a.profile, &b.profile)));
    }

    #[test]
    fn the_list_revision_follows_the_edits_that_change_the_list_and_only_those() {
        let id = builtin::RECRUITMENT;
        let start = state()
            .reduce(Action::Edit(Edit::SetUnit("31211".into())))
            .reduce(Action::Edit(Edit::NewProfile));
        let edits = [
            Edit::SetBloc(builtin::AGENCY),
            Edit::SetUnit("31234".into()),
            Edit::SetUnit("other".into()),
            Edit::SetOtherName("Ban A".into()),
            Edit::SetLabel("Nháp".into()),
            Edit::SetText(id, Field::Numerator, "3".into()),
            Edit::SetMode(id, EntryMode::Percent),
            Edit::SetNotApplicable(id, true),
            Edit::SetAnswer(builtin::ORG_STRUCTURE, Some(true)),
            Edit::NewProfile,
            Edit::DuplicateProfile,
            Edit::SwitchProfile("p1".into()),
            Edit::SetPeerScore("31231".into(), "75".into()),
            Edit::ChooseDistrictProfile("commune:31211".into(), "p1".into()),
            Edit::SetScoringMode(ScoringMode::AllOrNothing),
            Edit::SetWeight(id, Weight::new(3).unwrap()),
            Edit::SetApplicability(id, Some(ApplicabilityOverride::NoUnit)),
            Edit::SetBands(RatingBands {
                good: 95.0,
                ..RatingBands::default()
            }),
            Edit::SetAwardPlaces(builtin::COMMUNE, 2),
            Edit::ResetModel,
        ];
        let mut before = start;
        for edit in edits {
            let keeps = edit.keeps_list();
            let after = before.clone().reduce(Action::Edit(edit.clone()));
            assert_eq!(after.revision, before.revision + 1, "{edit:?} changes data");
            assert_eq!(after.data_revision, before.data_revision + 1, "{edit:?}");
            assert_eq!(
                after.list_revision == before.list_revision,
                keeps,
                "{edit:?}"
            );
            // The picker is not rebuilt for these: what it shows must not have changed.
            if keeps {
                assert_eq!(listed(&after), listed(&before), "{edit:?} keeps the list");
            }
            before = after;
        }
    }

    #[test]
    fn an_unchanged_state_is_the_same_state() {
        let before = state();
        let after = before.clone().reduce(Action::Saved(Ok(())));
        assert!(Rc::ptr_eq(&before, &after));
    }

    #[test]
    fn the_demo_never_touches_the_real_data() {
        let real = state().reduce(Action::Edit(Edit::SetUnit("31211".into())));
        let demo = real.clone().reduce(Action::StartDemo);
        assert_eq!(
            demo.view,
            View::Ranking,
            "the demonstration opens on its bloc"
        );
        let edited = demo
            .reduce(Action::Edit(Edit::SetText(
                builtin::RECRUITMENT,
                Field::Numerator,
                "1".into(),
            )))
            .reduce(Action::Edit(Edit::SetScoringMode(
                ScoringMode::AllOrNothing,
            )))
            .reduce(Action::DeleteProfile("p1".into()));
        assert_eq!(edited.data, real.data);
        assert_eq!(edited.workspace().profiles.len(), 10);
        let reset = edited.reduce(Action::ResetDemo);
        assert_eq!(reset.workspace().profiles.len(), 11);
        let left = reset.reduce(Action::ExitDemo);
        assert_eq!(left.workspace(), &*real.data);
    }

    fn imported(
        unit: &str,
    ) -> (
        String,
        Result<Profile, crate::formats::unit_file::ImportError>,
    ) {
        let mut profile = Profile::default();
        profile.set_unit(builtin::plan_ref(), unit);
        (format!("{unit}.json"), Ok(profile))
    }

    #[test]
    fn a_conflict_whose_profile_was_deleted_adds_the_file() {
        // p1 has figures the file has not (identical data would be "already there").
        let start = state()
            .reduce(Action::Edit(Edit::SetUnit("31211".into())))
            .reduce(Action::Edit(Edit::SetText(
                builtin::RECRUITMENT,
                Field::Numerator,
                "1".into(),
            )))
            .reduce(Action::Edit(Edit::NewProfile));
        let pending = start.reduce(Action::Import(vec![imported("31211")]));
        assert_eq!(pending.import.as_ref().unwrap().conflicts.len(), 1);
        let deleted = pending.reduce(Action::DeleteProfile("p1".into()));
        let resolved = deleted.reduce(Action::ResolveConflict(0, Choice::Replace));
        assert_eq!(resolved.data.profiles.len(), 2);
        assert!(resolved
            .data
            .profiles
            .iter()
            .any(|r| r.profile.unit_id == "31211"));
        assert_eq!(resolved.import.as_ref().unwrap().added, ["31211.json"]);
    }

    /// A unit file's export date stays with the profile it becomes, and follows a newer
    /// file taken in its place (issue 13).
    #[test]
    fn an_imported_file_keeps_its_export_date() {
        let import = |state: Rc<AppState>, date: &str, numerator: &str| {
            let (name, file) = imported("31211");
            let mut profile = file.unwrap();
            profile.update_entry(builtin::RECRUITMENT, |e| e.numerator = numerator.into());
            state.reduce(Action::ImportFiles {
                plans: Vec::new(),
                units: vec![(name.clone(), Ok(profile))],
                mismatched: Vec::new(),
                exported: vec![(name, date.into())],
            })
        };
        let first = import(state(), "2026-11-20", "1");
        assert_eq!(
            first.data.profiles[0].exported_at.as_deref(),
            Some("2026-11-20")
        );
        let second = import(first, "2026-11-28", "2");
        let review = second.import.as_ref().unwrap();
        assert_eq!(
            review.conflicts[0].exported_at.as_deref(),
            Some("2026-11-28")
        );
        let replaced = second.reduce(Action::ResolveConflict(0, Choice::Replace));
        assert_eq!(replaced.data.profiles.len(), 1);
        assert_eq!(
            replaced.data.profiles[0].exported_at.as_deref(),
            Some("2026-11-28")
        );
    }

    #[test]
    fn importing_identical_data_again_is_already_there_not_a_conflict() {
        let first = state().reduce(Action::Import(vec![imported("31211")]));
        let edited = first.reduce(Action::Edit(Edit::SetText(
            builtin::RECRUITMENT,
            Field::Numerator,
            "1".into(),
        )));
        let mut file = Profile::clone(edited.data.active_profile());
        file.label = String::new();
        let again = edited.clone().reduce(Action::Import(vec![
            ("same.json".into(), Ok(file.clone())),
            imported("31211"),
        ]));
        let review = again.import.as_ref().unwrap();
        assert_eq!(review.already_there, ["same.json"]);
        // Different figures for the same unit still wait for a choice.
        assert_eq!(review.conflicts.len(), 1);
        assert_eq!(review.conflicts[0].file_name, "31211.json");
        assert!(review.added.is_empty());
        assert_eq!(again.data, edited.data);
    }

    #[test]
    fn pending_imports_do_not_cross_into_the_demo() {
        let pending = state()
            .reduce(Action::Edit(Edit::SetUnit("31211".into())))
            .reduce(Action::Import(vec![imported("31211")]));
        assert!(pending.import.is_some());
        assert_eq!(pending.reduce(Action::StartDemo).import, None);
    }

    #[test]
    fn a_first_import_fills_the_untouched_profile() {
        let imported = state().reduce(Action::Import(vec![imported("31234"), imported("31240")]));
        assert_eq!(imported.data.profiles.len(), 2);
        assert_eq!(imported.data.active_profile().unit_id, "31234");
    }

    #[test]
    fn text_too_long_for_its_field_is_refused_and_the_last_good_value_stays() {
        let id = builtin::RECRUITMENT;
        let good = state()
            .reduce(Action::Edit(Edit::SetUnit("other".into())))
            .reduce(Action::Edit(Edit::SetText(
                id,
                Field::Numerator,
                "412".into(),
            )))
            .reduce(Action::Edit(Edit::SetOtherName("Ban Quản lý dự án".into())))
            .reduce(Action::Edit(Edit::SetLabel("Bản nháp".into())))
            .reduce(Action::Edit(Edit::SetPeerScore(
                "31231".into(),
                "75,5".into(),
            )));
        let figure = TextInput::Figure(id, Field::Numerator);
        let attempts = [
            (
                Action::Edit(Edit::SetText(id, Field::Numerator, "4".repeat(70_000))),
                figure.clone(),
                40,
            ),
            (
                Action::Edit(Edit::SetOtherName("Ban ".repeat(40))),
                TextInput::UnitName,
                150,
            ),
            (
                Action::Edit(Edit::SetLabel("đ".repeat(151))),
                TextInput::ProfileName,
                150,
            ),
            (
                Action::Edit(Edit::SetPeerScore(
                    "31231".into(),
                    format!("75,5{}", " ".repeat(40)),
                )),
                TextInput::PeerScore("31231".into()),
                40,
            ),
        ];
        let mut previous = good.clone();
        for (action, input, limit) in attempts {
            let refused = previous.clone().reduce(action);
            assert_eq!(refused.data, good.data, "nothing changed");
            assert_eq!(refused.data_revision, good.data_revision, "nothing to save");
            let refusal = refused.refused.clone().unwrap();
            assert_eq!((refusal.input, refusal.limit), (input, limit));
            previous = refused;
        }
        // The same refusal twice is a new state: the input is drawn again.
        let again = previous.clone().reduce(Action::Edit(Edit::SetText(
            id,
            Field::Numerator,
            "4".repeat(41),
        )));
        let twice = again.clone().reduce(Action::Edit(Edit::SetText(
            id,
            Field::Numerator,
            "4".repeat(41),
        )));
        assert!(!Rc::ptr_eq(&again, &twice));
        assert_eq!(Refused::limit_for(&twice.refused, &figure), Some(40));
        // A value at the limit is taken, and the message goes.
        let taken = twice.reduce(Action::Edit(Edit::SetText(
            id,
            Field::Numerator,
            "4".repeat(40),
        )));
        assert_eq!(
            taken.data.active_profile().entry(id).numerator,
            "4".repeat(40)
        );
        assert_eq!(taken.refused, None);
    }

    #[test]
    fn delete_can_be_undone() {
        let two = state()
            .reduce(Action::Edit(Edit::SetUnit("31211".into())))
            .reduce(Action::Edit(Edit::NewProfile));
        let deleted = two.clone().reduce(Action::DeleteProfile("p1".into()));
        assert_eq!(deleted.data.profiles.len(), 1);
        let undone = deleted.reduce(Action::UndoDelete);
        assert_eq!(undone.data.profiles, two.data.profiles);
        assert!(undone.undo.is_empty());
    }

    /// A double click on "Xóa hồ sơ": the second click carries the same id (the page had
    /// not redrawn yet) or the next profile's (it had); either way one undo brings every
    /// profile back, where it was.
    #[test]
    fn a_double_click_on_delete_is_undone_in_full() {
        let three = state()
            .reduce(Action::Edit(Edit::SetUnit("31211".into())))
            .reduce(Action::Edit(Edit::NewProfile))
            .reduce(Action::Edit(Edit::SetUnit("31234".into())))
            .reduce(Action::Edit(Edit::NewProfile))
            .reduce(Action::Edit(Edit::SetUnit("31237".into())))
            .reduce(Action::Edit(Edit::SwitchProfile("p1".into())));
        let once = three.clone().reduce(Action::DeleteProfile("p1".into()));
        let again = once.clone().reduce(Action::DeleteProfile("p1".into()));
        assert!(
            Rc::ptr_eq(&once, &again),
            "a repeat of the same delete is a no-op"
        );
        assert_eq!(again.undo.len(), 1);
        assert_eq!(again.data.active, "p2");
        let both = again.reduce(Action::DeleteProfile("p2".into()));
        assert_eq!(both.data.profiles.len(), 1);
        assert_eq!(both.undo.len(), 2);
        let undone = both.reduce(Action::UndoDelete);
        assert_eq!(undone.data.profiles, three.data.profiles);
        assert_eq!(undone.data.active, "p1");
        assert!(undone.undo.is_empty());
        // Deleting every profile leaves an empty stand-in; undo removes it again.
        let all = three
            .reduce(Action::DeleteProfile("p1".into()))
            .reduce(Action::DeleteProfile("p2".into()))
            .reduce(Action::DeleteProfile("p3".into()));
        assert_eq!(all.data.profiles.len(), 1);
        let undone = all.reduce(Action::UndoDelete);
        let ids: Vec<&str> = undone.data.profiles.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["p1", "p2", "p3"]);
    }
}
