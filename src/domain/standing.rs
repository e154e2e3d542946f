//! The active unit's standing in its bloc without the bloc table (issue 14, 10 000
//! profiles): what the calculator shows of the table is the standing only, and a keystroke
//! changes the active profile only. So the peers' scores of the last table are kept, with
//! what they were computed from (the other profiles by address, the typed peer scores, the
//! plan and model, the active unit); while that is the same, a keystroke's standing is the
//! new own score against them: no rows, no ranking sort, no scoring of the other profiles.

use std::rc::Rc;

use super::bloc_table::{BlocTable, ScoreCache};
use super::plan::{BlocId, Plan};
use super::rank::{RankedPeers, Standing};
use super::score::ScoringModel;
use super::small_map::SmallMap;
use super::workspace::{Profiles, Workspace};

/// What the peers' scores were computed from.
struct Inputs {
    plan: Rc<Plan>,
    model: ScoringModel,
    active: String,
    bloc: BlocId,
    unit_id: String,
    other_name: String,
    peer_scores: SmallMap<String, String>,
    /// The profiles (a copy sharing the workspace's memory, so that what changed since is
    /// found by visiting what is not shared) and where the active one is.
    profiles: Profiles,
    index: usize,
}

impl Inputs {
    fn of(workspace: &Workspace, plan: &Rc<Plan>, model: &ScoringModel) -> Inputs {
        let own = workspace.active_profile();
        Inputs {
            plan: plan.clone(),
            model: model.clone(),
            active: workspace.active.clone(),
            bloc: own.bloc,
            unit_id: own.unit_id.clone(),
            other_name: own.other_name.clone(),
            peer_scores: workspace.peer_scores.clone(),
            profiles: workspace.profiles.clone(),
            index: workspace.active_index(),
        }
    }

    /// Whether `workspace` has these inputs (the active profile's figures aside): no
    /// profile but the active one changed, told in O(log n) per changed profile, not by
    /// comparing 10 000 of them (issue 14).
    fn same(&self, workspace: &Workspace, plan: &Rc<Plan>, model: &ScoringModel) -> bool {
        let own = workspace.active_profile();
        Rc::ptr_eq(&self.plan, plan)
            && self.model == *model
            && self.active == workspace.active
            && self.index == workspace.active_index()
            && self.bloc == own.bloc
            && self.unit_id == own.unit_id
            && self.other_name == own.other_name
            && self.peer_scores == workspace.peer_scores
            && self
                .profiles
                .differing(&workspace.profiles, |a, b| {
                    Rc::ptr_eq(&a.profile, &b.profile)
                })
                .is_some_and(|changed| changed.iter().all(|&i| i == self.index))
    }
}

/// The peers' scores of the last standing, and what they come from.
#[derive(Default)]
pub struct StandingCache {
    kept: Option<(Inputs, Option<Peers>)>,
    scores: ScoreCache,
}

/// The scores of the active unit's peers in the bloc table, sorted, and its award places.
struct Peers {
    ranked: RankedPeers,
    places: usize,
}

impl Workspace {
    /// The active unit's standing under `model` (the same as
    /// `self.bloc_table_under(model, …).standing`), from the peers' scores kept in `cache`
    /// while only the active profile's figures changed since (see the module's
    /// documentation).
    pub fn standing_under(
        &self,
        model: &ScoringModel,
        cache: &mut StandingCache,
    ) -> Option<Standing> {
        let plan = self.active_plan();
        let fresh = !matches!(&cache.kept, Some((inputs, _)) if inputs.same(self, &plan, model));
        if fresh {
            self.bloc_table_kept(model, cache);
        }
        let (_, peers) = cache.kept.as_ref()?;
        let peers = peers.as_ref()?;
        let own = self.active_profile().score(&plan, model);
        Some(peers.ranked.standing(own, peers.places))
    }

    /// The bloc table under `model` (`self.bloc_table_under(model, …)`), with the scores of
    /// the profiles that did not change taken from `cache`, which keeps this table's peers
    /// for the standing: the ranking view and the standing share one score per profile, so
    /// opening the view after the standing was shown scores no profile but the edited one
    /// (issue 14: 10 000 profiles).
    pub fn bloc_table_kept(&self, model: &ScoringModel, cache: &mut StandingCache) -> BlocTable {
        let plan = self.active_plan();
        let (table, ranked) = self.table_and_peers(model, &mut cache.scores);
        let peers = ranked.map(|ranked| Peers {
            ranked,
            places: table.places,
        });
        cache.kept = Some((Inputs::of(self, &plan, model), peers));
        table
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::builtin;
    use crate::domain::plan::OTHER_UNIT_ID;
    use crate::domain::profile::Profile;

    fn many(n: usize) -> Workspace {
        let communes = &builtin::plan_ref().bloc(builtin::COMMUNE).unwrap().units;
        let profiles = (0..n)
            .map(|i| {
                let mut profile = Profile::default();
                if i < communes.len() {
                    profile.set_unit(builtin::plan_ref(), &communes[i].id);
                } else {
                    profile.set_unit(builtin::plan_ref(), OTHER_UNIT_ID);
                    profile.other_name = format!("Đơn vị {i}");
                }
                profile.update_entry(builtin::RECRUITMENT, |e| {
                    e.numerator = (i % 11).to_string();
                    e.denominator = "10".into();
                });
                profile
            })
            .collect();
        Workspace::with_profiles(profiles)
    }

    fn table_standing(w: &Workspace) -> Option<Standing> {
        w.bloc_table_with(&mut ScoreCache::default()).standing
    }

    /// `n` profiles, the third one on screen with its standing shown (and kept in the
    /// cache returned).
    fn standing_shown(n: usize) -> (Workspace, ScoringModel, StandingCache) {
        let mut w = many(n);
        w.switch_to("p3");
        let model = w.model.clone();
        let mut cache = StandingCache::default();
        w.standing_under(&model, &mut cache);
        (w, model, cache)
    }

    fn type_figure(w: &mut Workspace, numerator: &str) {
        w.active_profile_mut()
            .update_entry(builtin::RECRUITMENT, |e| e.numerator = numerator.into());
    }

    #[test]
    fn the_standing_is_the_bloc_tables_through_every_kind_of_change() {
        let mut w = many(40);
        w.switch_to("p3");
        let mut cache = StandingCache::default();
        let model = w.model.clone();
        let mut check = |w: &Workspace, what: &str| {
            assert_eq!(
                w.standing_under(&model, &mut cache),
                table_standing(w),
                "{what}"
            );
        };
        check(&w, "first");
        for figure in ["0", "10", "3", ""] {
            type_figure(&mut w, figure);
            check(&w, "typed");
        }
        // Another profile changed (another tab, an import).
        Rc::make_mut(&mut Rc::make_mut(&mut w.profiles[5]).profile)
            .update_entry(builtin::RECRUITMENT, |e| e.numerator = "10".into());
        check(&w, "another profile");
        w.peer_scores.insert("31234".into(), "99".into());
        check(&w, "a typed peer score");
        w.switch_to("p20");
        check(&w, "another active profile");
        w.active_profile_mut().other_name = "Đổi tên".into();
        check(&w, "renamed other unit");
        w.delete("p7");
        check(&w, "deleted");
        w.switch_to("p1");
        w.active_profile_mut().set_unit(builtin::plan_ref(), "");
        check(&w, "no unit");
    }

    /// The ranking view opened after some keystrokes on the calculator (issue 14): its
    /// table is the one made afresh, and only the edited profile is scored again; the
    /// standing of that state needs no other table.
    #[test]
    fn the_table_after_the_standing_scores_the_edited_profile_only() {
        let (mut w, model, mut cache) = standing_shown(300);
        let before = cache.scores.remembered();
        for figure in ["7", "10"] {
            type_figure(&mut w, figure);
            w.standing_under(&model, &mut cache);
        }
        let table = w.bloc_table_kept(&model, &mut cache);
        assert_eq!(table, w.bloc_table_with(&mut ScoreCache::default()));
        let after = cache.scores.remembered();
        let kept = after.iter().filter(|a| before.contains(a)).count();
        assert_eq!((after.len(), kept), (300, 299));
        assert!(
            matches!(&cache.kept, Some((inputs, _)) if inputs.same(&w, &w.active_plan(), &model))
        );
        assert_eq!(w.standing_under(&model, &mut cache), table.standing);
    }

    /// A keystroke's standing compares the profiles of one leaf of the list (the one
    /// holding the active profile), however many there are: with 10 000 it compared every
    /// profile's address, and sorted every peer's score again (issue 14).
    #[test]
    fn a_keystrokes_standing_does_not_grow_with_the_number_of_profiles() {
        use crate::domain::shared_list::{COMPARED, WIDTH};
        for n in [1_000, 10_000] {
            let mut w = many(n);
            w.switch_to("p3");
            let model = w.model.clone();
            let mut cache = StandingCache::default();
            w.standing_under(&model, &mut cache);
            for figure in ["7", "10", ""] {
                type_figure(&mut w, figure);
                COMPARED.with(|c| c.set(0));
                let standing = w.standing_under(&model, &mut cache);
                assert_eq!(COMPARED.with(|c| c.get()), WIDTH, "n = {n}");
                assert_eq!(standing, table_standing(&w), "n = {n}");
            }
        }
    }

    /// A keystroke's standing among 10 000 profiles, against the bloc table it replaces on
    /// the calculator: printed (`cargo test --release -- --ignored --nocapture
    /// standing_timing`).
    #[test]
    #[ignore]
    fn standing_timing() {
        let (w, model, mut cache) = standing_shown(10_000);
        let mut scores = ScoreCache::default();
        w.bloc_table_with(&mut scores);
        let time = |f: &mut dyn FnMut(&mut Workspace, usize)| {
            let mut w = w.clone();
            let mut runs: Vec<f64> = (0..21)
                .map(|i| {
                    type_figure(&mut w, &(i % 10).to_string());
                    let start = std::time::Instant::now();
                    f(&mut w, i);
                    start.elapsed().as_secs_f64() * 1000.0
                })
                .collect();
            runs.sort_by(f64::total_cmp);
            runs[10]
        };
        let standing = time(&mut |w, _| {
            w.standing_under(&model, &mut cache);
        });
        let table = time(&mut |w, _| {
            w.bloc_table_with(&mut scores);
        });
        println!("a keystroke among 10 000 profiles: standing {standing:.3} ms, bloc table {table:.3} ms (median of 21)");
    }
}
