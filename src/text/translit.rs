//! A readable Latin transliteration of Arabic names, for the labels of
//! discovered actors (identity is the IRI, minted from the match key). Like
//! the fold, this is a table of the script's letters, not a word class of
//! the language: it lives beside the fold, not in the grammar.

use super::fold::key_of;

/// A readable Latin transliteration of an Arabic name (for labels, not for
/// identity): one Latin letter or digraph per Arabic letter, the article
/// written `al-`, each word capitalized. Latin text passes through.
pub fn transliterate(name: &str) -> String {
    let key = key_of(name);
    let mut words = Vec::new();
    for w in key.split(' ') {
        let mut out = String::new();
        let body = if let Some(rest) = w.strip_prefix("ال").filter(|r| r.chars().count() >= 2) {
            out.push_str("al-");
            rest
        } else {
            w
        };
        let chars: Vec<char> = body.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            let last = i + 1 == chars.len();
            let t = match c {
                'ا' | 'آ' | 'أ' => "a",
                'إ' => "i",
                'ب' => "b",
                'ت' => "t",
                'ث' => "th",
                'ج' => "j",
                'ح' => "h",
                'خ' => "kh",
                'د' => "d",
                'ذ' => "dh",
                'ر' => "r",
                'ز' => "z",
                'س' => "s",
                'ش' => "sh",
                'ص' => "s",
                'ض' => "d",
                'ط' => "t",
                'ظ' => "z",
                'ع' => "'",
                'غ' => "gh",
                'ف' => "f",
                'ق' => "q",
                'ك' => "k",
                'ل' => "l",
                'م' => "m",
                'ن' => "n",
                // Final heh is almost always a folded taa marbuta (U+0629).
                'ه' if last => "a",
                'ه' => "h",
                'و' if i == 0 => "w",
                'و' => "u",
                'ي' if i == 0 => "y",
                'ي' => "i",
                'ء' | 'ؤ' | 'ئ' => "'",
                'ى' => "a",
                'ة' => "a",
                'پ' => "p",
                'چ' => "ch",
                'ڤ' => "v",
                'گ' => "g",
                _ if c.is_ascii() => {
                    out.push(c);
                    continue;
                }
                _ => continue,
            };
            out.push_str(t);
        }
        let mut cs = out.chars();
        let cap = match cs.next() {
            Some('a') if out.starts_with("al-") => {
                let rest = &out[3..];
                let mut r = rest.chars();
                match r.next() {
                    Some(f) => format!("al-{}{}", f.to_uppercase(), r.as_str()),
                    None => out.clone(),
                }
            }
            Some(f) => format!("{}{}", f.to_uppercase(), cs.as_str()),
            None => continue,
        };
        words.push(cap);
    }
    words.join(" ")
}
