//! Quality warnings: a completed visit's faults and parts are counted against the
//! company's thresholds per model and window; the thresholds are read and replaced whole.
use aftercare_contracts::dispatch::WorkOrderCompleted;
use aftercare_contracts::survey::{
    QualityThresholds, QualityWarning, QualityWarningRaised, ReplaceQualityThresholds,
};
use aftercare_contracts::{Actor, Envelope, ServiceError};
use aftercare_platform::{Result, UnitOfWork, company_settings, from_ms, now_ms};
use sqlx::AnyConnection;
use uuid::Uuid;

use crate::domain::CallbackPolicy;
use crate::domain::quality::{reached, repeats, window};
use crate::domain::settings;
use crate::store::quality;

/// Raises a warning for each fault or part of this visit whose repeats on the model in
/// the visit's month, quarter or year reach that window's threshold (once per window,
/// `survey.quality.warning_raised`). A visit without a model is not counted.
pub(crate) async fn check_visit(
    uow: &mut UnitOfWork,
    policy: &CallbackPolicy,
    w: &WorkOrderCompleted,
) -> Result<()> {
    let Some(machine) = w.machine.as_ref().filter(|m| !m.model.trim().is_empty()) else {
        return Ok(());
    };
    let (thresholds, _) =
        company_settings::current::<settings::QualityThresholds>(uow.conn()).await?;
    let cal = &policy.calendar;
    let day = cal.local_date(w.finished_at);
    let skus: Vec<String> = w.parts.iter().map(|p| p.sku.trim().to_owned()).collect();
    let model = machine.model.trim();
    for (kind, key) in repeats(w.fault.as_deref(), &skus) {
        for t in &thresholds {
            let (start, end) = window(t.window, day);
            // Once raised, a window is settled: later visits cost one key lookup.
            if quality::warning_exists(uow.conn(), model, kind, &key, t.window, start).await? {
                continue;
            }
            let from = cal.start_of_day(start).timestamp_millis();
            let to = cal
                .start_of_day(end + chrono::Duration::days(1))
                .timestamp_millis();
            let count =
                quality::count_repeats(uow.conn(), model, kind, &key, from, to, t.count).await?;
            if !reached(t, count) {
                continue;
            }
            let visits = quality::repeated_visits(uow.conn(), model, kind, &key, from, to).await?;
            let warning = QualityWarning {
                id: Uuid::now_v7(),
                brand: machine.brand.trim().to_owned(),
                model: model.to_owned(),
                repeat: kind,
                key: key.clone(),
                window: t.window,
                window_start: start,
                count,
                threshold: t.count,
                work_orders: visits,
                raised_at: from_ms(now_ms()),
            };
            if quality::insert_warning(uow, &warning).await? {
                tracing::warn!(model, key = %key, window = ?t.window, "quality warning");
                uow.emit(&Envelope::new(
                    QualityWarningRaised(warning),
                    Some(Actor::system()),
                ))
                .await?;
            }
        }
    }
    Ok(())
}

/// The thresholds in force and their version (the built-in ones at version 0).
pub(crate) async fn thresholds(conn: &mut AnyConnection) -> Result<QualityThresholds> {
    let (thresholds, version) =
        company_settings::current::<settings::QualityThresholds>(conn).await?;
    Ok(QualityThresholds {
        thresholds,
        version,
    })
}

/// Replaces the thresholds with a checked list if they are still at the version the
/// caller saw; `by` is kept as who changed them.
pub(crate) async fn replace_thresholds(
    uow: &mut UnitOfWork,
    req: ReplaceQualityThresholds,
    by: &str,
) -> std::result::Result<QualityThresholds, ServiceError> {
    let (thresholds, version) = company_settings::replace_in::<settings::QualityThresholds>(
        uow,
        by,
        req.thresholds,
        req.expected_version,
    )
    .await?;
    Ok(QualityThresholds {
        thresholds,
        version,
    })
}
