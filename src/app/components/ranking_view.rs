//! The ranking view: the unit's bloc in full with scores and ranks (peers' scores can be
//! typed in), the award zone, and what to improve.
//!
//! A bloc of the district's lists fits in one page of the table. A browser holding many
//! profiles (Phòng Nội vụ, or a trainer with thousands of "other" units) makes a long table:
//! it is shown [`PAGE_SIZE`] rows at a time, with previous/next buttons, "trang x/y" and a
//! button that goes to the page of the unit's own row, so rendering stays fast whatever
//! the size. Every row keeps `tr[data-unit]` (`other` for every "other" unit, told apart by
//! `data-profile`, the id of the profile a row's score comes from).
//!
//! The leaderboard (issue 13): rows in rank order (`BlocTable::order`), the unit on screen
//! in its place, a bar chart of the page's rows with the award cut-off, a legend of every
//! mark, and, under a custom scoring model, each computed score's figures under the
//! default model. While the focus is in the table (typing peers' scores) the rows stay
//! where they are, so that a row never moves under the caret; the table settles into rank
//! order when the focus leaves it.

use std::rc::Rc;

use web_sys::{HtmlElement, HtmlInputElement};
use yew::prelude::*;

use super::model_compare::{default_figures, default_figures_tag, DefaultFigures};
use super::ranking_chart::chart;
use crate::app::shared::Shared;
use crate::app::state::{Action, Edit, Refused, TextInput};
use crate::domain::bloc_table::{BlocRow, BlocTable, ScoreSource};
use crate::domain::improve::{improvement_plan, StepAction, ZoneSteps};
use crate::domain::number::{format_count, format_hundredths, format_real, NumberError};
use crate::domain::plan::Plan;
use crate::domain::profile::Profile;
use crate::domain::rank::{AwardVerdict, Standing};
use crate::domain::score::ScoringModel;
use crate::i18n::{
    award_text, bloc_name, error_message, gap_message, margin_text, rank_text, too_long_message,
    Lang,
};

/// Rows shown at a time; the district's blocs (11 and 12 units, plus a few "other" units)
/// fit in one page.
pub const PAGE_SIZE: usize = 50;

/// A first page longer than this is drawn in the tasks after the view's first render:
/// opening the view (leaving the calculator, drawing the heading, the pager and what to
/// improve), drawing the chart of 50 bars and drawing 50 rows are each a task of their own,
/// so none blocks the page for long on a slow phone (issue 14). The district's blocs (11 and
/// 12 units, and a few "other" units) are drawn at once.
const DRAWN_AT_ONCE: usize = 20;

/// What of a long first page is drawn: nothing yet, the chart, then the chart and the table
/// (in that order, so that nothing drawn moves down when the next part comes).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Drawn {
    Nothing,
    Chart,
    All,
}

impl Drawn {
    fn next(self) -> Drawn {
        match self {
            Drawn::Nothing => Drawn::Chart,
            Drawn::Chart | Drawn::All => Drawn::All,
        }
    }
}

/// The number of pages of a table of `rows` rows (at least one).
pub fn page_count(rows: usize) -> usize {
    rows.div_ceil(PAGE_SIZE).max(1)
}

#[derive(Properties, PartialEq, Clone)]
pub struct RankingViewProps {
    pub lang: Lang,
    pub plan: Shared<Plan>,
    /// Computed once per change of the workspace; compared by pointer.
    pub table: Shared<BlocTable>,
    pub profile: Rc<Profile>,
    pub model: ScoringModel,
    /// A peer score typed and refused for its length.
    pub refused: Option<Refused>,
    /// The same table under the default model, while a custom one is in use (issue 13).
    #[prop_or_default]
    pub default_table: Option<Shared<BlocTable>>,
    pub on_action: Callback<Action>,
}

/// A peer's typed score that "Chưa biết" set back to unknown, kept for undo.
#[derive(Debug, Clone, PartialEq)]
struct Cleared {
    unit_id: String,
    name: String,
    typed: String,
}

#[component]
pub fn RankingView(props: &RankingViewProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let places = props.table.places;
    let rows = &props.table.rows;
    // The order shown: the table's rank order, or the one frozen while the focus is in the
    // table (valid while the table has the same rows).
    let frozen = use_mut_ref(|| None::<Vec<usize>>);
    let settle = use_force_update();
    let order: Rc<Vec<usize>> = match &*frozen.borrow() {
        Some(order) if order.len() == rows.len() => Rc::new(order.clone()),
        _ => Rc::new(props.table.order.clone()),
    };
    let wrap = use_node_ref();
    let onfocusin = {
        let frozen = frozen.clone();
        let order = order.clone();
        Callback::from(move |_: FocusEvent| {
            let mut frozen = frozen.borrow_mut();
            if frozen.is_none() {
                *frozen = Some((*order).clone());
            }
        })
    };
    let onfocusout = {
        let frozen = frozen.clone();
        let wrap = wrap.clone();
        Callback::from(move |_: FocusEvent| {
            // Where the focus is once it has moved: in the table (the next field), or out.
            // When the window loses the focus (another app) the field stays the document's
            // active element and gets it back, so its row stays put.
            let (frozen, wrap, settle) = (frozen.clone(), wrap.clone(), settle.clone());
            gloo_timers::callback::Timeout::new(0, move || {
                let active = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.active_element());
                let inside = match (active, wrap.get()) {
                    (Some(active), Some(wrap)) => wrap.contains(Some(&active)),
                    _ => false,
                };
                if !inside && frozen.borrow_mut().take().is_some() {
                    settle.force_update();
                }
            })
            .forget();
        })
    };
    let cleared = use_state(|| None::<Cleared>);
    let undo_ref = use_node_ref();
    {
        // "Chưa biết" disables itself: the focus goes to the undo that it offers.
        let undo_ref = undo_ref.clone();
        use_effect_with((*cleared).clone(), move |cleared| {
            if cleared.is_some() {
                if let Some(button) = undo_ref.cast::<HtmlElement>() {
                    let _ = button.focus();
                }
            }
        });
    }
    let pages = page_count(rows.len());
    let page_state = use_state(|| 0usize);
    // The table may have shrunk since the page was chosen.
    let page = (*page_state).min(pages - 1);
    let start = page * PAGE_SIZE;
    let end = (start + PAGE_SIZE).min(rows.len());
    let drawn = use_state(|| {
        if end - start <= DRAWN_AT_ONCE {
            Drawn::All
        } else {
            Drawn::Nothing
        }
    });
    {
        let next = drawn.clone();
        use_effect_with(*drawn, move |&stage| {
            let later = (stage < Drawn::All)
                .then(|| gloo_timers::callback::Timeout::new(0, move || next.set(stage.next())));
            // Leaving the view before then cancels it.
            move || drop(later)
        });
    }
    let pager = (pages > 1).then(|| {
        let own_page = order
            .iter()
            .position(|&i| rows[i].source == ScoreSource::Own)
            .map(|i| i / PAGE_SIZE);
        let status = t.pager_status(page + 1, pages, start + 1, end, rows.len());
        html! {
            <nav class="pager" aria-label={t.pager_label} data-pager="">
                { pager_button(&page_state, t.pager_previous, "page-previous", (page > 0).then(|| page - 1)) }
                <span class="pager-status" role="status" data-page={(page + 1).to_string()} data-pages={pages.to_string()}>{ status }</span>
                { pager_button(&page_state, t.pager_next, "page-next", (page + 1 < pages).then_some(page + 1)) }
                // Always enabled, so it never drops the focus; the own row is outlined.
                if let Some(own) = own_page { { pager_button(&page_state, t.pager_own, "page-own", Some(own)) } }
            </nav>
        }
    });
    html! {
        <>
            <section class="ranking" aria-labelledby="ranking-heading">
                <h2 id="ranking-heading" tabindex="-1">{ t.table_heading }{ " · " }{ bloc_name(lang, &props.plan, props.table.bloc).to_string() }</h2>
                if let Some(standing) = props.table.standing {
                    <p class="standing-line">
                        <strong>{ rank_text(lang, standing.rank, standing.bloc_size) }</strong>
                        { " · " }{ award_text(lang, standing.award, standing.places) }
                        if let Some(margin) = standing.margin { { " · " }{ margin_text(lang, margin) } }
                    </p>
                }
                <p class="hint">{ t.peer_hint }{ " " }{ t.peer_settle_hint }</p>
                <p class="zone-caption"><span class="zone-swatch" aria-hidden="true"></span>{ t.award_zone_caption(places) }</p>
                <div class="peer-cleared" role="status" data-peer-cleared={cleared.as_ref().map(|c| c.unit_id.clone())}>
                    if let Some(c) = &*cleared {
                        { t.peer_cleared(&c.name, &c.typed) }{ " " }
                        <button type="button" class="secondary small" data-action="undo-peer-unknown" ref={undo_ref.clone()}
                            onclick={{
                                let c = c.clone();
                                let cleared = cleared.clone();
                                props.on_action.reform(move |_: MouseEvent| {
                                    cleared.set(None);
                                    Action::Edit(Edit::SetPeerScore(c.unit_id.clone(), c.typed.clone()))
                                })
                            }}>
                            { t.undo }
                        </button>
                    }
                </div>
                { pager }
                if *drawn >= Drawn::Chart {
                    <div class="leaderboard">
                    { chart(lang, &props.table, &order[start..end]) }
                    if *drawn >= Drawn::All {
                    <div class="table-wrap" tabindex="0" role="region" aria-label={t.table_heading} ref={wrap} {onfocusin} {onfocusout}>
                        <table class="bloc-table" data-rows={rows.len().to_string()}>
                            <thead>
                                <tr>
                                    <th scope="col">{ t.col_rank }</th>
                                    <th scope="col">{ t.col_unit }</th>
                                    <th scope="col">{ t.col_score }</th>
                                    <th scope="col" class="source-col">{ t.col_source }</th>
                                </tr>
                            </thead>
                            <caption class="visually-hidden">{ t.leaderboard_order }</caption>
                            <tbody>
                                { for order[start..end].iter().map(|&i| table_row(props, i, &cleared)) }
                            </tbody>
                        </table>
                    </div>
                    }
                    </div>
                }
                { legend(lang, props.default_table.is_some()) }
            </section>
            <Improvements lang={lang} plan={props.plan.clone()} profile={props.profile.clone()} model={props.model.clone()} standing={props.table.standing} />
        </>
    }
}

/// A pager button going to page `to` (disabled when there is none).
fn pager_button(
    page: &UseStateHandle<usize>,
    label: &'static str,
    action: &'static str,
    to: Option<usize>,
) -> Html {
    let page = page.clone();
    // The page is turned in the task after the click's (as the views are switched, see
    // `nav.rs`): redrawing 50 rows is not added to the click's own work.
    let onclick = Callback::from(move |_: MouseEvent| {
        if let Some(to) = to {
            let page = page.clone();
            gloo_timers::callback::Timeout::new(0, move || page.set(to)).forget();
        }
    });
    html! {
        <button type="button" class="secondary small" data-action={action} disabled={to.is_none()} {onclick}>{ label }</button>
    }
}

/// The legend: every mark the table and the chart use (issue 13).
fn legend(lang: Lang, custom_model: bool) -> Html {
    let t = lang.texts();
    html! {
        <details class="legend" data-legend="" open=true>
            <summary>{ t.legend_heading }</summary>
            <ul>
                <li data-legend-mark="own"><span class="legend-swatch own" aria-hidden="true"></span>{ t.legend_own }</li>
                <li data-legend-mark="in"><span class="legend-swatch zone-in" aria-hidden="true"></span>{ t.legend_zone_in }</li>
                <li data-legend-mark="possible"><span class="legend-swatch zone-possible" aria-hidden="true"></span>{ t.legend_zone_possible }</li>
                <li data-legend-mark="range">{ t.legend_range }</li>
                <li data-legend-mark="no-rank">{ t.legend_no_rank }</li>
                <li data-legend-mark="cutoff"><span class="legend-swatch cutoff" aria-hidden="true"></span>{ t.legend_cutoff }</li>
                if custom_model { <li data-legend-mark="default">{ t.legend_default }</li> }
                <li data-legend-mark="order">{ t.leaderboard_order }</li>
            </ul>
        </details>
    }
}

fn table_row(
    props: &RankingViewProps,
    index: usize,
    cleared: &UseStateHandle<Option<Cleared>>,
) -> Html {
    let row = &props.table.rows[index];
    let lang = props.lang;
    let t = lang.texts();
    // Rows out of the zone are not marked.
    let zone = row
        .award
        .filter(|award| *award != AwardVerdict::Out)
        .map(AwardVerdict::key);
    let rank = match row.rank {
        Some(rank) if rank.is_exact() => format_count(rank.best as u64, lang.numbers()),
        Some(rank) => format!("{}–{}", rank.best, rank.worst),
        None => "—".to_string(),
    };
    let source = match row.source {
        ScoreSource::Own => t.source_own,
        ScoreSource::Profile => t.source_profile,
        ScoreSource::Typed => t.source_typed,
        ScoreSource::Unknown => t.source_unknown,
    };
    // A computed score's figures under the default model (typed scores are the same under
    // every model); row `index` of both tables is the same unit.
    let default = props
        .default_table
        .as_ref()
        .and_then(|table| table.rows.get(index))
        .filter(|_| matches!(row.source, ScoreSource::Own | ScoreSource::Profile))
        .and_then(|d| {
            d.score.map(|score| DefaultFigures {
                score,
                rank: d.rank,
                bloc_size: props.table.rows.len(),
            })
        });
    let score = match row.source {
        ScoreSource::Own | ScoreSource::Profile => html! {
            <>
                <span class="score-cell">{ row.score.map(|s| format_real(s, 2, lang.numbers())).unwrap_or_default() }</span>
                if let Some(figures) = default { { default_figures(lang, figures) } }
            </>
        },
        ScoreSource::Typed | ScoreSource::Unknown => peer_input(props, row, cleared),
    };
    html! {
        // No key: turning a page reuses the rows and patches their contents, several times
        // cheaper than replacing 50 keyed rows. Rows change places only while the focus is
        // out of the table (see the module's comment), so no input changes unit under the
        // caret.
        <tr
            data-unit={row.unit_id.clone()}
            data-profile={row.profile_id.clone()}
            data-source={row.source.key()}
            data-zone={zone}
            data-rank-best={row.rank.map(|r| r.best.to_string())}
            data-rank-worst={row.rank.map(|r| r.worst.to_string())}
            data-score={row.score.map(format_hundredths)}
            class={classes!(zone.map(|z| format!("zone-{z}")), (row.source == ScoreSource::Own).then_some("own"))}
        >
            <td class="rank-cell">{ rank }</td>
            <th scope="row">
                { row.name.clone() }
                if row.source == ScoreSource::Own { <span class="own-mark">{ " ◀ " }{ t.own_mark }</span> }
                if zone == Some("in") { <span class="zone-badge">{ " ★ " }{ t.in_zone }</span> }
                // On a phone the source sits here rather than in a column (styles/trainer.css).
                <span class="source-tag" data-source-tag="">{ source }</span>
                if let Some(figures) = default { { default_figures_tag(lang, figures) } }
            </th>
            <td>{ score }</td>
            <td class="source-cell">{ source }</td>
        </tr>
    }
}

fn peer_input(
    props: &RankingViewProps,
    row: &BlocRow,
    cleared: &UseStateHandle<Option<Cleared>>,
) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let id = format!("peer-{}", row.unit_id);
    let error_id = format!("{id}-error");
    let unit_id = row.unit_id.clone();
    let forget = cleared.clone();
    let oninput = props.on_action.reform(move |event: InputEvent| {
        // A new score typed: the undo offered for an older one would overwrite it.
        if forget.is_some() {
            forget.set(None);
        }
        Action::Edit(Edit::SetPeerScore(
            unit_id.clone(),
            event.target_unchecked_into::<HtmlInputElement>().value(),
        ))
    });
    // Not silent: the score removed is named, with undo (issue 13).
    let gone = Cleared {
        unit_id: row.unit_id.clone(),
        name: row.name.clone(),
        typed: row.typed.clone(),
    };
    let cleared = cleared.clone();
    let on_unknown = props.on_action.reform(move |_: MouseEvent| {
        cleared.set(Some(gone.clone()));
        Action::Edit(Edit::SetPeerScore(gone.unit_id.clone(), String::new()))
    });
    let refused = Refused::limit_for(&props.refused, &TextInput::PeerScore(row.unit_id.clone()));
    let error = match refused {
        Some(limit) => Some(too_long_message(lang, limit)),
        None => row.typed_error.map(|e| match e {
            NumberError::PercentAbove100 | NumberError::Negative => t.error_score_range.to_string(),
            other => error_message(lang, crate::domain::evaluate::FieldError::Number(other)),
        }),
    };
    html! {
        <div class="peer-score">
            <input
                id={id.clone()}
                type="text"
                inputmode="decimal"
                autocomplete="off"
                data-field="peer-score"
                aria-label={t.peer_score_label(&row.name)}
                aria-invalid={error.is_some().then_some("true")}
                aria-describedby={error.is_some().then(|| error_id.clone())}
                value={row.typed.clone()}
                {oninput}
            />
            <button
                type="button"
                class="secondary small"
                data-field="peer-unknown"
                aria-label={t.peer_unknown_label(&row.name)}
                disabled={row.typed.is_empty()}
                onclick={on_unknown}
            >
                { t.peer_unknown }
            </button>
            if let Some(error) = error {
                <p class="error" id={error_id} data-error="peer-score">{ error }</p>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ImprovementsProps {
    pub lang: Lang,
    pub plan: Shared<Plan>,
    pub profile: Rc<Profile>,
    pub model: ScoringModel,
    pub standing: Option<Standing>,
}

/// What to improve, and the fewest steps into the award zone: its own component, so that
/// turning a page of the table does not compute it again.
#[component]
fn Improvements(props: &ImprovementsProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let plan = improvement_plan(&props.plan, &props.profile, &props.model, props.standing);
    let steps = plan.steps;
    let zone_note = plan.zone.map(|zone| match zone {
        ZoneSteps::Already => t.improve_zone_already.to_string(),
        ZoneSteps::Steps(n) => t.improve_zone(n),
        ZoneSteps::Unreachable => t.improve_zone_unreachable.to_string(),
    });
    html! {
        <section class="improve" aria-labelledby="improve-heading" data-improve="">
            <h2 id="improve-heading">{ t.improve_heading }</h2>
            if let Some(note) = zone_note {
                <p class="zone-note" data-zone-steps="">{ note }</p>
            }
            if steps.is_empty() {
                <p>{ t.improve_none }</p>
            } else {
                <ol class="steps">
                    { for steps.iter().map(|step| {
                        let action = match (step.action, step.target.one_more()) {
                            (StepAction::CloseGap(gap), Some(one_more)) => gap_message(lang, gap, one_more),
                            (StepAction::EnterFigures, _) => t.step_enter.to_string(),
                            (StepAction::FixFigures, _) => t.step_fix.to_string(),
                            _ => t.step_yes.to_string(),
                        };
                        html! {
                            <li data-step={step.target.id.key().to_string()}>
                                <strong>{ t.step_points(step.points) }</strong>
                                { ": " }{ action }
                                <span class="step-target">{ " — " }{ lang.pick(&step.target.label) }</span>
                            </li>
                        }
                    }) }
                </ol>
            }
        </section>
    }
}
