//! Dispatch's events and requests: technicians and work orders (派工).
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::intake::{GeoPoint, MachineInfo, Priority};
use crate::{Event, Service};

pub mod register;
pub use register::{
    DepartureState, GetReportBackRegister, RecordDeparture, RecordReportBack, RegisterRow,
    RegisterSource, RegisterVisit, ReportBackCall, ReportBackRegister,
};
pub mod workshop;
pub use workshop::{
    AdvanceWorkshopJob, Dealer, DiagnoseWorkshopJob, GetWorkshopJob, ListWorkshopJobs,
    ReceiveWorkshopJob, RepairWorkshopJob, ReturnMethod, WorkshopJob, WorkshopJobChanged,
    WorkshopOrigin, WorkshopStatus, WorkshopStep,
};

/// The limits dispatch checks on requests, stated in their schemas.
pub mod limits {
    use crate::limits::{Amount, Count, Each, Fields, Limit, Range, Shape, Text};

    /// A technician's name.
    pub const NAME: Text = Text::new(1, 100);
    /// A service district, team, skill or van location.
    pub const CODE: Text = Text::new(1, 64);
    /// Skills or certificates a technician holds.
    pub const SKILLS: Count = Count::new(0, 50);
    /// Each skill.
    pub const SKILL: Each<Text> = Each(CODE);
    /// Work orders a technician takes a day.
    pub const DAILY_CAPACITY: Range = Range::new(1, 50);
    /// Why a work order is assigned by hand.
    pub const REASON: Text = Text::new(1, 500);
    /// Each certificate's product line or brand.
    pub const CERTIFICATE: Text = CODE;
    /// What was wrong, in a visit report.
    pub const DIAGNOSIS: Text = Text::new(1, 4000);
    /// A fault code from the company's fault list: 1–64 of `a-z`, `0-9`, `_`.
    pub const FAULT: Shape = Shape {
        pattern: r"^[a-z0-9_]{1,64}$",
        matches: |c| {
            (1..=64).contains(&c.len())
                && c.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        },
    };
    /// What was cleaned, what was adjusted, the result told, the hazards seen.
    pub const VISIT_NOTE: Text = Text::new(0, 1000);
    /// Part lines a visit report lists as replaced, or as needed for the return visit.
    pub const REPORTED_PARTS: Count = Count::new(0, 100);
    /// Part lines a parts request asks for.
    pub const REQUESTED_PARTS: Count = Count::new(1, 50);
    /// A part line's stock-keeping unit.
    pub const SKU: Text = Text::new(1, 64);
    /// A part line's quantity.
    pub const QUANTITY: Range = Range::new(1, 1000);
    /// A part line's stock location.
    pub const LOCATION: Text = CODE;
    /// Each line of a parts request: its SKU and quantity (the part line is a type the
    /// work order and its events share, so the limits are stated on the request).
    pub const REQUESTED_PART: Limit = Limit::Each(&Limit::Fields(Fields(&[
        ("sku", Limit::Text(SKU)),
        ("quantity", Limit::Range(QUANTITY)),
    ])));
    /// Each part line of a visit report: its SKU, quantity and location.
    pub const REPORTED_PART: Limit = Limit::Each(&Limit::Fields(Fields(&[
        ("sku", Limit::Text(SKU)),
        ("quantity", Limit::Range(QUANTITY)),
        ("location", Limit::Text(LOCATION)),
    ])));
    /// Toner or ink left, percent.
    pub const CONSUMABLES_LEVEL: Range = Range::new(0, 100);
    /// Who signed a visit report.
    pub const SIGNER: Text = Text::new(1, 100);
    /// A signature drawing sent inline, base64 characters (48 KiB of PNG).
    pub const SIGNATURE_IMAGE: Text = Text::new(0, 65_536);
    /// Cash collected on site: never negative.
    pub const CASH: Amount = Amount::at_least(0);
    /// A maintenance plan's company.
    pub const COMPANY: Text = Text::new(1, 200);
    /// A maintenance plan's street address.
    pub const ADDRESS: Text = Text::new(0, 500);
    /// A machine's brand or model.
    pub const MODEL: Text = Text::new(1, 100);
    /// A maintenance plan's machine: its product line (1–64 characters), brand and model
    /// (1–100); the machine is a type tickets and events share, so the limits are stated
    /// on the request.
    pub const PLAN_MACHINE: Fields = Fields(&[
        ("product_line", Limit::Text(CODE)),
        ("brand", Limit::Text(MODEL)),
        ("model", Limit::Text(MODEL)),
    ]);
    /// Months between planned visits (0: a single visit).
    pub const EVERY_MONTHS: Range = Range::new(0, 24);
    /// The years a maintenance plan's first visit may fall in.
    pub const FIRST_DUE_YEARS: std::ops::RangeInclusive<i32> = 2000..=9999;
    /// A maintenance plan's first due day: a calendar date in [`FIRST_DUE_YEARS`].
    pub const FIRST_DUE: Shape = Shape {
        pattern: r"^[2-9][0-9]{3}-[0-9]{2}-[0-9]{2}$",
        matches: |raw| {
            raw.len() == 10
                && chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d")
                    .is_ok_and(|d| FIRST_DUE_YEARS.contains(&chrono::Datelike::year(&d)))
        },
    };
    /// Duration rules the company keeps.
    pub const DURATION_RULES: Count = Count::new(0, 500);
    /// Minutes a kind of visit takes.
    pub const MINUTES: Range = Range::new(5, 720);
    /// The model a duration rule is for.
    pub const RULE_MODEL: Text = MODEL;
    /// Codes on the company's fault list.
    pub const FAULT_CODES: Count = Count::new(0, 200);
    /// A fault code's name in Chinese or English.
    pub const FAULT_LABEL: Text = Text::new(1, 100);
}

/// A certificate a technician holds (上岗资格证), for a product line or brand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Certification {
    /// The product line or brand it qualifies for (lower case), e.g. `copier`.
    #[schemars(transform = &limits::CERTIFICATE)]
    pub skill: String,
    /// Last day it is valid.
    pub expires_on: NaiveDate,
}

/// Days a technician is away.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Leave {
    /// First day away.
    pub from: NaiveDate,
    /// Last day away.
    pub to: NaiveDate,
    /// Why, up to 200 characters.
    #[serde(default)]
    pub reason: String,
}

/// Request: register a technician (`svc.dispatch.technician.create`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateTechnician {
    /// Full name, 1–100 characters.
    #[schemars(transform = &limits::NAME)]
    pub name: String,
    /// Home district; assignment prefers technicians of the ticket's district.
    #[schemars(transform = &limits::CODE)]
    pub district: String,
    /// Product lines and brands the technician is qualified for (e.g. `copier`, `sharp`).
    #[serde(default)]
    #[schemars(transform = &limits::SKILLS)]
    #[schemars(transform = &limits::SKILL)]
    pub skills: Vec<String>,
    /// Work orders per day before the technician counts as fully loaded (1–50).
    #[schemars(transform = &limits::DAILY_CAPACITY)]
    pub daily_capacity: u32,
    /// Team (技术组), 1–64 characters; defaults to the home district.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(transform = &limits::CODE)]
    pub team: Option<String>,
    /// Certificates with their expiry; a work order needs one valid for its product line.
    #[serde(default)]
    #[schemars(transform = &limits::SKILLS)]
    pub certifications: Vec<Certification>,
    /// Where the day starts (home or office), for distances and routes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_location: Option<GeoPoint>,
    /// Shift start, local time (default 08:50, when technicians leave).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shift_start: Option<NaiveTime>,
    /// Shift end, local time (default 17:30).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shift_end: Option<NaiveTime>,
    /// The technician's van stock location in inventory, e.g. `van-li-wei`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(transform = &limits::CODE)]
    pub van_location: Option<String>,
}

/// Request: replace a technician's profile (`svc.dispatch.technician.update`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UpdateTechnician {
    /// Technician id (from the path).
    pub technician_id: String,
    /// Full name, 1–100 characters.
    #[schemars(transform = &limits::NAME)]
    pub name: String,
    /// Home district.
    #[schemars(transform = &limits::CODE)]
    pub district: String,
    /// Product lines and brands.
    #[serde(default)]
    #[schemars(transform = &limits::SKILLS)]
    #[schemars(transform = &limits::SKILL)]
    pub skills: Vec<String>,
    /// Work orders per day (1–50).
    #[schemars(transform = &limits::DAILY_CAPACITY)]
    pub daily_capacity: u32,
    /// Team; defaults to the home district.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(transform = &limits::CODE)]
    pub team: Option<String>,
    /// Certificates.
    #[serde(default)]
    #[schemars(transform = &limits::SKILLS)]
    pub certifications: Vec<Certification>,
    /// Where the day starts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_location: Option<GeoPoint>,
    /// Shift start (default 08:50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shift_start: Option<NaiveTime>,
    /// Shift end (default 17:30).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shift_end: Option<NaiveTime>,
    /// Van stock location.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(transform = &limits::CODE)]
    pub van_location: Option<String>,
    /// Whether the technician takes work (false: left the company).
    #[serde(default = "yes")]
    pub active: bool,
    /// The version being replaced (from `If-Match`).
    pub expected_version: i64,
}

fn yes() -> bool {
    true
}

impl UpdateTechnician {
    /// The profile part, checked by the same rules as a new technician.
    pub fn profile(&self) -> CreateTechnician {
        CreateTechnician {
            name: self.name.clone(),
            district: self.district.clone(),
            skills: self.skills.clone(),
            daily_capacity: self.daily_capacity,
            team: self.team.clone(),
            certifications: self.certifications.clone(),
            start_location: self.start_location,
            shift_start: self.shift_start,
            shift_end: self.shift_end,
            van_location: self.van_location.clone(),
        }
    }
}

/// Request: record leave (`svc.dispatch.technician.add_leave`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AddLeave {
    /// Technician id (from the path).
    pub technician_id: String,
    /// First day away.
    pub from: NaiveDate,
    /// Last day away.
    pub to: NaiveDate,
    /// Why, up to 200 characters.
    #[serde(default)]
    pub reason: String,
}

/// Request: list technicians (`svc.dispatch.technician.list`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListTechnicians {
    /// Only this district's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    /// Only this team's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    /// Page size, 1–500.
    pub limit: u32,
    /// Cursor of the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// A technician.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Technician {
    /// UUIDv7.
    pub id: Uuid,
    /// Full name.
    pub name: String,
    /// Home district.
    pub district: String,
    /// Skills.
    pub skills: Vec<String>,
    /// Daily capacity.
    pub daily_capacity: u32,
    /// Team.
    pub team: String,
    /// Certificates.
    pub certifications: Vec<Certification>,
    /// Where the day starts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_location: Option<GeoPoint>,
    /// Shift start, local time.
    pub shift_start: NaiveTime,
    /// Shift end, local time.
    pub shift_end: NaiveTime,
    /// Van stock location.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub van_location: Option<String>,
    /// Leave, latest first.
    pub leave: Vec<Leave>,
    /// Takes work.
    pub active: bool,
    /// Optimistic-concurrency version.
    pub version: i64,
}

/// A part used on a visit, as the technician reports it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartUsed {
    /// Stock-keeping unit, 1–64 characters.
    pub sku: String,
    /// Quantity, 1–1000.
    pub quantity: u32,
    /// The stock location it came from (the van, a warehouse); inventory picks when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
}

/// How a visit ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum VisitOutcome {
    /// Fixed (or the planned work done).
    #[default]
    Completed,
    /// A part is missing: requested from inventory, a return visit follows (待修).
    WaitingForParts,
    /// The machine went to the workshop (送修/内修).
    TakenToWorkshop,
    /// The technician could not fix it.
    CouldNotFix,
}

/// The customer's signature confirming the result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    /// Who signed, 1–100 characters.
    #[schemars(transform = &limits::SIGNER)]
    pub signer: String,
    /// The signature drawing, a PNG as base64, up to 48 KiB (older clients; upload it as
    /// an attachment instead).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(transform = &limits::SIGNATURE_IMAGE)]
    pub image_png_base64: Option<String>,
    /// The signature attachment (kind `signature`, uploaded to this work order with
    /// `POST /workorders/{id}/attachments?kind=signature`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment_id: Option<Uuid>,
}

impl Signature {
    /// Whether the customer's drawing is there (an attachment or the inline image), not
    /// only a name.
    pub fn drawn(&self) -> bool {
        self.attachment_id.is_some() || self.image_png_base64.is_some()
    }
}

/// Request: the technician reports the visit done (`svc.dispatch.workorder.complete`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CompleteWorkOrder {
    /// Work order id or number.
    pub work_order_id: String,
    /// What was wrong, 1–4000 characters.
    #[schemars(transform = &limits::DIAGNOSIS)]
    pub diagnosis: String,
    /// When work on site started.
    pub started_at: DateTime<Utc>,
    /// When it finished (not before `started_at`).
    pub finished_at: DateTime<Utc>,
    /// Fault code from the company's fault list (`GET /fault-codes`, e.g. `paper_feed`),
    /// `[a-z0-9_]`, 1–64 characters, active on the list; quality warnings count repeats
    /// by it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(transform = &limits::FAULT)]
    pub fault: Option<String>,
    /// Parts replaced (after the customer's consent), up to 100 lines.
    #[serde(default)]
    #[schemars(transform = &limits::REPORTED_PARTS)]
    #[schemars(transform = &limits::REPORTED_PART)]
    pub parts: Vec<PartUsed>,
    /// Meter reading (复印量) at the visit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meter_reading: Option<u64>,
    /// How the visit ended (default completed).
    #[serde(default)]
    pub outcome: VisitOutcome,
    /// What was cleaned, up to 1000 characters.
    #[serde(default)]
    #[schemars(transform = &limits::VISIT_NOTE)]
    pub parts_cleaned: String,
    /// Adjustments made, up to 1000 characters.
    #[serde(default)]
    #[schemars(transform = &limits::VISIT_NOTE)]
    pub adjustments: String,
    /// The result as told to the customer, up to 1000 characters.
    #[serde(default)]
    #[schemars(transform = &limits::VISIT_NOTE)]
    pub result: String,
    /// Toner or ink left, percent 0–100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(transform = &limits::CONSUMABLES_LEVEL)]
    pub consumables_level: Option<u8>,
    /// Hazards seen (loose wiring, overheating), up to 1000 characters.
    #[serde(default)]
    #[schemars(transform = &limits::VISIT_NOTE)]
    pub hazards: String,
    /// Whether the customer agreed to the parts replaced; required when parts are listed.
    #[serde(default)]
    pub parts_consent: bool,
    /// Parts needed for the return visit (`waiting_for_parts` only), up to 100 lines.
    #[serde(default)]
    #[schemars(transform = &limits::REPORTED_PARTS)]
    #[schemars(transform = &limits::REPORTED_PART)]
    pub parts_needed: Vec<PartUsed>,
    /// The technician says another visit is needed, for the desk to book.
    #[serde(default)]
    pub return_visit_needed: bool,
    /// Why the return visit is needed, up to 1000 characters; only with
    /// `return_visit_needed`.
    #[serde(default)]
    #[schemars(transform = &limits::VISIT_NOTE)]
    pub return_visit_note: String,
    /// The customer's signature.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<Signature>,
    /// Photos of the machine and the fault: attachments of kind `photo` uploaded to this
    /// work order, at most 20, each once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(length(max = 20))]
    pub photo_attachment_ids: Vec<Uuid>,
    /// The visit is charged to the customer (the amount the receipt will charge was shown
    /// to them): their consent is their signature, so the report needs `signature` with
    /// its drawing (`attachment_id`).
    #[serde(default)]
    pub chargeable: bool,
    /// Cash collected on site, never negative.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(transform = &limits::CASH)]
    pub payment_collected: Option<crate::Money>,
    /// The version the technician saw; a stale one is refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_version: Option<i64>,
}

/// What the technician reported, as kept on the work order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct VisitReport {
    /// How it ended.
    pub outcome: VisitOutcome,
    /// Diagnosis.
    pub diagnosis: String,
    /// Fault code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fault: Option<String>,
    /// Cleaned.
    pub parts_cleaned: String,
    /// Adjusted.
    pub adjustments: String,
    /// Result.
    pub result: String,
    /// Replaced parts.
    pub parts: Vec<PartUsed>,
    /// Parts needed for a return visit.
    pub parts_needed: Vec<PartUsed>,
    /// The technician said another visit is needed, for the desk to book.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub return_visit_needed: bool,
    /// Why the return visit is needed (empty when not said).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub return_visit_note: String,
    /// Meter reading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meter_reading: Option<u64>,
    /// Toner or ink left, percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consumables_level: Option<u8>,
    /// Hazards seen.
    pub hazards: String,
    /// Who signed (the image is kept, not shown in lists).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_by: Option<String>,
    /// The signature attachment (`GET /attachments/{id}/content`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature_attachment_id: Option<Uuid>,
    /// The photo attachments the report refers to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub photo_attachment_ids: Vec<Uuid>,
    /// The visit was charged to the customer, who signed for it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub chargeable: bool,
    /// Cash collected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_collected: Option<crate::Money>,
    /// On site from.
    pub started_at: DateTime<Utc>,
    /// On site until.
    pub finished_at: DateTime<Utc>,
}

/// Request: list work orders (`svc.dispatch.workorder.list`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListWorkOrders {
    /// Only the work orders of this ticket.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ticket_id: Option<Uuid>,
    /// Only the work orders assigned to this technician.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub technician_id: Option<Uuid>,
    /// Only in this state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<WorkOrderStatus>,
    /// Only the flagged ones (nobody qualified).
    #[serde(default)]
    pub flagged: bool,
    /// Oldest first unless asked otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<crate::rpc::ListOrder>,
    /// Page size, 1–500.
    pub limit: u32,
    /// Cursor from the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// Work order state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum WorkOrderStatus {
    /// Nobody qualifies yet; flagged for the dispatcher.
    Unassigned,
    /// A technician has it.
    Assigned,
    /// The technician accepted it.
    Accepted,
    /// On the way.
    EnRoute,
    /// At the customer's.
    OnSite,
    /// The visit is done.
    Completed,
    /// A part is missing; a return visit follows (待修).
    WaitingForParts,
    /// The machine went to the workshop.
    TakenToWorkshop,
    /// The technician could not fix it.
    CouldNotFix,
    /// Called off.
    Cancelled,
}

/// Where a work order's parts stand with inventory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PartsStatus {
    /// Held for it.
    Reserved,
    /// Not in stock; its appointment was released and it stays off routes.
    Backordered,
    /// Everything backordered has come in and is held; book the visit.
    Arrived,
}

/// What a work order is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum WorkType {
    /// A fault to repair.
    #[default]
    Repair,
    /// Preventive maintenance (防火服务): cleaning, a contract visit, the first visit.
    Maintenance,
    /// Installation and acceptance.
    Installation,
    /// Showing the customer how to use the machine (before a return).
    Training,
}

/// An agreed appointment window.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TimeWindow {
    /// Earliest arrival.
    pub start: DateTime<Utc>,
    /// Latest arrival.
    pub end: DateTime<Utc>,
}

/// One move of a work order, kept for good.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct WorkOrderMove {
    /// When.
    pub at: DateTime<Utc>,
    /// From (absent on creation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<WorkOrderStatus>,
    /// To.
    pub to: WorkOrderStatus,
    /// Who.
    pub actor: String,
    /// Why.
    pub reason: String,
}

/// Request: a page of a work order's history, oldest first (`svc.dispatch.workorder.history`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GetWorkOrderHistory {
    /// Work order id or number.
    pub work_order_id: String,
    /// Page size, 1–500.
    pub limit: u32,
    /// Cursor from the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// What one entry of a work order's history changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum WorkOrderChange {
    /// The work order was created (assigned or waiting in the queue).
    Created,
    /// A technician was assigned, automatically or by hand (`technician_id` when recorded).
    Assigned,
    /// Nobody qualified: it waits for a dispatcher.
    Unassigned,
    /// The technician's progress, a cancellation, or another move of state.
    StatusChanged,
    /// The appointment agreed with the customer (`appointment`).
    AppointmentBooked,
    /// Parts were asked of inventory ahead of the visit.
    PartsRequested,
    /// Inventory answered a parts request (reserved, backordered, arrived).
    PartsUpdated,
    /// The visit report was filed; `to_status` is its outcome.
    VisitReported,
    /// Anything else recorded without a change of state.
    Noted,
}

/// One entry of a work order's history: who, when, what changed and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct WorkOrderHistoryEntry {
    /// When.
    pub at: DateTime<Utc>,
    /// Who: an account id, or the service or job that made the change (`dispatch`, `inventory`).
    pub actor: String,
    /// The account's display name (filled in by the gateway; absent for services and jobs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor_name: Option<String>,
    /// What kind of change.
    pub change: WorkOrderChange,
    /// The state before (absent on creation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_status: Option<WorkOrderStatus>,
    /// The state after.
    pub to_status: WorkOrderStatus,
    /// The technician assigned, for `assigned` (recorded since this field exists).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub technician_id: Option<Uuid>,
    /// The window booked, for `appointment_booked`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appointment: Option<TimeWindow>,
    /// Why (the reason given, or what the system recorded); may be empty.
    pub reason: String,
}

/// A work order (工单).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct WorkOrder {
    /// UUIDv7.
    pub id: Uuid,
    /// Human number, `W2026-000042`.
    pub number: String,
    /// The ticket it serves.
    pub ticket_id: Uuid,
    /// The ticket's number.
    pub ticket_number: String,
    /// State.
    pub status: WorkOrderStatus,
    /// Priority from the ticket.
    pub priority: Priority,
    /// Customer name.
    pub customer_name: String,
    /// District of the visit.
    pub district: String,
    /// Assigned technician.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub technician_id: Option<Uuid>,
    /// Why this technician (or why nobody) was chosen.
    pub assignment_reasons: Vec<String>,
    /// The chosen technician's score.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<u32>,
    /// Kept with its technician by a day plan: assigned by hand by a dispatcher, or a
    /// return visit to the technician who diagnosed it. A day plan may move an order
    /// assigned automatically to another technician; never a pinned one.
    #[serde(default)]
    pub pinned: bool,
    /// Nobody qualified: waits for a dispatcher.
    pub flagged: bool,
    /// What it is for.
    pub work_type: WorkType,
    /// Skills the technician needs (product line, brand).
    pub required_skills: Vec<String>,
    /// Expected time on site, minutes.
    pub estimated_minutes: u32,
    /// The machine, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub machine: Option<MachineInfo>,
    /// Street address of the visit.
    pub address: String,
    /// Map position of the visit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<GeoPoint>,
    /// Agreed appointment window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appointment: Option<TimeWindow>,
    /// The ticket's resolution deadline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sla_due: Option<DateTime<Utc>>,
    /// Planned arrival from the published day plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_arrival: Option<DateTime<Utc>>,
    /// The work order this one returns to (a revisit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revisit_of: Option<Uuid>,
    /// Diagnosis, once reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diagnosis: Option<String>,
    /// Parts used, once reported.
    pub parts: Vec<PartUsed>,
    /// Parts asked of inventory ahead of the visit.
    pub parts_requested: Vec<PartUsed>,
    /// Inventory's answer to the parts request.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parts_status: Option<PartsStatus>,
    /// The visit report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visit: Option<VisitReport>,
    /// Every move, oldest first (in single reads; empty in lists).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<WorkOrderMove>,
    /// Created.
    pub created_at: DateTime<Utc>,
    /// Completed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<DateTime<Utc>>,
    /// Optimistic-concurrency version.
    pub version: i64,
}

/// Request: assign or reassign by hand (`svc.dispatch.workorder.assign`): a named
/// technician (hard rules still apply, except capacity), or none to run automatic
/// assignment again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AssignWorkOrder {
    /// Work order id or number (from the path).
    pub work_order_id: String,
    /// The technician; absent: choose automatically.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub technician_id: Option<Uuid>,
    /// Why, 1–500 characters.
    #[schemars(transform = &limits::REASON)]
    pub reason: String,
    /// The version being changed (from `If-Match`).
    pub expected_version: i64,
}

/// Request: move a work order along (`svc.dispatch.workorder.transition`): the
/// technician accepts, leaves, arrives; a dispatcher cancels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TransitionWorkOrder {
    /// Work order id or number (from the path).
    pub work_order_id: String,
    /// `accepted`, `en_route`, `on_site` or `cancelled`.
    pub to: WorkOrderStatus,
    /// Why (required to cancel), up to 500 characters.
    #[serde(default)]
    pub reason: String,
    /// When it happened on the technician's phone (a step taken offline reaches the server
    /// later): at most 5 minutes after the server's clock, at most 72 hours before it and
    /// not before the work order was created. Absent: when the request arrives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occurred_at: Option<DateTime<Utc>>,
    /// The version being changed (from `If-Match`).
    pub expected_version: i64,
}

/// Request: book the appointment agreed with the customer
/// (`svc.dispatch.workorder.book`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BookAppointment {
    /// Work order id or number (from the path).
    pub work_order_id: String,
    /// The window.
    pub window: TimeWindow,
    /// The version being changed (from `If-Match`).
    pub expected_version: i64,
}

/// Request: ask inventory for parts ahead of the visit (`svc.dispatch.workorder.request_parts`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RequestParts {
    /// Work order id or number (from the path).
    pub work_order_id: String,
    /// The parts, 1–50 lines.
    #[schemars(transform = &limits::REQUESTED_PARTS)]
    #[schemars(transform = &limits::REQUESTED_PART)]
    pub parts: Vec<PartUsed>,
    /// The version being changed (from `If-Match`).
    pub expected_version: i64,
}

/// Request: plan a day (`svc.dispatch.day_plan.publish`): every open work order of the
/// day with an appointment or assigned for it goes into its technician's route.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanDay {
    /// The local day.
    pub date: NaiveDate,
}

/// Request: a published day plan (`svc.dispatch.day_plan.get`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GetDayPlan {
    /// The local day.
    pub date: NaiveDate,
    /// Only this technician's route.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub technician_id: Option<Uuid>,
}

/// One stop of a route.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct RouteStop {
    /// Work order.
    pub work_order_id: Uuid,
    /// Its number.
    pub number: String,
    /// Planned arrival.
    pub planned_arrival: DateTime<Utc>,
    /// Planned start of work (arrival, or the window's opening if earlier).
    pub planned_start: DateTime<Utc>,
    /// Its appointment window, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<TimeWindow>,
    /// Why this technician and this place in the route, such as `skills copier, sharp`,
    /// `nearest qualified technician (2.1 km from the start)`, `window 10:00–12:00` or
    /// `pinned by a dispatcher`.
    #[serde(default)]
    pub reasons: Vec<String>,
}

/// A technician's route for a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Route {
    /// Technician.
    pub technician_id: Uuid,
    /// Their name.
    pub technician_name: String,
    /// Stops in visiting order.
    pub stops: Vec<RouteStop>,
    /// Travel, minutes.
    pub travel_minutes: u32,
    /// Back at the end location.
    pub ends_at: DateTime<Utc>,
}

/// A work order a day plan left out, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct LeftOut {
    /// Work order.
    pub work_order_id: Uuid,
    /// Its number.
    pub number: String,
    /// The technician it is assigned to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub technician_id: Option<Uuid>,
    /// Why it is not on a route.
    pub reason: String,
}

/// A day plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DayPlan {
    /// The local day.
    pub date: NaiveDate,
    /// Routes.
    pub routes: Vec<Route>,
    /// Work orders that could not be planned, with why, as notes
    /// (`W2026-000042 (Li Wei): why`; without a technician, `W2026-000042: why`).
    pub unplanned: Vec<String>,
    /// The same work orders left out, one by one: which, whose route (if any) and why
    /// (no qualified technician, no window fits, capacity).
    #[serde(default)]
    pub left_out: Vec<LeftOut>,
    /// Times the day was (re)planned.
    pub revision: i64,
    /// When published.
    pub published_at: DateTime<Utc>,
}

/// Event `dispatch.workorder.assigned`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkOrderAssigned {
    /// Work order id.
    pub work_order_id: Uuid,
    /// Human number.
    pub number: String,
    /// The ticket it serves.
    pub ticket_id: Uuid,
    /// The technician.
    pub technician_id: Uuid,
    /// The technician's name, for notifications.
    pub technician_name: String,
    /// Priority.
    pub priority: Priority,
    /// Why this technician.
    pub reasons: Vec<String>,
    /// When.
    pub assigned_at: DateTime<Utc>,
}

impl Event for WorkOrderAssigned {
    const TYPE: &'static str = "dispatch.workorder.assigned";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Dispatch;
    fn subject_id(&self) -> String {
        self.work_order_id.to_string()
    }
}

/// Event `dispatch.workorder.unassigned`: no technician qualifies; the order waits, flagged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkOrderUnassigned {
    /// Work order id.
    pub work_order_id: Uuid,
    /// Human number.
    pub number: String,
    /// The ticket it serves.
    pub ticket_id: Uuid,
    /// Why nobody qualified.
    pub reasons: Vec<String>,
}

impl Event for WorkOrderUnassigned {
    const TYPE: &'static str = "dispatch.workorder.unassigned";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Dispatch;
    fn subject_id(&self) -> String {
        self.work_order_id.to_string()
    }
}

/// Event `dispatch.workorder.completed`: carries what billing, inventory, survey and
/// intake need to act without calling back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkOrderCompleted {
    /// Work order id.
    pub work_order_id: Uuid,
    /// Human number.
    pub number: String,
    /// The ticket it served.
    pub ticket_id: Uuid,
    /// Who did the work.
    pub technician_id: Uuid,
    /// Their name (rankings print it).
    pub technician_name: String,
    /// Their team (scores are kept per team).
    pub team: String,
    /// Customer name, printed on the receipt.
    pub customer_name: String,
    /// District (call-out fees depend on it).
    pub district: String,
    /// The machine, if any (warranty depends on it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub machine: Option<MachineInfo>,
    /// Start on site.
    pub started_at: DateTime<Utc>,
    /// Finish on site.
    pub finished_at: DateTime<Utc>,
    /// Diagnosis.
    pub diagnosis: String,
    /// Fault code, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fault: Option<String>,
    /// Parts replaced.
    pub parts: Vec<PartUsed>,
    /// Meter reading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meter_reading: Option<u64>,
    /// What kind of visit it was (call-out fees depend on it); absent in version 1,
    /// read as a repair.
    #[serde(default)]
    pub work_type: WorkType,
    /// Cash the technician collected on site, for billing's daily reconciliation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cash_collected: Option<crate::Money>,
    /// The work order this one returns to when the first visit ended waiting for parts
    /// (待修): billing charged that visit's call-out and does not charge it again. Absent
    /// for a first visit and in versions 1 and 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revisit_of: Option<Uuid>,
    /// The technician said another visit is needed, for the desk to book; false in
    /// versions 1 to 3.
    #[serde(default)]
    pub return_visit_needed: bool,
    /// Why the return visit is needed (empty when not said or in versions 1 to 3).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub return_visit_note: String,
}

impl Event for WorkOrderCompleted {
    const TYPE: &'static str = "dispatch.workorder.completed";
    const VERSION: u16 = 4;
    const OLDEST_READABLE: u16 = 1;
    const SOURCE: Service = Service::Dispatch;
    fn subject_id(&self) -> String {
        self.work_order_id.to_string()
    }
}

/// Event `dispatch.workorder.waiting_for_parts`: the visit needs a part that was not at
/// hand; a return visit was created and the parts were requested from inventory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkOrderWaitingForParts {
    /// The visited work order.
    pub work_order_id: Uuid,
    /// Its number.
    pub number: String,
    /// The ticket.
    pub ticket_id: Uuid,
    /// The technician.
    pub technician_id: Uuid,
    /// The return visit.
    pub revisit_work_order_id: Uuid,
    /// Its number.
    pub revisit_number: String,
    /// The parts needed.
    pub parts_needed: Vec<PartUsed>,
    /// What was found.
    pub diagnosis: String,
    /// When.
    pub at: DateTime<Utc>,
    /// The visit as the technician reported it, from which billing charges its call-out
    /// and labour (the first visit of a repair is charged when it ends waiting for parts);
    /// absent in version 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visit: Option<VisitOnSite>,
}

/// What a visit that did not finish the job was, as billing prices it: who, where, what
/// kind, the machine and the time on site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VisitOnSite {
    /// The technician's name.
    pub technician_name: String,
    /// Their team.
    pub team: String,
    /// Customer name, printed on the receipt.
    pub customer_name: String,
    /// District (call-out fees depend on it).
    pub district: String,
    /// The machine, if any (warranty depends on it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub machine: Option<MachineInfo>,
    /// What kind of visit it was.
    pub work_type: WorkType,
    /// Fault code, when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fault: Option<String>,
    /// Start on site.
    pub started_at: DateTime<Utc>,
    /// Finish on site.
    pub finished_at: DateTime<Utc>,
    /// Cash the technician collected on site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cash_collected: Option<crate::Money>,
}

impl Event for WorkOrderWaitingForParts {
    const TYPE: &'static str = "dispatch.workorder.waiting_for_parts";
    const VERSION: u16 = 2;
    const OLDEST_READABLE: u16 = 1;
    const SOURCE: Service = Service::Dispatch;
    fn subject_id(&self) -> String {
        self.work_order_id.to_string()
    }
}

/// Event `dispatch.workorder.taken_to_workshop` / `dispatch.workorder.could_not_fix`:
/// a visit that did not fix the machine on site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VisitUnresolved {
    /// The work order.
    pub work_order_id: Uuid,
    /// Its number.
    pub number: String,
    /// The ticket.
    pub ticket_id: Uuid,
    /// The technician.
    pub technician_id: Uuid,
    /// What was found.
    pub diagnosis: String,
    /// The result as told to the customer.
    pub result: String,
    /// When.
    pub at: DateTime<Utc>,
}

/// Event `dispatch.workorder.taken_to_workshop`: the machine went to the workshop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct WorkOrderTakenToWorkshop(pub VisitUnresolved);

impl Event for WorkOrderTakenToWorkshop {
    const TYPE: &'static str = "dispatch.workorder.taken_to_workshop";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Dispatch;
    fn subject_id(&self) -> String {
        self.0.work_order_id.to_string()
    }
}

/// Event `dispatch.workorder.could_not_fix`: the technician could not fix the machine;
/// the dispatcher decides what follows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct WorkOrderCouldNotFix(pub VisitUnresolved);

impl Event for WorkOrderCouldNotFix {
    const TYPE: &'static str = "dispatch.workorder.could_not_fix";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Dispatch;
    fn subject_id(&self) -> String {
        self.0.work_order_id.to_string()
    }
}

/// Event `dispatch.workorder.cancelled`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkOrderCancelled {
    /// The work order.
    pub work_order_id: Uuid,
    /// Its number.
    pub number: String,
    /// The ticket.
    pub ticket_id: Uuid,
    /// Why.
    pub reason: String,
    /// When.
    pub at: DateTime<Utc>,
}

impl Event for WorkOrderCancelled {
    const TYPE: &'static str = "dispatch.workorder.cancelled";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Dispatch;
    fn subject_id(&self) -> String {
        self.work_order_id.to_string()
    }
}

/// Event `dispatch.workorder.status_changed`: a work order moved on its way (accepted, en
/// route, on site, cancelled), so boards and the technician's app follow it live.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkOrderStatusChanged {
    /// The work order.
    pub work_order_id: Uuid,
    /// Its number.
    pub number: String,
    /// The ticket.
    pub ticket_id: Uuid,
    /// The technician it is assigned to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub technician_id: Option<Uuid>,
    /// The state it left.
    pub from: WorkOrderStatus,
    /// The state it is in now.
    pub to: WorkOrderStatus,
    /// When.
    pub at: DateTime<Utc>,
}

impl Event for WorkOrderStatusChanged {
    const TYPE: &'static str = "dispatch.workorder.status_changed";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Dispatch;
    fn subject_id(&self) -> String {
        self.work_order_id.to_string()
    }
}

/// Event `dispatch.workorder.appointment_booked`: the window agreed with the customer was
/// booked or changed, so boards and the technician's app show it without a reload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkOrderAppointmentBooked {
    /// The work order.
    pub work_order_id: Uuid,
    /// Its number.
    pub number: String,
    /// The ticket.
    pub ticket_id: Uuid,
    /// The technician it is assigned to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub technician_id: Option<Uuid>,
    /// The window booked.
    pub window: TimeWindow,
    /// When.
    pub at: DateTime<Utc>,
}

impl Event for WorkOrderAppointmentBooked {
    const TYPE: &'static str = "dispatch.workorder.appointment_booked";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Dispatch;
    fn subject_id(&self) -> String {
        self.work_order_id.to_string()
    }
}

/// Event `dispatch.parts.requested`: parts a work order needs, for inventory to reserve.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartsRequested {
    /// The work order the parts are for.
    pub work_order_id: Uuid,
    /// Its number.
    pub number: String,
    /// The technician, when assigned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub technician_id: Option<Uuid>,
    /// Their van's stock location, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub van_location: Option<String>,
    /// The parts.
    pub parts: Vec<PartUsed>,
    /// When.
    pub at: DateTime<Utc>,
}

impl Event for PartsRequested {
    const TYPE: &'static str = "dispatch.parts.requested";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Dispatch;
    fn subject_id(&self) -> String {
        self.work_order_id.to_string()
    }
}

/// Event `dispatch.meter.read`: a meter reading (复印量) taken at a visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MeterRead {
    /// The work order.
    pub work_order_id: Uuid,
    /// The machine.
    pub machine: MachineInfo,
    /// Pages counted.
    pub reading: u64,
    /// Toner or ink left, percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consumables_level: Option<u8>,
    /// When read.
    pub read_at: DateTime<Utc>,
}

impl Event for MeterRead {
    const TYPE: &'static str = "dispatch.meter.read";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Dispatch;
    fn subject_id(&self) -> String {
        self.work_order_id.to_string()
    }
}

/// Event `dispatch.route.published`: a technician's route for a day, published or
/// re-planned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoutePublished {
    /// The local day.
    pub date: NaiveDate,
    /// The technician.
    pub technician_id: Uuid,
    /// Work orders in visiting order.
    pub work_order_ids: Vec<Uuid>,
    /// The day plan's revision.
    pub revision: i64,
}

impl Event for RoutePublished {
    const TYPE: &'static str = "dispatch.route.published";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Dispatch;
    fn subject_id(&self) -> String {
        format!("{}:{}", self.date, self.technician_id)
    }
}

/// What a maintenance plan is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MaintenanceKind {
    /// The first visit after a warranty card, within a week.
    FirstVisit,
    /// The free monthly cleaning of a machine in warranty.
    MonthlyCleaning,
    /// Visits at a maintenance contract's frequency.
    Contract,
}

/// A maintenance plan (防火服务): visits that fall due on their own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct MaintenancePlan {
    /// UUIDv7.
    pub id: Uuid,
    /// What for.
    pub kind: MaintenanceKind,
    /// The customer.
    pub customer_id: Uuid,
    /// Company.
    pub company: String,
    /// District.
    pub district: String,
    /// Address.
    pub address: String,
    /// The machine.
    pub machine: MachineInfo,
    /// Months between visits; 0 for a single visit.
    pub every_months: u32,
    /// The next visit falls due on this day.
    pub next_due: NaiveDate,
    /// No visits after this day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
    /// Still producing visits.
    pub active: bool,
    /// Visits generated so far (due days).
    pub generated: Vec<NaiveDate>,
}

/// Request: create a maintenance plan by hand (`svc.dispatch.maintenance.create`), e.g.
/// for a contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateMaintenancePlan {
    /// What for.
    pub kind: MaintenanceKind,
    /// The customer's record.
    pub customer_id: Uuid,
    /// Company, 1–200 characters.
    #[schemars(transform = &limits::COMPANY)]
    pub company: String,
    /// District, 1–64 characters.
    #[schemars(transform = &limits::CODE)]
    pub district: String,
    /// Address, up to 500 characters.
    #[serde(default)]
    #[schemars(transform = &limits::ADDRESS)]
    pub address: String,
    /// The machine: product line 1–64 characters, brand and model 1–100.
    #[schemars(transform = &limits::PLAN_MACHINE)]
    pub machine: MachineInfo,
    /// Months between visits (0: once), up to 24.
    #[schemars(transform = &limits::EVERY_MONTHS)]
    pub every_months: u32,
    /// The first visit's due day, in 2000 or later.
    #[schemars(transform = &limits::FIRST_DUE)]
    pub first_due: NaiveDate,
    /// No visits after this day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<NaiveDate>,
}

/// Request: list maintenance plans (`svc.dispatch.maintenance.list`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListMaintenancePlans {
    /// Only this customer's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<Uuid>,
    /// Page size, 1–500.
    pub limit: u32,
    /// Cursor of the previous page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// Event `dispatch.maintenance.due`: a planned visit falls due within the lead time;
/// intake opens a maintenance ticket for it (once per plan and day), which dispatch then
/// turns into a work order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MaintenanceDue {
    /// The plan.
    pub plan_id: Uuid,
    /// What for.
    pub kind: MaintenanceKind,
    /// The day it is due.
    pub due_on: NaiveDate,
    /// The customer.
    pub customer_id: Uuid,
    /// Company.
    pub company: String,
    /// District.
    pub district: String,
    /// Address.
    pub address: String,
    /// The machine.
    pub machine: MachineInfo,
}

impl Event for MaintenanceDue {
    const TYPE: &'static str = "dispatch.maintenance.due";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Dispatch;
    fn subject_id(&self) -> String {
        format!("{}:{}", self.plan_id, self.due_on)
    }
}

/// How a dispatch report groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DispatchGroup {
    /// Per technician.
    Technician,
    /// Per district.
    District,
}

/// Request: field service figures over visits reported in a period
/// (`svc.dispatch.report.visits`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DispatchReportRequest {
    /// Grouping.
    pub group_by: DispatchGroup,
    /// First local day.
    pub from: NaiveDate,
    /// Last local day (inclusive).
    pub to: NaiveDate,
}

/// One line of the dispatch report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DispatchLine {
    /// Technician id or district.
    pub key: String,
    /// Technician name or district.
    pub name: String,
    /// Visits reported.
    pub visits: u32,
    /// Of which completed (fixed).
    pub completed: u32,
    /// Tickets whose first visit in the period fixed them.
    pub first_time_fixes: u32,
    /// Tickets visited for the first time in the period.
    pub first_visits: u32,
    /// First-time fixes ÷ first visits, tenths of a percent.
    pub first_time_fix_tenths: u32,
    /// Return visits (a second visit to the same ticket).
    pub return_visits: u32,
    /// Visits with an agreed appointment.
    pub with_appointment: u32,
    /// Of which the technician started work by the window's end.
    pub on_time: u32,
    /// On time ÷ with appointment, tenths of a percent.
    pub on_time_tenths: u32,
    /// Minutes on site.
    pub service_minutes: u32,
    /// Minutes of travel in the published routes.
    pub travel_minutes: u32,
    /// Shift minutes of the days worked left for neither (technicians only).
    pub idle_minutes: u32,
    /// Service ÷ shift minutes of the days worked, tenths of a percent (technicians only).
    pub utilisation_tenths: u32,
}

/// The dispatch report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DispatchReport {
    /// Grouping.
    pub group_by: DispatchGroup,
    /// First local day.
    pub from: NaiveDate,
    /// Last local day.
    pub to: NaiveDate,
    /// Lines by name.
    pub lines: Vec<DispatchLine>,
}

/// Expected minutes on site for one kind of work, optionally for one model.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DurationRule {
    /// The kind of work.
    pub work_type: WorkType,
    /// Only this model (case-insensitive); absent: any model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(transform = &limits::RULE_MODEL)]
    pub model: Option<String>,
    /// Minutes on site, 5–720.
    #[schemars(transform = &limits::MINUTES)]
    pub minutes: u32,
}

/// How long visits take by kind of work and model, for new work orders and routes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DurationDefaults {
    /// The rules; a model's rule wins over the kind's.
    pub rules: Vec<DurationRule>,
    /// Version (0: the built-in ones).
    pub version: i64,
}

/// Request: the duration defaults (`svc.dispatch.durations.get`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GetDurationDefaults {}

/// Request: replace the duration defaults (`svc.dispatch.durations.replace`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReplaceDurationDefaults {
    /// The rules, up to 500.
    #[schemars(transform = &limits::DURATION_RULES)]
    pub rules: Vec<DurationRule>,
    /// The version being replaced (from `If-Match`).
    pub expected_version: i64,
}

/// One code on the company's fault list (故障代码): what visit reports name as the fault
/// and quality warnings count repeats by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FaultCode {
    /// The code, 1–64 of `a-z`, `0-9`, `_`; each once on the list.
    #[schemars(transform = &limits::FAULT)]
    pub code: String,
    /// Its name in Chinese, 1–100 characters.
    #[schemars(transform = &limits::FAULT_LABEL)]
    pub label_zh: String,
    /// Its name in English, 1–100 characters.
    #[schemars(transform = &limits::FAULT_LABEL)]
    pub label_en: String,
    /// Whether a visit report may name it (an inactive code stays on the list for the
    /// reports that named it).
    pub active: bool,
}

/// The company's fault list: the codes a visit report may name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct FaultCodes {
    /// The codes in the order the field app offers them.
    pub codes: Vec<FaultCode>,
    /// Version (0: the built-in list).
    pub version: i64,
}

crate::rpc::setting_history_request!(DispatchSettingHistory, "svc.dispatch.setting.history");

/// Request: the fault list (`svc.dispatch.fault_codes.get`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GetFaultCodes {}

/// Request: replace the fault list (`svc.dispatch.fault_codes.replace`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReplaceFaultCodes {
    /// The codes, up to 200, each once.
    #[schemars(transform = &limits::FAULT_CODES)]
    pub codes: Vec<FaultCode>,
    /// The version being replaced (from `If-Match`).
    pub expected_version: i64,
}

crate::rpc::id_request!(
    /// Request: one technician (`svc.dispatch.technician.get`).
    GetTechnician
);
crate::rpc::id_request!(
    /// Request: one work order by id or number (`svc.dispatch.workorder.get`).
    GetWorkOrder
);
