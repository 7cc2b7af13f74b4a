//! `application/x-www-form-urlencoded` decoding (query strings and form
//! bodies), shared by the SPARQL endpoint and the explorer's API.

/// The `key=value` pairs of a query string or form body, decoded; an error
/// names the bad parameter.
pub(crate) fn parse_form(s: &str) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for pair in s.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        out.push((decode(k)?, decode(v)?));
    }
    Ok(out)
}

/// One percent-encoded component (`+` is a space), as UTF-8.
pub(crate) fn decode(s: &str) -> Result<String, String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = b
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                    .ok_or_else(|| format!("bad percent-encoding at byte {i} of a parameter"))?;
                out.push(hex);
                i += 2;
            }
            c => out.push(c),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| "a parameter is not UTF-8".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_decode() {
        assert_eq!(
            parse_form("s=a%2Fb&r=sold+x").expect("decodes"),
            vec![("s".into(), "a/b".into()), ("r".into(), "sold x".into())]
        );
        assert!(parse_form("s=%ZZ").is_err());
        assert_eq!(decode("%D9%85%D8%A7%D9%84%D9%8A").expect("UTF-8"), "مالي");
    }
}
