//! The banners rendered natively (Yew's server renderer): each one's `data-banner` contract,
//! its role (alerts for what is wrong, status for news), and which carry buttons.
#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use cchc_2021::app::components::banners::{Banners, BannersProps};
use cchc_2021::app::shared::Shared;
use cchc_2021::domain::builtin;
use cchc_2021::i18n::Lang;
use cchc_2021::store::{LoadNotice, StorageError};
use yew::Callback;

fn props() -> BannersProps {
    BannersProps {
        lang: Lang::Vi,
        plan: Shared::new(Rc::clone(&builtin::plan())),
        load_notice: None,
        save_error: None,
        demo: false,
        synced: false,
        edit_conflict: None,
        updated: false,
        example_unavailable: false,
        on_action: Callback::noop(),
    }
}

fn render(props: BannersProps) -> String {
    futures::executor::block_on(
        yew::LocalServerRenderer::<Banners>::with_props(props)
            .hydratable(false)
            .render(),
    )
}

/// The opening tag of the banner named `kind`, and the banner up to its closing `</div>`.
fn banner<'a>(html: &'a str, kind: &str) -> &'a str {
    let start = html
        .find(&format!("data-banner=\"{kind}\""))
        .unwrap_or_else(|| panic!("no banner {kind} in {html}"));
    let start = html[..start].rfind("<div").unwrap();
    let end = start + html[start..].find("</div>").unwrap();
    &html[start..end]
}

#[test]
fn no_banner_when_all_is_well() {
    assert!(!render(props()).contains("data-banner"));
}

#[test]
fn each_banner_keeps_its_name_role_and_buttons() {
    let html = render(BannersProps {
        updated: true,
        synced: true,
        demo: true,
        example_unavailable: true,
        save_error: Some(StorageError::Full),
        load_notice: Some(LoadNotice::Unreadable {
            backup_key: Some("cchc-2021:backup:1".into()),
        }),
        ..props()
    });
    let update = banner(&html, "update");
    assert!(update.contains("role=\"status\"") && !update.contains("<button"));
    let synced = banner(&html, "synced");
    assert!(synced.contains("role=\"status\"") && synced.contains("class=\"dismiss\""));
    let demo = banner(&html, "demo");
    assert!(demo.contains("class=\"banner demo\""));
    assert!(
        demo.contains("data-action=\"demo-reset\"") && demo.contains("data-action=\"demo-exit\"")
    );
    let example = banner(&html, "example-unavailable");
    assert!(example.contains("role=\"alert\"") && example.contains("class=\"dismiss\""));
    let storage = banner(&html, "storage-blocked");
    assert!(storage.contains("data-cause=\"full\"") && storage.contains("role=\"alert\""));
    assert!(!storage.contains("<button"));
    let unreadable = banner(&html, "saved-data-unreadable");
    assert!(
        unreadable.contains("class=\"banner notice\"") && unreadable.contains("role=\"alert\"")
    );
    assert!(unreadable.contains("cchc-2021:backup:1"));
    // Only the banners that name a cause or an action carry those attributes.
    assert!(!synced.contains("data-cause") && !synced.contains("data-action"));
}
