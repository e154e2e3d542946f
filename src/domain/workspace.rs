//! Everything one browser holds: several unit profiles (a trainer, or Phòng Nội vụ holding
//! the whole district), the peer scores typed in, the scoring model and the language; and
//! the bloc table that ranks the active unit among its peers.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::language::Language;
use super::number::{parse_percent, NumberError};
use super::profile::Profile;
use super::rank::{rank_rows, standing, RankRange, Standing};
use super::score::ScoringModel;
use super::units::{find_unit, Bloc, OTHER_UNIT_ID};

/// A deleted profile with what is needed to put it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deleted {
    pub index: usize,
    pub record: ProfileRecord,
    /// The empty profile created because the last one was deleted.
    pub stand_in: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileRecord {
    pub id: String,
    pub profile: Profile,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Workspace {
    /// Never empty.
    pub profiles: Vec<ProfileRecord>,
    /// The id of the profile being edited.
    pub active: String,
    /// Scores typed in for peers without a profile (unit id → text as typed).
    pub peer_scores: BTreeMap<String, String>,
    pub model: ScoringModel,
    pub language: Language,
}

impl Default for Workspace {
    fn default() -> Self {
        Workspace::with_profiles(vec![Profile::default()])
    }
}

/// Where a score in the bloc table comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScoreSource {
    /// The active profile.
    Own,
    /// Another profile in this browser.
    Profile,
    /// A score typed in directly.
    Typed,
    /// Not known ("chưa có số liệu").
    Unknown,
}

impl ScoreSource {
    pub fn key(self) -> &'static str {
        match self {
            ScoreSource::Own => "own",
            ScoreSource::Profile => "profile",
            ScoreSource::Typed => "typed",
            ScoreSource::Unknown => "unknown",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct BlocRow {
    pub unit_id: String,
    pub name: String,
    pub source: ScoreSource,
    pub score: Option<f64>,
    pub rank: Option<RankRange>,
    /// The typed peer score, kept as typed, and why it cannot be used.
    pub typed: String,
    pub typed_error: Option<NumberError>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BlocTable {
    pub bloc: Bloc,
    pub rows: Vec<BlocRow>,
    /// The active unit's standing; `None` until a unit is chosen.
    pub standing: Option<Standing>,
}

impl Workspace {
    pub fn with_profiles(profiles: Vec<Profile>) -> Workspace {
        let profiles: Vec<ProfileRecord> = profiles
            .into_iter()
            .enumerate()
            .map(|(index, profile)| ProfileRecord {
                id: format!("p{}", index + 1),
                profile,
            })
            .collect();
        let active = profiles[0].id.clone();
        Workspace {
            profiles,
            active,
            peer_scores: BTreeMap::new(),
            model: ScoringModel::default(),
            language: Language::default(),
        }
    }

    fn active_index(&self) -> usize {
        self.profiles
            .iter()
            .position(|r| r.id == self.active)
            .unwrap_or(0)
    }

    pub fn active(&self) -> &ProfileRecord {
        &self.profiles[self.active_index()]
    }

    pub fn active_profile(&self) -> &Profile {
        &self.active().profile
    }

    pub fn active_profile_mut(&mut self) -> &mut Profile {
        let index = self.active_index();
        &mut self.profiles[index].profile
    }

    fn next_id(&self) -> String {
        let highest = self
            .profiles
            .iter()
            .filter_map(|r| r.id.strip_prefix('p')?.parse::<u64>().ok())
            .max()
            .unwrap_or(0);
        format!("p{}", highest + 1)
    }

    /// Adds a profile after the others and makes it active; returns its id.
    pub fn add_profile(&mut self, profile: Profile) -> String {
        let id = self.next_id();
        self.profiles.push(ProfileRecord {
            id: id.clone(),
            profile,
        });
        self.active = id.clone();
        id
    }

    pub fn duplicate_active(&mut self) -> String {
        let mut copy = self.active_profile().clone();
        if !copy.label.trim().is_empty() {
            copy.label = format!("{} (2)", copy.label.trim());
        }
        self.add_profile(copy)
    }

    pub fn switch_to(&mut self, id: &str) {
        if self.profiles.iter().any(|r| r.id == id) {
            self.active = id.to_string();
        }
    }

    /// Removes a profile, returning what an undo needs. The last profile is replaced by an
    /// empty one, so there is always one to edit.
    pub fn delete(&mut self, id: &str) -> Option<Deleted> {
        let index = self.profiles.iter().position(|r| r.id == id)?;
        let record = self.profiles.remove(index);
        let mut stand_in = None;
        if self.profiles.is_empty() {
            let id = self.next_id_after(&record.id);
            self.profiles.push(ProfileRecord {
                id: id.clone(),
                profile: Profile::default(),
            });
            stand_in = Some(id);
        }
        if self.active == record.id {
            self.active = self.profiles[index.min(self.profiles.len() - 1)].id.clone();
        }
        Some(Deleted {
            index,
            record,
            stand_in,
        })
    }

    fn next_id_after(&self, removed: &str) -> String {
        let n = removed
            .strip_prefix('p')
            .and_then(|n| n.parse::<u64>().ok())
            .unwrap_or(0);
        format!("p{}", n + 1)
    }

    /// Puts a deleted profile back where it was and makes it active.
    pub fn restore(&mut self, deleted: Deleted) {
        let Deleted {
            index,
            mut record,
            stand_in,
        } = deleted;
        // The empty stand-in created by deleting the last profile goes away again, unless
        // something was typed into it meanwhile.
        if let Some(stand_in) = stand_in {
            self.profiles
                .retain(|r| r.id != stand_in || r.profile != Profile::default());
        }
        if self.profiles.iter().any(|r| r.id == record.id) {
            record.id = self.next_id();
        }
        self.active = record.id.clone();
        self.profiles.insert(index.min(self.profiles.len()), record);
    }

    /// Repairs what a hand-edited or foreign file may carry: no profiles, duplicate ids, an
    /// active id that does not exist, units that do not exist.
    pub fn normalised(mut self) -> Workspace {
        if self.profiles.is_empty() {
            self.profiles.push(ProfileRecord {
                id: "p1".into(),
                profile: Profile::default(),
            });
        }
        let mut seen = std::collections::BTreeSet::new();
        let mut counter = self.profiles.len();
        for record in &mut self.profiles {
            if record.id.is_empty() || !seen.insert(record.id.clone()) {
                counter += 1;
                record.id = format!("p{counter}");
                seen.insert(record.id.clone());
            }
            let unit_id = record.profile.unit_id.clone();
            record.profile.set_unit(&unit_id);
        }
        if !self.profiles.iter().any(|r| r.id == self.active) {
            self.active = self.profiles[0].id.clone();
        }
        self.peer_scores.retain(|unit, _| find_unit(unit).is_some());
        self
    }

    /// The other profiles of a bloc, one per unit (the first), by unit id.
    fn peer_profiles(&self, bloc: Bloc) -> BTreeMap<&str, &Profile> {
        let own = self.active_profile();
        let mut peers = BTreeMap::new();
        for record in &self.profiles {
            let p = &record.profile;
            if record.id != self.active
                && p.bloc == bloc
                && p.unit_id != own.unit_id
                && find_unit(&p.unit_id).is_some()
            {
                peers.entry(p.unit_id.as_str()).or_insert(p);
            }
        }
        peers
    }

    /// The active unit's bloc, listed in full, with scores, ranks and its standing.
    pub fn bloc_table(&self) -> BlocTable {
        let own = self.active_profile();
        let bloc = own.bloc;
        let model = &self.model;
        let peers = self.peer_profiles(bloc);
        let own_score = own.summary(model).score;
        let mut rows: Vec<BlocRow> = bloc
            .units()
            .iter()
            .map(|unit| {
                let typed = self.peer_scores.get(unit.id).cloned().unwrap_or_default();
                let mut row = BlocRow {
                    unit_id: unit.id.to_string(),
                    name: unit.name.to_string(),
                    source: ScoreSource::Unknown,
                    score: None,
                    rank: None,
                    typed: typed.clone(),
                    typed_error: None,
                };
                if unit.id == own.unit_id {
                    row.source = ScoreSource::Own;
                    row.score = Some(own_score);
                } else if let Some(peer) = peers.get(unit.id) {
                    row.source = ScoreSource::Profile;
                    row.score = Some(peer.summary(model).score);
                } else {
                    match parse_percent(&typed) {
                        Ok(Some(score)) => {
                            row.source = ScoreSource::Typed;
                            row.score = Some(score.as_f64());
                        }
                        Ok(None) => {}
                        Err(error) => row.typed_error = Some(error),
                    }
                }
                row
            })
            .collect();
        if own.unit_id == OTHER_UNIT_ID {
            rows.push(BlocRow {
                unit_id: OTHER_UNIT_ID.to_string(),
                name: own.unit_name().unwrap_or_default().to_string(),
                source: ScoreSource::Own,
                score: Some(own_score),
                rank: None,
                typed: String::new(),
                typed_error: None,
            });
        }
        let scores: Vec<Option<f64>> = rows.iter().map(|r| r.score).collect();
        for (row, rank) in rows.iter_mut().zip(rank_rows(&scores)) {
            row.rank = rank;
        }
        let standing = rows
            .iter()
            .position(|r| r.source == ScoreSource::Own)
            .map(|own_index| {
                let others: Vec<Option<f64>> = scores
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i != own_index)
                    .map(|(_, s)| *s)
                    .collect();
                standing(own_score, &others, model.award_places.for_bloc(bloc))
            });
        BlocTable {
            bloc,
            rows,
            standing,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::figures::TargetEntry;
    use crate::domain::rank::AwardVerdict;
    use crate::domain::targets::{TargetId, TARGETS};

    fn full_marks(unit: &str) -> Profile {
        let mut p = Profile::default();
        p.set_unit(unit);
        for t in TARGETS {
            p.update_entry(t.id, |e| {
                *e = TargetEntry {
                    numerator: "1".into(),
                    denominator: "1".into(),
                    answer: Some(true),
                    ..Default::default()
                }
            });
        }
        p
    }

    #[test]
    fn profiles_can_be_added_duplicated_switched_deleted_and_restored() {
        let mut w = Workspace::default();
        w.active_profile_mut().set_unit("31211");
        let second = w.add_profile(Profile::default());
        assert_eq!((second.as_str(), w.active.as_str()), ("p2", "p2"));
        let copy = w.duplicate_active();
        assert_eq!(copy, "p3");
        w.switch_to("p1");
        assert_eq!(w.active_profile().unit_id, "31211");
        let deleted = w.delete("p1").unwrap();
        assert_eq!(
            (deleted.index, w.profiles.len(), w.active.as_str()),
            (0, 2, "p2")
        );
        w.restore(deleted);
        assert_eq!(w.profiles[0].id, "p1");
        assert_eq!(w.active, "p1");
        // Deleting every profile leaves one empty profile; undo brings the last one back.
        let mut single = Workspace::default();
        single.active_profile_mut().set_unit("y-te");
        let deleted = single.delete("p1").unwrap();
        assert_eq!(single.profiles.len(), 1);
        assert_eq!(single.active_profile(), &Profile::default());
        single.restore(deleted);
        assert_eq!(single.profiles.len(), 1);
        assert_eq!(single.active_profile().unit_id, "y-te");
    }

    #[test]
    fn the_bloc_table_ranks_own_profiles_and_typed_scores() {
        let mut w = Workspace::with_profiles(vec![
            full_marks("31211"),
            full_marks("31234"),
            full_marks("noi-vu"),
        ]);
        w.active_profile_mut()
            .update_entry(TargetId::Recruitment, |e| e.numerator = "0".into());
        w.peer_scores.insert("31231".into(), "99,5".into());
        w.peer_scores.insert("31232".into(), "abc".into());
        let table = w.bloc_table();
        assert_eq!(table.rows.len(), 11);
        let row = |id: &str| table.rows.iter().find(|r| r.unit_id == id).unwrap();
        assert_eq!(row("31211").source, ScoreSource::Own);
        assert_eq!(row("31211").score, Some(87.5));
        assert_eq!(row("31234").source, ScoreSource::Profile);
        assert_eq!(row("31234").score, Some(100.0));
        assert_eq!(row("31231").source, ScoreSource::Typed);
        assert_eq!(row("31232").typed_error, Some(NumberError::NotANumber));
        assert_eq!(row("31232").source, ScoreSource::Unknown);
        let standing = table.standing.unwrap();
        // Two known above (100 and 99,5), eight unknown.
        assert_eq!(
            (standing.rank.best, standing.rank.worst, standing.bloc_size),
            (3, 11, 11)
        );
        assert_eq!(standing.award, AwardVerdict::Possible);
    }

    #[test]
    fn an_other_unit_joins_its_bloc_as_an_extra_row() {
        let mut w = Workspace::default();
        w.active_profile_mut().set_bloc(Bloc::Agency);
        w.active_profile_mut().set_unit(OTHER_UNIT_ID);
        w.active_profile_mut().other_name = "Ban Quản lý dự án".into();
        let table = w.bloc_table();
        assert_eq!(table.rows.len(), 13);
        assert_eq!(table.standing.unwrap().bloc_size, 13);
        assert_eq!(table.rows.last().unwrap().name, "Ban Quản lý dự án");
    }

    #[test]
    fn normalising_repairs_ids_and_the_active_profile() {
        let mut w = Workspace::with_profiles(vec![Profile::default(), Profile::default()]);
        w.profiles[1].id = "p1".into();
        w.active = "nope".into();
        w.peer_scores.insert("<script>".into(), "1".into());
        let w = w.normalised();
        assert_ne!(w.profiles[0].id, w.profiles[1].id);
        assert_eq!(w.active, "p1");
        assert!(w.peer_scores.is_empty());
        let empty = Workspace {
            profiles: vec![],
            ..Workspace::default()
        }
        .normalised();
        assert_eq!(empty.profiles.len(), 1);
    }
}
