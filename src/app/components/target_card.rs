//! One target: its inputs, the "không phát sinh / không áp dụng" switch, and the live
//! result (status, percentage, threshold, gap, progress).

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::number_input::NumberInput;
use super::select::Select;
use crate::app::early_input::Control;
use crate::app::shared::Shared;
use crate::app::state::{Action, Edit, Refused, TextInput};
use crate::domain::evaluate::{Evaluation, NotApplicableReason, Status};
use crate::domain::figures::{EntryMode, Field, TargetEntry};
use crate::domain::limits::{check_length, TextKind};
use crate::domain::plan::BlocId;
use crate::domain::plan::{Measure, Plan, Target};
use crate::i18n::{
    error_message, gap_message, status_icon, status_name, threshold_text, too_long_message, Lang,
};

#[derive(Properties)]
pub struct TargetCardProps {
    pub lang: Lang,
    /// The plan on screen and the index of the card's target in it.
    pub plan: Shared<Plan>,
    pub index: usize,
    /// The unit's bloc, which sets the threshold.
    pub bloc: BlocId,
    pub entry: TargetEntry,
    pub evaluation: Evaluation,
    pub applies_by_default: bool,
    /// Text typed into one of this card's fields and refused for its length.
    pub refused: Option<Refused>,
    pub on_action: Callback<Action>,
}

/// Every card is compared on every keystroke: the target by the plan's address and its
/// index, not field by field.
impl PartialEq for TargetCardProps {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
            && self.plan == other.plan
            && self.index == other.index
            && self.bloc == other.bloc
            && self.entry == other.entry
            && self.evaluation == other.evaluation
            && self.applies_by_default == other.applies_by_default
            && self.refused == other.refused
            && self.on_action == other.on_action
    }
}

#[component]
pub fn TargetCard(props: &TargetCardProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let target = &props.plan.targets[props.index];
    let key = target.id.key().to_string();
    let evaluation = &props.evaluation;
    let status = evaluation.status;
    let switched_off = evaluation.not_applicable == Some(NotApplicableReason::Switched);
    let title_id = format!("{key}-title");

    let on_na = {
        let id = target.id;
        props.on_action.reform(move |event: Event| {
            Action::Edit(Edit::SetNotApplicable(
                id,
                event.target_unchecked_into::<HtmlInputElement>().checked(),
            ))
        })
    };

    html! {
        <article
            class={classes!("card", format!("status-{}", status.key()), switched_off.then_some("collapsed"))}
            data-target={key}
            data-status={status.key()}
            aria-labelledby={title_id.clone()}
        >
            <header class="card-head">
                <h3 id={title_id}>{ lang.pick(&target.label) }</h3>
                <span class={classes!("badge", format!("badge-{}", status.key()))}>
                    <span aria-hidden="true">{ status_icon(status) }</span>{ " " }{ status_name(lang, status) }
                </span>
            </header>
            <p class="threshold">{ threshold_text(lang, target.requirement(props.bloc)) }</p>
            <label class="na-switch">
                <input type="checkbox" data-field={Control::NotApplicable.key()} checked={switched_off} onchange={on_na} />
                { t.na_label }
            </label>
            if switched_off {
                if !props.applies_by_default && props.entry.not_applicable.is_none() {
                    <p class="note">{ t.na_by_default }</p>
                }
            } else {
                { inputs(props) }
                { result(lang, target, evaluation) }
            }
            <details class="help">
                <summary>{ t.help_toggle }</summary>
                <p>{ lang.pick(&target.help) }</p>
            </details>
        </article>
    }
}

fn text_input(props: &TargetCardProps, field: Field, label: &str, inputmode: &'static str) -> Html {
    let id = props.plan.targets[props.index].id;
    let lang = props.lang;
    let value = props.entry.text(field);
    // Refused typing first; then a value too long to be read (saved before the limit);
    // then what is wrong with the value.
    let too_long = Refused::limit_for(&props.refused, &TextInput::Figure(id, field))
        .or_else(|| check_length(TextKind::Figure, value).err().map(|e| e.limit));
    let error = match too_long {
        Some(limit) => Some(too_long_message(lang, limit)),
        None => props
            .evaluation
            .error(field)
            .map(|e| error_message(lang, e)),
    };
    html! {
        <NumberInput
            id={format!("{}-{}", props.plan.targets[props.index].id.key(), field.key())}
            field={field.key()}
            label={AttrValue::from(label.to_string())}
            value={value.to_string()}
            error={error.map(AttrValue::from)}
            inputmode={inputmode}
            on_input={props.on_action.reform(move |text| Action::Edit(Edit::SetText(id, field, text)))}
        />
    }
}

fn inputs(props: &TargetCardProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let target = &props.plan.targets[props.index];
    let id = target.id;
    let key = target.id.key().to_string();
    match &target.measure {
        Measure::Ratio {
            numerator,
            denominator,
            ..
        } => {
            let mode = props.entry.mode;
            let on_mode = props.on_action.reform(move |value: String| {
                Action::Edit(Edit::SetMode(
                    id,
                    EntryMode::from_key(&value).unwrap_or_default(),
                ))
            });
            let mode_options: Vec<(AttrValue, AttrValue)> = vec![
                (EntryMode::Counts.key().into(), t.entry_counts.into()),
                (EntryMode::Percent.key().into(), t.entry_percent.into()),
            ];
            let select_id = format!("{key}-entry");
            html! {
                <div class="inputs">
                    <div class="field entry-mode">
                        <label for={select_id.clone()}>{ t.entry_label }</label>
                        <Select id={select_id} field={Control::EntryMode.key()} value={mode.key()} options={mode_options} onchange={on_mode} />
                    </div>
                    if mode == EntryMode::Counts {
                        { text_input(props, Field::Numerator, lang.pick(numerator), "numeric") }
                        { text_input(props, Field::Denominator, lang.pick(denominator), "numeric") }
                    } else {
                        { text_input(props, Field::Percent, t.percent_label, "decimal") }
                    }
                </div>
            }
        }
        Measure::YesNo { question, .. } => {
            let answer = props.entry.answer;
            let on_yes = props.on_action.reform(move |event: Event| {
                Action::Edit(Edit::SetAnswer(
                    id,
                    Some(event.target_unchecked_into::<HtmlInputElement>().checked()),
                ))
            });
            let on_no = props
                .on_action
                .reform(move |_: MouseEvent| Action::Edit(Edit::SetAnswer(id, Some(false))));
            html! {
                <div class="inputs yes-no">
                    <label class="check">
                        <input type="checkbox" data-field={Control::Answer.key()} checked={answer == Some(true)} onchange={on_yes} />
                        { lang.pick(question) }
                    </label>
                    if answer.is_none() {
                        <span class="hint">{ t.unanswered }</span>
                        <button type="button" class="secondary" data-action="answer-no" onclick={on_no}>{ t.answer_no }</button>
                    } else if answer == Some(false) {
                        <span class="hint">{ t.answered_no }</span>
                    }
                </div>
            }
        }
        Measure::Increase { before, after, .. } => html! {
            <div class="inputs">
                { text_input(props, Field::Before, lang.pick(before), "numeric") }
                { text_input(props, Field::After, lang.pick(after), "numeric") }
            </div>
        },
    }
}

fn result(lang: Lang, target: &Target, evaluation: &Evaluation) -> Html {
    let t = lang.texts();
    if evaluation.not_applicable == Some(NotApplicableReason::ZeroDenominator) {
        return html! { <p class="note">{ t.na_zero_denominator }</p> };
    }
    if !matches!(evaluation.status, Status::Met | Status::NotMet) {
        return Html::default();
    }
    let noun = target.one_more();
    // On the targets chart's scale (issue 13): the threshold at the mark, full only when met
    // with everything there is. A whole number 0–100, written without float formatting.
    let fill = crate::domain::chart::bar(target.id, evaluation).fill;
    let progress = (fill * 100.0).floor().clamp(0.0, 100.0) as u8;
    html! {
        <div class="result">
            if let Some(actual) = evaluation.shown_actual(lang.numbers()) {
                <p class="actual">{ t.actual(&actual.text) }</p>
                <div class="meter">
                    <progress max="100" value={progress.to_string()} aria-label={t.actual(&actual.text)}></progress>
                    <span class="meter-mark" data-threshold-mark="" aria-hidden="true"></span>
                </div>
            }
            if let (Some(gap), Some(noun)) = (evaluation.gap, noun) {
                <p class="gap">{ gap_message(lang, gap, noun) }</p>
            }
        </div>
    }
}
