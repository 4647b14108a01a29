//! The company's fault list (故障代码): the codes a visit report may name, each with its
//! names in Chinese and English and whether it may still be named. Kept as a company
//! setting ([`super::settings::FaultList`]); the built-in list is the one the field app
//! offered before the company kept its own.
use aftercare_contracts::FieldError;
use aftercare_contracts::dispatch::{FaultCode, limits};

use super::{err, valid_fault_code};

/// The fault list in force until the company stores its own (version 0).
pub fn built_in() -> Vec<FaultCode> {
    [
        ("paper_feed", "进纸故障", "Paper feed"),
        ("paper_jam", "卡纸", "Paper jam"),
        (
            "image_quality",
            "图像质量（黑线、模糊）",
            "Image quality (streaks, blur)",
        ),
        ("toner_supply", "供粉故障", "Toner supply"),
        ("drum_unit", "感光鼓", "Drum unit"),
        ("fuser", "定影器", "Fuser"),
        ("scanner", "扫描部件", "Scanner"),
        ("network", "网络/驱动", "Network or driver"),
        ("power", "电源", "Power"),
        ("control_panel", "操作面板", "Control panel"),
        ("noise", "异响", "Noise"),
        ("other", "其他", "Other"),
    ]
    .into_iter()
    .map(|(code, zh, en)| FaultCode {
        code: code.into(),
        label_zh: zh.into(),
        label_en: en.into(),
        active: true,
    })
    .collect()
}

/// Problems with a proposed fault list: at most 200 codes, each well formed and once,
/// each named in both languages.
pub fn validate(codes: &[FaultCode]) -> Vec<FieldError> {
    let mut e = Vec::new();
    if !limits::FAULT_CODES.allows(codes.len()) {
        e.push(err("codes", "too_many", "at most 200 fault codes"));
    }
    for (i, c) in codes.iter().enumerate() {
        let at = format!("codes[{i}]");
        if !valid_fault_code(&c.code) {
            e.push(err(
                &format!("{at}.code"),
                "invalid",
                "a fault code is 1-64 characters of a-z, 0-9 and _",
            ));
        } else if codes[..i].iter().any(|o| o.code == c.code) {
            e.push(err(
                &format!("{at}.code"),
                "duplicate",
                "each fault code once on the list",
            ));
        }
        limits::FAULT_LABEL.check(&mut e, &format!("{at}.label_zh"), &c.label_zh);
        limits::FAULT_LABEL.check(&mut e, &format!("{at}.label_en"), &c.label_en);
    }
    e
}

/// A valid list as stored: names trimmed.
pub fn normalise(codes: Vec<FaultCode>) -> Vec<FaultCode> {
    codes
        .into_iter()
        .map(|c| FaultCode {
            label_zh: c.label_zh.trim().to_owned(),
            label_en: c.label_en.trim().to_owned(),
            ..c
        })
        .collect()
}

/// The problem with a visit report's fault code against the list in force: none when
/// the report names no code or an active one on the list.
pub fn check_reported(fault: Option<&str>, list: &[FaultCode]) -> Option<FieldError> {
    let fault = fault?;
    match list.iter().find(|c| c.code == fault) {
        Some(c) if c.active => None,
        Some(_) => Some(err(
            "fault",
            "inactive",
            format!("fault code {fault} is no longer in use; choose another from the fault list"),
        )),
        None => Some(err(
            "fault",
            "unknown",
            format!("fault code {fault} is not on the company's fault list"),
        )),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn code(c: &str, active: bool) -> FaultCode {
        FaultCode {
            code: c.into(),
            label_zh: "卡纸".into(),
            label_en: "Paper jam".into(),
            active,
        }
    }

    fn fields(e: Vec<FieldError>) -> Vec<(String, String)> {
        e.into_iter().map(|x| (x.field, x.code)).collect()
    }

    #[test]
    fn the_built_in_list_is_valid_and_active() {
        let list = built_in();
        assert!(validate(&list).is_empty());
        assert_eq!(list.len(), 12);
        assert!(list.iter().all(|c| c.active));
        assert_eq!(
            (list[0].code.as_str(), list[11].code.as_str()),
            ("paper_feed", "other")
        );
    }

    #[test]
    fn each_code_is_well_formed_named_in_both_languages_and_listed_once() {
        let list = vec![
            code("paper_jam", true),
            code("Paper Jam", true),
            code("paper_jam", false),
            FaultCode {
                label_zh: "  ".into(),
                label_en: "x".repeat(101),
                ..code("fuser", true)
            },
        ];
        assert_eq!(
            fields(validate(&list)),
            [
                ("codes[1].code".to_owned(), "invalid".to_owned()),
                ("codes[2].code".to_owned(), "duplicate".to_owned()),
                ("codes[3].label_zh".to_owned(), "required".to_owned()),
                ("codes[3].label_en".to_owned(), "too_long".to_owned()),
            ]
        );
        assert!(validate(&[]).is_empty(), "an empty list is allowed");
        assert_eq!(
            fields(validate(&vec![code("a", true); 201]))[0],
            ("codes".to_owned(), "too_many".to_owned())
        );
    }

    #[test]
    fn names_are_stored_trimmed() {
        let stored = normalise(vec![FaultCode {
            label_zh: " 卡纸 ".into(),
            label_en: " Paper jam\n".into(),
            ..code("paper_jam", true)
        }]);
        assert_eq!(stored, vec![code("paper_jam", true)]);
    }

    #[test]
    fn a_report_names_an_active_code_on_the_list_or_none() {
        let list = vec![code("paper_jam", true), code("fuser", false)];
        assert_eq!(check_reported(None, &list), None);
        assert_eq!(check_reported(Some("paper_jam"), &list), None);
        let inactive = check_reported(Some("fuser"), &list).unwrap();
        assert_eq!(
            (inactive.field.as_str(), inactive.code.as_str()),
            ("fault", "inactive")
        );
        let unknown = check_reported(Some("coffee"), &list).unwrap();
        assert_eq!(
            (unknown.field.as_str(), unknown.code.as_str()),
            ("fault", "unknown")
        );
        assert!(unknown.message.contains("coffee"), "{}", unknown.message);
        assert!(check_reported(Some("paper_jam"), &[]).is_some());
    }
}
