//! How long a typed text may be. A sensible limit per kind of field, generous for any real
//! value (and for the spaces and invisible characters that come with copy and paste), so
//! that an absurd paste is refused with a message instead of making data, files and links
//! that cannot travel.

/// The kinds of typed text, each with its limit in characters (Unicode scalar values).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    /// A figure typed for a target (counts, percentages) or a peer's score. The longest real
    /// one, `10.000.000,0000`, has 15 characters.
    Figure,
    /// The typed name of an "other" unit (the names in the lists have fewer than 50).
    Name,
    /// The name a user gives a profile.
    Label,
}

impl TextKind {
    pub const fn max_chars(self) -> usize {
        match self {
            TextKind::Figure => 40,
            TextKind::Name | TextKind::Label => 150,
        }
    }
}

/// A text longer than its kind allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TooLong {
    pub kind: TextKind,
    /// The text's length in characters.
    pub chars: usize,
    /// The most characters allowed.
    pub limit: usize,
}

/// Whether `text` fits its kind's limit.
pub fn check_length(kind: TextKind, text: &str) -> Result<(), TooLong> {
    let limit = kind.max_chars();
    // A character is at least one byte: most texts are decided without counting.
    if text.len() <= limit {
        return Ok(());
    }
    let chars = text.chars().count();
    if chars <= limit {
        Ok(())
    } else {
        Err(TooLong { kind, chars, limit })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_count_characters_not_bytes() {
        assert_eq!(check_length(TextKind::Figure, &"9".repeat(40)), Ok(()));
        assert_eq!(check_length(TextKind::Figure, &"đ".repeat(40)), Ok(()));
        assert_eq!(
            check_length(TextKind::Figure, &"1".repeat(70_000)),
            Err(TooLong {
                kind: TextKind::Figure,
                chars: 70_000,
                limit: 40
            })
        );
        assert_eq!(check_length(TextKind::Name, &"Ư".repeat(150)), Ok(()));
        assert!(check_length(TextKind::Label, &"a".repeat(151)).is_err());
        // Every unit name of the lists fits.
        for bloc in &crate::domain::builtin::plan_ref().blocs {
            for unit in &bloc.units {
                assert_eq!(check_length(TextKind::Name, &unit.name), Ok(()));
            }
        }
    }
}
