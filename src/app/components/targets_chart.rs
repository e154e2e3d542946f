//! The targets chart (issue 13): one bar per applicable target, its attainment against its
//! threshold (the mark), on the scale of `domain::chart`. An image with a title and a text
//! equivalent; the figure's caption says how to read it. Each name is drawn whole, on as
//! many lines as the chart's measured width needs (aftercare of issue 13).

use std::rc::Rc;

use yew::prelude::*;

use crate::app::hooks::use_content_width;
use crate::app::shared::Shared;
use crate::domain::chart::{target_bars, wrap_label, Bar, THRESHOLD_AT};
use crate::domain::evaluate::{Evaluation, Status};
use crate::domain::plan::{BlocId, Plan, Target};
use crate::i18n::{status_name, threshold_short, Lang};

#[derive(Properties, PartialEq)]
pub struct TargetsChartProps {
    pub lang: Lang,
    pub plan: Shared<Plan>,
    pub bloc: BlocId,
    /// Every target's evaluation, in the plan's order.
    pub evaluations: Vec<Evaluation>,
}

/// The height of one target's row, in pixels, with its name on one line: the name, then
/// its bar.
const ROW: u32 = 40;
/// Each further line of a name adds this much (names are 12 px).
const LINE: u32 = 15;
/// The width of a character of a name, in pixels, on the wide side (12 px type in the
/// fonts the page asks for, Vietnamese with its diacritics), so that a line never runs past
/// the chart.
const CHAR_WIDTH: f64 = 7.0;
/// Characters a line before the chart's width is known: what a 360-px phone holds.
const FIRST_CHARS: usize = 40;

/// `share` (0–1) with `decimals` decimals and a dot, written from integers: float
/// formatting would add kilobytes to the wasm.
fn decimal(share: f64, decimals: u32) -> String {
    let unit = 10_u32.pow(decimals);
    let scaled = (share.clamp(0.0, 1.0) * f64::from(unit)).round() as u32;
    format!(
        "{}.{:0width$}",
        scaled / unit,
        scaled % unit,
        width = decimals as usize
    )
}

/// `share` (0–1) as an SVG percentage, e.g. "63.2%".
fn percent(share: f64) -> String {
    let tenths = (share.clamp(0.0, 1.0) * 1000.0).round() as u32;
    format!("{}.{}%", tenths / 10, tenths % 10)
}

/// How many characters of a name a line of a chart `width` pixels wide holds.
fn chars_per_line(width: Option<u32>) -> usize {
    width.map_or(FIRST_CHARS, |w| {
        ((f64::from(w) / CHAR_WIDTH) as usize).max(12)
    })
}

/// What a bar says: the figure against the threshold, or a yes/no or an increase by its
/// status alone; and the threshold's short text.
fn bar_words(
    lang: Lang,
    target: &Target,
    bloc: BlocId,
    evaluation: &Evaluation,
    bar: &Bar,
) -> (String, String) {
    let required = threshold_short(lang, target.requirement(bloc));
    let value = match evaluation.shown_actual(lang.numbers()) {
        Some(actual) if bar.known => format!("{}% · {required}", actual.text),
        _ => status_name(lang, bar.status).to_string(),
    };
    (value, required)
}

#[derive(Properties, PartialEq)]
struct ChartRowProps {
    lang: Lang,
    plan: Shared<Plan>,
    /// The target's place in the plan.
    index: usize,
    bloc: BlocId,
    evaluation: Evaluation,
    bar: Bar,
    /// The name, wrapped to the chart's width.
    lines: Rc<[String]>,
    /// Where the row starts, and where its bar starts (under the name's last line).
    row_top: u32,
    top: u32,
}

/// One target's row. A component of its own so that a keystroke redraws the one bar whose
/// figure changed, not every bar of the chart (40 of them in a big plan).
#[component]
fn ChartRow(props: &ChartRowProps) -> Html {
    let target = &props.plan.targets[props.index];
    let bar = &props.bar;
    let (value, _) = bar_words(props.lang, target, props.bloc, &props.evaluation, bar);
    let (row_top, top) = (props.row_top, props.top);
    html! {
        <g
            class={classes!("chart-row", format!("status-{}", bar.status.key()))}
            data-bar={target.id.key().to_string()}
            data-status={bar.status.key()}
            data-fill={decimal(bar.fill, 4)}
        >
            <text class="chart-name" x="0" y={(row_top + 13).to_string()}>
                { for props.lines.iter().enumerate().map(|(i, line)| html! {
                    <tspan x="0" dy={if i == 0 { 0 } else { LINE }.to_string()}>{ line.clone() }</tspan>
                }) }
            </text>
            <svg x="0" y={(top + 19).to_string()} width="70%" height="14" class="chart-bar">
                <rect class="chart-track" x="0" y="0" width="100%" height="14" rx="3" />
                // Always drawn (empty when nothing is filled), so that a keystroke changes
                // its width rather than adding or removing an element.
                <rect class="chart-fill" data-fill-rect="" x="0" y="0" width={percent(bar.fill)} height="14" rx="3" />
                <line class="chart-mark" data-threshold-mark="" x1={percent(THRESHOLD_AT)} x2={percent(THRESHOLD_AT)} y1="0" y2="14" />
                // No figure yet: said inside the empty bar.
                if !bar.known {
                    <text class="chart-missing" x="6" y="11">{ value.clone() }</text>
                }
            </svg>
            if bar.known {
                <text class={classes!("chart-value", (bar.status == Status::NotMet).then_some("not-met"))} x="100%" y={(top + 31).to_string()} text-anchor="end">{ value }</text>
            }
        </g>
    }
}

#[component]
pub fn TargetsChart(props: &TargetsChartProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let plan = &props.plan;
    let bars = target_bars(plan.targets.iter().zip(props.evaluations.iter()));
    // The figure's content box is the chart's width.
    let figure = use_node_ref();
    let width = use_content_width(figure.clone(), !bars.is_empty());
    let line_chars = chars_per_line(width);
    // Every name wrapped, once per plan, language and width (not per keystroke).
    let names = use_memo(
        (plan.clone(), lang, line_chars),
        |(plan, lang, line_chars)| {
            plan.targets
                .iter()
                .map(|target| Rc::from(wrap_label(lang.pick(&target.label), *line_chars)))
                .collect::<Vec<Rc<[String]>>>()
        },
    );
    if bars.is_empty() {
        return Html::default();
    }
    let mut description = Vec::with_capacity(bars.len());
    let mut next_top = 0;
    let rows: Html = bars
        .iter()
        .filter_map(|bar| {
            let index = plan.targets.iter().position(|t| t.id == bar.id)?;
            let target = &plan.targets[index];
            let evaluation = &props.evaluations[index];
            let (value, required) = bar_words(lang, target, props.bloc, evaluation, bar);
            description.push(format!(
                "{}: {value} ({required}, {}).",
                lang.pick(&target.label),
                status_name(lang, bar.status)
            ));
            let lines = names[index].clone();
            let row_top = next_top;
            let top = row_top + LINE * (lines.len().max(1) as u32 - 1);
            next_top = top + ROW;
            Some(html! {
                <ChartRow
                    key={target.id.key()}
                    lang={lang}
                    plan={plan.clone()}
                    index={index}
                    bloc={props.bloc}
                    evaluation={evaluation.clone()}
                    bar={*bar}
                    lines={lines}
                    row_top={row_top}
                    top={top}
                />
            })
        })
        .collect();
    let height = next_top;
    html! {
        <figure class="targets-chart" data-chart-figure="" ref={figure}>
            <svg
                data-chart="targets"
                role="img"
                aria-labelledby="targets-chart-title targets-chart-desc"
                width="100%"
                height={height.to_string()}
            >
                <title id="targets-chart-title">{ t.targets_chart_title }</title>
                <desc id="targets-chart-desc">{ description.join(" ") }</desc>
                { rows }
            </svg>
            <figcaption><strong>{ t.targets_chart_title }</strong>{ " " }{ t.chart_caption }</figcaption>
        </figure>
    }
}
