//! The company settings dispatch keeps (see `aftercare_platform::company_settings`).
use aftercare_contracts::FieldError;
use aftercare_contracts::dispatch::{DurationRule, FaultCode};
use aftercare_platform::CompanySetting;

/// How long each kind of work takes (on a model), for new work orders' estimates; none
/// stored means the built-in figures of [`super::estimate`].
pub struct DurationDefaults;

impl CompanySetting for DurationDefaults {
    const NAME: &'static str = "duration_defaults";
    const WHAT: &'static str = "duration defaults";
    type Item = DurationRule;
    fn built_in() -> Vec<DurationRule> {
        Vec::new()
    }
    fn problems(items: &[DurationRule]) -> Vec<FieldError> {
        super::validate_durations(items)
    }
    fn normalise(items: Vec<DurationRule>) -> Vec<DurationRule> {
        super::normalise_durations(items)
    }
}

/// The company's fault list: the codes a visit report may name; none stored means the
/// built-in list of [`super::faults::built_in`].
pub struct FaultList;

impl CompanySetting for FaultList {
    const NAME: &'static str = "fault_codes";
    const WHAT: &'static str = "fault codes";
    type Item = FaultCode;
    fn built_in() -> Vec<FaultCode> {
        super::faults::built_in()
    }
    fn problems(items: &[FaultCode]) -> Vec<FieldError> {
        super::faults::validate(items)
    }
    fn normalise(items: Vec<FaultCode>) -> Vec<FaultCode> {
        super::faults::normalise(items)
    }
}
