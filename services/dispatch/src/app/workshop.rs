//! Workshop jobs (内修 / 送修): a machine received at the workshop (from a visit report
//! that took it there, from a visit that could not fix it, brought in by a customer or
//! sent in by a dealer), diagnosed, repaired (its parts announced as a visit's are, so
//! inventory and billing act as for a visit), made ready and returned. Every step is
//! announced as `dispatch.workshop.status_changed`, from which intake tells the customer.
use aftercare_calendar::BusinessCalendar;
use aftercare_contracts::dispatch::{
    AdvanceWorkshopJob, DiagnoseWorkshopJob, ListWorkshopJobs, ReceiveWorkshopJob,
    RepairWorkshopJob, VisitReport, WorkOrder, WorkOrderCompleted, WorkOrderStatus, WorkType,
    WorkshopJob, WorkshopJobChanged, WorkshopOrigin, WorkshopStatus, WorkshopStep,
};
use aftercare_contracts::rpc::{Page, check_limit};
use aftercare_contracts::{Actor, Envelope, ServiceError};
use aftercare_platform::{UnitOfWork, company_settings, from_ms};
use sqlx::AnyConnection;
use uuid::Uuid;

use crate::domain::numbering::WORKSHOP_JOB;
use crate::domain::settings::FaultList;
use crate::domain::workshop::{
    may_advance, may_diagnose, may_repair, validate_advance, validate_diagnosis, validate_receive,
    validate_repair,
};
use crate::domain::{err, faults};
use crate::store::{technicians, work_orders, workshop as store};

/// What a new job is made of.
struct NewJob {
    origin: WorkshopOrigin,
    ticket_id: Uuid,
    ticket_number: String,
    work_order_id: Option<Uuid>,
    customer_name: String,
    district: String,
    machine: Option<aftercare_contracts::intake::MachineInfo>,
    fault: String,
    accessories: Vec<String>,
    dealer: Option<aftercare_contracts::dispatch::Dealer>,
}

/// A visit report ended `taken_to_workshop`: the machine is received at the workshop in
/// the same transaction, by whoever filed the report, with what the visit found.
pub(crate) async fn from_visit(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    w: &WorkOrder,
    v: &VisitReport,
    actor: Option<Actor>,
) -> Result<WorkshopJob, ServiceError> {
    let job = of_visit(w, v.diagnosis.clone(), Vec::new());
    let who = actor
        .as_ref()
        .map(|a| a.user_id.clone())
        .unwrap_or_else(|| "dispatch".into());
    open_job(uow, calendar, job, &who, actor).await
}

fn of_visit(w: &WorkOrder, fault: String, accessories: Vec<String>) -> NewJob {
    NewJob {
        origin: WorkshopOrigin::Visit,
        ticket_id: w.ticket_id,
        ticket_number: w.ticket_number.clone(),
        work_order_id: Some(w.id),
        customer_name: w.customer_name.clone(),
        district: w.district.clone(),
        machine: w.machine.clone(),
        fault,
        accessories,
        dealer: None,
    }
}

/// Receives a machine at the workshop: a customer's or dealer's for its ticket (the
/// gateway filled in the ticket's details), or a visit's that could not fix it (one taken
/// to the workshop has its job already: 409).
pub(crate) async fn receive(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    req: &ReceiveWorkshopJob,
    who: &str,
    actor: Option<Actor>,
) -> Result<WorkshopJob, ServiceError> {
    let errors = validate_receive(req);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let accessories: Vec<String> = req
        .accessories
        .iter()
        .map(|a| a.trim().to_owned())
        .collect();
    let job = match (req.origin, req.ticket_id, req.work_order_id.as_deref()) {
        (WorkshopOrigin::Visit, _, Some(id)) => {
            let w = work_orders::get(uow.conn(), id.trim())
                .await?
                .ok_or_else(|| ServiceError::not_found("work order", id))?
                .order;
            if let Some(j) = store::of_work_order(uow.conn(), w.id).await? {
                return Err(ServiceError::conflict(
                    "already_received",
                    format!(
                        "the machine of work order {} is workshop job {}",
                        w.number, j.number
                    ),
                ));
            }
            if !matches!(
                w.status,
                WorkOrderStatus::TakenToWorkshop | WorkOrderStatus::CouldNotFix
            ) {
                return Err(ServiceError::conflict(
                    "illegal_transition",
                    format!(
                        "work order {} is {:?}; only a visit that could not fix the machine or took it to the workshop hands it to the workshop",
                        w.number, w.status
                    ),
                ));
            }
            let fault = match req.fault.trim() {
                "" => w
                    .visit
                    .as_ref()
                    .map(|v| v.diagnosis.clone())
                    .unwrap_or_default(),
                f => f.to_owned(),
            };
            of_visit(&w, fault, accessories)
        }
        (origin, Some(ticket_id), _) => {
            if req.customer_name.trim().is_empty() || req.ticket_number.trim().is_empty() {
                return Err(ServiceError::field(
                    "ticket_id",
                    "not_found",
                    "the ticket's customer is not known",
                ));
            }
            NewJob {
                origin,
                ticket_id,
                ticket_number: req.ticket_number.trim().to_owned(),
                work_order_id: None,
                customer_name: req.customer_name.trim().to_owned(),
                district: req.district.trim().to_owned(),
                machine: req.machine.clone(),
                fault: req.fault.trim().to_owned(),
                accessories,
                dealer: req.dealer.clone().map(|mut d| {
                    d.name = d.name.trim().to_owned();
                    d.phone = d.phone.trim().to_owned();
                    d.address = d.address.trim().to_owned();
                    d
                }),
            }
        }
        // validate_receive refused the other combinations.
        _ => return Err(ServiceError::internal()),
    };
    open_job(uow, calendar, job, who, actor).await
}

/// Numbers and keeps a new job, received now by `who`, and announces it.
async fn open_job(
    uow: &mut UnitOfWork,
    calendar: &BusinessCalendar,
    n: NewJob,
    who: &str,
    actor: Option<Actor>,
) -> Result<WorkshopJob, ServiceError> {
    let now = uow.now_ms();
    let number = uow
        .next_number(&WORKSHOP_JOB, calendar, from_ms(now))
        .await?;
    let job = WorkshopJob {
        id: Uuid::now_v7(),
        number,
        origin: n.origin,
        status: WorkshopStatus::Received,
        ticket_id: n.ticket_id,
        ticket_number: n.ticket_number,
        work_order_id: n.work_order_id,
        customer_name: n.customer_name,
        district: n.district,
        machine: n.machine,
        fault: n.fault,
        accessories: n.accessories,
        dealer: n.dealer,
        received_by: who.to_owned(),
        received_at: from_ms(now),
        technician_id: None,
        technician_name: None,
        diagnosis: None,
        fault_code: None,
        parts_needed: vec![],
        parts: vec![],
        repair_started_at: None,
        repair_finished_at: None,
        result: String::new(),
        return_method: None,
        return_reference: String::new(),
        returned_at: None,
        history: vec![WorkshopStep {
            at: from_ms(now),
            by: who.to_owned(),
            from: None,
            to: WorkshopStatus::Received,
            note: String::new(),
        }],
        version: 1,
    };
    store::insert(uow, &job, now).await?;
    announce(uow, &job, None, actor).await?;
    Ok(job)
}

/// One job, by id or number.
pub(crate) async fn get(conn: &mut AnyConnection, id: &str) -> Result<WorkshopJob, ServiceError> {
    store::get(conn, id.trim())
        .await?
        .ok_or_else(|| ServiceError::not_found("workshop job", id))
}

/// Jobs newest first.
pub(crate) async fn list(
    conn: &mut AnyConnection,
    req: &ListWorkshopJobs,
) -> Result<Page<WorkshopJob>, ServiceError> {
    check_limit(req.limit)?;
    let filter = store::Filter {
        status: req.status,
        origin: req.origin,
        ticket_id: req.ticket_id,
        technician_id: req.technician_id,
        limit: req.limit,
        cursor: req.cursor.clone(),
    };
    let items = store::list(conn, &filter).await?;
    Ok(Page::of(items, req.limit, |j| j.id.to_string()))
}

/// The workshop technician's diagnosis: names them, what is wrong (a code on the
/// company's fault list) and the parts the repair needs.
pub(crate) async fn diagnose(
    uow: &mut UnitOfWork,
    req: &DiagnoseWorkshopJob,
    who: &str,
    actor: Option<Actor>,
) -> Result<WorkshopJob, ServiceError> {
    let mut errors = validate_diagnosis(req);
    if errors.iter().all(|e| e.field != "fault") {
        let (list, _) = company_settings::current::<FaultList>(uow.conn()).await?;
        errors.extend(faults::check_reported(req.fault.as_deref(), &list));
    }
    let technician = technicians::get(uow.conn(), &req.technician_id.to_string()).await?;
    match &technician {
        None => errors.push(err(
            "technician_id",
            "not_found",
            "no technician has this id",
        )),
        Some(t) if !t.active => errors.push(err(
            "technician_id",
            "inactive",
            "the technician is not active",
        )),
        Some(_) => {}
    }
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let mut job = current(uow, &req.job_id, req.expected_version).await?;
    if !may_diagnose(job.status) {
        return Err(illegal(&job, WorkshopStatus::Diagnosed));
    }
    job.technician_id = Some(req.technician_id);
    job.technician_name = technician.map(|t| t.name);
    job.diagnosis = Some(req.diagnosis.trim().to_owned());
    job.fault_code = req.fault.clone();
    job.parts_needed = req.parts_needed.clone();
    step(
        uow,
        job,
        WorkshopStatus::Diagnosed,
        String::new(),
        who,
        actor,
    )
    .await
}

/// Starts the repair, waits for parts, says it cannot be repaired, makes it ready to go
/// back (the customer is told how) or records it returned.
pub(crate) async fn advance(
    uow: &mut UnitOfWork,
    req: &AdvanceWorkshopJob,
    who: &str,
    actor: Option<Actor>,
) -> Result<WorkshopJob, ServiceError> {
    let mut job = current(uow, &req.job_id, req.expected_version).await?;
    let errors = validate_advance(req, job.origin, job.return_method);
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    if !may_advance(job.status, req.to) {
        return Err(illegal(&job, req.to));
    }
    let now = uow.now_ms();
    if let Some(m) = req.return_method {
        job.return_method = Some(m);
    }
    match req.to {
        WorkshopStatus::CouldNotRepair => job.result = req.note.trim().to_owned(),
        WorkshopStatus::Returned => {
            job.return_reference = req.reference.trim().to_owned();
            job.returned_at = Some(from_ms(now));
        }
        _ => {}
    }
    step(uow, job, req.to, req.note.trim().to_owned(), who, actor).await
}

/// The repair report: the job is repaired and announced as a completed visit of the
/// workshop technician (`dispatch.workorder.completed`, the job standing for the work
/// order), so inventory takes the parts from stock and billing issues the receipt as for
/// a visit, and intake tells the customer the work is done. A machine a visit took there
/// continues that visit (its call-out is charged here, once); a machine brought in was
/// never visited.
pub(crate) async fn repair(
    uow: &mut UnitOfWork,
    req: &RepairWorkshopJob,
    who: &str,
    actor: Option<Actor>,
) -> Result<WorkshopJob, ServiceError> {
    let errors = validate_repair(req, uow.now());
    if !errors.is_empty() {
        return Err(ServiceError::validation(errors));
    }
    let mut job = current(uow, &req.job_id, req.expected_version).await?;
    if !may_repair(job.status) {
        return Err(illegal(&job, WorkshopStatus::Repaired));
    }
    let Some(technician_id) = job.technician_id else {
        return Err(illegal(&job, WorkshopStatus::Repaired));
    };
    job.parts = req.parts.clone();
    job.repair_started_at = Some(req.started_at);
    job.repair_finished_at = Some(req.finished_at);
    job.result = req.result.trim().to_owned();
    let (technician_name, team) = technicians::name_and_team(uow.conn(), technician_id).await?;
    let done = WorkOrderCompleted {
        work_order_id: job.id,
        number: job.number.clone(),
        ticket_id: job.ticket_id,
        technician_id,
        technician_name,
        team,
        customer_name: job.customer_name.clone(),
        district: job.district.clone(),
        machine: job.machine.clone(),
        started_at: req.started_at,
        finished_at: req.finished_at,
        diagnosis: job.diagnosis.clone().unwrap_or_default(),
        fault: job.fault_code.clone(),
        parts: req.parts.clone(),
        meter_reading: None,
        work_type: WorkType::Repair,
        cash_collected: None,
        revisit_of: None,
        return_visit_needed: false,
        return_visit_note: String::new(),
    };
    let result = job.result.clone();
    let job = step(
        uow,
        job,
        WorkshopStatus::Repaired,
        result,
        who,
        actor.clone(),
    )
    .await?;
    uow.emit(&Envelope::new(done, actor)).await?;
    Ok(job)
}

/// Loads a job for a change at `version` (any version when `None`).
async fn current(
    uow: &mut UnitOfWork,
    id: &str,
    version: Option<i64>,
) -> Result<WorkshopJob, ServiceError> {
    let job = get(uow.conn(), id).await?;
    if let Some(v) = version
        && v != job.version
    {
        return Err(ServiceError::stale(format!(
            "workshop job {} is at version {}, not {v}",
            job.number, job.version
        )));
    }
    Ok(job)
}

/// The refusal of a step the job's state does not allow.
fn illegal(job: &WorkshopJob, to: WorkshopStatus) -> ServiceError {
    let name = |s: WorkshopStatus| aftercare_platform::db::to_text(&s);
    ServiceError::conflict(
        "illegal_transition",
        format!(
            "workshop job {} is {} and cannot become {}",
            job.number,
            name(job.status),
            name(to)
        ),
    )
}

/// Moves `job` to `to`, keeps the step in its history, stores it at the next version
/// (refusing a change made meanwhile) and announces it.
async fn step(
    uow: &mut UnitOfWork,
    mut job: WorkshopJob,
    to: WorkshopStatus,
    note: String,
    who: &str,
    actor: Option<Actor>,
) -> Result<WorkshopJob, ServiceError> {
    let now = uow.now_ms();
    let from = job.status;
    job.history.push(WorkshopStep {
        at: from_ms(now),
        by: who.to_owned(),
        from: Some(from),
        to,
        note,
    });
    job.status = to;
    let seen = job.version;
    job.version += 1;
    if !store::update(uow, &job, seen, now).await? {
        return Err(ServiceError::stale(format!(
            "workshop job {} was changed meanwhile",
            job.number
        )));
    }
    announce(uow, &job, Some(from), actor).await?;
    Ok(job)
}

/// Announces that `job` was received or moved on.
async fn announce(
    uow: &mut UnitOfWork,
    job: &WorkshopJob,
    from: Option<WorkshopStatus>,
    actor: Option<Actor>,
) -> Result<(), ServiceError> {
    let e = WorkshopJobChanged {
        job_id: job.id,
        number: job.number.clone(),
        ticket_id: job.ticket_id,
        origin: job.origin,
        from,
        to: job.status,
        return_method: job.return_method,
        at: job.history.last().map(|s| s.at).unwrap_or(job.received_at),
    };
    uow.emit(&Envelope::new(e, actor)).await?;
    Ok(())
}
