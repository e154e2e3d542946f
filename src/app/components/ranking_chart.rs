//! The bar chart of the bloc's leaderboard (issue 13): `svg[data-chart="ranking"]`, one bar
//! per unit with a known score in rank order and the award cut-off; its geometry comes from
//! `domain::ranking_chart`, and the ranking table under it is its text equivalent.

use yew::prelude::*;

use crate::domain::bloc_table::{BlocTable, ScoreSource};
use crate::domain::number::{format_hundredths, format_real};
use crate::domain::ranking_chart::{ranking_chart, BAR_HEIGHT, BAR_TOP, LABEL_BASELINE};
use crate::i18n::Lang;

/// An SVG length in em. (Two decimals written from integers: a `{:.2}` of a float here,
/// even in a view loaded on demand, would put the float formatter in the start-up module
/// through the shared function table.)
fn em(value: f64) -> String {
    format!("{}em", format_hundredths(value))
}

/// The chart of `rows` (indices into `table.rows`, in rank order).
pub fn chart(lang: Lang, table: &BlocTable, rows: &[usize]) -> Html {
    let t = lang.texts();
    let layout = ranking_chart(table, rows);
    let description = t.chart_description(layout.bars.len(), layout.unknown, table.places);
    html! {
        <figure class="ranking-chart">
            <svg
                data-chart="ranking"
                data-bars={layout.bars.len().to_string()}
                data-places={table.places.to_string()}
                role="img"
                aria-labelledby="ranking-chart-title ranking-chart-desc"
                width="100%"
                height={em(layout.height)}
            >
                <title id="ranking-chart-title">{ t.chart_title }</title>
                <desc id="ranking-chart-desc">{ description }</desc>
                { for layout.bars.iter().map(|bar| {
                    let row = &table.rows[bar.row];
                    let own = row.source == ScoreSource::Own;
                    let rank = row.rank.map_or_else(String::new, |r| if r.is_exact() {
                        format!("{}. ", r.best)
                    } else {
                        format!("{}–{}. ", r.best, r.worst)
                    });
                    let score = row.score.map(|s| format_real(s, 2, lang.numbers())).unwrap_or_default();
                    let label = if own {
                        format!("{rank}{} — {score} ◀ {}", row.name, t.own_mark)
                    } else {
                        format!("{rank}{} — {score}", row.name)
                    };
                    html! {
                        <g class={classes!("chart-row", bar.in_zone.then_some("in"), own.then_some("own"))} data-unit={row.unit_id.clone()} data-chart-length={format_hundredths(bar.length)}>
                            <text x="0" y={em(bar.top + LABEL_BASELINE)}>{ label }</text>
                            <rect class="track" x="0" y={em(bar.top + BAR_TOP)} width="100%" height={em(BAR_HEIGHT)} />
                            <rect class="bar" x="0" y={em(bar.top + BAR_TOP)} width={format!("{}%", format_hundredths(bar.length))} height={em(BAR_HEIGHT)} />
                        </g>
                    }
                }) }
                if let Some(cutoff) = layout.cutoff {
                    <g class="cutoff" data-chart-cutoff={format_hundredths(cutoff)}>
                        <line x1="0" x2="100%" y1={em(cutoff)} y2={em(cutoff)} />
                        <text x="100%" y={em(cutoff - 0.3)} text-anchor="end">{ t.chart_cutoff(table.places) }</text>
                    </g>
                }
            </svg>
        </figure>
    }
}
