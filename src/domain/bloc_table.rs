//! The bloc table: the active unit's bloc in full, with scores, ranks and award verdicts,
//! and its standing; and the cache that keeps the scores of unchanged profiles from one
//! table to the next.

use super::keyed::keyed_enum;
use std::rc::Rc;

use super::number::{parse_score, NumberError};
use super::plan::{BlocId, Plan, OTHER_UNIT_ID};
use super::profile::Profile;
use super::rank::{rank_order, rank_rows, AwardVerdict, RankRange, RankedPeers, Standing};
use super::score::ScoringModel;
use super::small_map::SmallMap;
use super::workspace::{ProfileRecord, Workspace};

keyed_enum! {
    /// Where a score in the bloc table comes from.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum ScoreSource {
        /// The active profile.
        Own = "own",
        /// Another profile in this browser.
        Profile = "profile",
        /// A score typed in directly.
        Typed = "typed",
        /// Not known ("chưa có số liệu").
        Unknown = "unknown",
    }
}

/// One row of the bloc table: a unit of the bloc's list, or an "other" unit (one not in the
/// lists) that a profile in this browser holds.
#[derive(Debug, Clone, PartialEq)]
pub struct BlocRow {
    /// The unit's id: a unit of the bloc's list, or [`OTHER_UNIT_ID`] for every "other"
    /// unit (tell those apart by `profile_id`).
    pub unit_id: String,
    /// The profile the score comes from (the active one for the own row, another for a
    /// peer's profile); `None` for typed and unknown scores.
    pub profile_id: Option<String>,
    pub name: String,
    pub source: ScoreSource,
    pub score: Option<f64>,
    pub rank: Option<RankRange>,
    /// Whether the row is in the award zone (`None` without a score).
    pub award: Option<AwardVerdict>,
    /// The typed peer score, kept as typed, and why it cannot be used.
    pub typed: String,
    pub typed_error: Option<NumberError>,
}

impl BlocRow {
    /// A key unique within the table: the unit id, or `other:<profile id>` for an "other"
    /// unit, since several profiles may hold one each.
    pub fn key(&self) -> String {
        match &self.profile_id {
            Some(profile) if self.unit_id == OTHER_UNIT_ID => format!("{OTHER_UNIT_ID}:{profile}"),
            _ => self.unit_id.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct BlocTable {
    pub bloc: BlocId,
    /// The award places of the bloc, under the model the table was made with.
    pub places: usize,
    pub rows: Vec<BlocRow>,
    /// The active unit's standing; `None` until a unit is chosen.
    pub standing: Option<Standing>,
    /// The rows in rank order, as indices into `rows` (see [`rank_order`]): the leaderboard
    /// the ranking view shows (issue 13).
    pub order: Vec<usize>,
}

impl Workspace {
    /// The bloc's profiles but the active one, in one pass (issue 14: 10 000 of them): the
    /// peers of the bloc's list, one per unit (the first), by unit id, and the "other"
    /// units, in profile order.
    fn bloc_profiles(
        &self,
        plan: &Plan,
        bloc: BlocId,
    ) -> (SmallMap<&str, &ProfileRecord>, Vec<&ProfileRecord>) {
        let own = self.active_profile();
        // At most one per unit of the plan's bloc list: small.
        let mut peers = SmallMap::new();
        let mut others = Vec::new();
        for record in &self.profiles {
            let p = &record.profile;
            if p.bloc != bloc || p.plan != plan.id {
                continue;
            }
            // Most profiles of a big workspace are "other" units.
            if p.unit_id == OTHER_UNIT_ID {
                others.push(&**record);
            } else if p.unit_id != own.unit_id
                && record.id != self.active
                && plan.find_unit(&p.unit_id).is_some()
            {
                peers.get_or_insert_with(p.unit_id.as_str(), || &**record);
            }
        }
        (peers, others)
    }

    /// The active unit's bloc, listed in full, with scores, ranks and its standing: the
    /// units of the bloc's list, in list order, then every "other" unit of the bloc that a
    /// profile holds (the active one, and the others with a name), in profile order.
    ///
    /// O(n log n) in the number of profiles: each profile's score is computed once (or
    /// taken from `cache`, where it has it: a profile that did not change since the cache's
    /// last table, under the same model) and the ranks come from one sort ([`rank_rows`]).
    /// The cache keeps the scores of this table's profiles: after an edit of one profile of
    /// many, only that profile is scored again.
    pub fn bloc_table_with(&self, cache: &mut ScoreCache) -> BlocTable {
        self.bloc_table_under(&self.model_of(&self.active_plan()), cache)
    }

    /// The bloc table under the plan's default scoring model, while the model in use is
    /// another one (`None` with the default model): the same rows in the same places, so
    /// that row `i` of both tables is the same unit (issue 13, model against default).
    pub fn default_model_table(&self, cache: &mut ScoreCache) -> Option<BlocTable> {
        let plan = self.active_plan();
        let default = ScoringModel::for_plan(&plan);
        (self.model_of(&plan) != default).then(|| self.bloc_table_under(&default, cache))
    }

    /// The bloc table (see [`Workspace::bloc_table_with`]) under `model`.
    pub fn bloc_table_under(&self, model: &ScoringModel, cache: &mut ScoreCache) -> BlocTable {
        self.table_and_peers(model, cache).0
    }

    /// The bloc table under `model`, and the scores of the active unit's peers ranked, for
    /// its standing against another own score (`None` when the active unit has no row).
    pub(crate) fn table_and_peers(
        &self,
        model: &ScoringModel,
        cache: &mut ScoreCache,
    ) -> (BlocTable, Option<RankedPeers>) {
        let own = self.active_profile();
        let bloc = own.bloc;
        let plan = self.active_plan();
        let (peers, others) = self.bloc_profiles(&plan, bloc);
        let mut scores = cache.start(&plan, model);
        let own_score = scores.score(&self.active().profile);
        let units = plan.bloc(bloc).map_or(&[][..], |b| &b.units[..]);
        let mut rows: Vec<BlocRow> = units
            .iter()
            .map(|unit| {
                let typed = self
                    .peer_scores
                    .get(&Workspace::peer_key(&plan, &unit.id))
                    .cloned()
                    .unwrap_or_default();
                let mut row = BlocRow {
                    unit_id: unit.id.to_string(),
                    profile_id: None,
                    name: unit.name.to_string(),
                    source: ScoreSource::Unknown,
                    score: None,
                    rank: None,
                    award: None,
                    typed,
                    typed_error: None,
                };
                if unit.id == own.unit_id {
                    row.source = ScoreSource::Own;
                    row.profile_id = Some(self.active.clone());
                    row.score = Some(own_score);
                } else if let Some(peer) = peers.get(unit.id.as_str()) {
                    row.source = ScoreSource::Profile;
                    row.profile_id = Some(peer.id.clone());
                    row.score = Some(scores.score(&peer.profile));
                } else {
                    // The app's one number reader, rounded to the hundredths ranks compare.
                    match parse_score(&row.typed) {
                        Ok(Some(score)) => {
                            row.source = ScoreSource::Typed;
                            row.score = Some(score);
                        }
                        Ok(None) => {}
                        Err(error) => row.typed_error = Some(error),
                    }
                }
                row
            })
            .collect();
        rows.reserve(others.len());
        for record in others {
            let p = &record.profile;
            let is_own = record.id == self.active;
            // A peer "other" unit without a name could not be told apart: it is left out
            // until it has one. The active unit is always listed.
            let name = match (p.unit_name(&plan), is_own) {
                (Some(name), _) => name,
                (None, true) => "",
                (None, false) => continue,
            };
            rows.push(BlocRow {
                unit_id: OTHER_UNIT_ID.to_string(),
                profile_id: Some(record.id.clone()),
                name: name.to_string(),
                source: if is_own {
                    ScoreSource::Own
                } else {
                    ScoreSource::Profile
                },
                score: Some(if is_own {
                    own_score
                } else {
                    scores.score(&record.profile)
                }),
                rank: None,
                award: None,
                typed: String::new(),
                typed_error: None,
            });
        }
        cache.finish(scores);
        let scores: Vec<Option<f64>> = rows.iter().map(|r| r.score).collect();
        let places = model.award_places.for_bloc(bloc);
        for (row, rank) in rows.iter_mut().zip(rank_rows(&scores)) {
            row.rank = rank;
            row.award = rank.map(|rank| rank.award(places));
        }
        let peers = rows
            .iter()
            .position(|r| r.source == ScoreSource::Own)
            .map(|own_index| {
                let others: Vec<Option<f64>> = scores
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i != own_index)
                    .map(|(_, s)| *s)
                    .collect();
                RankedPeers::of(&others)
            });
        let standing = peers
            .as_ref()
            .map(|peers| peers.standing(own_score, places));
        let table = BlocTable {
            bloc,
            places,
            rows,
            standing,
            order: rank_order(&scores),
        };
        (table, peers)
    }
}

/// The scores of the profiles of the last bloc table, under the model it was computed with,
/// remembered by profile: by the address of its `Rc`, which stays the same while the profile
/// is unchanged and shared (an edit copies the profile first, see
/// [`Workspace::active_profile_mut`]). The cache keeps its own `Rc` of every profile it
/// holds, so an address cannot be reused by another profile while it is remembered.
#[derive(Debug, Default)]
pub struct ScoreCache {
    model: Option<(Rc<Plan>, ScoringModel)>,
    /// `(address, profile, score)`, sorted by address.
    scores: Vec<(usize, Rc<Profile>, f64)>,
}

/// The scores being gathered for one table, looked up in those of the previous one; what
/// the table no longer uses is dropped when it is done.
struct Scoring<'a> {
    plan: &'a Plan,
    model: &'a ScoringModel,
    old: Vec<(usize, Rc<Profile>, f64)>,
    new: Vec<(usize, Rc<Profile>, f64)>,
}

impl Scoring<'_> {
    fn score(&mut self, profile: &Rc<Profile>) -> f64 {
        let key = Rc::as_ptr(profile) as usize;
        let score = match self.old.binary_search_by_key(&key, |entry| entry.0) {
            Ok(found) => self.old[found].2,
            Err(_) => profile.score(self.plan, self.model),
        };
        self.new.push((key, profile.clone(), score));
        score
    }
}

impl ScoreCache {
    /// The number of profiles whose score is remembered.
    pub fn len(&self) -> usize {
        self.scores.len()
    }

    pub fn is_empty(&self) -> bool {
        self.scores.is_empty()
    }

    /// The addresses of the profiles remembered (for tests).
    #[cfg(test)]
    pub(crate) fn remembered(&self) -> Vec<usize> {
        self.scores.iter().map(|entry| entry.0).collect()
    }

    fn start<'a>(&mut self, plan: &'a Rc<Plan>, model: &'a ScoringModel) -> Scoring<'a> {
        let same = matches!(&self.model, Some((p, m)) if Rc::ptr_eq(p, plan) && m == model);
        let old = if same {
            std::mem::take(&mut self.scores)
        } else {
            self.model = Some((plan.clone(), model.clone()));
            Vec::new()
        };
        Scoring {
            plan,
            model,
            new: Vec::with_capacity(old.len()),
            old,
        }
    }

    fn finish(&mut self, scoring: Scoring<'_>) {
        let mut scores = scoring.new;
        scores.sort_unstable_by_key(|entry| entry.0);
        scores.dedup_by_key(|entry| entry.0);
        self.scores = scores;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::builtin;
    use crate::domain::figures::TargetEntry;

    /// A table made afresh (no cache).
    fn bloc_table(workspace: &Workspace) -> BlocTable {
        workspace.bloc_table_with(&mut ScoreCache::default())
    }

    fn full_marks(unit: &str) -> Profile {
        let mut p = Profile::default();
        p.set_unit(builtin::plan_ref(), unit);
        for t in &builtin::plan_ref().targets {
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
    fn the_bloc_table_ranks_own_profiles_and_typed_scores() {
        let mut w = Workspace::with_profiles(vec![
            full_marks("31211"),
            full_marks("31234"),
            full_marks("noi-vu"),
        ]);
        w.active_profile_mut()
            .update_entry(builtin::RECRUITMENT, |e| e.numerator = "0".into());
        w.peer_scores.insert("31231".into(), "99,5".into());
        w.peer_scores.insert("31232".into(), "abc".into());
        let table = bloc_table(&w);
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
    fn the_table_is_ordered_best_first_then_unknown_in_list_order() {
        let mut w = Workspace::with_profiles(vec![full_marks("31211"), full_marks("31234")]);
        w.active_profile_mut()
            .update_entry(builtin::RECRUITMENT, |e| e.numerator = "0".into());
        w.peer_scores.insert("31231".into(), "99,5".into());
        w.peer_scores.insert("31252".into(), "87,5".into()); // ties with the own 87,5
        let table = bloc_table(&w);
        let ids: Vec<&str> = table
            .order
            .iter()
            .map(|&i| table.rows[i].unit_id.as_str())
            .collect();
        // 100, 99,5, then the tie 87,5 in list order (31211 before 31252), then the unknown.
        assert_eq!(
            ids,
            [
                "31234", "31231", "31211", "31252", "31232", "31237", "31240", "31241", "31243",
                "31244", "31246"
            ]
        );
        let ranks: Vec<Option<usize>> = table
            .order
            .iter()
            .map(|&i| table.rows[i].rank.map(|r| r.best))
            .collect();
        assert_eq!(&ranks[..4], [Some(1), Some(2), Some(3), Some(3)]);
    }

    #[test]
    fn the_default_model_table_has_the_same_rows_scored_by_default() {
        let mut w = Workspace::with_profiles(vec![full_marks("31211"), full_marks("31234")]);
        // The own unit: files 6/20 = 30% of 35%, partly met.
        w.active_profile_mut()
            .update_entry(builtin::ONLINE_WORK_FILES, |e| e.numerator = "6".into());
        w.active_profile_mut()
            .update_entry(builtin::ONLINE_WORK_FILES, |e| e.denominator = "20".into());
        let mut cache = ScoreCache::default();
        assert_eq!(
            w.default_model_table(&mut cache),
            None,
            "the default is in use"
        );
        w.model.mode = crate::domain::score::ScoringMode::AllOrNothing;
        let custom = bloc_table(&w);
        let default = w.default_model_table(&mut cache).unwrap();
        let keys = |t: &BlocTable| t.rows.iter().map(BlocRow::key).collect::<Vec<_>>();
        assert_eq!(keys(&custom), keys(&default));
        let own = |t: &BlocTable| t.rows.iter().find(|r| r.unit_id == "31211").unwrap().score;
        assert_eq!(own(&custom), Some(87.5));
        assert!(
            own(&default).unwrap() > 98.0,
            "partly met counts by default"
        );
        assert_eq!(default.standing.unwrap().rank.best, 2);
    }

    #[test]
    fn an_other_unit_joins_its_bloc_as_an_extra_row() {
        let mut w = Workspace::default();
        w.active_profile_mut()
            .set_bloc(builtin::plan_ref(), builtin::AGENCY);
        w.active_profile_mut()
            .set_unit(builtin::plan_ref(), OTHER_UNIT_ID);
        w.active_profile_mut().other_name = "Ban Quản lý dự án".into();
        let table = bloc_table(&w);
        assert_eq!(table.rows.len(), 13);
        assert_eq!(table.standing.unwrap().bloc_size, 13);
        assert_eq!(table.rows.last().unwrap().name, "Ban Quản lý dự án");
    }

    #[test]
    fn other_units_of_other_profiles_are_peers_each_in_its_own_row() {
        let other = |bloc: BlocId, name: &str, full: bool| {
            let mut p = if full {
                full_marks(OTHER_UNIT_ID)
            } else {
                Profile::default()
            };
            p.set_bloc(builtin::plan_ref(), bloc);
            p.set_unit(builtin::plan_ref(), OTHER_UNIT_ID);
            p.other_name = name.into();
            p
        };
        let mut w = Workspace::with_profiles(vec![
            full_marks("31211"),
            other(builtin::COMMUNE, "Xã Mới", true),
            other(builtin::COMMUNE, "Xã Mới", false), // same name: still its own row
            other(builtin::COMMUNE, "  ", true),      // no name: left out
            other(builtin::AGENCY, "Ban Quản lý dự án", true), // another bloc
        ]);
        w.active_profile_mut()
            .update_entry(builtin::RECRUITMENT, |e| e.numerator = "0".into());
        let table = bloc_table(&w);
        assert_eq!(table.rows.len(), 13);
        let extra: Vec<(String, Option<&str>, ScoreSource, String)> = table.rows[11..]
            .iter()
            .map(|r| {
                (
                    r.unit_id.clone(),
                    r.profile_id.as_deref(),
                    r.source,
                    r.key(),
                )
            })
            .collect();
        assert_eq!(
            extra,
            [
                (
                    "other".into(),
                    Some("p2"),
                    ScoreSource::Profile,
                    "other:p2".into()
                ),
                (
                    "other".into(),
                    Some("p3"),
                    ScoreSource::Profile,
                    "other:p3".into()
                ),
            ]
        );
        assert_eq!(table.rows[11].score, Some(100.0));
        assert_eq!(table.rows[11].rank, Some(RankRange { best: 1, worst: 11 }));
        assert_eq!(table.rows[2].key(), "31211");
        let standing = table.standing.unwrap();
        assert_eq!(standing.bloc_size, 13);
        assert_eq!((standing.rank.best, standing.rank.worst), (2, 12));
        // Seen from the "other" unit p2: the commune 31211 is now a peer profile.
        w.switch_to("p2");
        let table = bloc_table(&w);
        assert_eq!(table.rows.len(), 13);
        let own: Vec<&BlocRow> = table
            .rows
            .iter()
            .filter(|r| r.source == ScoreSource::Own)
            .collect();
        assert_eq!(own.len(), 1);
        assert_eq!(own[0].key(), "other:p2");
        assert_eq!(table.rows[2].source, ScoreSource::Profile);
        assert_eq!(table.rows[2].profile_id.as_deref(), Some("p1"));
    }

    /// A workspace holding `n` profiles in the commune bloc: the 11 communes (the first one
    /// active) and `n - 11` "other" units, with varied scores.
    fn district_of(n: usize) -> Workspace {
        let mut profiles = Vec::with_capacity(n);
        for (i, unit) in builtin::plan_ref().blocs[0].units.iter().enumerate() {
            let mut p = full_marks(&unit.id);
            if i % 2 == 1 {
                p.update_entry(builtin::RECRUITMENT, |e| e.numerator = "0".into());
            }
            profiles.push(p);
        }
        for i in 0..n - profiles.len() {
            let mut p = Profile::default();
            p.set_unit(builtin::plan_ref(), OTHER_UNIT_ID);
            p.other_name = format!("Đơn vị {i}");
            for (k, t) in builtin::plan_ref().targets.iter().enumerate() {
                if (i >> k) & 1 == 1 {
                    p.update_entry(t.id, |e| {
                        *e = TargetEntry {
                            numerator: "1".into(),
                            denominator: "1".into(),
                            answer: Some(true),
                            ..Default::default()
                        }
                    });
                }
            }
            profiles.push(p);
        }
        Workspace::with_profiles(profiles)
    }

    #[test]
    fn ten_thousand_profiles_make_a_ten_thousand_row_table() {
        let w = district_of(10_000);
        let table = bloc_table(&w);
        assert_eq!(table.rows.len(), 10_000);
        let keys: std::collections::BTreeSet<String> =
            table.rows.iter().map(BlocRow::key).collect();
        assert_eq!(keys.len(), 10_000, "every row has its own key");
        // Everyone is known, so every rank is exact and is 1 + the number of higher scores.
        let mut scores: Vec<i64> = table
            .rows
            .iter()
            .map(|r| crate::domain::rank::hundredths(r.score.unwrap()))
            .collect();
        scores.sort_unstable();
        for row in &table.rows {
            let rank = row.rank.unwrap();
            let own = crate::domain::rank::hundredths(row.score.unwrap());
            let above = scores.len() - scores.partition_point(|&s| s <= own);
            assert_eq!((rank.best, rank.worst), (1 + above, 1 + above));
        }
        let standing = table.standing.unwrap();
        assert_eq!(standing.bloc_size, 10_000);
        assert_eq!(Some(standing.rank), table.rows[0].rank);
    }

    #[test]
    fn after_an_edit_only_the_edited_profile_is_scored_again() {
        let mut w = district_of(200);
        let mut cache = ScoreCache::default();
        let before = w.bloc_table_with(&mut cache);
        assert_eq!(cache.len(), 200);
        let remembered: Vec<usize> = cache.scores.iter().map(|e| e.0).collect();
        let previous = w.clone(); // the previous state keeps its workspace
        w.switch_to("p5");
        w.active_profile_mut()
            .update_entry(builtin::RECRUITMENT, |e| e.numerator = "0".into());
        let after = w.bloc_table_with(&mut cache);
        let now: Vec<usize> = cache.scores.iter().map(|e| e.0).collect();
        let kept = remembered.iter().filter(|k| now.contains(k)).count();
        assert_eq!((cache.len(), kept), (200, 199));
        assert_eq!(after, bloc_table(&w));
        assert_ne!(after.rows[4].score, before.rows[4].score);
        assert_eq!(bloc_table(&previous), before);
        // Another model scores everything again.
        w.model.mode = crate::domain::score::ScoringMode::AllOrNothing;
        assert_eq!(w.bloc_table_with(&mut cache), bloc_table(&w));
        assert!(cache.model.as_ref().map(|(_, m)| m) == Some(&w.model));
    }

    /// Times ranking and aggregating 10 000 units (not part of the normal run):
    ///     cargo test --release --lib -- --ignored --nocapture scale_timing
    /// scripts/bench.sh runs it and records the numbers in BENCHMARKS.md.
    #[test]
    #[ignore]
    fn scale_timing() {
        use std::time::Instant;
        let w = district_of(10_000);
        let runs = 21;
        let mut table_ms = Vec::new();
        let mut rank_ms = Vec::new();
        let mut edited_ms = Vec::new();
        let mut rows = 0;
        // As the page does after a keystroke: one profile edited, the others' scores cached.
        let mut cache = ScoreCache::default();
        let mut edited = w.clone();
        edited.bloc_table_with(&mut cache);
        for _ in 0..runs {
            let start = Instant::now();
            let table = bloc_table(&w);
            table_ms.push(start.elapsed().as_secs_f64() * 1000.0);
            rows = table.rows.len();
            let scores: Vec<Option<f64>> = table.rows.iter().map(|r| r.score).collect();
            let start = Instant::now();
            let ranks = rank_rows(&scores);
            rank_ms.push(start.elapsed().as_secs_f64() * 1000.0);
            assert_eq!(ranks.len(), rows);
            edited
                .active_profile_mut()
                .update_entry(builtin::RECRUITMENT, |e| e.numerator.push('1'));
            let start = Instant::now();
            edited.bloc_table_with(&mut cache);
            edited_ms.push(start.elapsed().as_secs_f64() * 1000.0);
        }
        let median = |v: &mut Vec<f64>| {
            v.sort_by(|a, b| a.total_cmp(b));
            v[v.len() / 2]
        };
        // One line a script can read.
        println!(
            "SCALE_TIMING rows={rows} runs={runs} bloc_table_ms={:.3} rank_rows_ms={:.3} bloc_table_after_edit_ms={:.3}",
            median(&mut table_ms),
            median(&mut rank_ms),
            median(&mut edited_ms)
        );
    }
}
