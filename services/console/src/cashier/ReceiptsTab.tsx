// The receipts (票据): searched by number or customer (`/` focuses it; Enter on a single
// match opens it), by state and day of issue, newest first a page at a time; a row opens the
// receipt's drawer (`?receipt=<number>`).
import { useRef, useState } from 'react';
import { Card, DatePicker, Form, Input, Select, Space, Table, Typography, type InputRef } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Lang } from '../i18n/langs';
import { useOpenSingleMatch, useParamSetter, useSearchFocus } from '../lib/listSearch';
import { formatDateTime, formatMoney } from '../lib/format';
import { ScrollRegion } from '../lib/ScrollRegion';
import { MoreButton, OpenLink } from '../lib/ListParts';
import { INVOICE_STATES, receiptStanding, type Invoice, type InvoiceState } from './cashier';
import { StandingTag } from './tags';
import { useInvoices } from './queries';
import ReceiptDrawer from './ReceiptDrawer';

export default function ReceiptsTab() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const state = (params.get('state') as InvoiceState | null) ?? undefined;
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const [text, setText] = useState(q);
  const list = useInvoices({ q, state, from, to });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const search = useRef<InputRef>(null);

  const set = useParamSetter();
  const open = (number: string) => set({ receipt: number });

  useSearchFocus(search);

  // Enter on a search with a single match opens it, once that search's answer is in.
  const setPendingOpen = useOpenSingleMatch(q, list, rows, (r) => open(r.number));

  return (
    <Card size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Form layout="inline" aria-label={t('cashier:receipts.filters')} onFinish={() => undefined} style={{ rowGap: 8 }}>
          <Form.Item label={t('cashier:receipts.search')} htmlFor="receipt-search">
            <Input.Search
              id="receipt-search"
              ref={search}
              allowClear
              value={text}
              placeholder={t('cashier:receipts.searchPlaceholder')}
              style={{ width: 'min(340px, calc(100vw - 130px))' }}
              enterButton={t('common:search')}
              onChange={(e) => setText(e.target.value)}
              onSearch={(v) => {
                set({ q: v.trim() || undefined });
                setPendingOpen(v.trim());
              }}
              data-testid="receipt-search"
            />
          </Form.Item>
          <Form.Item label={t('cashier:receipts.state')}>
            <Select
              aria-label={t('cashier:receipts.state')}
              allowClear
              style={{ width: 130 }}
              placeholder={t('cashier:receipts.allStates')}
              value={state}
              options={INVOICE_STATES.map((s) => ({ value: s, label: t(`cashier:receipts.states.${s}`) }))}
              onChange={(v) => set({ state: v })}
              data-testid="receipt-state"
            />
          </Form.Item>
          <Form.Item label={t('cashier:receipts.issued')}>
            <DatePicker.RangePicker
              aria-label={t('cashier:receipts.issued')}
              allowEmpty={[true, true]}
              value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
              onChange={(v) => set({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
              style={{ width: 'min(300px, calc(100vw - 160px))' }}
            />
          </Form.Item>
        </Form>
        <ScrollRegion label={t('cashier:tab.receipts')}>
          <Table<Invoice>
            size="small"
            rowKey="id"
            data-testid="receipts"
            loading={list.isLoading}
            dataSource={rows}
            pagination={false}
            locale={{ emptyText: q || state || from || to ? t('cashier:receipts.noMatch') : t('cashier:receipts.empty') }}
            onRow={(r) => ({ onClick: () => open(r.number), 'data-testid': `receipt-${r.number}` }) as React.HTMLAttributes<HTMLElement>}
            footer={() => (
              <Space>
                <span>{t('cashier:receipts.total', { count: rows.length })}</span>
                <MoreButton query={list} />
              </Space>
            )}
            columns={[
              { title: t('cashier:receipt.number'), key: 'number', render: (_v, r) => <OpenLink onOpen={() => open(r.number)}>{r.number}</OpenLink> },
              { title: t('cashier:receipt.customer'), key: 'customer', render: (_v, r) => r.customer_name },
              { title: t('cashier:receipt.issuedAt'), key: 'issued', responsive: ['md'], render: (_v, r) => formatDateTime(r.issued_at, lang) },
              { title: t('cashier:receipt.charged'), key: 'charged', align: 'right', render: (_v, r) => formatMoney(r.total_charged.amount_minor, lang, r.total_charged.currency) },
              { title: t('cashier:receipt.paid'), key: 'paid', align: 'right', responsive: ['sm'], render: (_v, r) => formatMoney(r.paid.amount_minor, lang, r.paid.currency) },
              {
                title: t('cashier:receipt.outstanding'),
                key: 'outstanding',
                align: 'right',
                render: (_v, r) => <Typography.Text strong={r.outstanding.amount_minor > 0}>{formatMoney(r.outstanding.amount_minor, lang, r.outstanding.currency)}</Typography.Text>,
              },
              { title: t('cashier:receipt.standing'), key: 'standing', render: (_v, r) => <StandingTag standing={receiptStanding(r)} /> },
            ]}
          />
        </ScrollRegion>
        {list.isError && <Typography.Text type="danger">{t('common:error', { detail: list.error.message })}</Typography.Text>}
      </Space>
      {params.has('receipt') && <ReceiptDrawer />}
    </Card>
  );
}

