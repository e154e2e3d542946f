//! Upper and lower case of the letters the app's texts and names are written in: ASCII,
//! Latin-1, Latin Extended-A, the Vietnamese Ơ/ơ and Ư/ư, and Latin Extended Additional
//! (ạ … ỹ), exactly as the standard library maps them. Every other character is left as it
//! is. `str::to_uppercase` and `str::to_lowercase` carry Unicode's whole case tables
//! (~24 KB in the start-up module, ~10 KB gzip, issue 14) for scripts a Vietnamese plan
//! never uses.

/// The lowercase of a letter (see the module comment).
pub fn lower_char(c: char) -> char {
    let u = c as u32;
    let lower = match u {
        0x41..=0x5A => u + 0x20,
        0xC0..=0xDE if u != 0xD7 => u + 0x20,
        // Pairs, the capital first (İ, whose lowercase is two characters, left out).
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 | 0x1E00..=0x1E95 | 0x1EA0..=0x1EFF
            if u % 2 == 0 =>
        {
            u + 1
        }
        0x139..=0x148 | 0x179..=0x17E if u % 2 == 1 => u + 1,
        0x1A0 | 0x1AF => u + 1,
        _ => u,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// The uppercase of a letter (see the module comment).
pub fn upper_char(c: char) -> char {
    let u = c as u32;
    let upper = match u {
        0x61..=0x7A => u - 0x20,
        0xE0..=0xFE if u != 0xF7 => u - 0x20,
        // Pairs, the small letter second (ı, whose capital is ASCII I, left out).
        0x101..=0x12F | 0x133..=0x137 | 0x14B..=0x177 | 0x1E01..=0x1E95 | 0x1EA1..=0x1EFF
            if u % 2 == 1 =>
        {
            u - 1
        }
        0x13A..=0x148 | 0x17A..=0x17E if u % 2 == 0 => u - 1,
        0x1A1 | 0x1B0 => u - 1,
        _ => u,
    };
    char::from_u32(upper).unwrap_or(c)
}

/// `text` in lowercase (see the module comment).
pub fn lower(text: &str) -> String {
    text.chars().map(lower_char).collect()
}

/// `text` in uppercase (see the module comment).
pub fn upper(text: &str) -> String {
    text.chars().map(upper_char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every letter of Vietnamese, with every tone, small then capital.
    const VIETNAMESE: &str =
        "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ\
        AÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬBCDĐEÈÉẺẼẸÊỀẾỂỄỆGHIÌÍỈĨỊKLMNOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢPQRSTUÙÚỦŨỤƯỪỨỬỮỰVXYỲÝỶỸỴ";

    #[test]
    fn vietnamese_is_cased_as_the_standard_library_cases_it() {
        assert_eq!(lower(VIETNAMESE), VIETNAMESE.to_lowercase());
        assert_eq!(upper(VIETNAMESE), VIETNAMESE.to_uppercase());
        assert_eq!(upper("Xã Vĩnh Bình"), "XÃ VĨNH BÌNH");
        assert_eq!(lower("PHƯỜNG CÁI KHẾ"), "phường cái khế");
    }

    /// Whatever is changed is changed as the standard library does, in every block the
    /// rules cover; only what the library maps to several characters or across blocks
    /// (İ, ß, ÿ, ſ, ŉ, ẞ and the like) is left.
    #[test]
    fn every_change_is_the_standard_librarys() {
        let blocks = (0..0x250).chain(0x1E00..0x1F00);
        let mut changed = 0;
        for c in blocks.filter_map(char::from_u32) {
            for (ours, theirs) in [
                (lower_char(c), c.to_lowercase().collect::<Vec<_>>()),
                (upper_char(c), c.to_uppercase().collect::<Vec<_>>()),
            ] {
                if ours != c {
                    changed += 1;
                    assert_eq!(vec![ours], theirs, "{c:?} (U+{:04X})", c as u32);
                }
            }
        }
        assert!(changed >= 480, "the rules cover the blocks: {changed}");
    }

    #[test]
    fn the_letters_the_rules_leave_are_the_ones_the_library_does_not_pair() {
        // Each covered small letter goes up and back down to itself.
        for c in VIETNAMESE.chars() {
            assert_eq!(lower_char(upper_char(c)), lower_char(c));
        }
        for c in [
            'İ', 'ı', 'ß', 'ÿ', 'ſ', 'ŉ', 'ẞ', '×', '÷', 'Σ', 'я', '1', ' ',
        ] {
            assert!(
                lower_char(c) == c && upper_char(c) == c,
                "{c:?} is left as it is"
            );
        }
    }
}
