//! Ranking within a bloc: competition ranking (1, 2, 2, 4) by score, highest first, with
//! honest ranges when some peers' scores are unknown, and the award-zone verdict.

use super::keyed::keyed_enum;

/// Scores are compared at the precision the page shows (hundredths), so two scores that
/// display the same share a rank.
pub fn hundredths(score: f64) -> i64 {
    (score * 100.0).round() as i64
}

/// A rank that may be a range: best case all unknown peers below, worst case all above.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RankRange {
    pub best: usize,
    pub worst: usize,
}

impl RankRange {
    pub fn is_exact(self) -> bool {
        self.best == self.worst
    }

    /// Whether this rank is in an award zone of `places` places: in when even the worst
    /// case is, out when even the best case is not.
    pub fn award(self, places: usize) -> AwardVerdict {
        if self.worst <= places {
            AwardVerdict::In
        } else if self.best > places {
            AwardVerdict::Out
        } else {
            AwardVerdict::Possible
        }
    }
}

keyed_enum! {
    /// Whether a unit is in the award zone; `key()` is the page's `data-award`.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum AwardVerdict {
        In = "in",
        Out = "out",
        /// In or out depending on the unknown peers.
        Possible = "possible",
    }
}

impl AwardVerdict {
    /// Whether in the zone; `None` when it depends on the unknown peers.
    pub fn is_in(self) -> Option<bool> {
        match self {
            AwardVerdict::In => Some(true),
            AwardVerdict::Out => Some(false),
            AwardVerdict::Possible => None,
        }
    }
}

/// How far the unit is from the edge of the award zone, among the peers whose scores are
/// known, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ZoneMargin {
    /// Ahead of the best known peer outside the zone by this much (0 on a tie, which
    /// shares the rank and stays in).
    Ahead(f64),
    /// This many points short of the last place in the zone.
    Behind(f64),
}

/// A unit's standing in its bloc.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Standing {
    pub rank: RankRange,
    pub bloc_size: usize,
    pub places: usize,
    pub award: AwardVerdict,
    /// `None` while fewer peers than award places have known scores.
    pub margin: Option<ZoneMargin>,
}

/// The rank range of `score` among `others` (`None` = unknown).
pub fn rank_among(score: f64, others: &[Option<f64>]) -> RankRange {
    let own = hundredths(score);
    let above = others
        .iter()
        .flatten()
        .filter(|&&s| hundredths(s) > own)
        .count();
    let unknown = others.iter().filter(|s| s.is_none()).count();
    RankRange {
        best: 1 + above,
        worst: 1 + above + unknown,
    }
}

/// The standing of a unit scoring `own` among `peers`, with `places` award places.
pub fn standing(own: f64, peers: &[Option<f64>], places: usize) -> Standing {
    RankedPeers::of(peers).standing(own, places)
}

/// Peers' scores sorted once, so that the standing of any own score is a binary search
/// (issue 14: a keystroke among 10 000 profiles changes the own score only).
#[derive(Debug, Clone, PartialEq)]
pub struct RankedPeers {
    /// The known scores in hundredths, highest first.
    known: Vec<i64>,
    unknown: usize,
}

impl RankedPeers {
    pub fn of(peers: &[Option<f64>]) -> RankedPeers {
        RankedPeers {
            known: known_descending(peers),
            unknown: peers.iter().filter(|s| s.is_none()).count(),
        }
    }

    /// As [`standing`] against these peers.
    pub fn standing(&self, own: f64, places: usize) -> Standing {
        let own = hundredths(own);
        // As `rank_among`: the known peers above, and the unknown ones either way.
        let above = self.known.partition_point(|&s| s > own);
        let rank = RankRange {
            best: 1 + above,
            worst: 1 + above + self.unknown,
        };
        // The `places`-th best known peer: the last place in the zone when the unit is
        // out, the first one pushed out when it is in.
        let margin = (places >= 1)
            .then(|| self.known.get(places - 1))
            .flatten()
            .map(|&edge| {
                if own >= edge {
                    ZoneMargin::Ahead((own - edge) as f64 / 100.0)
                } else {
                    ZoneMargin::Behind((edge - own) as f64 / 100.0)
                }
            });
        Standing {
            rank,
            bloc_size: self.known.len() + self.unknown + 1,
            places,
            award: rank.award(places),
            margin,
        }
    }
}

/// The known scores in hundredths, highest first (one sort shared by [`standing`] and
/// [`rank_rows`], so the bundle carries one copy of it).
fn known_descending(scores: &[Option<f64>]) -> Vec<i64> {
    let mut known: Vec<i64> = scores.iter().flatten().map(|&s| hundredths(s)).collect();
    sort_descending(&mut known);
    known
}

/// Sorts highest first with much less code in the wasm than the standard library's sort:
/// a counting sort when the values span a small range (scores in hundredths, 0–10 000, for
/// any number of rows), else a heapsort (O(n log n), no allocation). Integers have one
/// sorted order, so this is exactly `sort_unstable_by(|a, b| b.cmp(a))`. Measured (issue
/// 11): the standard sort here adds 1 283 bytes to the gzipped wasm (266 442 → 267 725),
/// as no other sort of integers is in the bundle.
fn sort_descending(values: &mut [i64]) {
    let (Some(&low), Some(&high)) = (values.iter().min(), values.iter().max()) else {
        return;
    };
    let span = high.abs_diff(low);
    if span <= 10_000 + values.len() as u64 {
        let mut counts = vec![0usize; span as usize + 1];
        for &value in values.iter() {
            counts[value.abs_diff(low) as usize] += 1;
        }
        let mut slots = values.iter_mut();
        for (offset, &count) in counts.iter().enumerate().rev() {
            for slot in slots.by_ref().take(count) {
                *slot = low.wrapping_add(offset as i64);
            }
        }
        return;
    }
    // A min-heap: taking the smallest out to the end leaves the largest first.
    fn sift_down(heap: &mut [i64], mut at: usize) {
        loop {
            let mut child = 2 * at + 1;
            if child >= heap.len() {
                return;
            }
            if child + 1 < heap.len() && heap[child + 1] < heap[child] {
                child += 1;
            }
            if heap[at] <= heap[child] {
                return;
            }
            heap.swap(at, child);
            at = child;
        }
    }
    for at in (0..values.len() / 2).rev() {
        sift_down(values, at);
    }
    for end in (1..values.len()).rev() {
        values.swap(0, end);
        sift_down(&mut values[..end], 0);
    }
}

/// The rank range of every row of a table (`None` for rows with no known score).
///
/// The same ranges as [`rank_among`] of each row against all the others, in O(n log n):
/// a row's best rank is one more than the number of known scores above it (its own score is
/// never above itself), its worst adds every unknown row (it is known, so it is not one of
/// them). The known scores are sorted once and each row's count is a binary search.
pub fn rank_rows(scores: &[Option<f64>]) -> Vec<Option<RankRange>> {
    let known = known_descending(scores);
    let unknown = scores.len() - known.len();
    scores
        .iter()
        .map(|score| {
            score.map(|score| {
                let own = hundredths(score);
                let above = known.partition_point(|&s| s > own);
                RankRange {
                    best: 1 + above,
                    worst: 1 + above + unknown,
                }
            })
        })
        .collect()
}

/// The rows of a table in rank order (issue 13, the leaderboard): the rows with a known
/// score highest first, rows whose scores are equal at hundredths (they share a rank) in
/// table order, then the rows with no known score, in table order. Returns row indices.
///
/// One descending sort of keys that hold the score's hundredths in the high 32 bits and the
/// complement of the row index in the low 32, so that ties come out in table order without
/// a second comparison (and the bundle keeps its one sort, see [`sort_descending`]).
pub fn rank_order(scores: &[Option<f64>]) -> Vec<usize> {
    const LOW: i64 = u32::MAX as i64;
    let mut keys: Vec<i64> = scores
        .iter()
        .enumerate()
        .filter_map(|(index, score)| {
            let own = hundredths((*score)?).clamp(i32::MIN.into(), i32::MAX.into());
            Some((own << 32) | (LOW - index as i64))
        })
        .collect();
    sort_descending(&mut keys);
    let mut order: Vec<usize> = keys
        .iter()
        .map(|key| (LOW - (key & LOW)) as usize)
        .collect();
    order.extend((0..scores.len()).filter(|&index| scores[index].is_none()));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ties_share_a_rank_and_skip_the_next() {
        let ranks = rank_rows(&[Some(90.0), Some(80.0), Some(80.0), Some(70.0)]);
        let best: Vec<usize> = ranks.iter().map(|r| r.unwrap().best).collect();
        assert_eq!(best, [1, 2, 2, 4]);
        assert!(ranks.iter().all(|r| r.unwrap().is_exact()));
    }

    #[test]
    fn scores_equal_at_two_decimals_tie() {
        let ranks = rank_rows(&[Some(80.001), Some(79.999)]);
        assert_eq!(ranks[0], ranks[1]);
    }

    #[test]
    fn unknown_peers_make_a_range() {
        let peers = [Some(95.0), None, Some(60.0), None, None];
        let s = standing(70.0, &peers, 5);
        assert_eq!(s.rank, RankRange { best: 2, worst: 5 });
        assert_eq!(s.bloc_size, 6);
        assert_eq!(s.award, AwardVerdict::In);
        let s = standing(70.0, &peers, 3);
        assert_eq!(s.award, AwardVerdict::Possible);
        let s = standing(50.0, &[Some(95.0), Some(90.0), Some(80.0), None], 3);
        assert_eq!(
            (s.rank.best, s.rank.worst, s.award),
            (4, 5, AwardVerdict::Out)
        );
        assert_eq!(s.margin, Some(ZoneMargin::Behind(30.0)));
        let rows = rank_rows(&[Some(50.0), None]);
        assert_eq!(rows, [Some(RankRange { best: 1, worst: 2 }), None]);
    }

    #[test]
    fn award_zone_edges() {
        // Exactly the last place in the zone.
        let s = standing(80.0, &[Some(90.0), Some(85.0)], 3);
        assert_eq!(
            (s.rank.best, s.award, s.margin),
            (3, AwardVerdict::In, None)
        );
        // One place outside.
        let s = standing(70.0, &[Some(90.0), Some(85.0), Some(80.0)], 3);
        assert_eq!((s.rank.best, s.award), (4, AwardVerdict::Out));
        assert_eq!(s.margin, Some(ZoneMargin::Behind(10.0)));
        // A tie across the boundary: both share rank 3, both are in.
        let s = standing(80.0, &[Some(90.0), Some(85.0), Some(80.0), Some(60.0)], 3);
        assert_eq!(
            (s.rank.best, s.rank.worst, s.award),
            (3, 3, AwardVerdict::In)
        );
        assert_eq!(s.margin, Some(ZoneMargin::Ahead(0.0)));
        // In with a lead over the first one outside.
        let s = standing(88.5, &[Some(90.0), Some(85.0), Some(80.0)], 3);
        assert_eq!(s.margin, Some(ZoneMargin::Ahead(8.5)));
    }

    #[test]
    fn a_rank_range_decides_the_zone_that_standing_and_rows_use() {
        let range = |best, worst| RankRange { best, worst };
        assert_eq!(range(3, 3).award(3), AwardVerdict::In);
        assert_eq!(range(2, 4).award(3), AwardVerdict::Possible);
        assert_eq!(range(4, 6).award(3), AwardVerdict::Out);
        assert_eq!(
            [AwardVerdict::In, AwardVerdict::Possible, AwardVerdict::Out].map(AwardVerdict::is_in),
            [Some(true), None, Some(false)]
        );
        let s = standing(70.0, &[Some(95.0), None, Some(60.0), None, None], 3);
        assert_eq!(s.award, s.rank.award(3));
    }

    #[test]
    fn ranking_does_not_depend_on_order() {
        let a = standing(75.0, &[Some(80.0), None, Some(70.0)], 2);
        let b = standing(75.0, &[None, Some(70.0), Some(80.0)], 2);
        assert_eq!(a, b);
    }

    /// The definition, row by row against all the others: O(n²), for comparison.
    fn naive_rank_rows(scores: &[Option<f64>]) -> Vec<Option<RankRange>> {
        scores
            .iter()
            .enumerate()
            .map(|(index, score)| {
                score.map(|score| {
                    let others: Vec<Option<f64>> = scores
                        .iter()
                        .enumerate()
                        .filter(|(other, _)| *other != index)
                        .map(|(_, s)| *s)
                        .collect();
                    rank_among(score, &others)
                })
            })
            .collect()
    }

    /// A small deterministic generator (xorshift64*), so the test needs no crate and runs
    /// the same everywhere.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }

        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }

        /// A score as a table holds it: unknown, a whole or two-decimal score, or one with
        /// more decimals that rounds onto its neighbours' hundredths (ties at two decimals).
        fn score(&mut self) -> Option<f64> {
            match self.below(6) {
                0 => None,
                1 => Some(self.below(101) as f64),
                2 => Some(self.below(10_001) as f64 / 100.0),
                3 => Some(self.below(1_000_001) as f64 / 10_000.0),
                // Few distinct values: many ties.
                _ => Some([50.0, 75.5, 75.504, 75.496, 100.0][self.below(5) as usize]),
            }
        }
    }

    #[test]
    fn heapsort_orders_as_the_standard_sort() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for case in 0..2_000 {
            let n = rng.below(if case < 1_000 { 12 } else { 3_000 }) as usize;
            // Few values (many ties), scores' range, and any i64 at all.
            let spread = [3, 100, 10_001, u64::MAX][case % 4];
            let values: Vec<i64> = (0..n).map(|_| rng.below(spread) as i64).collect();
            let mut expected = values.clone();
            expected.sort_unstable_by(|a, b| b.cmp(a));
            let mut ours = values;
            sort_descending(&mut ours);
            assert_eq!(ours, expected, "case {case}");
        }
    }

    #[test]
    fn rank_rows_matches_the_definition_on_random_tables() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for case in 0..400 {
            let n = rng.below(if case < 300 { 25 } else { 300 }) as usize;
            let scores: Vec<Option<f64>> = (0..n).map(|_| rng.score()).collect();
            assert_eq!(
                rank_rows(&scores),
                naive_rank_rows(&scores),
                "case {case}: {scores:?}"
            );
        }
    }

    #[test]
    fn ten_thousand_rows_rank_correctly() {
        let mut rng = Rng(42);
        let scores: Vec<Option<f64>> = (0..10_000).map(|_| rng.score()).collect();
        let ranks = rank_rows(&scores);
        // An independent reference: how many known scores sit at each hundredth (scores
        // run from 0 to 100, so 0..=10 000), then the count strictly above each.
        let mut at = vec![0usize; 10_002];
        for s in scores.iter().flatten() {
            at[hundredths(*s) as usize] += 1;
        }
        let mut above = vec![0usize; 10_002];
        for h in (0..10_001).rev() {
            above[h] = above[h + 1] + at[h + 1];
        }
        let unknown = scores.iter().filter(|s| s.is_none()).count();
        assert!(
            unknown > 1_000 && unknown < 2_500,
            "the sample has unknowns"
        );
        for (score, rank) in scores.iter().zip(&ranks) {
            match score {
                None => assert_eq!(*rank, None),
                Some(s) => {
                    let best = 1 + above[hundredths(*s) as usize];
                    assert_eq!(
                        *rank,
                        Some(RankRange {
                            best,
                            worst: best + unknown
                        })
                    );
                }
            }
        }
        // And the naive definition agrees on a slice of the rows (all 10 000 would take
        // 10^8 steps).
        let sample: Vec<usize> = (0..10_000).step_by(97).collect();
        for &i in &sample {
            if let Some(s) = scores[i] {
                let others: Vec<Option<f64>> = scores
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| *j != i)
                    .map(|(_, s)| *s)
                    .collect();
                assert_eq!(ranks[i], Some(rank_among(s, &others)));
            }
        }
    }

    #[test]
    fn rank_order_is_best_first_ties_in_table_order_unknown_last() {
        let scores = [
            None,
            Some(80.0),
            Some(95.5),
            Some(80.004), // equal to 80 at hundredths: a tie, kept in table order
            None,
            Some(0.0),
            Some(100.0),
        ];
        assert_eq!(rank_order(&scores), [6, 2, 1, 3, 5, 0, 4]);
        assert!(rank_order(&[]).is_empty());
        assert_eq!(rank_order(&[None, None]), [0, 1]);
    }

    #[test]
    fn rank_order_follows_the_ranks_on_random_tables() {
        let mut rng = Rng(7);
        for case in 0..300 {
            let n = rng.below(if case < 200 { 30 } else { 2_000 }) as usize;
            let scores: Vec<Option<f64>> = (0..n).map(|_| rng.score()).collect();
            let order = rank_order(&scores);
            let ranks = rank_rows(&scores);
            let mut seen = order.clone();
            seen.sort_unstable();
            assert_eq!(seen, (0..n).collect::<Vec<_>>(), "a permutation");
            for pair in order.windows(2) {
                let (a, b) = (pair[0], pair[1]);
                match (ranks[a], ranks[b]) {
                    // Best rank never decreases; equal ranks keep the table order.
                    (Some(ra), Some(rb)) => {
                        assert!(
                            ra.best < rb.best || (ra.best == rb.best && a < b),
                            "case {case}"
                        )
                    }
                    (None, None) => assert!(a < b, "case {case}"),
                    (Some(_), None) => {}
                    (None, Some(_)) => panic!("case {case}: an unknown before a known score"),
                }
            }
        }
    }
}
