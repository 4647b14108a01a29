//! The company profile (公司抬头): the particulars its receipts are headed and signed off
//! with, kept as a versioned company setting (see `aftercare_platform::company_settings`)
//! so that every change says who made it and when.
use aftercare_contracts::FieldError;
use aftercare_contracts::billing::{CompanyProfileFields, limits};
use aftercare_platform::CompanySetting;

/// The company profile as a company setting: a list of exactly one profile, none until an
/// administrator sets it.
pub struct CompanyProfileSetting;

impl CompanySetting for CompanyProfileSetting {
    const NAME: &'static str = "company_profile";
    const WHAT: &'static str = "company profile";
    type Item = CompanyProfileFields;
    fn built_in() -> Vec<CompanyProfileFields> {
        Vec::new()
    }
    fn problems(items: &[CompanyProfileFields]) -> Vec<FieldError> {
        match items {
            [one] => problems(one),
            _ => vec![FieldError {
                field: "profile".into(),
                code: "required".into(),
                message: "give one company profile".into(),
            }],
        }
    }
    fn normalise(items: Vec<CompanyProfileFields>) -> Vec<CompanyProfileFields> {
        items.into_iter().map(normalise).collect()
    }
}

/// What is wrong with a proposed profile, each problem naming its field under `profile.`.
pub fn problems(p: &CompanyProfileFields) -> Vec<FieldError> {
    let mut errors = Vec::new();
    limits::COMPANY_NAME.check(&mut errors, "profile.name_zh", &p.name_zh);
    limits::COMPANY_NAME_EN.check(&mut errors, "profile.name_en", &p.name_en);
    limits::COMPANY_ADDRESS.check(&mut errors, "profile.address", &p.address);
    limits::COMPANY_PHONE.check(&mut errors, "profile.phone", &p.phone);
    limits::BANK_NAME.check(&mut errors, "profile.bank_name", &p.bank_name);
    limits::BANK_ACCOUNT.check(&mut errors, "profile.bank_account", &p.bank_account);
    limits::RECEIPT_FOOTER.check(&mut errors, "profile.receipt_footer", &p.receipt_footer);
    if !(limits::TAX_NUMBER.matches)(&p.tax_number) {
        errors.push(FieldError {
            field: "profile.tax_number".into(),
            code: "invalid".into(),
            message: "profile.tax_number must be 15 to 20 letters and digits (the 18-character unified social credit code), or empty".into(),
        });
    }
    if !(limits::BANK_ACCOUNT_SHAPE.matches)(&p.bank_account) {
        errors.push(FieldError {
            field: "profile.bank_account".into(),
            code: "invalid".into(),
            message: "profile.bank_account may hold only digits, spaces and dashes".into(),
        });
    }
    if !p.bank_account.trim().is_empty() && p.bank_name.trim().is_empty() {
        errors.push(FieldError {
            field: "profile.bank_name".into(),
            code: "required".into(),
            message: "profile.bank_name must be given with a bank account".into(),
        });
    }
    errors
}

/// The profile as it is stored: each text trimmed, the tax number in capitals.
pub fn normalise(p: CompanyProfileFields) -> CompanyProfileFields {
    let t = |s: String| s.trim().to_owned();
    CompanyProfileFields {
        name_zh: t(p.name_zh),
        name_en: t(p.name_en),
        address: t(p.address),
        phone: t(p.phone),
        tax_number: p.tax_number.trim().to_ascii_uppercase(),
        bank_name: t(p.bank_name),
        bank_account: t(p.bank_account),
        receipt_footer: t(p.receipt_footer),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile() -> CompanyProfileFields {
        CompanyProfileFields {
            name_zh: "广州办公设备服务有限公司".into(),
            name_en: "Guangzhou Office Equipment Service Co., Ltd.".into(),
            address: "广州市天河区体育西路 1 号".into(),
            phone: "020-3888 1234".into(),
            tax_number: "91440101mA5cxxxx0x".into(),
            bank_name: "中国工商银行广州天河支行".into(),
            bank_account: "3602 0000 1234 5678 901".into(),
            receipt_footer: "谢谢惠顾".into(),
        }
    }

    fn fields(errors: &[FieldError]) -> Vec<(&str, &str)> {
        errors
            .iter()
            .map(|e| (e.field.as_str(), e.code.as_str()))
            .collect()
    }

    #[test]
    fn a_complete_profile_has_no_problem() {
        assert!(problems(&profile()).is_empty());
    }

    #[test]
    fn only_the_chinese_name_is_required() {
        let mut p = CompanyProfileFields {
            name_zh: "公司".into(),
            name_en: String::new(),
            address: String::new(),
            phone: String::new(),
            tax_number: String::new(),
            bank_name: String::new(),
            bank_account: String::new(),
            receipt_footer: String::new(),
        };
        assert!(problems(&p).is_empty());
        p.name_zh = "   ".into();
        assert_eq!(fields(&problems(&p)), vec![("profile.name_zh", "required")]);
    }

    #[test]
    fn a_tax_number_is_fifteen_to_twenty_letters_and_digits() {
        for bad in ["12345", "9144010-MA5CXXXX0X", "91440101MA5CXXXX0X12345"] {
            let p = CompanyProfileFields {
                tax_number: bad.into(),
                ..profile()
            };
            assert_eq!(
                fields(&problems(&p)),
                vec![("profile.tax_number", "invalid")],
                "{bad}"
            );
        }
    }

    #[test]
    fn a_bank_account_is_digits_and_needs_its_bank() {
        let p = CompanyProfileFields {
            bank_account: "IBAN 1234".into(),
            bank_name: String::new(),
            ..profile()
        };
        assert_eq!(
            fields(&problems(&p)),
            vec![
                ("profile.bank_account", "invalid"),
                ("profile.bank_name", "required")
            ]
        );
    }

    #[test]
    fn long_texts_are_refused_by_their_field() {
        let p = CompanyProfileFields {
            receipt_footer: "字".repeat(501),
            address: "a".repeat(301),
            ..profile()
        };
        assert_eq!(
            fields(&problems(&p)),
            vec![
                ("profile.address", "too_long"),
                ("profile.receipt_footer", "too_long")
            ]
        );
    }

    #[test]
    fn the_setting_holds_exactly_one_profile() {
        assert_eq!(
            fields(&CompanyProfileSetting::problems(&[])),
            vec![("profile", "required")]
        );
        assert!(CompanyProfileSetting::problems(&[profile()]).is_empty());
    }

    #[test]
    fn a_stored_profile_is_trimmed_with_its_tax_number_in_capitals() {
        let p = normalise(CompanyProfileFields {
            name_zh: "  公司 ".into(),
            ..profile()
        });
        assert_eq!(p.name_zh, "公司");
        assert_eq!(p.tax_number, "91440101MA5CXXXX0X");
    }
}
