//! The CSV form of a report: the report's [`Table`] written as RFC 4180 text (CRLF line
//! ends, a field quoted when it holds a comma, a quote or a line break, quotes doubled),
//! UTF-8 with a byte-order mark so spreadsheet programs read Chinese names, and a text
//! field that a spreadsheet would run as a formula defused with a leading `'`. The
//! writer is a few lines of our own rather than a dependency: the reports only write,
//! never read, flat rows of text.
use aftercare_contracts::table::Table;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

/// The media type every CSV answer carries.
pub(crate) const CSV_TYPE: &str = "text/csv; charset=utf-8";

/// One field: a leading `=`, `+`, `-`, `@`, TAB or CR of a field that is not a number is
/// prefixed with `'` so spreadsheets do not run it as a formula (TAB and CR are read as a
/// cell start by some of them); then it is quoted when it holds a separator, a quote or
/// a line break.
pub(crate) fn field(text: &str) -> String {
    let formula =
        text.starts_with(['=', '+', '-', '@', '\t', '\r']) && text.parse::<f64>().is_err();
    let text = if formula {
        format!("'{text}")
    } else {
        text.to_owned()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

fn line(out: &mut String, cells: impl IntoIterator<Item = impl AsRef<str>>) {
    let fields: Vec<String> = cells.into_iter().map(|c| field(c.as_ref())).collect();
    out.push_str(&fields.join(","));
    out.push_str("\r\n");
}

/// The report as CSV text: the byte-order mark, the header line, one line per row.
pub(crate) fn write<T: Table>(report: &T) -> String {
    let mut out = String::from("\u{feff}");
    line(&mut out, T::COLUMNS);
    for row in report.rows() {
        line(&mut out, row);
    }
    out
}

/// The report as a CSV download named `<stem>[-<period>].csv`.
pub(crate) fn response<T: Table>(stem: &str, report: &T) -> Response {
    let name = match report.period() {
        Some(p) => format!("attachment; filename=\"{stem}-{p}.csv\""),
        None => format!("attachment; filename=\"{stem}.csv\""),
    };
    let mut resp = write(report).into_response();
    let h = resp.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(CSV_TYPE));
    if let Ok(v) = HeaderValue::from_str(&name) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Two(Vec<Vec<String>>);

    impl Table for Two {
        const COLUMNS: &'static [&'static str] = &["name", "note"];
        fn rows(&self) -> Vec<Vec<String>> {
            self.0.clone()
        }
        fn period(&self) -> Option<String> {
            Some("2026-11".into())
        }
    }

    #[test]
    fn fields_are_quoted_when_they_hold_separators_quotes_or_line_breaks() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
        assert_eq!(field("cr\r\nlf"), "\"cr\r\nlf\"");
        assert_eq!(field(""), "");
        assert_eq!(field("天河组"), "天河组");
    }

    #[test]
    fn formulas_are_defused_and_negative_numbers_kept() {
        assert_eq!(field("=HYPERLINK(1)"), "'=HYPERLINK(1)");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(field("-1,2"), "\"'-1,2\"");
        assert_eq!(field("\t=1+2"), "'\t=1+2");
        assert_eq!(field("\r=1+2"), "\"'\r=1+2\"");
        assert_eq!(field("-12"), "-12");
        assert_eq!(field("-0.5"), "-0.5");
        assert_eq!(field("+3"), "+3");
    }

    #[test]
    fn the_text_starts_with_a_bom_and_the_header_and_ends_lines_with_crlf() {
        let t = Two(vec![
            vec!["李明".into(), "said \"ok\", then left".into()],
            vec!["x".into(), String::new()],
        ]);
        assert_eq!(
            write(&t),
            "\u{feff}name,note\r\n李明,\"said \"\"ok\"\", then left\"\r\nx,\r\n"
        );
    }

    #[test]
    fn the_download_is_text_csv_named_after_the_report_and_period() {
        let r = response("revenue", &Two(Vec::new()));
        assert_eq!(r.headers()[header::CONTENT_TYPE], CSV_TYPE);
        assert_eq!(
            r.headers()[header::CONTENT_DISPOSITION],
            "attachment; filename=\"revenue-2026-11.csv\""
        );
    }
}

#[cfg(test)]
mod declared {
    use crate::api::operation::{Access, Body};
    use crate::openapi::document;

    /// Every report under `/reports/` has its CSV form beside it, open to the same roles,
    /// taking the same parameters, documented as `text/csv`.
    #[test]
    fn every_report_has_a_csv_form_like_its_json() {
        let ops = crate::api::operations();
        let doc = document();
        let reports: Vec<_> = ops
            .iter()
            .filter(|o| o.path.starts_with("/reports/") && matches!(o.response, Body::Json(_)))
            .collect();
        assert!(reports.len() >= 11, "{}", reports.len());
        for json in reports {
            let csv_path = format!("{}.csv", json.path);
            let csv = ops
                .iter()
                .find(|o| o.path == csv_path)
                .unwrap_or_else(|| panic!("{} has no CSV form", json.path));
            assert_eq!(csv.id, format!("{}Csv", json.id));
            assert!(matches!(csv.response, Body::Csv(c) if !c.is_empty()));
            let roles = |a: Access| match a {
                Access::Roles(r) => r.to_vec(),
                _ => Vec::new(),
            };
            assert_eq!(roles(csv.access), roles(json.access), "{csv_path}");
            let names = |o: &crate::api::operation::Operation| {
                o.params
                    .iter()
                    .map(|p| (p.name, p.required))
                    .collect::<Vec<_>>()
            };
            assert_eq!(names(csv), names(json), "{csv_path}");
            assert_eq!(csv.error_statuses(), json.error_statuses(), "{csv_path}");
            let o = &doc["paths"][format!("/api/v1{csv_path}")]["get"];
            assert!(
                o["responses"]["200"]["content"]["text/csv"].is_object(),
                "{csv_path}"
            );
        }
    }
}
