//! Ranking within a bloc: competition ranking (1, 2, 2, 4) by score, highest first, with
//! honest ranges when some peers' scores are unknown, and the award-zone verdict.

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
}

/// Whether a unit is in the award zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AwardVerdict {
    In,
    Out,
    /// In or out depending on the unknown peers.
    Possible,
}

impl AwardVerdict {
    /// The page's `data-award`.
    pub fn key(self) -> &'static str {
        match self {
            AwardVerdict::In => "in",
            AwardVerdict::Out => "out",
            AwardVerdict::Possible => "possible",
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
    let rank = rank_among(own, peers);
    let award = if rank.worst <= places {
        AwardVerdict::In
    } else if rank.best > places {
        AwardVerdict::Out
    } else {
        AwardVerdict::Possible
    };
    let mut known: Vec<i64> = peers.iter().flatten().map(|&s| hundredths(s)).collect();
    known.sort_unstable_by(|a, b| b.cmp(a));
    // The `places`-th best known peer: the last place in the zone when the unit is out,
    // the first one pushed out when it is in.
    let margin = (places >= 1)
        .then(|| known.get(places - 1))
        .flatten()
        .map(|&edge| {
            let own = hundredths(own);
            if own >= edge {
                ZoneMargin::Ahead((own - edge) as f64 / 100.0)
            } else {
                ZoneMargin::Behind((edge - own) as f64 / 100.0)
            }
        });
    Standing {
        rank,
        bloc_size: peers.len() + 1,
        places,
        award,
        margin,
    }
}

/// The rank range of every row of a table (`None` for rows with no known score).
pub fn rank_rows(scores: &[Option<f64>]) -> Vec<Option<RankRange>> {
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
    fn ranking_does_not_depend_on_order() {
        let a = standing(75.0, &[Some(80.0), None, Some(70.0)], 2);
        let b = standing(75.0, &[None, Some(70.0), Some(80.0)], 2);
        assert_eq!(a, b);
    }
}
