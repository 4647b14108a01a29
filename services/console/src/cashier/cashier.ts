// The cashier's rules that are not the server's: amounts typed in yuan and sent in fen,
// a cash day's variance and standing, the receivables' weekly chase list, and which of a
// claim's next states a role is offered.
import type { components } from '../api/schema';

type S = components['schemas'];
export type Invoice = S['Invoice'];
export type InvoiceLine = S['InvoiceLine'];
export type Payment = S['Payment'];
export type CreditNote = S['CreditNote'];
export type PaymentMethod = S['PaymentMethod'];
export type CashDay = S['CashDay'];
export type Receivable = S['Receivable'];
export type ReceivablesReport = S['ReceivablesReport'];
export type AgeBucket = S['AgeBucket'];
export type Claim = S['ManufacturerClaim'];
export type ClaimStatus = S['ClaimStatus'];
export type Money = S['Money'];
export type Refund = S['Refund'];
export type RefundStatus = S['RefundStatus'];
export type Renewal = S['Renewal'];
export type RenewalStatus = S['RenewalStatus'];

export const PAYMENT_METHODS: readonly PaymentMethod[] = ['cash', 'bank_transfer', 'wechat_pay', 'alipay'];
export const BUCKETS: readonly AgeBucket[] = ['days0_to30', 'days31_to60', 'days61_to90', 'over90'];
export const CLAIM_STATES: readonly ClaimStatus[] = ['draft', 'submitted', 'approved', 'rejected', 'paid'];
export const INVOICE_STATES = ['open', 'settled'] as const;
export type InvoiceState = (typeof INVOICE_STATES)[number];

/** Fen from a yuan amount as typed (two decimals at most), e.g. 128.5 -> 12850. */
export function toFen(yuan: number): number {
  return Math.round(yuan * 100);
}

/** Yuan for an input from fen, e.g. 12850 -> 128.5. */
export function toYuan(fen: number): number {
  return fen / 100;
}

/** Why an amount typed in yuan cannot be sent, or null: missing, not more than zero, or more than two decimals. */
export function amountProblem(yuan: number | null | undefined): 'required' | 'positive' | 'decimals' | null {
  if (yuan === null || yuan === undefined || Number.isNaN(yuan)) return 'required';
  if (yuan <= 0) return 'positive';
  if (Math.abs(toFen(yuan) - yuan * 100) > 1e-6) return 'decimals';
  return null;
}

/** Where a receipt stands for the list: settled, partly paid, open (nothing paid), or owed under an IOU. */
export function receiptStanding(i: Pick<Invoice, 'outstanding' | 'paid' | 'credited' | 'iou'>): 'settled' | 'iou' | 'partial' | 'open' {
  if (i.outstanding.amount_minor <= 0) return 'settled';
  if (i.iou) return 'iou';
  if (i.paid.amount_minor > 0 || i.credited.amount_minor > 0) return 'partial';
  return 'open';
}

/** The standing of a technician's cash day: not yet counted, or the reconciliation's state. */
export function cashStanding(d: CashDay): 'uncounted' | 'balanced' | 'awaiting_approval' | 'approved' {
  return d.reconciliation ? d.reconciliation.status : 'uncounted';
}

/** Counted less expected, in fen, for a count typed in yuan (null while nothing is typed). */
export function variance(expectedFen: number, countedYuan: number | null | undefined): number | null {
  if (countedYuan === null || countedYuan === undefined || Number.isNaN(countedYuan)) return null;
  return toFen(countedYuan) - expectedFen;
}

/** Owed per bucket, every bucket present (zero when the report has none in it). */
export function bucketTotals(report: Pick<ReceivablesReport, 'totals'>): { bucket: AgeBucket; owed_minor: number; receipts: number }[] {
  return BUCKETS.map((b) => report.totals.find((t) => t.bucket === b) ?? { bucket: b, owed_minor: 0, receipts: 0 });
}

/** The states a claim may move to next (the server checks the rest: required fields, amount). */
export function nextClaimStates(s: ClaimStatus): ClaimStatus[] {
  switch (s) {
    case 'draft':
      return ['submitted'];
    case 'submitted':
      return ['approved', 'rejected'];
    case 'approved':
      return ['paid'];
    default:
      return [];
  }
}

/** The company's local day (Asia/Shanghai) of an instant, `YYYY-MM-DD`. */
export function localDay(at: Date = new Date(), timeZone = 'Asia/Shanghai'): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Chinese capital numerals (大写金额) of an amount in fen, as printed on a receipt: 12850 -> 壹佰贰拾捌元伍角整. */
export function chineseAmount(fen: number): string {
  const digits = '零壹贰叁肆伍陆柒捌玖';
  const units = ['', '拾', '佰', '仟'];
  const groups = ['', '万', '亿'];
  const negative = fen < 0;
  const abs = Math.abs(Math.round(fen));
  const yuan = Math.floor(abs / 100);
  const jiao = Math.floor(abs / 10) % 10;
  const fenDigit = abs % 10;
  let out = '';
  if (yuan === 0) {
    out = '';
  } else {
    const text = String(yuan);
    let zero = false;
    for (let i = 0; i < text.length; i++) {
      const d = Number(text[i]);
      const pos = text.length - 1 - i;
      const unit = units[pos % 4] ?? '';
      if (d === 0) {
        zero = true;
      } else {
        if (zero) out += '零';
        zero = false;
        out += digits.charAt(d) + unit;
      }
      if (pos % 4 === 0 && pos > 0) {
        const group = text.slice(Math.max(0, i - 3), i + 1);
        if (Number(group) > 0) out += groups[pos / 4] ?? '';
      }
    }
    out += '元';
  }
  if (jiao === 0 && fenDigit === 0) return (negative ? '负' : '') + (out || '零元') + '整';
  if (jiao > 0) out += digits.charAt(jiao) + '角';
  else if (yuan > 0) out += '零';
  if (fenDigit > 0) out += digits.charAt(fenDigit) + '分';
  else out += '整';
  return (negative ? '负' : '') + out;
}

export type Contract = S['Contract'];
export type ContractCoverage = S['ContractCoverage'];
export type CreateContract = S['CreateContract'];
export type Customer = S['Customer'];
export type Machine = S['Machine'];
export type ClaimRequirements = S['ClaimRequirements'];

/** What a contract covers when nothing else is said: everything, with a visit a month (as billing signs a warranty's first contract). */
export const FULL_COVERAGE: ContractCoverage = { call_out: true, labour: true, parts: true, visit_every_months: 1 };

/** The last day of a term of `months` from `start` (`YYYY-MM-DD`): the day before the same day `months` on, as billing counts a contract's year. */
export function termEnd(start: string, months = 12): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const total = m - 1 + months;
  const year = y + Math.floor(total / 12);
  const month = total % 12;
  // The same day `months` on, or the month's last day when it has no such day (31 Jan → 28 Feb).
  const lastOfMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const same = new Date(Date.UTC(year, month, Math.min(d, lastOfMonth)));
  if (d > lastOfMonth) return same.toISOString().slice(0, 10);
  same.setUTCDate(same.getUTCDate() - 1);
  return same.toISOString().slice(0, 10);
}

/** The day after `day` (`YYYY-MM-DD`). */
export function dayAfter(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The terms a renewal is offered on, as billing signs them: from the day after the old end
 * (today when that has passed) for a year, at the ending contract's price (a warranty's first
 * contract has none: the cashier gives one), covering what it covered (a warranty:
 * everything with a visit a month).
 */
export function renewalTerms(r: Pick<Renewal, 'ends_on' | 'price' | 'coverage'>, today: string): { starts_on: string; ends_on: string; price: Money | null; coverage: ContractCoverage } {
  const next = dayAfter(r.ends_on);
  const starts_on = next < today ? today : next;
  return { starts_on, ends_on: termEnd(dayAfter(r.ends_on)), price: r.price ?? null, coverage: r.coverage ?? FULL_COVERAGE };
}

/** A machine as a contract lists it. */
export function machineInfo(m: Pick<Machine, 'product_line' | 'brand' | 'model' | 'serial' | 'purchase_date'>): CreateContract['machines'][number] {
  return { product_line: m.product_line, brand: m.brand, model: m.model, serial: m.serial, ...(m.purchase_date ? { purchase_date: m.purchase_date } : {}) };
}

/** What the contract form holds (the price in yuan as typed). */
export interface ContractValues {
  customer_id: string;
  district: string;
  address?: string;
  machines: string[];
  starts_on: string;
  ends_on: string;
  coverage: ContractCoverage;
  price: { amount_minor: number };
}

/** The request signing a contract: the customer's name from their record, the machines chosen from theirs, the price in fen. */
export function contractBody(v: ContractValues, customer: Pick<Customer, 'id' | 'company'>, machines: Machine[], currency = 'CNY'): CreateContract {
  return {
    customer_id: customer.id,
    customer_name: customer.company,
    district: v.district.trim(),
    address: (v.address ?? '').trim(),
    machines: v.machines.map((id) => machines.find((m) => m.id === id)).filter((m): m is Machine => !!m).map(machineInfo),
    starts_on: v.starts_on,
    ends_on: v.ends_on,
    coverage: { call_out: !!v.coverage.call_out, labour: !!v.coverage.labour, parts: !!v.coverage.parts, visit_every_months: v.coverage.visit_every_months },
    price: { amount_minor: toFen(v.price.amount_minor), currency },
  };
}

/** Why a price typed in yuan cannot be sent, or null: missing, negative, or more than two decimals (zero is a free contract). */
export function priceProblem(yuan: number | null | undefined): 'required' | 'negative' | 'decimals' | null {
  if (yuan === null || yuan === undefined || Number.isNaN(yuan)) return 'required';
  if (yuan < 0) return 'negative';
  if (Math.abs(toFen(yuan) - yuan * 100) > 1e-6) return 'decimals';
  return null;
}

/** One of a claim's fields on its form: the brand requires it, or the claim has it already. */
export interface ClaimFieldRow {
  name: string;
  required: boolean;
  value: string;
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The fields a claim's form shows: those its brand requires (the claim requirements setting,
 * brands compared without case), in the brand's order with the value the claim has under any
 * case of the name, then the other fields the claim already has.
 */
export function claimFieldRows(claim: Pick<Claim, 'brand' | 'fields'>, requirements: ClaimRequirements[]): ClaimFieldRow[] {
  const required = requirements.find((r) => sameName(r.brand, claim.brand))?.required_fields ?? [];
  const have = Object.entries(claim.fields ?? {});
  const rows: ClaimFieldRow[] = [];
  for (const name of required) {
    if (rows.some((r) => sameName(r.name, name))) continue;
    rows.push({ name: name.trim(), required: true, value: have.find(([k]) => sameName(k, name))?.[1] ?? '' });
  }
  for (const [k, v] of have) {
    if (!rows.some((r) => sameName(r.name, k))) rows.push({ name: k, required: false, value: v });
  }
  return rows;
}

/** The form's field a refusal names (`fields.<name>`, any case), or null for one it does not have. */
export function claimFieldOf(field: string, rows: Pick<ClaimFieldRow, 'name'>[]): string | null {
  if (!field.startsWith('fields.')) return null;
  const name = field.slice('fields.'.length);
  return rows.find((r) => sameName(r.name, name))?.name ?? null;
}

/** The request's fields from the form's rows and what was typed: values trimmed, an emptied one sent empty (which removes it). */
export function claimFieldsBody(rows: Pick<ClaimFieldRow, 'name'>[], values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(rows.map((r) => [r.name, (values[r.name] ?? '').trim()]));
}
