//! Workshop jobs: each kept whole as the JSON the API answers, with the columns lists
//! filter and order by beside it.
use aftercare_contracts::dispatch::{WorkshopJob, WorkshopOrigin, WorkshopStatus};
use aftercare_platform::db::{from_json, to_text};
use aftercare_platform::{Result, UnitOfWork};
use sqlx::AnyConnection;
use uuid::Uuid;

/// Keeps a new job.
pub(crate) async fn insert(uow: &mut UnitOfWork, j: &WorkshopJob, now: i64) -> Result<()> {
    sqlx::query(
        "insert into workshop_job (job_id, number, origin, status, ticket_id, work_order_id, technician_id, body, created_at, updated_at, version)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $10)",
    )
    .bind(j.id.to_string())
    .bind(&j.number)
    .bind(to_text(&j.origin))
    .bind(to_text(&j.status))
    .bind(j.ticket_id.to_string())
    .bind(j.work_order_id.map(|w| w.to_string()))
    .bind(j.technician_id.map(|t| t.to_string()))
    .bind(serde_json::to_string(j)?)
    .bind(now)
    .bind(j.version)
    .execute(uow.conn())
    .await?;
    Ok(())
}

/// Stores `j` (whose version is one more than `seen`) if the job is still at `seen`;
/// false when someone changed it meanwhile.
pub(crate) async fn update(
    uow: &mut UnitOfWork,
    j: &WorkshopJob,
    seen: i64,
    now: i64,
) -> Result<bool> {
    let done = sqlx::query(
        "update workshop_job set status = $1, technician_id = $2, body = $3, updated_at = $4, version = $5
         where job_id = $6 and version = $7",
    )
    .bind(to_text(&j.status))
    .bind(j.technician_id.map(|t| t.to_string()))
    .bind(serde_json::to_string(j)?)
    .bind(now)
    .bind(j.version)
    .bind(j.id.to_string())
    .bind(seen)
    .execute(uow.conn())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// A job by id or number.
pub(crate) async fn get(
    conn: &mut AnyConnection,
    id_or_number: &str,
) -> Result<Option<WorkshopJob>> {
    let body: Option<String> =
        sqlx::query_scalar("select body from workshop_job where job_id = $1 or number = $1")
            .bind(id_or_number)
            .fetch_optional(conn)
            .await?;
    body.as_deref().map(from_json).transpose()
}

/// The job a visit's machine became, if any.
pub(crate) async fn of_work_order(
    conn: &mut AnyConnection,
    work_order_id: Uuid,
) -> Result<Option<WorkshopJob>> {
    let body: Option<String> =
        sqlx::query_scalar("select body from workshop_job where work_order_id = $1")
            .bind(work_order_id.to_string())
            .fetch_optional(conn)
            .await?;
    body.as_deref().map(from_json).transpose()
}

/// What a list of jobs is narrowed to.
pub(crate) struct Filter {
    pub(crate) status: Option<WorkshopStatus>,
    pub(crate) origin: Option<WorkshopOrigin>,
    pub(crate) ticket_id: Option<Uuid>,
    pub(crate) technician_id: Option<Uuid>,
    pub(crate) limit: u32,
    pub(crate) cursor: Option<String>,
}

/// Jobs newest first (ids are time-ordered), after the cursor's.
pub(crate) async fn list(conn: &mut AnyConnection, f: &Filter) -> Result<Vec<WorkshopJob>> {
    let bodies: Vec<String> = sqlx::query_scalar(
        "select body from workshop_job
         where ($1 = '' or status = $1) and ($2 = '' or origin = $2)
           and ($3 = '' or ticket_id = $3) and ($4 = '' or technician_id = $4)
           and ($5 = '' or job_id < $5)
         order by job_id desc limit $6",
    )
    .bind(f.status.map(|s| to_text(&s)).unwrap_or_default())
    .bind(f.origin.map(|o| to_text(&o)).unwrap_or_default())
    .bind(f.ticket_id.map(|t| t.to_string()).unwrap_or_default())
    .bind(f.technician_id.map(|t| t.to_string()).unwrap_or_default())
    .bind(f.cursor.clone().unwrap_or_default())
    .bind(i64::from(f.limit))
    .fetch_all(conn)
    .await?;
    bodies.iter().map(|b| from_json(b)).collect()
}
