//! Model against default (issue 13): while a custom scoring model is in use, a score and
//! rank under the plan's default model, shown beside the custom ones so that a trainer can
//! show what a change of weights does.

use yew::prelude::*;

use crate::domain::number::{format_hundredths, format_real};
use crate::domain::rank::RankRange;
use crate::i18n::{rank_text, Lang};

/// A score (and its rank, when known) under the default model.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DefaultFigures {
    pub score: f64,
    pub rank: Option<RankRange>,
    pub bloc_size: usize,
}

/// "(mặc định: 91,20 · Hạng 3/11)", carrying `data-default-score` (two decimals, dot) and,
/// with a rank, `data-default-rank-best` and `data-default-rank-worst`.
pub fn default_figures(lang: Lang, figures: DefaultFigures) -> Html {
    html! {
        <span
            class="default-figures"
            data-default-score={format_hundredths(figures.score)}
            data-default-rank-best={figures.rank.map(|r| r.best.to_string())}
            data-default-rank-worst={figures.rank.map(|r| r.worst.to_string())}
        >
            { " " }{ default_figures_text(lang, figures) }
        </span>
    }
}

fn default_figures_text(lang: Lang, figures: DefaultFigures) -> String {
    let score = format_real(figures.score, 2, lang.numbers());
    let rank = figures
        .rank
        .map(|rank| rank_text(lang, rank, figures.bloc_size));
    lang.texts().default_model_figures(&score, rank.as_deref())
}

/// The same words under a unit's name, for a phone, where the score column is too narrow
/// for them (styles/trainer.css shows one of the two; the other is not displayed, so a
/// screen reader hears them once). Without the data attributes: `default_figures` keeps
/// them.
pub fn default_figures_tag(lang: Lang, figures: DefaultFigures) -> Html {
    html! { <span class="default-tag">{ default_figures_text(lang, figures) }</span> }
}
