//! Billing's events and requests: receipts (收费).
use chrono::{DateTime, NaiveDate, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::intake::MachineInfo;
use crate::{Event, Money, Service};

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
    /// Units (minutes for labour are rounded up to started quarter hours).
    pub quantity: u32,
    /// Price per unit.
    pub unit_price: Money,
    /// Value of the line at price (what the work cost).
    pub amount: Money,
    /// What the customer is charged (zero when covered).
    pub charged: Money,
    /// Why it is or is not charged.
    pub coverage: Coverage,
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
    /// Lines.
    pub lines: Vec<InvoiceLine>,
    /// Sum of line amounts.
    pub total: Money,
    /// Sum of charged amounts: what the customer owes.
    pub total_charged: Money,
    /// When issued.
    pub issued_at: DateTime<Utc>,
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
    pub customer_name: String,
    /// District, 1–64 characters (maintenance visits are assigned by it).
    pub district: String,
    /// Address, up to 500 characters.
    #[serde(default)]
    pub address: String,
    /// The machines covered, 1–50.
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
    pub amount: Money,
    /// The technician who collected cash on site, for the daily reconciliation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collected_by: Option<Uuid>,
    /// Bank or wallet reference, up to 100 characters.
    #[serde(default)]
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
