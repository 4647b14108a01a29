//! Billing's events and requests: receipts (收费).
use chrono::{DateTime, NaiveDate, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::intake::MachineInfo;
use crate::{Event, Money, Service};

/// The limits billing checks on requests, stated in their schemas.
pub mod limits {
    use crate::limits::{Amount, Count, Each, Text, TextMap};

    /// A contract's customer name.
    pub const CUSTOMER_NAME: Text = Text::new(1, 200);
    /// A service district.
    pub const DISTRICT: Text = Text::new(1, 64);
    /// A contract's address.
    pub const ADDRESS: Text = Text::new(0, 500);
    /// Machines a contract covers.
    pub const MACHINES: Count = Count::new(1, 50);
    /// Why a contract ends early, a credit note is issued or a variance approved.
    pub const REASON: Text = Text::new(1, 500);
    /// Who signed an IOU.
    pub const SIGNED_BY: Text = Text::new(1, 100);
    /// A payment's bank or wallet reference.
    pub const REFERENCE: Text = Text::new(0, 100);
    /// A payment or credit note: more than zero.
    pub const POSITIVE: Amount = Amount::at_least(1);
    /// A brand whose claims have requirements, or a field a claim to it needs.
    pub const CLAIM_NAME: Text = Text::new(1, 64);
    /// Fields a brand's claims need.
    pub const CLAIM_FIELDS: Count = Count::new(0, 50);
    /// Each of them.
    pub const CLAIM_FIELD: Each<Text> = Each(CLAIM_NAME);
    /// A claim's filled-in fields: at most 50, each named like a required field, each
    /// value up to 500 characters (an empty value removes the field).
    pub const CLAIM_VALUES: TextMap = TextMap {
        entries: Count::new(0, 50),
        name: CLAIM_NAME,
        value: Text::new(0, 500),
    };
    /// Remarks on a cash count or what a customer said about a renewal.
    pub const NOTE: Text = Text::new(0, 500);
    /// Cash counted: never negative.
    pub const COUNTED: Amount = Amount::at_least(0);
    /// The company's name in Chinese, as its receipts are headed.
    pub const COMPANY_NAME: Text = Text::new(1, 100);
    /// The company's name in English.
    pub const COMPANY_NAME_EN: Text = Text::new(0, 200);
    /// The company's address on its receipts.
    pub const COMPANY_ADDRESS: Text = Text::new(0, 300);
    /// The company's telephone on its receipts.
    pub const COMPANY_PHONE: Text = Text::new(0, 40);
    /// The bank the company is paid into.
    pub const BANK_NAME: Text = Text::new(0, 100);
    /// The company's account number at that bank.
    pub const BANK_ACCOUNT: Text = Text::new(0, 40);
    /// The characters of an account number: digits, spaces and dashes (around them,
    /// white space the validator trims).
    pub const BANK_ACCOUNT_SHAPE: crate::limits::Shape = crate::limits::Shape {
        pattern: r"^\s*[0-9 -]*\s*$",
        matches: |raw| {
            raw.trim()
                .chars()
                .all(|c| c.is_ascii_digit() || c == ' ' || c == '-')
        },
    };
    /// What a receipt says at its foot.
    pub const RECEIPT_FOOTER: Text = Text::new(0, 500);
    /// A taxpayer number (the 18-character unified social credit code, or an older
    /// 15–20 character one): letters and digits, or nothing.
    pub const TAX_NUMBER: crate::limits::Shape = crate::limits::Shape {
        pattern: r"^\s*([0-9A-Za-z]{15,20})?\s*$",
        matches: |raw| {
            let n = raw.trim();
            n.is_empty()
                || ((15..=20).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_alphanumeric()))
        },
    };
}

/// Why a line is or is not charged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Coverage {
    /// The customer pays.
    Chargeable,
    /// In warranty: recorded at cost, charged zero.
    Warranty,
    /// Covered by an annual maintenance contract (年保): recorded at cost, charged zero.
    Contract,
    /// Covered by the brand's own warranty: charged zero to the customer and claimed from
    /// the manufacturer (厂家索赔).
    ManufacturerWarranty,
    /// The machine's first training visit, free (一次免费的培训, offered before a return
    /// for not knowing how to use it): recorded at price, charged zero; later trainings
    /// are charged by the fee schedule.
    FreeTraining,
}

/// What a line charges for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    /// Call-out fee.
    CallOut,
    /// Labour.
    Labour,
    /// A part.
    Part,
}

/// One priced line of a receipt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InvoiceLine {
    /// What it is for.
    pub kind: LineKind,
    /// Printed text.
    pub description: String,
    /// Units: started quarter hours for labour charged by the hour (the minutes on site
    /// rounded up to the next quarter hour, at least one), 1 for a flat labour rate and
    /// the call-out, the number of parts.
    pub quantity: u32,
    /// Price per unit (for labour by the hour: a quarter of the hourly price, rounded half
    /// up to the minor unit).
    pub unit_price: Money,
    /// Value of the line at price (what the work cost).
    pub amount: Money,
    /// What the customer is charged (zero when covered; less the discount otherwise).
    pub charged: Money,
    /// Why it is or is not charged.
    pub coverage: Coverage,
    /// The coverage decision in words, printed on the receipt.
    #[serde(default)]
    pub coverage_note: String,
    /// Key-account discount taken off a chargeable line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount: Option<Money>,
    /// The part, for part lines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sku: Option<String>,
    /// How a labour line was counted (labour lines only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub labour: Option<LabourCount>,
}

/// How the labour of a visit was counted, as the fee schedule rounds it: by the hour in
/// started quarter hours (`quarter_hours` × the line's unit price, a quarter of the hourly
/// price), or at a flat rate for the fault's repair category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LabourCount {
    /// Minutes on site, from the arrival to the end of the work.
    pub minutes_on_site: u32,
    /// Started quarter hours charged (the line's quantity: 62 minutes are 5), when labour
    /// is charged by the hour.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quarter_hours: Option<u32>,
    /// The repair category whose flat rate is charged instead of hourly labour.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flat_rate_category: Option<String>,
}

/// Where a receipt stands in the receipts list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum InvoiceState {
    /// Something is still owed.
    Open,
    /// Nothing is owed: paid, credited or never charged.
    Settled,
}

/// Request: receipts (`svc.billing.invoice.list`), newest number first: those of one work
/// order, or searched by state, customer and day of issue, a page at a time.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListInvoices {
    /// Only the receipts of this work order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_order_id: Option<String>,
    /// Only open (owing) or only settled receipts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<InvoiceState>,
    /// Only this customer's receipts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<Uuid>,
    /// The receipt number or the customer name contains this (case ignored).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub q: Option<String>,
    /// Issued on or after this service-local day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    /// Issued on or before this service-local day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<NaiveDate>,
    /// Page size, 1–500 (default 50).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Cursor of the previous page (the last receipt number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<String>,
}

/// A receipt (票据) as the gateway shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Invoice {
    /// UUIDv7.
    pub id: Uuid,
    /// Gapless per year: `R2026-000981`.
    pub number: String,
    /// The work order billed.
    pub work_order_id: Uuid,
    /// Its ticket.
    pub ticket_id: Uuid,
    /// Customer name.
    pub customer_name: String,
    /// The customer's record, when the ticket was linked to one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<Uuid>,
    /// Lines.
    pub lines: Vec<InvoiceLine>,
    /// Sum of line amounts.
    pub total: Money,
    /// Sum of charged amounts: what the customer owes.
    pub total_charged: Money,
    /// The part of `total_charged` that is value-added tax (prices include tax).
    pub tax_included: Money,
    /// The tax rate applied, in basis points (1300 = 13 %).
    pub tax_rate_bp: u32,
    /// The fee schedule version the receipt was priced by.
    pub fee_schedule_version: u32,
    /// Paid so far.
    pub paid: Money,
    /// Credited by credit notes.
    pub credited: Money,
    /// Still owed: charged less paid and credited.
    pub outstanding: Money,
    /// An IOU (欠条) the customer signed for what is owed, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iou: Option<Iou>,
    /// When issued.
    pub issued_at: DateTime<Utc>,
}

/// What the technician has entered of a visit so far, for the charge its receipt will
/// make (`POST /workorders/{id}/charge-preview`): the same times, fault, parts and outcome
/// the visit report (`completeWorkOrder`) will carry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChargePreviewRequest {
    /// Work order id or number.
    pub work_order_id: String,
    /// When work on site started.
    pub started_at: DateTime<Utc>,
    /// When it finished, or now while the work goes on (not before `started_at`).
    pub finished_at: DateTime<Utc>,
    /// Fault code from the company's fault list, `[a-z0-9_]`, 1–64 characters (a flat
    /// labour rate may apply to it; a misuse fault voids the warranty).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(transform = &crate::dispatch::limits::FAULT)]
    pub fault: Option<String>,
    /// Parts used, up to 100 lines.
    #[serde(default)]
    #[schemars(transform = &crate::dispatch::limits::REPORTED_PARTS)]
    #[schemars(transform = &crate::dispatch::limits::REPORTED_PART)]
    pub parts: Vec<crate::dispatch::PartUsed>,
    /// How the visit ends (default completed): a visit waiting for parts is charged its
    /// call-out and labour, one taken to the workshop or that could not fix nothing.
    #[serde(default)]
    pub outcome: crate::dispatch::VisitOutcome,
}

/// Request: the charge a visit will make, priced as its receipt will be
/// (`svc.billing.invoice.preview`); the gateway adds the work order and the catalogue
/// lines of the parts, as inventory will report their use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PreviewCharge {
    /// What the technician entered; a problem names its field.
    pub report: ChargePreviewRequest,
    /// The work order as dispatch has it.
    pub work_order: crate::dispatch::WorkOrder,
    /// One line per reported part, in order, with its catalogue name, list price and
    /// whether it is a consumable.
    pub parts: Vec<crate::inventory::ConsumedLine>,
    /// The assigned technician's name and team, as dispatch has them, when the gateway
    /// looked them up (a quotation's): a refusal's receipt names the technician as a
    /// visit's receipt does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub technician: Option<(String, String)>,
}

/// The charge a visit will make, computed by the rules its receipt is priced with: each
/// line with why it is covered or charged, the totals and the tax they contain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChargePreview {
    /// The work order.
    pub work_order_id: Uuid,
    /// Whether the visit makes a receipt (a visit taken to the workshop or that could not
    /// fix the machine makes none, and charges nothing).
    pub receipt: bool,
    /// The lines the receipt will hold.
    pub lines: Vec<InvoiceLine>,
    /// Sum of line amounts.
    pub total: Money,
    /// What the customer will be charged.
    pub total_charged: Money,
    /// The part of `total_charged` that is value-added tax.
    pub tax_included: Money,
    /// The tax rate, in basis points.
    pub tax_rate_bp: u32,
    /// The fee schedule version it was priced by.
    pub fee_schedule_version: u32,
}

/// Where a quotation (报价) stands: offered to the customer, then accepted or refused
/// once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuotationState {
    /// Shown to the customer; the chargeable work waits for their answer.
    Offered,
    /// The customer agreed to the price: the work goes ahead.
    Accepted,
    /// The customer declined: the visit ends, charging what `charged_if_refused` says.
    Refused,
}

/// The customer's answer to a quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QuotationDecision {
    /// The work goes ahead at the quoted price.
    Accepted,
    /// The work is not done.
    Refused,
}

/// Request: offer the customer a quotation for chargeable work before it is done
/// (`svc.billing.quotation.offer`): the visit as entered so far, priced by the charge
/// preview's rules (the gateway adds the work order and the parts' catalogue lines).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OfferQuotation {
    /// The work as entered and the work order; priced as a completed visit.
    pub charge: PreviewCharge,
}

/// Request: record the customer's answer to a quotation (`svc.billing.quotation.answer`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerQuotation {
    /// The quotation's id (from the path).
    pub quotation_id: String,
    /// Accepted or refused.
    pub answer: QuotationDecision,
    /// Who answered for the customer, 1–100 characters.
    #[schemars(transform = &limits::SIGNED_BY)]
    pub answered_by: String,
    /// What the customer said, up to 500 characters.
    #[serde(default)]
    #[schemars(transform = &limits::NOTE)]
    pub note: String,
    /// The version read (`If-Match`).
    pub expected_version: i64,
}

/// Request: one quotation (`svc.billing.quotation.get`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GetQuotation {
    /// Quotation id.
    pub id: String,
}

/// Request: the quotations of a work order, newest first (`svc.billing.quotation.list`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListQuotations {
    /// The work order.
    pub work_order_id: Uuid,
}

/// The quotations of a work order, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuotationList {
    /// The quotations.
    pub items: Vec<Quotation>,
}

/// The customer's answer as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QuotationAnswer {
    /// Accepted or refused.
    pub answer: QuotationDecision,
    /// Who answered for the customer.
    pub answered_by: String,
    /// What the customer said.
    pub note: String,
    /// The account that recorded it.
    pub recorded_by: String,
    /// When.
    pub at: DateTime<Utc>,
}

/// A quotation (报价): the price of chargeable work told to the customer before it is
/// done, priced by the receipt's rules (call-out, labour, parts from the price book).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quotation {
    /// UUIDv7.
    pub id: Uuid,
    /// The work order quoted for.
    pub work_order_id: Uuid,
    /// Its ticket.
    pub ticket_id: Uuid,
    /// Offered, accepted or refused.
    pub state: QuotationState,
    /// The lines, as the receipt would hold them.
    pub lines: Vec<InvoiceLine>,
    /// Sum of line amounts.
    pub total: Money,
    /// What the customer is asked to pay.
    pub total_charged: Money,
    /// The part of `total_charged` that is value-added tax.
    pub tax_included: Money,
    /// The tax rate, in basis points.
    pub tax_rate_bp: u32,
    /// The fee schedule version it was priced by.
    pub fee_schedule_version: u32,
    /// What a refusal charges: the call-out when the fee schedule says a refused
    /// quotation charges it (`refused_quote_call_out`), otherwise nothing.
    pub charged_if_refused: Money,
    /// The account that offered it.
    pub offered_by: String,
    /// When.
    pub offered_at: DateTime<Utc>,
    /// The customer's answer, once given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<QuotationAnswer>,
    /// The receipt a refusal issued for the call-out, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receipt_id: Option<Uuid>,
    /// Version (`ETag`); an answer names it in `If-Match`.
    pub version: i64,
}

/// Event `billing.quotation.answered`: the customer accepted or refused a quotation;
/// dispatch keeps the answer, since a chargeable visit's report needs an accepted one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct QuotationAnswered(pub Quotation);

impl Event for QuotationAnswered {
    const TYPE: &'static str = "billing.quotation.answered";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Billing;
    fn subject_id(&self) -> String {
        self.0.work_order_id.to_string()
    }
}

/// Event `billing.invoice.issued`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InvoiceIssued {
    /// Receipt id.
    pub invoice_id: Uuid,
    /// Receipt number.
    pub number: String,
    /// The work order billed.
    pub work_order_id: Uuid,
    /// Its ticket.
    pub ticket_id: Uuid,
    /// Who did the work (the callback rates them).
    pub technician_id: Uuid,
    /// When the visit finished.
    pub completed_at: DateTime<Utc>,
    /// Sum of line amounts.
    pub total: Money,
    /// What the customer owes.
    pub total_charged: Money,
    /// When issued.
    pub issued_at: DateTime<Utc>,
}

impl Event for InvoiceIssued {
    const TYPE: &'static str = "billing.invoice.issued";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Billing;
    fn subject_id(&self) -> String {
        self.invoice_id.to_string()
    }
}

/// What an annual maintenance contract covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContractCoverage {
    /// Call-out fees.
    pub call_out: bool,
    /// Labour.
    pub labour: bool,
    /// Parts (consumables are never covered).
    pub parts: bool,
    /// A maintenance visit every this many months (0: none planned), 0–12.
    pub visit_every_months: u32,
}

/// Request: record a signed contract (`svc.billing.contract.create`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateContract {
    /// The customer's record.
    pub customer_id: Uuid,
    /// Company, 1–200 characters.
    #[schemars(transform = &limits::CUSTOMER_NAME)]
    pub customer_name: String,
    /// District, 1–64 characters (maintenance visits are assigned by it).
    #[schemars(transform = &limits::DISTRICT)]
    pub district: String,
    /// Address, up to 500 characters.
    #[serde(default)]
    #[schemars(transform = &limits::ADDRESS)]
    pub address: String,
    /// The machines covered, 1–50.
    #[schemars(transform = &limits::MACHINES)]
    pub machines: Vec<MachineInfo>,
    /// First day covered.
    pub starts_on: NaiveDate,
    /// Last day covered.
    pub ends_on: NaiveDate,
    /// What it covers.
    pub coverage: ContractCoverage,
    /// The contract's price.
    pub price: Money,
}

/// An annual maintenance contract (年保).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Contract {
    /// UUIDv7.
    pub id: Uuid,
    /// Gapless per year: `K2026-000001`.
    pub number: String,
    /// The customer's record.
    pub customer_id: Uuid,
    /// Company.
    pub customer_name: String,
    /// District.
    pub district: String,
    /// Address.
    pub address: String,
    /// The machines covered.
    pub machines: Vec<MachineInfo>,
    /// First day covered.
    pub starts_on: NaiveDate,
    /// Last day covered.
    pub ends_on: NaiveDate,
    /// What it covers.
    pub coverage: ContractCoverage,
    /// Price.
    pub price: Money,
    /// When recorded.
    pub created_at: DateTime<Utc>,
}

/// Request: a customer's contracts (`svc.billing.contract.list`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListContracts {
    /// Only this customer's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<Uuid>,
}

/// Event `billing.contract.signed`: a contract covers machines for a period; dispatch plans
/// its maintenance visits, intake notes it on the machines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct ContractSigned(pub Contract);

impl Event for ContractSigned {
    const TYPE: &'static str = "billing.contract.signed";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Billing;
    fn subject_id(&self) -> String {
        self.0.id.to_string()
    }
}

/// How a customer paid (recorded, not processed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PaymentMethod {
    /// Cash (on site, to the technician, or at the counter).
    Cash,
    /// Bank transfer.
    BankTransfer,
    /// WeChat Pay.
    WechatPay,
    /// Alipay.
    Alipay,
}

/// Request: record a payment of a receipt (`svc.billing.payment.record`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecordPayment {
    /// Receipt id or number (from the path).
    pub invoice_id: String,
    /// How.
    pub method: PaymentMethod,
    /// How much, in the receipt's currency; more than what is outstanding is refused.
    #[schemars(transform = &limits::POSITIVE)]
    pub amount: Money,
    /// The technician who collected cash on site, for the daily reconciliation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collected_by: Option<Uuid>,
    /// Bank or wallet reference, up to 100 characters.
    #[serde(default)]
    #[schemars(transform = &limits::REFERENCE)]
    pub reference: String,
}

/// A payment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Payment {
    /// UUIDv7.
    pub id: Uuid,
    /// The receipt.
    pub invoice_id: Uuid,
    /// How.
    pub method: PaymentMethod,
    /// How much.
    pub amount: Money,
    /// Technician who collected it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collected_by: Option<Uuid>,
    /// Reference.
    pub reference: String,
    /// Who recorded it.
    pub recorded_by: String,
    /// When.
    pub at: DateTime<Utc>,
}

/// How long a receivable has been open.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum AgeBucket {
    /// 0–30 days.
    Days0To30,
    /// 31–60 days.
    Days31To60,
    /// 61–90 days.
    Days61To90,
    /// More than 90 days.
    Over90,
}

/// Request: receivables ageing as of a day (`svc.billing.report.receivables`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReceivablesRequest {
    /// The day ages are counted to.
    pub as_of: NaiveDate,
}

/// One open receivable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Receivable {
    /// Receipt number.
    pub number: String,
    /// Customer.
    pub customer_name: String,
    /// Issued on.
    pub issued_on: NaiveDate,
    /// Days open on `as_of`.
    pub age_days: i64,
    /// Bucket.
    pub bucket: AgeBucket,
    /// Still owed.
    pub outstanding: Money,
    /// The day an IOU (欠条) promised payment by, if one was signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iou_promised_on: Option<NaiveDate>,
}

/// What is owed in one ageing bucket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct BucketTotal {
    /// Bucket.
    pub bucket: AgeBucket,
    /// Owed, minor units.
    pub owed_minor: i64,
    /// Receipts.
    pub receipts: u32,
}

/// Receivables ageing (应收帐款).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ReceivablesReport {
    /// The day ages are counted to.
    pub as_of: NaiveDate,
    /// Owed per bucket, in bucket order.
    pub totals: Vec<BucketTotal>,
    /// Every open receivable, oldest first.
    pub items: Vec<Receivable>,
}

/// The call-out fee for visits in a district and of a kind; the most specific row applies
/// (district and kind, then district, then kind, then the default row with neither).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CallOutFee {
    /// District, or every district.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    /// Kind of visit, or every kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_type: Option<crate::dispatch::WorkType>,
    /// The fee, minor units.
    pub amount_minor: i64,
}

/// A flat labour price for a repair category: a visit whose fault code is the category,
/// or starts with `category-`, is charged this instead of hourly labour.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FlatLabourRate {
    /// Repair category, 1–64 characters, e.g. `PAPER-FEED`.
    pub category: String,
    /// The flat price, minor units.
    pub amount_minor: i64,
}

/// A brand's own warranty: parts (and, when it says so, labour) replaced on its machines
/// within `months` of purchase are charged zero and claimed from the brand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BrandWarranty {
    /// Brand, e.g. Sharp (compared without case).
    pub brand: String,
    /// Months from purchase, 1–60.
    pub months: u32,
    /// Whether the brand also pays the labour.
    #[serde(default)]
    pub covers_labour: bool,
}

/// The terms of a fee schedule (统一收费标准). Rounding: labour is charged per started
/// quarter hour at a quarter of the hourly price; the discount is taken per line; every
/// fraction of a minor unit is rounded half up. Prices include tax; the receipt shows
/// the tax part of what is charged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FeeTerms {
    /// ISO 4217 currency of every amount.
    pub currency: String,
    /// Call-out fees; exactly one row has neither district nor kind (the default).
    pub call_out: Vec<CallOutFee>,
    /// Labour per hour, minor units.
    pub labour_per_hour_minor: i64,
    /// Flat labour prices by repair category.
    #[serde(default)]
    pub flat_labour: Vec<FlatLabourRate>,
    /// Discount on call-out and labour for key accounts (parts are at list price), in
    /// basis points, 0–5000.
    #[serde(default)]
    pub key_account_discount_bp: u32,
    /// Value-added tax included in the prices, basis points, 0–3000.
    #[serde(default)]
    pub tax_rate_bp: u32,
    /// The dealer's free-service period from purchase ("one year free"), 1–60 months.
    pub warranty_months: u32,
    /// Fault codes that mean misuse or human damage (人为损坏): neither a warranty nor a
    /// contract covers such a visit.
    #[serde(default)]
    pub misuse_faults: Vec<String>,
    /// Brands' own warranties.
    #[serde(default)]
    pub brand_warranties: Vec<BrandWarranty>,
    /// Whether a refused quotation (报价) ends the visit charging its call-out (true, the
    /// default) or nothing (false).
    #[serde(default = "charged")]
    pub refused_quote_call_out: bool,
    /// Whether the return visit of a repair that waited for parts (待修) charges a call-out
    /// of its own (true) or not (false, the default: the first visit's receipt charged it).
    #[serde(default)]
    pub return_visit_call_out: bool,
}

fn charged() -> bool {
    true
}

/// Request: publish a new fee schedule version (`svc.billing.fee_schedule.create`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateFeeSchedule {
    /// The first day (service-local) it prices visits finished on: from today to two
    /// years ahead, and after the latest version's.
    pub effective_from: NaiveDate,
    /// The terms.
    pub terms: FeeTerms,
}

/// A fee schedule version; versions never change, a new one takes over on its day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct FeeSchedule {
    /// 1, 2, …
    pub version: u32,
    /// First day it applies.
    pub effective_from: NaiveDate,
    /// The terms.
    pub terms: FeeTerms,
    /// Who published it.
    pub created_by: String,
    /// When.
    pub created_at: DateTime<Utc>,
}

/// An IOU (欠条): the customer's signed promise to pay what a receipt still owes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Iou {
    /// Who signed it.
    pub signed_by: String,
    /// The day they promised to pay by.
    pub promised_on: NaiveDate,
    /// Who recorded it.
    pub recorded_by: String,
    /// When.
    pub recorded_at: DateTime<Utc>,
}

/// Request: record an IOU for a receipt (`svc.billing.invoice.iou`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecordIou {
    /// Receipt id or number (from the path).
    pub invoice_id: String,
    /// Who signed, 1–100 characters.
    #[schemars(transform = &limits::SIGNED_BY)]
    pub signed_by: String,
    /// Promised payment day, within a year of the receipt.
    pub promised_on: NaiveDate,
}

/// Request: issue a credit note against a receipt (`svc.billing.credit_note.create`).
/// Receipts are never edited; a correction is a credit note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateCreditNote {
    /// Receipt id or number (from the path).
    pub invoice_id: String,
    /// How much is credited; at most what is still owed.
    #[schemars(transform = &limits::POSITIVE)]
    pub amount: Money,
    /// Why, 1–500 characters.
    #[schemars(transform = &limits::REASON)]
    pub reason: String,
}

/// A credit note (红字冲销): reduces what a receipt owes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CreditNote {
    /// UUIDv7.
    pub id: Uuid,
    /// Gapless per year: `CN2026-000001`.
    pub number: String,
    /// The receipt.
    pub invoice_id: Uuid,
    /// Its number.
    pub invoice_number: String,
    /// Amount credited.
    pub amount: Money,
    /// Why.
    pub reason: String,
    /// Who issued it.
    pub issued_by: String,
    /// When.
    pub issued_at: DateTime<Utc>,
}

/// Event `billing.credit_note.issued`: a receipt was corrected by a credit note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct CreditNoteIssued(pub CreditNote);

impl Event for CreditNoteIssued {
    const TYPE: &'static str = "billing.credit_note.issued";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Billing;
    fn subject_id(&self) -> String {
        self.0.id.to_string()
    }
}

/// Cash a technician collected on site at one visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CashCollection {
    /// The work order.
    pub work_order_number: String,
    /// Its receipt, once issued.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receipt_number: Option<String>,
    /// How much.
    pub amount: Money,
    /// When (the visit's end).
    pub at: DateTime<Utc>,
}

/// How a technician's cash day stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReconciliationStatus {
    /// Counted matches expected.
    Balanced,
    /// Counted differs; a manager must approve the variance.
    AwaitingApproval,
    /// A manager approved the variance.
    Approved,
}

/// The count of a technician's cash for a day against what the visits say was collected.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CashReconciliation {
    /// UUIDv7.
    pub id: Uuid,
    /// The technician.
    pub technician_id: Uuid,
    /// The day (service-local).
    pub day: NaiveDate,
    /// What the visits say was collected.
    pub expected: Money,
    /// What was handed in.
    pub counted: Money,
    /// Counted less expected.
    pub variance: Money,
    /// Where it stands.
    pub status: ReconciliationStatus,
    /// Who counted.
    pub counted_by: String,
    /// Remarks, up to 500 characters.
    pub note: String,
    /// The manager who approved the variance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_by: Option<String>,
    /// Their remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval_note: Option<String>,
    /// When counted.
    pub counted_at: DateTime<Utc>,
}

/// A technician's cash day: the collections and, once counted, the reconciliation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CashDay {
    /// The technician.
    pub technician_id: Uuid,
    /// Their name, from the visits.
    pub technician_name: String,
    /// The day.
    pub day: NaiveDate,
    /// Sum of the collections.
    pub expected: Money,
    /// Every collection that day.
    pub collections: Vec<CashCollection>,
    /// The count, once made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reconciliation: Option<CashReconciliation>,
}

/// Request: the cash days of a service-local day (`svc.billing.cash.day`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CashDayRequest {
    /// The day.
    pub day: NaiveDate,
}

/// Request: record the count of a technician's cash (`svc.billing.cash.reconcile`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReconcileCash {
    /// The technician.
    pub technician_id: Uuid,
    /// The day, not in the future.
    pub day: NaiveDate,
    /// What was handed in.
    #[schemars(transform = &limits::COUNTED)]
    pub counted: Money,
    /// Remarks, up to 500 characters.
    #[serde(default)]
    #[schemars(transform = &limits::NOTE)]
    pub note: String,
}

/// Request: a manager approves a variance (`svc.billing.cash.approve`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ApproveVariance {
    /// The reconciliation (from the path).
    pub reconciliation_id: String,
    /// Why it is accepted, 1–500 characters.
    #[schemars(transform = &limits::REASON)]
    pub note: String,
}

/// Event `billing.cash.reconciled`: a technician's cash day is settled (balanced, or its
/// variance approved by a manager).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct CashReconciled(pub CashReconciliation);

impl Event for CashReconciled {
    const TYPE: &'static str = "billing.cash.reconciled";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Billing;
    fn subject_id(&self) -> String {
        self.0.id.to_string()
    }
}

/// How a refund stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RefundStatus {
    /// An approved return is owed its money back.
    Due,
    /// Paid back.
    Paid,
}

/// A refund for an approved return (退货).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Refund {
    /// UUIDv7.
    pub id: Uuid,
    /// The return ticket.
    pub ticket_id: Uuid,
    /// Its number.
    pub ticket_number: String,
    /// The customer's record, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<Uuid>,
    /// The customer.
    pub customer_name: String,
    /// The machine taken back.
    pub machine: MachineInfo,
    /// Why it was returned.
    pub reason: crate::intake::ReturnReason,
    /// Where it stands.
    pub status: RefundStatus,
    /// Paid back, once paid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Money>,
    /// How, once paid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<PaymentMethod>,
    /// Bank or wallet reference.
    #[serde(default)]
    pub reference: String,
    /// Who paid it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paid_by: Option<String>,
    /// When the return was approved.
    pub approved_at: DateTime<Utc>,
    /// When paid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paid_at: Option<DateTime<Utc>>,
    /// Optimistic-concurrency version.
    pub version: i64,
}

/// Request: refunds, due first (`svc.billing.refund.list`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListRefunds {
    /// Only in this state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<RefundStatus>,
}

/// Request: record that a refund was paid (`svc.billing.refund.pay`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PayRefund {
    /// The refund, or its return ticket's id (from the path).
    pub refund_id: String,
    /// How much, more than zero.
    #[schemars(transform = &limits::POSITIVE)]
    pub amount: Money,
    /// How.
    pub method: PaymentMethod,
    /// Bank or wallet reference, up to 100 characters.
    #[serde(default)]
    #[schemars(transform = &limits::REFERENCE)]
    pub reference: String,
    /// The version the clerk saw (`If-Match`).
    pub expected_version: i64,
}

/// Event `billing.refund.paid`: an approved return's money went back to the customer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct RefundPaid(pub Refund);

impl Event for RefundPaid {
    const TYPE: &'static str = "billing.refund.paid";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Billing;
    fn subject_id(&self) -> String {
        self.0.id.to_string()
    }
}

/// Request: revenue over a period (`svc.billing.report.revenue`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RevenueRequest {
    /// First day (service-local), inclusive.
    pub from: NaiveDate,
    /// Last day, inclusive; at most 400 days after `from`.
    pub to: NaiveDate,
    /// How rows are grouped.
    pub group_by: RevenueGrouping,
}

/// How the revenue report groups receipts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RevenueGrouping {
    /// By calendar month of issue (`2026-11`).
    Month,
    /// By kind of visit.
    WorkType,
    /// By district.
    District,
    /// By technician.
    Technician,
}

/// One row of the revenue report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct RevenueRow {
    /// The group's key (month, kind, district or technician name).
    pub key: String,
    /// Receipts.
    pub receipts: u32,
    /// Work at price, minor units.
    pub at_price_minor: i64,
    /// Charged to customers.
    pub charged_minor: i64,
    /// Credited by credit notes issued in the period on these receipts.
    pub credited_minor: i64,
    /// Charged less credited.
    pub net_minor: i64,
    /// Cost of work under the dealer's warranty.
    pub warranty_cost_minor: i64,
    /// Cost of work under maintenance contracts.
    pub contract_cost_minor: i64,
    /// Value claimable from manufacturers.
    pub manufacturer_minor: i64,
    /// Key-account discounts given.
    pub discount_minor: i64,
}

/// Revenue by period, kind, district or technician, with warranty and contract cost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct RevenueReport {
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
    /// Currency of every amount.
    pub currency: String,
    /// Rows, by key.
    pub rows: Vec<RevenueRow>,
    /// All rows together (key `all`).
    pub total: RevenueRow,
}

/// Request: every fee schedule version, newest first (`svc.billing.fee_schedule.list`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListFeeSchedules {}

/// Request: a part's list prices as billing knows them (`svc.billing.part_price.get`), so a
/// clerk can see why a receipt charged what it did for a part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GetPartPrices {
    /// The part (from the path).
    pub sku: String,
}

/// One change of a part's list price, as inventory announced it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartPriceChange {
    /// The price before.
    pub old_price: Money,
    /// The price from `at` on.
    pub list_price: Money,
    /// When it changed.
    pub at: DateTime<Utc>,
}

/// Billing's price book for one part: a part used on a visit is charged the list price in
/// force when the visit finished, whenever inventory's consumption reaches billing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PartPrices {
    /// The part.
    pub sku: String,
    /// Its catalogue name at the latest change.
    pub name: String,
    /// Changes, oldest first.
    pub changes: Vec<PartPriceChange>,
}

/// Where a manufacturer claim (厂家索赔) stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ClaimStatus {
    /// Collecting lines; the brand's required fields are filled in.
    Draft,
    /// Sent to the brand.
    Submitted,
    /// The brand accepted it.
    Approved,
    /// The brand refused it (final).
    Rejected,
    /// The brand paid (final).
    Paid,
}

impl ClaimStatus {
    /// Whether a claim may move from `self` to `to`.
    pub fn can_become(self, to: ClaimStatus) -> bool {
        use ClaimStatus::*;
        matches!(
            (self, to),
            (Draft, Submitted) | (Submitted, Approved) | (Submitted, Rejected) | (Approved, Paid)
        )
    }
}

/// One line of a manufacturer claim: work the brand's warranty covered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ClaimLine {
    /// The receipt the work is on.
    pub receipt_number: String,
    /// The work order.
    pub work_order_id: Uuid,
    /// The machine (model, serial, purchase date).
    pub machine: MachineInfo,
    /// Labour or part.
    pub kind: LineKind,
    /// As printed on the receipt.
    pub description: String,
    /// The part replaced; the removed part (拆机件) of this SKU goes back to the brand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sku: Option<String>,
    /// Units.
    pub quantity: u32,
    /// Value claimed.
    pub amount: Money,
}

/// A removed part the brand expects back with the claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct RemovedPart {
    /// SKU.
    pub sku: String,
    /// Units.
    pub quantity: u32,
}

/// A manufacturer warranty claim (厂家索赔): one open draft per brand gathers the lines
/// receipts charge to that brand until it is submitted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ManufacturerClaim {
    /// UUIDv7.
    pub id: Uuid,
    /// Per year: `MC2026-000001`.
    pub number: String,
    /// The brand claimed from.
    pub brand: String,
    /// Where it stands.
    pub status: ClaimStatus,
    /// What is claimed.
    pub lines: Vec<ClaimLine>,
    /// The removed parts that go back, summed by SKU.
    pub removed_parts: Vec<RemovedPart>,
    /// Sum of the lines.
    pub total: Money,
    /// The brand's own fields (dealer code, claim form number, …).
    pub fields: std::collections::BTreeMap<String, String>,
    /// The brand's decision or remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// What the brand paid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paid: Option<Money>,
    /// When the draft was opened.
    pub created_at: DateTime<Utc>,
    /// When it last changed state.
    pub updated_at: DateTime<Utc>,
    /// Optimistic-concurrency version, also the ETag.
    pub version: i64,
}

/// Request: claims, newest first (`svc.billing.claim.list`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListClaims {
    /// Only in this state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ClaimStatus>,
    /// Only of this brand (case ignored).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brand: Option<String>,
}

/// Request: fill in a draft claim's fields (`svc.billing.claim.fields`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SetClaimFields {
    /// The claim (from the path).
    pub claim_id: String,
    /// Field name (1–64 characters) to value (up to 500); an empty value removes it.
    #[schemars(transform = &limits::CLAIM_VALUES)]
    pub fields: std::collections::BTreeMap<String, String>,
    /// The version the clerk saw (`If-Match`).
    pub expected_version: i64,
}

/// Request: move a claim on (`svc.billing.claim.transition`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TransitionClaim {
    /// The claim (from the path).
    pub claim_id: String,
    /// submitted (from draft, with the brand's required fields), approved or rejected
    /// (from submitted), paid (from approved, with `amount`).
    pub to: ClaimStatus,
    /// The brand's decision or remark, up to 500 characters; required to reject.
    #[serde(default)]
    pub note: String,
    /// What the brand paid; required for paid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<Money>,
    /// The version the clerk saw (`If-Match`).
    pub expected_version: i64,
}

/// What a brand requires on its claims.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClaimRequirements {
    /// Brand (compared without case), 1–64 characters.
    #[schemars(transform = &limits::CLAIM_NAME)]
    pub brand: String,
    /// Fields a claim must have before it is submitted, each 1–64 characters.
    #[schemars(transform = &limits::CLAIM_FIELDS)]
    #[schemars(transform = &limits::CLAIM_FIELD)]
    pub required_fields: Vec<String>,
}

/// Request: every brand's claim requirements (`svc.billing.claim_requirements.list`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListClaimRequirements {}

/// Event `billing.claim.status_changed`: a manufacturer claim was submitted, decided or
/// paid.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct ClaimStatusChanged(pub ManufacturerClaim);

impl Event for ClaimStatusChanged {
    const TYPE: &'static str = "billing.claim.status_changed";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Billing;
    fn subject_id(&self) -> String {
        self.0.id.to_string()
    }
}

/// Claims not yet settled, per brand.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ClaimsOutstanding {
    /// Brand.
    pub brand: String,
    /// Open drafts.
    pub draft: u32,
    /// Their value, minor units.
    pub draft_minor: i64,
    /// Submitted, awaiting the brand.
    pub submitted: u32,
    /// Their value.
    pub submitted_minor: i64,
    /// Approved, awaiting payment.
    pub approved: u32,
    /// Their value.
    pub approved_minor: i64,
    /// When the oldest unsettled claim was opened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oldest: Option<DateTime<Utc>>,
}

/// Request: claims outstanding (`svc.billing.report.claims`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClaimsReportRequest {}

/// What is up for renewal (续保).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RenewalKind {
    /// An annual maintenance contract ends.
    Contract,
    /// A machine's warranty ends; the customer is offered a first contract.
    Warranty,
}

/// Where a renewal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RenewalStatus {
    /// Listed two months ahead; followed up weekly from the 1st of the month before.
    Open,
    /// The customer signed the next contract.
    Renewed,
    /// The customer declined.
    Declined,
    /// It ended without an answer.
    Lapsed,
}

/// A contract or warranty coming to its end, and the follow-up to renew it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Renewal {
    /// UUIDv7.
    pub id: Uuid,
    /// Contract or warranty.
    pub kind: RenewalKind,
    /// The contract number or the warranty card number.
    pub source: String,
    /// The customer's record.
    pub customer_id: Uuid,
    /// Company.
    pub customer_name: String,
    /// District.
    pub district: String,
    /// Address.
    pub address: String,
    /// The machines concerned.
    pub machines: Vec<MachineInfo>,
    /// The last day covered.
    pub ends_on: NaiveDate,
    /// What the ending contract covered (contracts only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coverage: Option<ContractCoverage>,
    /// Its price (contracts only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<Money>,
    /// Where it stands.
    pub status: RenewalStatus,
    /// When it was listed.
    pub listed_on: NaiveDate,
    /// The next weekly follow-up, while open.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_follow_up: Option<NaiveDate>,
    /// Follow-ups so far.
    pub follow_ups: u32,
    /// The agent's note on the outcome.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The contract the renewal created.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renewed_by: Option<String>,
    /// Optimistic-concurrency version, also the ETag.
    pub version: i64,
}

/// Request: renewals, soonest ending first (`svc.billing.renewal.list`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ListRenewals {
    /// Only in this state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<RenewalStatus>,
}

/// The customer's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RenewalOutcome {
    /// Signed: the next contract is created.
    Renewed,
    /// Declined.
    Declined,
}

/// Request: record the outcome of a renewal (`svc.billing.renewal.outcome`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecordRenewalOutcome {
    /// The renewal (from the path).
    pub renewal_id: String,
    /// Renewed or declined.
    pub outcome: RenewalOutcome,
    /// What the customer said, up to 500 characters; required when declined.
    #[serde(default)]
    #[schemars(transform = &limits::NOTE)]
    pub note: String,
    /// Renewed: the new contract's last day (default: a year after it starts, the day
    /// after the old end).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ends_on: Option<NaiveDate>,
    /// Renewed: its price (default: the ending contract's; required for a warranty).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<Money>,
    /// Renewed: what it covers (default: as before; for a warranty, everything with a
    /// visit a month).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coverage: Option<ContractCoverage>,
    /// The version the agent saw (`If-Match`).
    pub expected_version: i64,
}

/// Event `billing.renewal.listed`: a contract or warranty ends within two months.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct RenewalListed(pub Renewal);

impl Event for RenewalListed {
    const TYPE: &'static str = "billing.renewal.listed";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Billing;
    fn subject_id(&self) -> String {
        self.0.id.to_string()
    }
}

/// Event `billing.renewal.follow_up_due`: this week's call to a customer whose contract or
/// warranty ends next month or this month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
pub struct RenewalFollowUpDue(pub Renewal);

impl Event for RenewalFollowUpDue {
    const TYPE: &'static str = "billing.renewal.follow_up_due";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Billing;
    fn subject_id(&self) -> String {
        self.0.id.to_string()
    }
}

/// Request: the contracts signed in a month (`svc.billing.report.contracts_signed`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContractsSignedRequest {
    /// Any day of the month.
    pub month: NaiveDate,
}

/// The contracts signed in a month (年保合同明细), reported on the 2nd of the next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ContractsSignedReport {
    /// First day of the month.
    pub month: NaiveDate,
    /// Contracts recorded that month, oldest first.
    pub contracts: Vec<Contract>,
    /// How many renew an earlier contract or follow a warranty.
    pub renewals: u32,
    /// How many are new.
    pub new: u32,
    /// Sum of their prices, minor units.
    pub total_minor: i64,
    /// The contracts and warranties whose cover ends that month, and how their renewals
    /// stand: won, lost (declined or lapsed) and still open.
    pub ending: RenewalsEnding,
}

/// The renewals of the contracts and warranties whose cover ends in a month (续保), counted
/// by where they stand, so a manager reads renewals won and lost beside the contracts signed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RenewalsEnding {
    /// How many end that month.
    pub ending: u32,
    /// Renewed: won.
    pub renewed: u32,
    /// Declined by the customer: lost.
    pub declined: u32,
    /// Ended without an answer: lost.
    pub lapsed: u32,
    /// Still being followed up.
    pub open: u32,
}

/// Event `billing.receivable.overdue`: a receipt still owes money past 30, 60 or 90 days,
/// or past the day its IOU promised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReceivableOverdue {
    /// The receipt.
    pub invoice_id: Uuid,
    /// Its number.
    pub number: String,
    /// The customer.
    pub customer_name: String,
    /// The customer's record, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<Uuid>,
    /// Still owed.
    pub outstanding: Money,
    /// Days since the receipt was issued.
    pub age_days: i64,
    /// The bucket it reached.
    pub bucket: AgeBucket,
    /// The IOU's promised day, when it is that which passed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iou_promised_on: Option<NaiveDate>,
}

impl Event for ReceivableOverdue {
    const TYPE: &'static str = "billing.receivable.overdue";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Billing;
    fn subject_id(&self) -> String {
        self.invoice_id.to_string()
    }
}

/// Request: end a contract early (`svc.billing.contract.terminate`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TerminateContract {
    /// Contract id or number (from the path).
    pub contract_id: String,
    /// The new last day covered: from the day before it started (never in force) up to
    /// its current last day, and not before yesterday.
    pub ends_on: NaiveDate,
    /// Why, 1–500 characters.
    #[schemars(transform = &limits::REASON)]
    pub reason: String,
}

/// Event `billing.contract.terminated`: a contract ends earlier than signed; dispatch
/// stops planning its visits after the new end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContractTerminated {
    /// The contract as it now stands (its new `ends_on`).
    pub contract: Contract,
    /// The last day it was to cover.
    pub signed_ends_on: NaiveDate,
    /// Why.
    pub reason: String,
    /// Who ended it.
    pub terminated_by: String,
}

impl Event for ContractTerminated {
    const TYPE: &'static str = "billing.contract.terminated";
    const VERSION: u16 = 1;
    const SOURCE: Service = Service::Billing;
    fn subject_id(&self) -> String {
        self.contract.id.to_string()
    }
}

/// The company's particulars (公司抬头), printed at the head and the foot of its receipts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CompanyProfileFields {
    /// The name in Chinese, 1–100 characters: the receipt's heading.
    #[schemars(transform = &limits::COMPANY_NAME)]
    pub name_zh: String,
    /// The name in English, up to 200 characters.
    #[serde(default)]
    #[schemars(transform = &limits::COMPANY_NAME_EN)]
    pub name_en: String,
    /// The address, up to 300 characters.
    #[serde(default)]
    #[schemars(transform = &limits::COMPANY_ADDRESS)]
    pub address: String,
    /// The telephone customers call, up to 40 characters.
    #[serde(default)]
    #[schemars(transform = &limits::COMPANY_PHONE)]
    pub phone: String,
    /// The taxpayer number (纳税人识别号): 15–20 letters and digits, or empty.
    #[serde(default)]
    #[schemars(transform = &limits::TAX_NUMBER)]
    pub tax_number: String,
    /// The bank the company is paid into (开户行), up to 100 characters.
    #[serde(default)]
    #[schemars(transform = &limits::BANK_NAME)]
    pub bank_name: String,
    /// The account number at that bank, up to 40 characters: digits, spaces and dashes.
    #[serde(default)]
    #[schemars(transform = &limits::BANK_ACCOUNT)]
    #[schemars(transform = &limits::BANK_ACCOUNT_SHAPE)]
    pub bank_account: String,
    /// What each receipt says at its foot, up to 500 characters.
    #[serde(default)]
    #[schemars(transform = &limits::RECEIPT_FOOTER)]
    pub receipt_footer: String,
}

/// The company profile in force with its version, who stored it and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CompanyProfile {
    /// The particulars; null until an administrator sets them (receipts are then headed
    /// with the product's name).
    pub profile: Option<CompanyProfileFields>,
    /// Version, also the ETag (0: never set).
    pub version: i64,
    /// When this version was stored; null at version 0.
    pub updated_at: Option<DateTime<Utc>>,
    /// The account that stored it; null at version 0.
    pub updated_by: Option<String>,
}

crate::rpc::setting_history_request!(BillingSettingHistory, "svc.billing.setting.history");

/// Request: the company profile (`svc.billing.company_profile.get`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GetCompanyProfile {}

/// Request: replace the company profile (`svc.billing.company_profile.replace`); receipts
/// printed afterwards carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReplaceCompanyProfile {
    /// The particulars.
    pub profile: CompanyProfileFields,
    /// The version the caller saw; a stale one is refused.
    pub expected_version: i64,
}

crate::rpc::id_request!(
    /// Request: one invoice by id or number (`svc.billing.invoice.get`).
    GetInvoice
);
crate::rpc::id_request!(
    /// Request: one service contract (`svc.billing.contract.get`).
    GetContract
);
crate::rpc::id_request!(
    /// Request: the credit notes of one invoice, `id` being the invoice (`svc.billing.credit_note.list`).
    ListCreditNotes
);
crate::rpc::id_request!(
    /// Request: the payments of one receipt, oldest first, `id` being the receipt
    /// (`svc.billing.payment.list`).
    ListPayments
);
crate::rpc::id_request!(
    /// Request: one refund (`svc.billing.refund.get`).
    GetRefund
);
crate::rpc::id_request!(
    /// Request: one manufacturer claim (`svc.billing.claim.get`).
    GetClaim
);
crate::rpc::id_request!(
    /// Request: one renewal (`svc.billing.renewal.get`).
    GetRenewal
);
