// A receipt to print (`/cashier/print/<number>`), always in Chinese as the customer keeps
// it: the company's header from the company profile (name in Chinese and English, address,
// telephone, taxpayer number; the product's name until an administrator sets it), the customer, each line with why it is covered or charged, the
// totals with the amount in capitals, payments and the IOU. The browser prints the sheet
// alone (the shell is hidden by the print style) on A5 or A4; its foot carries the bank, the
// account and the profile's footer.
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Radio, Space, Spin } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useCompanyProfile, type CompanyProfileFields } from '../lib/companyProfile';
import { formatDate, formatDateTime, formatMoney } from '../lib/format';
import { labourText } from '../lib/labour';
import { useCan } from '../shell/permissions';
import { chineseAmount, localDay, type Invoice, type Payment } from './cashier';
import { useInvoice, usePayments } from './queries';

const PAPER = { A5: { width: '148mm', font: 11 }, A4: { width: '210mm', font: 12 } } as const;
type Paper = keyof typeof PAPER;

function printStyle(paper: Paper): string {
  return `
@page { size: ${paper} portrait; margin: 10mm; }
@media print {
  body * { visibility: hidden !important; }
  .receipt-sheet, .receipt-sheet * { visibility: visible !important; }
  .receipt-sheet { position: absolute; left: 0; top: 0; width: 100% !important; max-width: none !important; box-shadow: none !important; border: 0 !important; margin: 0 !important; }
  .receipt-toolbar { display: none !important; }
}`;
}

export default function PrintReceipt() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id } = useParams();
  const inv = useInvoice(id ?? null);
  const canPayments = useCan('listPayments');
  const payments = usePayments(inv.data?.id, canPayments);
  const company = useCompanyProfile();
  const [paper, setPaper] = useState<Paper>('A5');
  useEffect(() => {
    const style = document.createElement('style');
    style.dataset.receiptPrint = 'true';
    style.textContent = printStyle(paper);
    document.head.appendChild(style);
    return () => style.remove();
  }, [paper]);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" className="receipt-toolbar">
        <Space wrap>
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="print-now" disabled={!inv.data}>
            {t('cashier:print.now')}
          </Button>
          <Radio.Group
            aria-label={t('cashier:print.paper')}
            optionType="button"
            value={paper}
            onChange={(e) => setPaper(e.target.value as Paper)}
            options={(Object.keys(PAPER) as Paper[]).map((p) => ({ value: p, label: p }))}
          />
          <Button onClick={() => navigate(inv.data ? `/cashier?receipt=${encodeURIComponent(inv.data.number)}` : '/cashier')}>{t('cashier:print.back')}</Button>
        </Space>
      </Card>
      {inv.isLoading && <Spin />}
      {inv.isError && <Alert type="error" showIcon message={inv.error.message} />}
      {inv.data && !company.isLoading && <Sheet inv={inv.data} payments={payments.data ?? []} paper={paper} company={company.data?.profile ?? null} />}
    </Space>
  );
}

/** The printed sheet, in Chinese whatever the console's language. */
function Sheet({ inv, payments, paper, company }: { inv: Invoice; payments: Payment[]; paper: Paper; company: CompanyProfileFields | null }) {
  const { i18n } = useTranslation();
  const zh = i18n.getFixedT('zh-CN', 'cashier');
  const zhAll = i18n.getFixedT('zh-CN');
  const appName = i18n.getFixedT('zh-CN', 'common')('appName');
  const m = (x: { amount_minor: number; currency: string }) => formatMoney(x.amount_minor, 'zh-CN', x.currency);
  const cell: React.CSSProperties = { border: '1px solid #000', padding: '3px 6px', textAlign: 'left', verticalAlign: 'top' };
  const num: React.CSSProperties = { ...cell, textAlign: 'right', whiteSpace: 'nowrap' };
  return (
    <article
      className="receipt-sheet"
      lang="zh-CN"
      data-testid="receipt-sheet"
      aria-label={zh('print.sheet', { number: inv.number })}
      style={{ width: PAPER[paper].width, maxWidth: '100%', boxSizing: 'border-box', margin: '0 auto', padding: '8mm', background: '#fff', color: '#000', border: '1px solid #d9d9d9', boxShadow: '0 1px 4px rgba(0,0,0,.15)', fontSize: PAPER[paper].font, overflowX: 'auto' }}
    >
      <header style={{ textAlign: 'center', borderBottom: '2px solid #000', paddingBottom: 6, marginBottom: 8 }}>
        <div style={{ fontSize: '1.6em', fontWeight: 700, letterSpacing: 2 }} data-testid="sheet-company">
          {zh('print.company', { name: company?.name_zh || appName })}
        </div>
        {company?.name_en && (
          <div lang="en" style={{ fontSize: '0.95em' }}>
            {company.name_en}
          </div>
        )}
        {company && (company.address || company.phone || company.tax_number) && (
          <div style={{ fontSize: '0.85em', marginTop: 2 }} data-testid="sheet-particulars">
            {[company.address, company.phone && `${zh('print.phone')}：${company.phone}`, company.tax_number && `${zh('print.taxNumber')}：${company.tax_number}`].filter(Boolean).join('　')}
          </div>
        )}
        <h1 style={{ fontSize: '1.3em', margin: '4px 0 0', letterSpacing: 8 }}>{zh('print.heading')}</h1>
      </header>
      <table style={{ width: '100%', marginBottom: 8, borderCollapse: 'collapse' }}>
        <tbody>
          <tr>
            <td>
              {zh('print.number')}：<strong data-testid="sheet-number">{inv.number}</strong>
            </td>
            <td style={{ textAlign: 'right' }}>
              {zh('print.date')}：{formatDateTime(inv.issued_at, 'zh-CN', 'Asia/Shanghai')}
            </td>
          </tr>
          <tr>
            <td colSpan={2}>
              {zh('print.customer')}：{inv.customer_name}
            </td>
          </tr>
        </tbody>
      </table>
      <table style={{ width: '100%', borderCollapse: 'collapse' }}>
        <thead>
          <tr>
            <th style={cell}>{zh('lines.item')}</th>
            <th style={num}>{zh('lines.quantity')}</th>
            <th style={num}>{zh('lines.unitPrice')}</th>
            <th style={num}>{zh('lines.amount')}</th>
            <th style={num}>{zh('lines.charged')}</th>
          </tr>
        </thead>
        <tbody>
          {inv.lines.map((l, i) => (
            <tr key={i}>
              <td style={cell}>
                {labourText(l, zhAll, 'zh-CN')?.title ?? `${zh(`lines.kinds.${l.kind}`)} · ${l.description}`}
                {labourText(l, zhAll, 'zh-CN') && (
                  <div style={{ fontSize: '0.85em' }} data-testid="print-labour-basis">
                    {labourText(l, zhAll, 'zh-CN')?.basis}
                  </div>
                )}
                <div style={{ fontSize: '0.85em' }}>
                  {zh(`coverage.${l.coverage}`)}
                  {l.coverage_note && l.coverage_note !== l.coverage ? `：${l.coverage_note}` : ''}
                </div>
              </td>
              <td style={num}>{l.quantity}</td>
              <td style={num}>{m(l.unit_price)}</td>
              <td style={num}>{m(l.amount)}</td>
              <td style={num}>{m(l.charged)}</td>
            </tr>
          ))}
          <tr>
            <td style={cell} colSpan={3}>
              {zh('print.total')}
            </td>
            <td style={num}>{m(inv.total)}</td>
            <td style={num}>
              <strong>{m(inv.total_charged)}</strong>
            </td>
          </tr>
        </tbody>
      </table>
      <p style={{ margin: '6px 0' }}>
        {zh('print.capitals')}：<strong data-testid="sheet-capitals">{chineseAmount(inv.total_charged.amount_minor)}</strong>
        {'　'}
        {zh('print.taxIncluded', { amount: m(inv.tax_included), rate: (inv.tax_rate_bp / 100).toFixed(inv.tax_rate_bp % 100 ? 2 : 0) })}
      </p>
      <p style={{ margin: '6px 0' }}>
        {zh('print.settlement', { paid: m(inv.paid), credited: m(inv.credited), outstanding: m(inv.outstanding) })}
      </p>
      {payments.length > 0 && (
        <p style={{ margin: '6px 0' }}>
          {zh('print.payments')}：{payments.map((p) => `${formatDate(localDay(new Date(p.at)), 'zh-CN')} ${zh(`methods.${p.method}`)} ${m(p.amount)}`).join('；')}
        </p>
      )}
      {inv.iou && <p style={{ margin: '6px 0' }}>{zh('print.iou', { signedBy: inv.iou.signed_by, promisedOn: formatDate(inv.iou.promised_on, 'zh-CN') })}</p>}
      <footer style={{ display: 'flex', justifyContent: 'space-between', marginTop: 16, gap: 16 }}>
        <span>{zh('print.signature')}：＿＿＿＿＿＿</span>
        <span>{zh('print.cashier')}：＿＿＿＿＿＿</span>
      </footer>
      <p style={{ fontSize: '0.85em', marginTop: 8 }}>{zh('print.schedule', { version: inv.fee_schedule_version })}</p>
      {company && (company.bank_name || company.bank_account) && (
        <p style={{ fontSize: '0.85em', margin: '4px 0' }} data-testid="sheet-bank">
          {zh('print.bank')}：{company.bank_name}
          {company.bank_account && `　${zh('print.account')}：${company.bank_account}`}
        </p>
      )}
      {company?.receipt_footer && (
        <p style={{ fontSize: '0.85em', margin: '4px 0', whiteSpace: 'pre-line', textAlign: 'center' }} data-testid="sheet-footer">
          {company.receipt_footer}
        </p>
      )}
    </article>
  );
}
