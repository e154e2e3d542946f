//! The bar chart of a bloc's leaderboard (issue 13): one bar per row with a known score, in
//! rank order, and the award cut-off drawn between the last row that can be in the award
//! zone and the first that cannot.
//!
//! Lengths along the bars are percentages of the chart's width (a score of 100 fills it);
//! lengths down the chart are in `em`, so the chart grows with the page's type (presentation
//! mode) without a second layout.

use super::bloc_table::BlocTable;

/// The height of one row (a label line, then its bar), in em.
pub const ROW: f64 = 2.3;
/// Where the label's baseline sits in a row, in em from the row's top.
pub const LABEL_BASELINE: f64 = 1.0;
/// Where the bar starts in a row, and its thickness, in em.
pub const BAR_TOP: f64 = 1.3;
pub const BAR_HEIGHT: f64 = 0.75;
/// The room the cut-off line and its label take, in em.
pub const CUTOFF_ROOM: f64 = 1.8;

#[derive(Debug, Clone, PartialEq)]
pub struct ChartBar {
    /// The row of the table (an index into `BlocTable::rows`).
    pub row: usize,
    /// The row's top, in em.
    pub top: f64,
    /// The bar's length, 0–100 (% of the width).
    pub length: f64,
    /// The row can be in the award zone (its best rank is within the places).
    pub in_zone: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RankingChart {
    pub bars: Vec<ChartBar>,
    /// The cut-off line's position down the chart, in em; `None` when no bar is on either
    /// side of it (every row drawn is in, or none is).
    pub cutoff: Option<f64>,
    /// The chart's height, in em.
    pub height: f64,
    /// Rows drawn from the table's `order` that have no known score (not drawn).
    pub unknown: usize,
}

/// The chart of `rows` (indices into `table.rows`, in rank order: the table's `order`, or
/// one page of it).
pub fn ranking_chart(table: &BlocTable, rows: &[usize]) -> RankingChart {
    let mut bars = Vec::with_capacity(rows.len());
    let mut cutoff = None;
    let mut top = 0.0;
    let mut unknown = 0;
    for &row in rows {
        let Some((score, rank)) = table.rows[row].score.zip(table.rows[row].rank) else {
            unknown += 1;
            continue;
        };
        let in_zone = rank.best <= table.places;
        // The line goes above the first bar out of the zone, when a bar in it came before.
        if !in_zone && cutoff.is_none() && bars.last().is_some_and(|b: &ChartBar| b.in_zone) {
            cutoff = Some(top + CUTOFF_ROOM / 2.0);
            top += CUTOFF_ROOM;
        }
        bars.push(ChartBar {
            row,
            top,
            length: score.clamp(0.0, 100.0),
            in_zone,
        });
        top += ROW;
    }
    RankingChart {
        bars,
        cutoff,
        height: top.max(ROW),
        unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::bloc_table::{BlocRow, ScoreSource};
    use crate::domain::rank::{rank_order, rank_rows};

    fn table(scores: &[Option<f64>], places: usize) -> BlocTable {
        let ranks = rank_rows(scores);
        BlocTable {
            bloc: crate::domain::builtin::COMMUNE,
            places,
            rows: scores
                .iter()
                .zip(&ranks)
                .enumerate()
                .map(|(i, (score, rank))| BlocRow {
                    unit_id: format!("u{i}"),
                    profile_id: None,
                    name: format!("Unit {i}"),
                    source: ScoreSource::Typed,
                    score: *score,
                    rank: *rank,
                    award: rank.map(|r| r.award(places)),
                    typed: String::new(),
                    typed_error: None,
                })
                .collect(),
            standing: None,
            order: rank_order(scores),
        }
    }

    #[test]
    fn bars_in_rank_order_with_the_cut_off_after_the_award_places() {
        let t = table(
            &[
                Some(50.0),
                None,
                Some(90.0),
                Some(70.0),
                Some(70.0),
                Some(120.0),
            ],
            2,
        );
        let chart = ranking_chart(&t, &t.order);
        let rows: Vec<usize> = chart.bars.iter().map(|b| b.row).collect();
        assert_eq!(rows, [5, 2, 3, 4, 0]);
        assert_eq!(chart.bars[0].length, 100.0, "clamped to the width");
        assert_eq!(chart.bars[1].length, 90.0);
        // Top 2 in, then the line, then the rest.
        assert_eq!(
            chart.bars.iter().map(|b| b.in_zone).collect::<Vec<_>>(),
            [true, true, false, false, false]
        );
        assert_eq!(chart.cutoff, Some(2.0 * ROW + CUTOFF_ROOM / 2.0));
        assert!((chart.bars[2].top - (2.0 * ROW + CUTOFF_ROOM)).abs() < 1e-9);
        assert!((chart.height - (5.0 * ROW + CUTOFF_ROOM)).abs() < 1e-9);
        assert_eq!(chart.unknown, 1);
    }

    #[test]
    fn a_tie_across_the_cut_off_stays_above_the_line() {
        // 90, 70, 70 with two places: the tie shares rank 2, both in.
        let t = table(&[Some(90.0), Some(70.0), Some(70.0), Some(10.0)], 2);
        let chart = ranking_chart(&t, &t.order);
        assert_eq!(chart.cutoff, Some(3.0 * ROW + CUTOFF_ROOM / 2.0));
    }

    #[test]
    fn no_line_when_every_bar_is_on_one_side() {
        let t = table(&[Some(90.0), Some(80.0)], 5);
        assert_eq!(ranking_chart(&t, &t.order).cutoff, None);
        let t = table(&[Some(90.0), Some(80.0), Some(70.0)], 1);
        // A page holding only rows out of the zone.
        assert_eq!(ranking_chart(&t, &t.order[1..]).cutoff, None);
        let t = table(&[None, None], 1);
        let chart = ranking_chart(&t, &t.order);
        assert!(chart.bars.is_empty());
        assert_eq!((chart.unknown, chart.height), (2, ROW));
    }
}
