//! `Xã Vĩnh Bình` → `xa-vinh-binh`: ids made from Vietnamese names (the plan editor's pasted
//! unit lists) and the unit files' names (`formats::unit_file::slug` is this one).

/// Latin letters with diacritics and their base letter: the whole Vietnamese alphabet plus
/// the common Western European letters, lower and upper case, and the characters whose
/// Unicode lowercase is one of them or an ASCII letter (KELVIN SIGN, ANGSTROM SIGN, İ).
const FOLDS: &[(&str, char)] = &[
    ("àáảãạăằắẳẵặâầấẩẫậäåæÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÄÅÆ\u{212b}", 'a'),
    ("èéẻẽẹêềếểễệëÈÉẺẼẸÊỀẾỂỄỆË", 'e'),
    ("ìíỉĩịîïÌÍỈĨỊÎÏ\u{130}", 'i'),
    ("òóỏõọôồốổỗộơờớởỡợöøÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÖØ", 'o'),
    ("ùúủũụưừứửữựûüÙÚỦŨỤƯỪỨỬỮỰÛÜ", 'u'),
    ("ỳýỷỹỵÿỲÝỶỸỴŸ", 'y'),
    ("đĐ", 'd'),
    ("çÇ", 'c'),
    ("ñÑ", 'n'),
    ("\u{212a}", 'k'),
];

/// The ASCII letter of a Latin letter with diacritics, in either case.
fn fold(c: char) -> Option<char> {
    FOLDS
        .iter()
        .find(|(letters, _)| letters.contains(c))
        .map(|(_, base)| *base)
}

/// The lowercase ASCII letter or digit a character stands for, if any.
pub fn fold_char(c: char) -> Option<char> {
    if c.is_ascii_alphanumeric() {
        Some(c.to_ascii_lowercase())
    } else {
        fold(c)
    }
}

/// `Xã Vĩnh Bình` → `xa-vinh-binh`: ASCII letters and digits, single hyphens between words,
/// cut at a word boundary so it has at most `max` characters.
pub fn slug(text: &str, max: usize) -> String {
    let mut out = String::new();
    let mut pending_hyphen = false;
    for c in text.chars() {
        // Combining marks of decomposed text (U+0300–U+036F) belong to the previous letter.
        if ('\u{300}'..='\u{36f}').contains(&c) {
            continue;
        }
        match fold_char(c) {
            Some(letter) => {
                if pending_hyphen && !out.is_empty() {
                    out.push('-');
                }
                pending_hyphen = false;
                out.push(letter);
            }
            None => pending_hyphen = true,
        }
    }
    if out.len() > max {
        let cut = out[..=max].rfind('-').unwrap_or(max);
        out.truncate(cut);
        while out.ends_with('-') {
            out.pop();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_fold_vietnamese_and_cut_at_words() {
        assert_eq!(slug("Xã Vĩnh Bình", 40), "xa-vinh-binh");
        assert_eq!(slug("  Phường Cái Khế (mới) ", 40), "phuong-cai-khe-moi");
        assert_eq!(slug("ĐỒNG THÁP", 40), "dong-thap");
        // Decomposed text (a letter followed by combining marks) gives the same slug.
        assert_eq!(slug("Xa\u{303} Vi\u{303}nh", 40), "xa-vinh");
        assert_eq!(slug("Phường Long Hòa Đông", 12), "phuong-long");
        assert_eq!(slug("«»", 40), "");
    }
}
