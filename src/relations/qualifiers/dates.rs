//! Dates in a sentence: Arabic month names of both series (يناير … ديسمبر and
//! كانون الثاني … كانون الأول), days, years, ranges (أكتوبر ونوفمبر 2025,
//! عامي 2020 و2021), the qualifiers مطلع/منتصف/أواخر/نهاية (absorbed: the
//! value keeps the granularity the text gives), weekdays and relative
//! expressions (أمس، الشهر الماضي، قبل ثلاث سنوات), which are resolved only
//! against a known publication date and otherwise left out, never guessed.

use crate::grammar::Grammar;
use crate::model::Span;
use crate::text::tokens::{TokKind, Token, tokenize};

/// A date expression found in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct DateExpr {
    /// First token.
    pub(crate) first: usize,
    /// One past the last token.
    pub(crate) end: usize,
    /// ISO 8601 value or interval `A/B`; `None` when it needs a publication date that is unknown.
    pub(crate) value: Option<String>,
}

/// A calendar day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Ymd {
    pub(crate) y: i64,
    pub(crate) m: u32,
    pub(crate) d: u32,
}

impl Ymd {
    /// Reads the leading `YYYY-MM-DD` of an ISO date or date-time.
    pub(crate) fn parse(s: &str) -> Option<Ymd> {
        let s = s.trim();
        let y = s.get(0..4)?.parse().ok()?;
        let m = s.get(5..7)?.parse().ok()?;
        let d = s.get(8..10)?.parse().ok()?;
        ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some(Ymd { y, m, d })
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    fn days(self) -> i64 {
        let y = if self.m <= 2 { self.y - 1 } else { self.y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.m);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.d) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    fn from_days(z: i64) -> Ymd {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = yoe + era * 400 + i64::from(m <= 2);
        Ymd { y, m, d }
    }

    /// Day of the week, 0 = Sunday.
    fn weekday(self) -> i64 {
        (self.days() + 4).rem_euclid(7)
    }

    pub(crate) fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

/// The month at token `i` and how many tokens it takes: one word of any
/// series (with a clitic بـ), or a Levantine name of two words.
fn month(g: &Grammar, tokens: &[Token], i: usize) -> Option<(u32, usize)> {
    // The word as written first: «فبراير» is no ف + «براير».
    let whole = tokens.get(i)?.key.as_str();
    let k = if g.dates.months.get(whole).is_some() {
        whole
    } else {
        g.strip_conj(whole)
    };
    let k = g
        .dates
        .bi
        .strip_prefix(k)
        .filter(|r| g.dates.months.get(r).is_some())
        .unwrap_or(k);
    if let Some(&m) = g.dates.months.get(k) {
        return Some((m, 1));
    }
    let next = tokens.get(i + 1)?;
    g.dates
        .two_word_months
        .get_pair(k, &next.key)
        .map(|&m| (m, 2))
}

/// A month named twice, in both series («أغسطس/آب», «مارس (آذار)»): the
/// tokens of the second name after the month ending at `end`, or 0.
fn second_name(g: &Grammar, tokens: &[Token], end: usize) -> usize {
    let key = |j: usize| tokens.get(j).map_or("", |t| t.key.as_str());
    let (open, close) = match key(end) {
        "/" => (1, 0),
        "(" => (1, 1),
        _ => return 0,
    };
    match month(g, tokens, end + open) {
        Some((_, len)) if close == 0 || key(end + open + len) == ")" => open + len + close,
        _ => 0,
    }
}

fn year(t: &Token) -> Option<i64> {
    if t.kind != TokKind::Number || t.key.len() != 4 {
        return None;
    }
    let y: i64 = t.key.parse().ok()?;
    (1900..=2100).contains(&y).then_some(y)
}

fn day(t: &Token) -> Option<u32> {
    if t.kind != TokKind::Number {
        return None;
    }
    let d: u32 = t.key.parse().ok()?;
    (1..=31).contains(&d).then_some(d)
}

/// Number words up to ten (and unit words that count themselves), for
/// «قبل ثلاث سنوات»; else digits.
fn small_number(g: &Grammar, k: &str) -> Option<i64> {
    match g.dates.number_words.get(k) {
        Some(&n) => Some(n),
        None => k.parse().ok(),
    }
}

fn ym(y: i64, m: u32) -> String {
    format!("{y:04}-{m:02}")
}

/// The month before `m` of year `y`, stepping back `n` months.
fn months_back(y: i64, m: u32, n: i64) -> (i64, u32) {
    let idx = y * 12 + i64::from(m) - 1 - n;
    (idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u32)
}

/// The date of a wire's dateline (بيشاور - 14 أكتوبر 2025 (الأناضول) -): a
/// full date among the first words of the article's first two lines, right
/// before an opening parenthesis or a spaced dash. It stands for the
/// publication date when the document gives none, so that «الثلاثاء» and
/// «أمس» in the dispatch resolve against it.
/// Also returns the byte where the dateline's date ends: the dispatch's lead
/// follows it.
pub(crate) fn dateline(g: &Grammar, text: &str) -> Option<(Ymd, usize)> {
    const LINES: usize = 2;
    const WITHIN: usize = 12;
    let mut line_start = 0;
    for line in text.lines().take(LINES) {
        let offset = line_start;
        line_start += line.len() + 1;
        let tokens = tokenize(line, Span::new(0, line.len()));
        let found = find(g, &tokens, None).into_iter().find_map(|e| {
            if e.first >= WITHIN {
                return None;
            }
            let next = tokens.get(e.end).map(|t| t.key.as_str());
            let marked = matches!(next, Some("(") | Some("-") | Some("–"));
            let day = e
                .value
                .as_deref()
                .and_then(Ymd::parse)
                .filter(|_| e.value.as_deref().is_some_and(|v| v.len() == 10))?;
            let end = offset + tokens.get(e.end.checked_sub(1)?)?.span.end;
            marked.then_some((day, end))
        });
        if found.is_some() {
            return found;
        }
    }
    None
}

/// Every date expression in `tokens`, left to right.
pub(crate) fn find(g: &Grammar, tokens: &[Token], published: Option<Ymd>) -> Vec<DateExpr> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some(e) = at(g, tokens, i, published) {
            i = e.end.max(i + 1);
            out.push(e);
        } else {
            i += 1;
        }
    }
    out
}

fn at(g: &Grammar, tokens: &[Token], i: usize, published: Option<Ymd>) -> Option<DateExpr> {
    let key = |j: usize| tokens.get(j).map_or("", |t| t.key.as_str());
    let d = &g.dates;
    let is_unit = |k: &str| d.duration_units.contains(k);
    let k = g.strip_conj(key(i));
    // DAY [و DAY] MONTH [YEAR]; «الأول من يوليو 2025».
    let mut last_day = None;
    let (day_value, month_at) = if let Some(d) = tokens.get(i).and_then(day) {
        // «10 و11 مارس»: «و11» is tokenized as و then the number.
        match tokens.get(i + 2).and_then(day) {
            Some(d2) if g.affixes.wa.contains(key(i + 1)) && d2 > d => {
                last_day = Some(d2);
                (Some(d), i + 3)
            }
            _ => (Some(d), i + 1),
        }
    } else if d.first_of.contains(k) && d.of.contains(key(i + 1)) {
        (Some(1), i + 2)
    } else {
        (None, i)
    };
    if let Some(d) = day_value
        && let Some((m, len)) = tokens
            .get(month_at)
            .and_then(|_| month(g, tokens, month_at))
    {
        let after = month_at + len;
        let after = after + second_name(g, tokens, after);
        let y = tokens.get(after).and_then(year);
        let iso = |y: i64| match last_day {
            Some(d2) => format!("{}/{}", Ymd { y, m, d }.iso(), Ymd { y, m, d: d2 }.iso()),
            None => Ymd { y, m, d }.iso(),
        };
        let value = match y {
            Some(y) => Some(iso(y)),
            None => published.map(|p| iso(if m <= p.m { p.y } else { p.y - 1 })),
        };
        return Some(DateExpr {
            first: i,
            end: after + usize::from(y.is_some()),
            value,
        });
    }
    // MONTH [و MONTH] [YEAR] | MONTH الماضي/المقبل
    if let Some((m, len)) = month(g, tokens, i) {
        let mut end = i + len;
        end += second_name(g, tokens, end);
        let mut m2 = None;
        if let Some(t) = tokens.get(end)
            && g.affixes.wa.starts(&t.key)
            && let Some((n, l2)) = month(g, tokens, end)
        {
            m2 = Some(n);
            end += l2;
            end += second_name(g, tokens, end);
        }
        if d.of.contains(key(end)) && d.year_words.contains(key(end + 1)) {
            end += 2;
        } else if d.year_words.contains(key(end)) {
            end += 1;
        }
        let y = tokens.get(end).and_then(year);
        let fmt = |y: i64| match m2 {
            Some(n) => format!("{}/{}", ym(y, m), ym(y, n)),
            None => ym(y, m),
        };
        if let Some(y) = y {
            return Some(DateExpr {
                first: i,
                end: end + 1,
                value: Some(fmt(y)),
            });
        }
        let relative = d.past.contains(key(i + len));
        let coming = d.coming.contains(key(i + len));
        let value = published.map(|p| {
            let last = m2.unwrap_or(m);
            let y = if coming {
                if m > p.m { p.y } else { p.y + 1 }
            } else if last <= p.m && !(relative && last == p.m) {
                p.y
            } else {
                p.y - 1
            };
            fmt(y)
        });
        return Some(DateExpr {
            first: i,
            end: i + len + usize::from(relative || coming),
            value,
        });
    }
    // YEAR [و YEAR] (عام، عامي، في، منذ are left outside)
    if let Some(y) = tokens.get(i).and_then(year) {
        let unit_after = d.not_year.contains(key(i + 1));
        if unit_after {
            return None;
        }
        if let Some(t) = tokens.get(i + 1) {
            // «و2021» is tokenized as و then the number.
            if g.affixes.wa.contains(&t.key)
                && let Some(y2) = tokens.get(i + 2).and_then(year)
            {
                return Some(DateExpr {
                    first: i,
                    end: i + 3,
                    value: Some(format!("{y}/{y2}")),
                });
            }
        }
        return Some(DateExpr {
            first: i,
            end: i + 1,
            value: Some(format!("{y:04}")),
        });
    }
    // Relative expressions.
    let p = published;
    if d.yesterday.contains(k) {
        return Some(DateExpr {
            first: i,
            end: i + 1,
            value: p.map(|p| Ymd::from_days(p.days() - 1).iso()),
        });
    }
    if d.today.contains(k) && !d.same_day.contains(key(i + 1)) {
        return Some(DateExpr {
            first: i,
            end: i + 1,
            value: p.map(Ymd::iso),
        });
    }
    if d.periods.contains(k) && d.past_period.contains(key(i + 1)) {
        let value = p.map(|p| {
            if d.month_period.contains(k) {
                let (y, m) = months_back(p.y, p.m, 1);
                ym(y, m)
            } else {
                format!("{:04}", p.y - 1)
            }
        });
        return Some(DateExpr {
            first: i,
            end: i + 2,
            value,
        });
    }
    if d.ago.contains(k) {
        // قبل N سنوات/أعوام/أشهر/أيام, or قبل عامين.
        let (n, unit_at) = match small_number(g, key(i + 1)) {
            Some(n) if n > 1 || is_unit(key(i + 1)) => {
                if is_unit(key(i + 1)) {
                    (n, i + 1)
                } else {
                    (n, i + 2)
                }
            }
            _ => return None,
        };
        let unit = key(unit_at);
        if !is_unit(unit) {
            return None;
        }
        let value = p.map(|p| {
            if d.year_units.starts(unit) {
                format!("{:04}", p.y - n)
            } else if d.month_units.starts(unit) {
                let (y, m) = months_back(p.y, p.m, n);
                ym(y, m)
            } else if d.week_units.starts(unit) {
                Ymd::from_days(p.days() - 7 * n).iso()
            } else {
                Ymd::from_days(p.days() - n).iso()
            }
        });
        return Some(DateExpr {
            first: i,
            end: unit_at + 1,
            value,
        });
    }
    let weekday = |k: &str| d.weekdays.get(k).copied();
    let wk = weekday(k).map(|w| (w, i)).or_else(|| {
        d.day
            .contains(k)
            .then(|| weekday(key(i + 1)).map(|w| (w, i + 1)))
            .flatten()
    });
    if let Some((w, at)) = wk {
        let value = p.map(|p| {
            let back = (p.weekday() - w).rem_euclid(7);
            Ymd::from_days(p.days() - back).iso()
        });
        return Some(DateExpr {
            first: i,
            end: at + 1,
            value,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;
    use crate::text::tokens::tokenize;

    fn dates(text: &str, published: Option<&str>) -> Vec<Option<String>> {
        let toks = tokenize(text, Span::new(0, text.len()));
        find(
            crate::grammar::repository(),
            &toks,
            published.and_then(Ymd::parse),
        )
        .into_iter()
        .map(|d| d.value)
        .collect()
    }

    #[test]
    fn a_day_number_closing_the_text_is_no_date_and_no_panic() {
        let text = "وقع الهجوم في 15";
        let toks = tokenize(text, Span::new(0, text.len()));
        assert!(find(crate::grammar::repository(), &toks, None).is_empty());
    }

    #[test]
    fn day_month_year() {
        assert_eq!(
            dates("في 3 سبتمبر 2025، وسّعت", None),
            vec![Some("2025-09-03".into())]
        );
        assert_eq!(
            dates("في الأول من يوليو 2025 شنت", None),
            vec![Some("2025-07-01".into())]
        );
    }

    #[test]
    fn month_ranges_and_levantine_names() {
        assert_eq!(
            dates("خلال أكتوبر ونوفمبر 2025 فرضت", None),
            vec![Some("2025-10/2025-11".into())]
        );
        assert_eq!(
            dates("في كانون الثاني 2024", None),
            vec![Some("2024-01".into())]
        );
        assert_eq!(
            dates("مطلع شهر تشرين الأول 2023", None),
            vec![Some("2023-10".into())]
        );
        assert_eq!(
            dates("منذ مطلع شهر نوفمبر 2025", None),
            vec![Some("2025-11".into())]
        );
    }

    #[test]
    fn february_is_not_a_conjunction_and_a_stem() {
        assert_eq!(dates("في فبراير 2023", None), vec![Some("2023-02".into())]);
        assert_eq!(dates("وفبراير 2023", None), vec![Some("2023-02".into())]);
    }

    #[test]
    fn months_named_in_both_series_and_day_ranges() {
        assert_eq!(
            dates("في 24 أغسطس/آب 2024 هجوما", None),
            vec![Some("2024-08-24".into())]
        );
        assert_eq!(
            dates("في 10 و11 مارس/آذار 2025 أحياء", None),
            vec![Some("2025-03-10/2025-03-11".into())]
        );
        assert_eq!(
            dates("منذ يونيو (حزيران) 2023", None),
            vec![Some("2023-06".into())]
        );
        // A slash between a month and a word that is no month is no date
        // of two names: the year still closes the date.
        assert_eq!(
            dates("في مارس/ 2025", None),
            vec![None, Some("2025".into())]
        );
        // Days out of order are no range.
        assert_eq!(
            dates("في 11 و10 مارس 2025", None),
            vec![Some("2025-03-10".into())]
        );
    }

    #[test]
    fn years_and_year_ranges() {
        assert_eq!(dates("أواخر 2023", None), vec![Some("2023".into())]);
        assert_eq!(dates("نهاية عام 2023", None), vec![Some("2023".into())]);
        assert_eq!(
            dates("قبل عامي 2020 و2021", None),
            vec![Some("2020/2021".into())]
        );
        assert!(dates("نحو 2000 دولار", None).is_empty());
    }

    #[test]
    fn relative_dates_need_the_publication_date() {
        assert_eq!(dates("قبل ثلاث سنوات", None), vec![None]);
        assert_eq!(
            dates("قبل ثلاث سنوات", Some("2025-11-20")),
            vec![Some("2022".into())]
        );
        assert_eq!(
            dates("أمس", Some("2025-03-01")),
            vec![Some("2025-02-28".into())]
        );
        assert_eq!(
            dates("الشهر الماضي", Some("2025-01-15")),
            vec![Some("2024-12".into())]
        );
        assert_eq!(
            dates("في أكتوبر الماضي", Some("2025-11-20")),
            vec![Some("2025-10".into())]
        );
        assert_eq!(dates("في أكتوبر الماضي", None), vec![None]);
        // 2025-11-20 is a Thursday; the Tuesday before is the 18th.
        assert_eq!(
            dates("يوم الثلاثاء", Some("2025-11-20")),
            vec![Some("2025-11-18".into())]
        );
    }
}
