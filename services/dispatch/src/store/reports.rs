//! What the field service report reads: the visits reported in a period.
use aftercare_contracts::dispatch::VisitReport;
use aftercare_platform::Result;
use aftercare_platform::db::from_json;
use sqlx::{AnyConnection, FromRow};

/// A reported visit as the field service report reads it.
pub(crate) struct ReportedVisit {
    pub(crate) ticket_id: String,
    pub(crate) technician_id: String,
    pub(crate) district: String,
    pub(crate) visit: VisitReport,
    pub(crate) window_end: Option<i64>,
    /// The ticket had a reported visit before this one.
    pub(crate) earlier: bool,
}

#[derive(FromRow)]
struct ReportedRow {
    ticket_id: String,
    technician_id: Option<String>,
    district: String,
    visit: String,
    appointment_end: Option<i64>,
    earlier: i64,
}

/// Reported visits finished in `[from, to)`.
pub(crate) async fn visit_facts(
    conn: &mut AnyConnection,
    from: i64,
    to: i64,
) -> Result<Vec<ReportedVisit>> {
    let rows: Vec<ReportedRow> = sqlx::query_as(
        "select w.ticket_id, w.technician_id, w.district, w.visit, w.appointment_end,
            (select count(*) from work_order p where p.ticket_id = w.ticket_id and p.visit is not null
               and p.finished_at < w.finished_at) as earlier
         from work_order w where w.visit is not null and w.finished_at >= $1 and w.finished_at < $2
         order by w.finished_at, w.work_order_id",
    )
    .bind(from)
    .bind(to)
    .fetch_all(conn)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(ReportedVisit {
                ticket_id: r.ticket_id,
                technician_id: r.technician_id.unwrap_or_default(),
                district: r.district,
                visit: from_json::<VisitReport>(&r.visit)?,
                window_end: r.appointment_end,
                earlier: r.earlier > 0,
            })
        })
        .collect()
}
