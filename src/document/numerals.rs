//! Page numbers as printed: digits (ASCII or full-width) and Roman numerals.

/// A number written in digits, ASCII or full-width (`12`, `１２`).
pub(crate) fn digits(s: &str) -> Option<u32> {
    let ascii: String = s
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect();
    ascii.trim().parse().ok()
}

const NUMERALS: [(u32, &str); 13] = [
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
];

/// `n` in lower-case Roman numerals (`n` from 1; 0 is written `0`).
pub(crate) fn to_roman(mut n: u32) -> String {
    if n == 0 {
        return "0".into();
    }
    let mut out = String::new();
    for (value, numeral) in NUMERALS {
        while n >= value {
            out.push_str(numeral);
            n -= value;
        }
    }
    out
}

/// A Roman numeral (either case, or the Roman-numeral characters Ⅰ…Ⅻ, ⅰ…ⅻ), written the
/// usual way (`iv`, not `iiii`).
pub(crate) fn roman(s: &str) -> Option<u32> {
    let ascii: String = s
        .chars()
        .map(|c| match c {
            'Ⅰ'..='Ⅻ' => to_roman(c as u32 - 'Ⅰ' as u32 + 1),
            'ⅰ'..='ⅻ' => to_roman(c as u32 - 'ⅰ' as u32 + 1),
            c => c.to_ascii_lowercase().to_string(),
        })
        .collect();
    if ascii.is_empty() || !ascii.chars().all(|c| "ivxlcdm".contains(c)) {
        return None;
    }
    let value = |c: char| NUMERALS.iter().find(|(_, s)| s.len() == 1 && s.starts_with(c)).map_or(0, |(v, _)| *v);
    let digits: Vec<u32> = ascii.chars().map(value).collect();
    let mut n = 0;
    for (i, &d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|&next| next > d) {
            n -= d as i64;
        } else {
            n += d as i64;
        }
    }
    let n = u32::try_from(n).ok().filter(|&n| n > 0)?;
    (to_roman(n) == ascii).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_numerals_both_ways() {
        for n in 1..=60 {
            assert_eq!(roman(&to_roman(n)), Some(n), "{n}");
        }
        assert_eq!(to_roman(14), "xiv");
        assert_eq!((roman("IV"), roman("ⅱ"), roman("Ⅻ")), (Some(4), Some(2), Some(12)));
        assert_eq!((roman("iiii"), roman("ic"), roman(""), roman("x1")), (None, None, None, None));
    }
}
