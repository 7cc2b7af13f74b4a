//! Assembles the explorer page: `assets/explorer/` (markup, style, script)
//! and the vendored libraries of `assets/vendor/`, compiled into the binary
//! and inlined into one HTML document, so that the page needs nothing but
//! itself (no CDN, no second request).

const TEMPLATE: &str = include_str!("../../assets/explorer/index.html");
const STYLE: &str = include_str!("../../assets/explorer/explorer.css");
const APP: &str = include_str!("../../assets/explorer/explorer.js");
const GRAPHOLOGY: &str = include_str!("../../assets/vendor/graphology.umd.min.js");
const SIGMA: &str = include_str!("../../assets/vendor/sigma.min.js");
const FA2: &str = include_str!("../../assets/vendor/graphology-layout-forceatlas2.min.js");

/// The page `actorgraph serve` answers at `/`: it fetches `/api/graph`.
pub fn served_page() -> String {
    assemble(None)
}

/// The self-contained page with `data_json` ([`super::PageData`] as JSON) inlined.
pub fn static_page(data_json: &str) -> String {
    assemble(Some(data_json))
}

fn assemble(data_json: Option<&str>) -> String {
    let mut scripts = String::new();
    for (name, code) in [
        ("graphology", GRAPHOLOGY),
        ("sigma", SIGMA),
        ("forceatlas2", FA2),
        ("explorer", APP),
    ] {
        scripts.push_str(&format!(
            "<script data-lib=\"{name}\">\n{}\n</script>\n",
            script_text(code)
        ));
    }
    let data = match data_json {
        // `<` only occurs inside JSON strings, where \u003c means the same:
        // no `</script>` or `<!--` can end or confuse the element.
        Some(json) => format!(
            "<script id=\"ag-data\" type=\"application/json\">{}</script>",
            json.replace('<', "\\u003c")
        ),
        None => String::new(),
    };
    // The served page starts fetching its network while the scripts parse.
    let preload = match data_json {
        Some(_) => "",
        None => r#"<link rel="preload" href="/api/graph" as="fetch" crossorigin="anonymous">"#,
    };
    TEMPLATE
        .replace("<!--PRELOAD-->", preload)
        .replace("<!--STYLE-->", &format!("<style>\n{STYLE}\n</style>"))
        .replace("<!--DATA-->", &data)
        .replace("<!--SCRIPTS-->", &scripts)
}

/// Script text safe inside `<script>`: a `</script` would end the element.
fn script_text(code: &str) -> String {
    code.replace("</script", "<\\/script")
        .replace("</SCRIPT", "<\\/SCRIPT")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_cannot_close_its_script() {
        let page = static_page(r#"{"title":"</script><script>alert(1)</script>"}"#);
        assert_eq!(
            page.matches("</script>").count(),
            5,
            "four libraries and the data"
        );
        assert!(page.contains(r#"\u003c/script>\u003cscript>alert(1)"#));
        assert!(!served_page().contains("<script id=\"ag-data\""));
    }
}
