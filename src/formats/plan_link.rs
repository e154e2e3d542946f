//! Plan links: a whole plan in the fragment of a URL (`…/#p1.<payload>`), so that the office
//! that sets the targets can send its plan in a chat message. The payload is the plan file
//! itself (`formats::plan_file`) in the app's framing (`share_link::frame`: a length, the
//! content and a CRC-32, in unpadded base64url): every cut or edit is caught before the plan
//! file's own strict check runs. A plan too big for a link (over
//! [`MAX_FRAGMENT_CHARS`](super::share_link::MAX_FRAGMENT_CHARS)) travels as a file.

use super::plan_file::{export_plan_file, import_plan_file, PlanFileError};
use super::share_link::{frame, read_frame, LinkError, MAX_FRAGMENT_CHARS};
use crate::domain::plan::Plan;

/// The letter that starts a plan fragment.
pub const PLAN_PREFIX: char = 'p';
/// The version this build writes and the newest it reads.
pub const PLAN_LINK_VERSION: u64 = 1;

/// Why a plan link could not be opened.
#[derive(Debug, Clone, PartialEq)]
pub enum PlanLinkError {
    /// The fragment itself: cut, edited, foreign or newer.
    Link(LinkError),
    /// The fragment is whole but the plan in it is refused, as its file would be.
    Plan(PlanFileError),
}

/// The fragment of a link carrying `plan`, or `None` when it would be longer than a link
/// reader takes (then the plan file carries it).
pub fn make_plan_fragment(plan: &Plan) -> Option<String> {
    let fragment = frame(
        PLAN_PREFIX,
        PLAN_LINK_VERSION,
        export_plan_file(plan).as_bytes(),
    );
    (fragment.len() <= MAX_FRAGMENT_CHARS).then_some(fragment)
}

/// Whether a fragment is a plan link (of any version), to tell it from a profile link.
pub fn is_plan_fragment(text: &str) -> bool {
    let text = text.trim();
    let text = text.find('#').map_or(text, |at| &text[at + 1..]);
    text.strip_prefix(PLAN_PREFIX)
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
}

/// Reads a plan from a link: the framing, then the plan file's check. `name` names the plan
/// link in messages, as a file name would.
pub fn read_plan_link(text: &str, name: &str) -> Result<Plan, PlanLinkError> {
    let (_, content) =
        read_frame(text, PLAN_PREFIX, PLAN_LINK_VERSION).map_err(PlanLinkError::Link)?;
    import_plan_file(name, &content).map_err(PlanLinkError::Plan)
}
