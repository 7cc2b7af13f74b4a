//! Quantities: numbers with what they count (fighters, casualties, vehicles,
//! aircraft, money), read as attributes of the statements of their clause:
//! «نحو 2000 عنصر»، «50 مليون دولار»، «1,000 شاحنة».

use crate::grammar::Grammar;
use crate::model::Quantity;
use crate::text::tokens::{TokKind, Token};

/// A quantity and the token where it starts.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Found {
    /// First token (the approximator or the number).
    pub(crate) first: usize,
    /// One past its last token.
    pub(crate) end: usize,
    /// The quantity.
    pub(crate) quantity: Quantity,
}

/// The power of ten a multiplier word stands for (ألف، مليون).
fn multiplier(g: &Grammar, k: &str) -> Option<f64> {
    g.quantities.multipliers.get(k).map(|&p| 10f64.powi(p))
}

/// The unit a counted noun names (fighters, casualties …), if it is one.
fn unit<'g>(g: &'g Grammar, k: &str) -> Option<&'g str> {
    let k = g.strip_conj(k);
    g.quantities
        .units
        .iter()
        .find(|(_, words)| words.contains(k))
        .map(|(u, _)| u.as_str())
}

/// The value of a number in digits, or of a cardinal written as a word
/// (ثلاثة، وعشرين).
pub(crate) fn number(g: &Grammar, t: &Token) -> Option<f64> {
    match t.kind {
        TokKind::Number => t.key.replace(',', "").parse().ok(),
        TokKind::Arabic => g
            .quantities
            .number_words
            .get(g.strip_conj(&t.key))
            .map(|&n| n as f64),
        _ => None,
    }
}

/// Every quantity in `tokens`, with the text it was read from.
pub(crate) fn find(g: &Grammar, text: &str, tokens: &[Token]) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some(mut amount) = number(g, &tokens[i]) else {
            i += 1;
            continue;
        };
        let mut j = i + 1;
        // «2-3 مليارات»: a range counts as its lower bound.
        if tokens.get(j).is_some_and(|t| t.key == "-")
            && tokens.get(j + 1).and_then(|t| number(g, t)).is_some()
        {
            j += 2;
        }
        if let Some(m) = tokens.get(j).and_then(|t| multiplier(g, &t.key)) {
            amount *= m;
            j += 1;
        }
        let Some(u) = tokens.get(j).and_then(|t| unit(g, &t.key)) else {
            i += 1;
            continue;
        };
        // Take in an approximator before the number (نحو، حوالي، ما يصل إلى).
        let mut first = i;
        while first > 0 && i - first < 3 {
            let k = g.strip_conj(&tokens[first - 1].key);
            if g.quantities.approximators.contains(k) || g.quantities.approximator_links.contains(k)
            {
                first -= 1;
            } else {
                break;
            }
        }
        while first < i && g.quantities.approximator_links.contains(&tokens[first].key) {
            first += 1;
        }
        let span = tokens[first].span.cover(tokens[j].span);
        out.push(Found {
            first,
            end: j + 1,
            quantity: Quantity {
                amount,
                unit: u.to_string(),
                text: span.of(text).to_string(),
            },
        });
        i = j + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;
    use crate::text::tokens::tokenize;

    fn q(text: &str) -> Vec<(f64, String, String)> {
        let toks = tokenize(text, Span::new(0, text.len()));
        find(crate::grammar::repository(), text, &toks)
            .into_iter()
            .map(|f| (f.quantity.amount, f.quantity.unit, f.quantity.text))
            .collect()
    }

    #[test]
    fn fighters_money_and_vehicles() {
        assert_eq!(
            q("نشرت روسيا نحو 2000 عنصر في مالي"),
            vec![(2000.0, "fighters".into(), "نحو 2000 عنصر".into())]
        );
        assert_eq!(
            q("فدية قدرها 50 مليون دولار"),
            vec![(5e7, "USD".into(), "50 مليون دولار".into())]
        );
        assert_eq!(
            q("وصول 1,000 شاحنة وقود"),
            vec![(1000.0, "vehicles".into(), "1,000 شاحنة".into())]
        );
    }

    #[test]
    fn cardinals_written_as_words_count_too() {
        assert_eq!(
            q("أسفر عن مقتل ضابط وثلاثة جنود"),
            vec![(3.0, "fighters".into(), "وثلاثة جنود".into())]
        );
        assert_eq!(
            q("نشرت نحو عشرين مقاتلا"),
            vec![(20.0, "fighters".into(), "نحو عشرين مقاتلا".into())]
        );
        // A cardinal before a noun that counts nothing the units know.
        assert!(q("استمر الحصار ثلاثة أشهر").is_empty());
    }

    #[test]
    fn numbers_without_a_counted_noun_are_not_quantities() {
        assert!(q("في عام 2022 وفي 2023").is_empty());
        assert!(q("سبع مدن").is_empty());
    }
}
