// A receipt's drawer (`?receipt=<number>`): its lines and why each is covered or charged,
// the totals, payments, the IOU (欠条) and credit notes; from here a payment, an IOU or a
// credit note is recorded and the receipt printed.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Space, Table, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import type { Lang } from '../i18n/langs';
import { useDisplayNames } from '../lib/displayNames';
import { formatDate, formatDateTime, formatMoney } from '../lib/format';
import { labourText } from '../lib/labour';
import { ApiProblem } from '../api/problem';
import { useCan } from '../shell/permissions';
import { ScrollRegion } from '../lib/ScrollRegion';
import { receiptStanding, type CreditNote, type Invoice, type InvoiceLine, type Payment } from './cashier';
import { CoverageTag, StandingTag } from './tags';
import { CreditNoteDialog, IouDialog, PaymentDialog } from './ReceiptDialogs';
import { useCreditNotes, useInvoice, usePayments } from './queries';

export default function ReceiptDrawer() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const id = params.get('receipt');
  const inv = useInvoice(id);
  const close = () => {
    const next = new URLSearchParams(params);
    next.delete('receipt');
    setParams(next);
  };
  return (
    <Drawer
      open={!!id}
      onClose={close}
      // Wide enough for the lines' six columns, "why charged" included, on a desktop; a
      // phone's screen at most.
      size={960}
      title={inv.data ? `${inv.data.number} · ${inv.data.customer_name}` : t('common:loading')}
      data-testid="receipt-drawer"
      styles={{ wrapper: { maxWidth: '100vw' } }}
    >
      {inv.isError && <Alert type="error" showIcon message={inv.error instanceof ApiProblem && inv.error.status === 404 ? t('cashier:receipt.notFound', { id }) : inv.error.message} />}
      {inv.data && <ReceiptDetail inv={inv.data} />}
    </Drawer>
  );
}

function ReceiptDetail({ inv }: { inv: Invoice }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const navigate = useNavigate();
  const canPay = useCan('recordPayment');
  const canIou = useCan('recordIou');
  const canCredit = useCan('createCreditNote');
  const canPayments = useCan('listPayments');
  const canCredits = useCan('listCreditNotes');
  const [dialog, setDialog] = useState<'payment' | 'iou' | 'credit' | null>(null);
  const owes = inv.outstanding.amount_minor > 0;
  const m = (x: { amount_minor: number; currency: string }) => formatMoney(x.amount_minor, lang, x.currency);
  // The keyboard path goes on from the drawer's first action once it has slid in.
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const id = setTimeout(() => first.current?.focus(), 350);
    return () => clearTimeout(id);
  }, [inv.id]);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        {canPay && owes && (
          <Button type="primary" ref={first} onClick={() => setDialog('payment')} data-testid="record-payment">
            {t('cashier:payment.open')}
          </Button>
        )}
        {canIou && owes && (
          <Button onClick={() => setDialog('iou')} data-testid="record-iou">
            {t('cashier:iou.open')}
          </Button>
        )}
        {canCredit && owes && (
          <Button onClick={() => setDialog('credit')} data-testid="issue-credit">
            {t('cashier:credit.open')}
          </Button>
        )}
        <Button icon={<PrinterOutlined />} ref={owes && canPay ? undefined : first} onClick={() => navigate(`/cashier/print/${encodeURIComponent(inv.number)}`)} data-testid="print-receipt">
          {t('cashier:print.open')}
        </Button>
      </Space>
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }}>
        <Descriptions.Item label={t('cashier:receipt.standing')}>
          <StandingTag standing={receiptStanding(inv)} />
        </Descriptions.Item>
        <Descriptions.Item label={t('cashier:receipt.issuedAt')}>{formatDateTime(inv.issued_at, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('cashier:receipt.total')}>{m(inv.total)}</Descriptions.Item>
        <Descriptions.Item label={t('cashier:receipt.charged')}>{m(inv.total_charged)}</Descriptions.Item>
        <Descriptions.Item label={t('cashier:receipt.paid')}>{m(inv.paid)}</Descriptions.Item>
        <Descriptions.Item label={t('cashier:receipt.credited')}>{m(inv.credited)}</Descriptions.Item>
        <Descriptions.Item label={t('cashier:receipt.outstanding')}>
          <Typography.Text strong data-testid="receipt-outstanding">
            {m(inv.outstanding)}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('cashier:receipt.tax')}>
          {t('cashier:receipt.taxText', { amount: m(inv.tax_included), rate: (inv.tax_rate_bp / 100).toFixed(inv.tax_rate_bp % 100 ? 2 : 0) })}
        </Descriptions.Item>
        <Descriptions.Item label={t('cashier:receipt.schedule')}>{t('cashier:receipt.scheduleVersion', { version: inv.fee_schedule_version })}</Descriptions.Item>
      </Descriptions>
      <section aria-labelledby="lines-title">
        <Typography.Title level={2} style={{ fontSize: 16 }} id="lines-title">
          {t('cashier:lines.title')}
        </Typography.Title>
        <ScrollRegion label={t('cashier:lines.title')}>
          <Table<InvoiceLine>
            size="small"
            rowKey={(_r, i) => String(i)}
            data-testid="receipt-lines"
            pagination={false}
            dataSource={inv.lines}
            columns={[
              {
                title: t('cashier:lines.item'),
                key: 'desc',
                render: (_v, r) => {
                  const labour = labourText(r, t, lang);
                  return labour ? (
                    <span data-testid="receipt-labour">
                      {labour.title}
                      <Typography.Text type="secondary" style={{ display: 'block' }}>
                        {labour.basis}
                      </Typography.Text>
                    </span>
                  ) : (
                    `${t(`cashier:lines.kinds.${r.kind}`)} · ${r.description}`
                  );
                },
              },
              { title: t('cashier:lines.quantity'), key: 'qty', align: 'right', render: (_v, r) => r.quantity },
              { title: t('cashier:lines.unitPrice'), key: 'unit', align: 'right', render: (_v, r) => m(r.unit_price) },
              { title: t('cashier:lines.amount'), key: 'amount', align: 'right', render: (_v, r) => m(r.amount) },
              { title: t('cashier:lines.charged'), key: 'charged', align: 'right', render: (_v, r) => m(r.charged) },
              {
                title: t('cashier:lines.why'),
                key: 'why',
                render: (_v, r) => (
                  <Space size={4} wrap style={{ maxWidth: 320 }}>
                    <CoverageTag coverage={r.coverage} />
                    {r.discount && <span>{t('cashier:lines.discount', { amount: m(r.discount) })}</span>}
                    {r.coverage_note && r.coverage_note !== r.coverage && <span style={{ whiteSpace: 'normal' }}>{r.coverage_note}</span>}
                  </Space>
                ),
              },
            ]}
          />
        </ScrollRegion>
      </section>
      {canPayments && <Payments inv={inv} lang={lang} />}
      {inv.iou && (
        <Alert
          type="warning"
          showIcon
          data-testid="receipt-iou"
          message={t('cashier:iou.title')}
          description={t('cashier:iou.text', { signedBy: inv.iou.signed_by, promisedOn: formatDate(inv.iou.promised_on, lang), at: formatDateTime(inv.iou.recorded_at, lang) })}
        />
      )}
      {canCredits && <CreditNotes inv={inv} lang={lang} />}
      <PaymentDialog invoice={dialog === 'payment' ? inv : null} onClose={() => setDialog(null)} />
      <IouDialog invoice={dialog === 'iou' ? inv : null} onClose={() => setDialog(null)} />
      <CreditNoteDialog invoice={dialog === 'credit' ? inv : null} onClose={() => setDialog(null)} />
    </Space>
  );
}

function Payments({ inv, lang }: { inv: Invoice; lang: Lang }) {
  const { t } = useTranslation();
  const q = usePayments(inv.id);
  const name = useDisplayNames((q.data ?? []).map((p) => p.recorded_by));
  return (
    <section aria-labelledby="payments-title">
      <Typography.Title level={2} style={{ fontSize: 16 }} id="payments-title">
        {t('cashier:payment.list')}
      </Typography.Title>
      <ScrollRegion label={t('cashier:payment.list')}>
        <Table<Payment>
          size="small"
          rowKey="id"
          data-testid="payments"
          pagination={false}
          loading={q.isLoading}
          dataSource={q.data ?? []}
          locale={{ emptyText: t('cashier:payment.none') }}
          columns={[
            { title: t('cashier:payment.at'), key: 'at', render: (_v, r) => formatDateTime(r.at, lang) },
            { title: t('cashier:payment.method'), key: 'method', render: (_v, r) => t(`cashier:methods.${r.method}`) },
            { title: t('cashier:payment.amount'), key: 'amount', align: 'right', render: (_v, r) => formatMoney(r.amount.amount_minor, lang, r.amount.currency) },
            { title: t('cashier:payment.reference'), key: 'reference', render: (_v, r) => r.reference || '—' },
            { title: t('cashier:payment.collected'), key: 'collected', render: (_v, r) => (r.collected_by ? t('cashier:payment.onSite') : '—') },
            { title: t('cashier:payment.recordedBy'), key: 'by', render: (_v, r) => name(r.recorded_by) },
          ]}
        />
      </ScrollRegion>
    </section>
  );
}

function CreditNotes({ inv, lang }: { inv: Invoice; lang: Lang }) {
  const { t } = useTranslation();
  const q = useCreditNotes(inv.id);
  const name = useDisplayNames((q.data ?? []).map((c) => c.issued_by));
  return (
    <section aria-labelledby="credits-title">
      <Typography.Title level={2} style={{ fontSize: 16 }} id="credits-title">
        {t('cashier:credit.list')}
      </Typography.Title>
      <ScrollRegion label={t('cashier:credit.list')}>
        <Table<CreditNote>
          size="small"
          rowKey="id"
          data-testid="credit-notes"
          pagination={false}
          loading={q.isLoading}
          dataSource={q.data ?? []}
          locale={{ emptyText: t('cashier:credit.none') }}
          columns={[
            { title: t('cashier:credit.number'), key: 'number', render: (_v, r) => r.number },
            { title: t('cashier:payment.at'), key: 'at', render: (_v, r) => formatDateTime(r.issued_at, lang) },
            { title: t('cashier:payment.amount'), key: 'amount', align: 'right', render: (_v, r) => formatMoney(r.amount.amount_minor, lang, r.amount.currency) },
            { title: t('cashier:credit.reason'), key: 'reason', render: (_v, r) => r.reason },
            { title: t('cashier:payment.recordedBy'), key: 'by', render: (_v, r) => name(r.issued_by) },
          ]}
        />
      </ScrollRegion>
    </section>
  );
}
