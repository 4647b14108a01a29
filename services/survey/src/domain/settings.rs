//! The company settings survey keeps (see `aftercare_platform::company_settings`).
use aftercare_contracts::FieldError;
use aftercare_contracts::survey::QualityThreshold;
use aftercare_platform::CompanySetting;

/// How many repeats of a fault or part on one model in a month, quarter or year raise a
/// quality warning.
pub struct QualityThresholds;

impl CompanySetting for QualityThresholds {
    const NAME: &'static str = "quality_thresholds";
    const WHAT: &'static str = "quality thresholds";
    type Item = QualityThreshold;
    fn built_in() -> Vec<QualityThreshold> {
        super::quality::default_thresholds()
    }
    fn problems(items: &[QualityThreshold]) -> Vec<FieldError> {
        super::quality::validate(items)
    }
}
