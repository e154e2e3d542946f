//! Share links: a whole profile in the fragment of a URL (`…/#u1.<payload>`), so a unit can
//! send its figures in a chat message and the receiver sees them without any server.
//!
//! The payload is a compact byte format in unpadded base64url (see `docs/formats.md`):
//!
//! ```text
//! varint  body length
//! body    bloc, unit, label, other name, entries (target index, flags, figures)
//! u32 LE  CRC-32 of "u1" + length + body
//! ```
//!
//! Every profile round-trips exactly, typed text included. Decoding never panics: a cut
//! link is [`LinkError::Truncated`], an edited one [`LinkError::Damaged`], a newer one
//! [`LinkError::NewerVersion`].
//!
//! The page opens links with [`read_share_link`] and makes them with [`make_share_fragment`]:
//! both run the same check as unit files ([`check_profile`]), so a link with a right
//! checksum but inconsistent content is refused, and the page never makes a link it would
//! refuse to open (nor one longer than [`MAX_FRAGMENT_CHARS`]).

use crate::domain::small_map::SmallMap;

use crate::domain::figures::{EntryMode, TargetEntry};
use crate::domain::profile::{ordered_entries, Profile};
use std::rc::Rc;

use crate::domain::builtin;
use crate::domain::plan::{BlocId, Key, Plan, TargetId};
use crate::formats::validate::{check_profile, ProfileProblem};

/// The letter that starts a unit share fragment.
pub const SHARE_PREFIX: char = 'u';
/// The newest version this build reads. Profiles of the built-in plan are written as version
/// 1 (frozen, readable by every build); profiles of any other plan as version 2, which names
/// the plan, its rules' fingerprint and every id as text.
pub const SHARE_VERSION: u64 = 2;
/// Longer input is refused before decoding (a real link is a few hundred characters).
pub const MAX_FRAGMENT_CHARS: usize = 64 * 1024;

/// The unit ids of version 1, frozen: index `k` is written as `k + 1`, and 0 means the id
/// follows as text. Later changes to the unit lists do not change what a v1 link means.
const UNITS_V1: [&str; 24] = [
    "other",
    "31231",
    "31232",
    "31211",
    "31234",
    "31237",
    "31240",
    "31241",
    "31243",
    "31244",
    "31246",
    "31252",
    "vp-hdnd-ubnd",
    "noi-vu",
    "tu-phap",
    "tai-chinh-ke-hoach",
    "tai-nguyen-moi-truong",
    "lao-dong-tbxh",
    "van-hoa-thong-tin",
    "giao-duc-dao-tao",
    "y-te",
    "thanh-tra",
    "nong-nghiep-ptnt",
    "kinh-te-ha-tang",
];

/// The target keys of version 1, frozen: an entry starts with its index here, or with
/// [`TARGET_BY_KEY`] followed by the key as text for a target added after version 1.
const TARGETS_V1: [&str; 13] = [
    "online_work_files",
    "tthc_online_l34",
    "l34_with_applications",
    "online_resolution",
    "infosec_dossiers",
    "tthc_rating_good",
    "satisfaction_admin",
    "satisfaction_education",
    "satisfaction_health",
    "org_structure",
    "leader_appointments",
    "recruitment",
    "self_financing_units",
];
const TARGET_BY_KEY: u8 = 0xFF;

/// Why a fragment could not be read as a profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// Nothing after the `#`.
    Empty,
    /// Not a unit share link (it does not start with `u<version>.`).
    NotAShareLink,
    /// Made by a newer version of the app.
    NewerVersion { version: u64, supported: u64 },
    /// Longer than [`MAX_FRAGMENT_CHARS`].
    TooLong { chars: usize, limit: usize },
    /// A character that a link of the app never contains, at this character position of
    /// the text given to [`decode_share_fragment`].
    BadCharacter { position: usize, character: char },
    /// The link is shorter than it says: it was cut when copied.
    Truncated,
    /// The checksum does not match, or there is more than the link says: it was edited or
    /// damaged.
    Damaged,
    /// The checksum is right but the content is impossible: the link was not made by this
    /// app (or by a faulty version of it).
    Malformed(Malformed),
    /// The link reads as a profile, but one that fails the check every unit file gets (an
    /// agency under the commune bloc, an unknown unit, impossible or absurdly long figures):
    /// it is refused, never applied ([`read_share_link`]).
    Refused(ProfileProblem),
    /// The link is of a plan this browser does not have.
    UnknownPlan { plan_id: String },
}

/// What is impossible in a link whose checksum is right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Malformed {
    /// The content ends before the profile does.
    UnexpectedEnd,
    /// Bytes after the profile.
    TrailingBytes,
    /// A number written with too many bytes.
    BadNumber,
    /// A bloc code other than 0 or 1.
    BadBloc(u8),
    /// A version-2 plan id or bloc id that is not an id.
    BadPlan,
    /// A unit index beyond the frozen list.
    BadUnitIndex(u64),
    /// A target index beyond the frozen list, or a target key this build does not know.
    UnknownTarget,
    /// Two entries for the same target.
    DuplicateTarget(TargetId),
    /// Entry flags with impossible bits.
    BadFlags(u64),
    /// Text that is not UTF-8.
    NotUtf8,
}

// ---------------------------------------------------------------------------------------
// Checksum and base64url
// ---------------------------------------------------------------------------------------

/// CRC-32 (IEEE 802.3, as in zip and PNG) over `parts`, computed bit by bit.
pub fn crc32(parts: &[&[u8]]) -> u32 {
    let mut crc = 0xFFFF_FFFF_u32;
    for byte in parts.iter().flat_map(|part| part.iter()) {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

const BASE64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        let chars = chunk.len() + 1;
        for i in 0..chars {
            out.push(BASE64URL[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

fn base64url_value(c: char) -> Option<u32> {
    match c {
        'A'..='Z' => Some(c as u32 - 'A' as u32),
        'a'..='z' => Some(c as u32 - 'a' as u32 + 26),
        '0'..='9' => Some(c as u32 - '0' as u32 + 52),
        '-' => Some(62),
        '_' => Some(63),
        _ => None,
    }
}

/// Bytes decoded from unpadded base64url, with what was odd about the end.
struct Decoded {
    bytes: Vec<u8>,
    /// A last character that cannot make a byte (length ≡ 1 mod 4) was left over.
    leftover_char: bool,
    /// The bits of the last character beyond the last byte were not zero.
    loose_bits: bool,
}

/// `offset` is the character position of `text` in the caller's input, for errors.
fn base64url_decode(text: &str, offset: usize) -> Result<Decoded, LinkError> {
    let mut values = Vec::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        let value = base64url_value(c).ok_or(LinkError::BadCharacter {
            position: offset + i,
            character: c,
        })?;
        values.push(value);
    }
    let leftover_char = values.len() % 4 == 1;
    if leftover_char {
        values.pop();
    }
    let mut bytes = Vec::with_capacity(values.len() * 3 / 4);
    let mut loose_bits = false;
    for chunk in values.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0_u32, |n, (i, v)| n | v << (18 - 6 * i));
        let produced = chunk.len() - 1;
        for i in 0..produced {
            bytes.push((n >> (16 - 8 * i)) as u8);
        }
        let used_bits = 24 - 8 * produced as u32;
        if produced < 3 && n & ((1 << used_bits) - 1) != 0 {
            loose_bits = true;
        }
    }
    Ok(Decoded {
        bytes,
        leftover_char,
        loose_bits,
    })
}

// ---------------------------------------------------------------------------------------
// Encoding
// ---------------------------------------------------------------------------------------

/// Appends `value` as a LEB128 variable-length integer (7 bits a byte, low bits first).
pub fn push_varint(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let low = (value & 0x7F) as u8;
        value >>= 7;
        if value == 0 {
            out.push(low);
            return;
        }
        out.push(low | 0x80);
    }
}

fn push_text(out: &mut Vec<u8>, text: &str) {
    push_varint(out, text.len() as u64);
    out.extend_from_slice(text.as_bytes());
}

/// `0`, `7`, `1234`: digits without a leading zero, short enough to fit; written as a
/// number, everything else as text.
fn canonical_number(text: &str) -> Option<u64> {
    let canonical = !text.is_empty()
        && text.len() <= 18
        && text.bytes().all(|b| b.is_ascii_digit())
        && (text == "0" || !text.starts_with('0'));
    canonical.then(|| text.parse().ok()).flatten()
}

fn push_figure(out: &mut Vec<u8>, text: &str) {
    match canonical_number(text) {
        Some(n) => push_varint(out, n << 1 | 1),
        None => {
            push_varint(out, (text.len() as u64) << 1);
            out.extend_from_slice(text.as_bytes());
        }
    }
}

fn tri(value: Option<bool>) -> u64 {
    match value {
        None => 0,
        Some(false) => 1,
        Some(true) => 2,
    }
}

fn figures(entry: &TargetEntry) -> [&str; 5] {
    [
        &entry.numerator,
        &entry.denominator,
        &entry.percent,
        &entry.before,
        &entry.after,
    ]
}

fn push_entry(out: &mut Vec<u8>, version: u64, id: TargetId, entry: &TargetEntry) {
    match TARGETS_V1.iter().position(|key| *key == id.key()) {
        Some(index) if version == 1 => out.push(index as u8),
        _ => {
            out.push(TARGET_BY_KEY);
            push_text(out, id.key());
        }
    }
    let mut flags = tri(entry.not_applicable)
        | u64::from(entry.mode == EntryMode::Percent) << 2
        | tri(entry.answer) << 3;
    for (i, text) in figures(entry).iter().enumerate() {
        if !text.is_empty() {
            flags |= 1 << (5 + i);
        }
    }
    push_varint(out, flags);
    for text in figures(entry) {
        if !text.is_empty() {
            push_figure(out, text);
        }
    }
}

/// The version a profile is written in: 1 for the built-in plan, else 2.
fn version_of(profile: &Profile) -> u64 {
    if profile.plan == builtin::PLAN_ID
        && (profile.bloc == builtin::COMMUNE || profile.bloc == builtin::AGENCY)
    {
        1
    } else {
        2
    }
}

fn body(profile: &Profile, fingerprint: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let version = version_of(profile);
    if version == 1 {
        out.push(u8::from(profile.bloc == builtin::AGENCY));
        match UNITS_V1.iter().position(|id| *id == profile.unit_id) {
            Some(index) => push_varint(&mut out, index as u64 + 1),
            None => {
                push_varint(&mut out, 0);
                push_text(&mut out, &profile.unit_id);
            }
        }
    } else {
        push_text(&mut out, &profile.plan);
        push_text(&mut out, fingerprint);
        push_text(&mut out, profile.bloc.key());
        push_text(&mut out, &profile.unit_id);
    }
    push_text(&mut out, &profile.label);
    push_text(&mut out, &profile.other_name);
    push_varint(&mut out, profile.entries.len() as u64);
    for (id, entry) in ordered_entries(&profile.entries) {
        push_entry(&mut out, version, *id, entry);
    }
    out
}

/// The fragment (what follows `#`) that carries the whole profile: `u1.<base64url>` for the
/// built-in plan, `u2.<base64url>` naming the plan and `fingerprint` (its rules', see
/// `Plan::fingerprint`) for any other.
pub fn encode_share_fragment(profile: &Profile, fingerprint: &str) -> String {
    frame(
        SHARE_PREFIX,
        version_of(profile),
        &body(profile, fingerprint),
    )
}

// ---------------------------------------------------------------------------------------
// Decoding
// ---------------------------------------------------------------------------------------

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8, Malformed> {
        let byte = *self.bytes.get(self.at).ok_or(Malformed::UnexpectedEnd)?;
        self.at += 1;
        Ok(byte)
    }

    /// A LEB128 number of at most 64 bits, in its shortest form.
    fn varint(&mut self) -> Result<u64, Malformed> {
        let mut value = 0_u64;
        for shift in (0..64).step_by(7) {
            let byte = self.byte()?;
            let bits = u64::from(byte & 0x7F);
            if shift == 63 && bits > 1 {
                return Err(Malformed::BadNumber);
            }
            value |= bits << shift;
            if byte & 0x80 == 0 {
                if byte == 0 && shift > 0 {
                    return Err(Malformed::BadNumber);
                }
                return Ok(value);
            }
        }
        Err(Malformed::BadNumber)
    }

    fn take(&mut self, len: u64) -> Result<&[u8], Malformed> {
        let len = usize::try_from(len).map_err(|_| Malformed::UnexpectedEnd)?;
        let end = self
            .at
            .checked_add(len)
            .filter(|end| *end <= self.bytes.len())
            .ok_or(Malformed::UnexpectedEnd)?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }

    fn utf8(&mut self, len: u64) -> Result<String, Malformed> {
        let bytes = self.take(len)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| Malformed::NotUtf8)
    }

    fn text(&mut self) -> Result<String, Malformed> {
        let len = self.varint()?;
        self.utf8(len)
    }

    fn figure(&mut self) -> Result<String, Malformed> {
        let tag = self.varint()?;
        if tag & 1 == 1 {
            Ok((tag >> 1).to_string())
        } else {
            self.utf8(tag >> 1)
        }
    }
}

fn tri_value(bits: u64) -> Option<bool> {
    match bits {
        1 => Some(false),
        2 => Some(true),
        _ => None,
    }
}

fn read_entry(reader: &mut Reader) -> Result<(TargetId, TargetEntry), Malformed> {
    let index = reader.byte()?;
    let key = if index == TARGET_BY_KEY {
        reader.text()?
    } else {
        TARGETS_V1
            .get(usize::from(index))
            .ok_or(Malformed::UnknownTarget)?
            .to_string()
    };
    let id = TargetId::new(&key).ok_or(Malformed::UnknownTarget)?;
    let flags = reader.varint()?;
    if flags >= 1 << 10 || flags & 0b11 == 3 || flags >> 3 & 0b11 == 3 {
        return Err(Malformed::BadFlags(flags));
    }
    let mut texts: [String; 5] = Default::default();
    for (i, text) in texts.iter_mut().enumerate() {
        if flags & 1 << (5 + i) != 0 {
            *text = reader.figure()?;
        }
    }
    let [numerator, denominator, percent, before, after] = texts;
    let entry = TargetEntry {
        not_applicable: tri_value(flags & 0b11),
        mode: if flags & 0b100 != 0 {
            EntryMode::Percent
        } else {
            EntryMode::Counts
        },
        numerator,
        denominator,
        percent,
        answer: tri_value(flags >> 3 & 0b11),
        before,
        after,
    };
    Ok((id, entry))
}

fn read_body(version: u64, body: &[u8]) -> Result<SharedProfile, Malformed> {
    let mut reader = Reader { bytes: body, at: 0 };
    let (plan, fingerprint, bloc, unit_id) = if version == 1 {
        let bloc = match reader.byte()? {
            0 => builtin::COMMUNE,
            1 => builtin::AGENCY,
            other => return Err(Malformed::BadBloc(other)),
        };
        let unit_id = match reader.varint()? {
            0 => reader.text()?,
            k => UNITS_V1
                .get(usize::try_from(k - 1).unwrap_or(usize::MAX))
                .ok_or(Malformed::BadUnitIndex(k))?
                .to_string(),
        };
        (builtin::PLAN_ID.to_string(), None, bloc, unit_id)
    } else {
        let plan = reader.text()?;
        if Key::new(&plan).is_none() {
            return Err(Malformed::BadPlan);
        }
        let fingerprint = reader.text()?;
        let bloc = BlocId::new(&reader.text()?).ok_or(Malformed::BadPlan)?;
        let unit_id = reader.text()?;
        (plan, Some(fingerprint), bloc, unit_id)
    };
    let label = reader.text()?;
    let other_name = reader.text()?;
    let count = reader.varint()?;
    let mut entries = SmallMap::new();
    for _ in 0..count {
        let (id, entry) = read_entry(&mut reader)?;
        if entries.insert(id, entry).is_some() {
            return Err(Malformed::DuplicateTarget(id));
        }
    }
    if reader.at != body.len() {
        return Err(Malformed::TrailingBytes);
    }
    Ok(SharedProfile {
        profile: Profile {
            plan,
            label,
            bloc,
            unit_id,
            other_name,
            entries,
        },
        fingerprint,
    })
}

/// A profile read from a link, with the fingerprint of its plan's rules as the sender had
/// them (version 2; `None` for the built-in plan).
#[derive(Debug, Clone, PartialEq)]
pub struct SharedProfile {
    pub profile: Profile,
    pub fingerprint: Option<String>,
}

/// Reads `<prefix><digits>.`: the version and the character position after the dot.
fn read_prefix(text: &str, prefix: char) -> Result<(u64, usize), LinkError> {
    let rest = text.strip_prefix(prefix).ok_or(LinkError::NotAShareLink)?;
    let digits_len = rest.bytes().take_while(u8::is_ascii_digit).count();
    let digits = &rest[..digits_len];
    let after = &rest[digits_len..];
    if after.is_empty() && digits.len() <= 9 {
        // `u` or `u1`: the start of a link, cut.
        return Err(LinkError::Truncated);
    }
    if !after.starts_with('.') || digits.is_empty() || digits.len() > 9 || digits.starts_with('0') {
        return Err(LinkError::NotAShareLink);
    }
    let version: u64 = digits.parse().map_err(|_| LinkError::NotAShareLink)?;
    // Prefix, digits and dot are ASCII: byte length is the character count.
    Ok((version, 1 + digits_len + 1))
}

/// Reads a profile from a share fragment: `u1.…`, `#u1.…` or a whole URL containing `#u1.…`
/// (spaces and line breaks around it are ignored). Never panics; any cut, edit or foreign
/// text gives a [`LinkError`].
pub fn decode_share_fragment(text: &str) -> Result<SharedProfile, LinkError> {
    let (version, content) = read_frame(text, SHARE_PREFIX, SHARE_VERSION)?;
    read_body(version, &content).map_err(LinkError::Malformed)
}

/// The framing every fragment of the app shares (profiles `u…`, plans `p…`):
/// `<prefix><version>.<base64url(varint length, content, CRC-32 LE)>`, the CRC taken over
/// `<prefix><version>`, the length and the content.
pub(crate) fn frame(prefix: char, version: u64, content: &[u8]) -> String {
    let tag = format!("{prefix}{version}");
    let mut bytes = Vec::with_capacity(content.len() + 8);
    push_varint(&mut bytes, content.len() as u64);
    bytes.extend_from_slice(content);
    let checksum = crc32(&[tag.as_bytes(), &bytes]);
    bytes.extend_from_slice(&checksum.to_le_bytes());
    format!("{tag}.{}", base64url_encode(&bytes))
}

/// Reads a framed fragment (see [`frame`]) of `prefix`, of a version up to `newest`, from a
/// fragment, `#fragment` or a whole URL: its version and its content. Never panics; a cut,
/// edited or foreign text is a [`LinkError`].
pub(crate) fn read_frame(
    text: &str,
    prefix: char,
    newest: u64,
) -> Result<(u64, Vec<u8>), LinkError> {
    let text = text.trim();
    let (text, mut offset) = match text.find('#') {
        Some(at) => (&text[at + 1..], text[..=at].chars().count()),
        None => (text, 0),
    };
    let chars = text.chars().count();
    if chars == 0 {
        return Err(LinkError::Empty);
    }
    if chars > MAX_FRAGMENT_CHARS {
        return Err(LinkError::TooLong {
            chars,
            limit: MAX_FRAGMENT_CHARS,
        });
    }
    let (version, payload_at) = read_prefix(text, prefix)?;
    if version > newest {
        return Err(LinkError::NewerVersion {
            version,
            supported: newest,
        });
    }
    if version == 0 {
        return Err(LinkError::NotAShareLink);
    }
    offset += payload_at;
    let decoded = base64url_decode(&text[payload_at..], offset)?;
    let bytes = decoded.bytes.as_slice();

    let mut reader = Reader { bytes, at: 0 };
    let body_len = match reader.varint() {
        Ok(len) => len,
        Err(Malformed::UnexpectedEnd) => return Err(LinkError::Truncated),
        Err(_) => return Err(LinkError::Damaged),
    };
    let header_len = reader.at;
    let expected = usize::try_from(body_len)
        .ok()
        .and_then(|len| len.checked_add(header_len + 4));
    match expected {
        Some(expected) if bytes.len() < expected => return Err(LinkError::Truncated),
        Some(expected) if bytes.len() > expected => return Err(LinkError::Damaged),
        Some(_) => {}
        // A length no device could hold: the link cannot be complete.
        None => return Err(LinkError::Truncated),
    }
    if decoded.leftover_char || decoded.loose_bits {
        return Err(LinkError::Damaged);
    }
    let (content, checksum) = bytes.split_at(bytes.len() - 4);
    let checksum = u32::from_le_bytes([checksum[0], checksum[1], checksum[2], checksum[3]]);
    if crc32(&[format!("{prefix}{version}").as_bytes(), content]) != checksum {
        return Err(LinkError::Damaged);
    }
    Ok((version, content[header_len..].to_vec()))
}

// ---------------------------------------------------------------------------------------
// The page's way in and way out
// ---------------------------------------------------------------------------------------

/// Reads a share link as the page opens it: [`decode_share_fragment`], then the check every
/// unit file gets ([`check_profile`]); what fails it is [`LinkError::Refused`].
///
/// The link's plan is looked up with `plan_of`; a plan this browser does not have is
/// [`LinkError::UnknownPlan`] (the page asks for the plan file).
pub fn read_share_link(
    text: &str,
    plan_of: impl Fn(&str) -> Option<Rc<Plan>>,
) -> Result<SharedProfile, LinkError> {
    let decoded = decode_share_fragment(text)?;
    let plan = plan_of(&decoded.profile.plan).ok_or_else(|| LinkError::UnknownPlan {
        plan_id: decoded.profile.plan.clone(),
    })?;
    check_profile(&plan, &decoded.profile).map_err(LinkError::Refused)?;
    Ok(decoded)
}

/// Why the page makes no link for a profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShareRefusal {
    /// The profile fails [`check_profile`]: the link would be refused when opened.
    Invalid(ProfileProblem),
    /// The link would be longer than [`MAX_FRAGMENT_CHARS`], the most a link reader takes;
    /// the unit file carries it instead.
    TooLong { chars: usize, limit: usize },
}

/// The fragment of a link that [`read_share_link`] opens, or why there is none. Figures are
/// limited, names and labels are not part of the check (their length changes nothing the
/// profile means, and typing keeps them short), so a very long one (saved by an older
/// version, or from a unit file) can make a link too long for the reader: the unit file,
/// which takes up to a mebibyte, carries that profile.
pub fn make_share_fragment(plan: &Plan, profile: &Profile) -> Result<String, ShareRefusal> {
    check_profile(plan, profile).map_err(ShareRefusal::Invalid)?;
    let fragment = encode_share_fragment(profile, &plan.fingerprint());
    fits(fragment)
}

/// `fragment` itself when a link reader takes it.
fn fits(fragment: String) -> Result<String, ShareRefusal> {
    // The fragment is ASCII: its byte length is its length in characters.
    let chars = fragment.len();
    if chars > MAX_FRAGMENT_CHARS {
        Err(ShareRefusal::TooLong {
            chars,
            limit: MAX_FRAGMENT_CHARS,
        })
    } else {
        Ok(fragment)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::builtin;

    #[test]
    fn a_link_longer_than_the_reader_takes_is_not_made() {
        let mut profile = Profile {
            label: "x".repeat(MAX_FRAGMENT_CHARS),
            ..Profile::default()
        };
        profile.set_unit(builtin::plan_ref(), "31211");
        let fragment = encode_share_fragment(&profile, "");
        assert!(matches!(
            decode_share_fragment(&fragment).map(|s| s.profile),
            Err(LinkError::TooLong { .. })
        ));
        assert_eq!(
            make_share_fragment(builtin::plan_ref(), &profile),
            Err(ShareRefusal::TooLong {
                chars: fragment.len(),
                limit: MAX_FRAGMENT_CHARS
            })
        );
        profile.label = "x".repeat(150);
        let short = encode_share_fragment(&profile, "");
        assert_eq!(
            make_share_fragment(builtin::plan_ref(), &profile),
            Ok(short.clone())
        );
        assert_eq!(
            read_share_link(&short, builtin::only).map(|s| s.profile),
            Ok(profile)
        );
    }
}
