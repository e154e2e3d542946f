//! What a download, a copy, a print or a share just did (issue 13), in a polite live region
//! that is always on the page (so that screen readers announce what appears in it).

use yew::prelude::*;

use crate::app::browser::{self, Notice};
use crate::i18n::Lang;

/// How long a notice stays, in milliseconds (it can be dismissed sooner).
const SHOWN_MS: u32 = 10_000;

#[derive(Properties, PartialEq)]
pub struct ToastProps {
    pub lang: Lang,
}

#[component]
pub fn Toast(props: &ToastProps) -> Html {
    // The notice and a count, so that the same notice twice is a new message.
    let notice = use_state(|| None::<(u32, Notice)>);
    {
        let notice = notice.setter();
        let count = use_mut_ref(|| 0_u32);
        use_effect_with((), move |_| {
            browser::listen_to_notices(Some(Callback::from(move |new: Notice| {
                let mut count = count.borrow_mut();
                *count += 1;
                notice.set(Some((*count, new)));
            })));
            || browser::listen_to_notices(None)
        });
    }
    {
        let notice = notice.clone();
        let shown = notice.as_ref().map(|(count, _)| *count);
        use_effect_with(shown, move |shown| {
            let timer = shown.map(|shown| {
                gloo_timers::callback::Timeout::new(SHOWN_MS, move || {
                    if notice.as_ref().map(|(count, _)| *count) == Some(shown) {
                        notice.set(None);
                    }
                })
            });
            move || drop(timer)
        });
    }
    let t = props.lang.texts();
    let dismiss = {
        let notice = notice.clone();
        Callback::from(move |_: MouseEvent| notice.set(None))
    };
    html! {
        <div class={classes!("toast-dock", notice.is_some().then_some("shown"))}>
            <div class="toast-message" data-toast={notice.as_ref().map(|(_, n)| n.key()).unwrap_or_default()} role="status" aria-live="polite">
                if let Some((count, shown)) = &*notice {
                    <p key={count.to_string()}>{ notice_text(props.lang, shown) }</p>
                }
            </div>
            if notice.is_some() {
                <button type="button" class="dismiss" aria-label={t.dismiss} onclick={dismiss}>{ "×" }</button>
            }
        </div>
    }
}

fn notice_text(lang: Lang, notice: &Notice) -> String {
    let t = lang.texts();
    match notice {
        Notice::Downloaded(file) => t.toast_downloaded(file),
        Notice::DownloadFailed => t.toast_download_failed.to_string(),
        Notice::Copied => t.toast_copied.to_string(),
        Notice::CopyFailed => t.toast_copy_failed.to_string(),
        Notice::Printed => t.toast_printed.to_string(),
        Notice::Shared => t.toast_shared.to_string(),
        Notice::ShareFailed => t.toast_share_failed.to_string(),
    }
}
