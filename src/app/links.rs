//! Reading the links a page is opened with: a unit's share link and a plan link (issue 14).
//! In the split build this code lives in an on-demand module, loaded when the address
//! carries a fragment (`app::lazy::load_links`, and in idle time); the hook and the reducer
//! read through [`readers`]. Elsewhere (Trunk's one-module build, the tests) it is always
//! here.

use std::rc::Rc;

use crate::domain::plan::Plan;
use crate::formats::plan_link::{read_plan_link, PlanLinkError};
use crate::formats::share_link::{
    decode_share_fragment, read_share_link, LinkError, SharedProfile,
};

/// How a share link's plan is looked up: the plan with this id, if the browser has it.
pub type PlanOf<'a> = &'a dyn Fn(&str) -> Option<Rc<Plan>>;

/// The readers of links.
pub struct LinkReaders {
    /// The profile a share link carries, unchecked (to tell whether a fragment is one).
    pub decode_share: fn(&str) -> Result<SharedProfile, LinkError>,
    /// A share link read with the plans this browser has (see `read_share_link`).
    pub read_share: fn(&str, PlanOf) -> Result<SharedProfile, LinkError>,
    /// A plan link, named for the messages (see `read_plan_link`).
    pub read_plan: fn(&str, &str) -> Result<Plan, PlanLinkError>,
}

pub static READERS: LinkReaders = LinkReaders {
    decode_share: decode_share_fragment,
    read_share: |text, plan_of| read_share_link(text, plan_of),
    read_plan: read_plan_link,
};

crate::on_demand::on_demand_slot!(
    /// The readers, if they are here (see the module comment).
    readers, install: &'static LinkReaders = &READERS
);
