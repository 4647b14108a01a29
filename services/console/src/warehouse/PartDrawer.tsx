// A part's drawer (`?part=<sku>`): its catalogue entry, stock per location and van, its
// reorder rules and its ledger; from here a part is changed, stock received, moved to a van
// or returned, and a rule set.
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Lang } from '../i18n/langs';
import { formatDateTime, formatMoney } from '../lib/format';
import { TONE } from '../lib/colors';
import { ApiProblem } from '../api/problem';
import { useCan } from '../shell/permissions';
import { ScrollRegion } from '../lib/ScrollRegion';
import { MoreButton } from '../lib/ListParts';
import { MovementDialog, PartDialog, ReceiveDialog, RuleDialog } from './PartDialogs';
import { useLocations, useMovements, usePart, useRules } from './queries';
import { MOVEMENT_KINDS, signed, type MovementKind, type Part, type StockMovement, type StockRule } from './warehouse';

export default function PartDrawer() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const sku = params.get('part');
  const part = usePart(sku);
  const close = () => {
    const next = new URLSearchParams(params);
    next.delete('part');
    setParams(next);
  };
  return (
    <Drawer
      open={!!sku}
      onClose={close}
      size="large"
      title={part.data ? `${part.data.sku} · ${part.data.name}` : t('common:loading')}
      data-testid="part-drawer"
      styles={{ wrapper: { maxWidth: '100vw' } }}
      afterOpenChange={(opened) => {
        // The keyboard path goes on from the drawer's first action once it has slid in,
        // unless a dialog opened from it meanwhile has the focus.
        if (opened && !document.activeElement?.closest('.ant-modal')) document.querySelector<HTMLElement>('[data-testid="receive"]')?.focus();
      }}
    >
      {part.isError && (
        <Alert type="error" showIcon message={part.error instanceof ApiProblem && part.error.status === 404 ? t('warehouse:part.notFound', { sku }) : part.error.message} />
      )}
      {part.data && <PartDetail part={part.data} />}
    </Drawer>
  );
}

function PartDetail({ part }: { part: Part }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const canEdit = useCan('updatePart');
  const canReceive = useCan('receiveStock');
  const canMove = useCan('recordMovement');
  const canRule = useCan('saveStockRule');
  const canLedger = useCan('listMovements');
  const canRules = useCan('listStockRules');
  const [editing, setEditing] = useState(false);
  const [receiving, setReceiving] = useState(false);
  const [moving, setMoving] = useState<MovementKind | null>(null);
  const [rule, setRule] = useState<StockRule | 'new' | null>(null);
  // The keyboard path goes on from the drawer's first action once it has slid in.
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const id = setTimeout(() => first.current?.focus(), 350);
    return () => clearTimeout(id);
  }, [part.sku]);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        {canReceive && (
          <Button type="primary" ref={first} onClick={() => setReceiving(true)} data-testid="receive">
            {t('warehouse:receive.open')}
          </Button>
        )}
        {canMove && (
          <>
            <Button onClick={() => setMoving('transfer')} data-testid="transfer">
              {t('warehouse:move.toVan')}
            </Button>
            <Button onClick={() => setMoving('return')} data-testid="return">
              {t('warehouse:move.return')}
            </Button>
            <Button onClick={() => setMoving('adjustment')} data-testid="adjust">
              {t('warehouse:move.adjust')}
            </Button>
          </>
        )}
        {canEdit && (
          <Button onClick={() => setEditing(true)} data-testid="edit-part">
            {t('warehouse:part.edit')}
          </Button>
        )}
      </Space>
      <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }}>
        <Descriptions.Item label={t('warehouse:part.category')}>{t(`warehouse:category.${part.category}`)}</Descriptions.Item>
        <Descriptions.Item label={t('warehouse:part.listPrice')}>{formatMoney(part.list_price.amount_minor, lang, part.list_price.currency)}</Descriptions.Item>
        <Descriptions.Item label={t('warehouse:part.unitCost')}>{part.unit_cost ? formatMoney(part.unit_cost.amount_minor, lang, part.unit_cost.currency) : '—'}</Descriptions.Item>
        <Descriptions.Item label={t('warehouse:part.failureProne')}>{part.failure_prone} / 5</Descriptions.Item>
        <Descriptions.Item label={t('warehouse:part.models')} span={2}>
          {part.compatible_models.length ? part.compatible_models.map((m) => <Tag key={m}>{m}</Tag>) : '—'}
        </Descriptions.Item>
        {part.category === 'consumable' && <Descriptions.Item label={t('warehouse:part.pageYield')}>{part.page_yield ?? '—'}</Descriptions.Item>}
        <Descriptions.Item label={t('warehouse:stock.total')} span={2}>
          <span data-testid="part-totals">
            {t('warehouse:stock.totals', { onHand: part.on_hand, reserved: part.reserved, available: part.available })}
          </span>
        </Descriptions.Item>
      </Descriptions>
      <StockPerLocation part={part} />
      {canRules && <Rules part={part} canSave={canRule} onEdit={(r) => setRule(r)} />}
      {canLedger && <Ledger sku={part.sku} lang={lang} />}
      <PartDialog open={editing} part={part} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
      <ReceiveDialog part={receiving ? part : null} onClose={() => setReceiving(false)} />
      <MovementDialog part={moving ? part : null} kind={moving ?? 'transfer'} onClose={() => setMoving(null)} />
      <RuleDialog part={rule ? part : null} rule={rule === 'new' ? null : rule} onClose={() => setRule(null)} />
    </Space>
  );
}

function StockPerLocation({ part }: { part: Part }) {
  const { t } = useTranslation();
  const locations = useLocations();
  const byCode = new Map((locations.data ?? []).map((l) => [l.code, l]));
  return (
    <section aria-labelledby="stock-title">
      <Typography.Title level={2} style={{ fontSize: 16 }} id="stock-title">
        {t('warehouse:stock.title')}
      </Typography.Title>
      <Table
        size="small"
        rowKey="location"
        data-testid="stock-levels"
        pagination={false}
        dataSource={part.locations}
        locale={{ emptyText: t('warehouse:stock.none') }}
        onRow={(r) => ({ 'data-testid': `level-${r.location}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('warehouse:stock.location'),
            key: 'location',
            render: (_v, r) => {
              const l = byCode.get(r.location);
              return (
                <Space size={4} wrap>
                  <span>{l ? `${l.name} · ${l.code}` : r.location}</span>
                  {l && <Tag color={l.kind === 'van' ? TONE.info : undefined}>{t(`warehouse:locationKind.${l.kind}`)}</Tag>}
                </Space>
              );
            },
          },
          { title: t('warehouse:stock.onHand'), key: 'on_hand', align: 'right', render: (_v, r) => <span data-testid="on-hand">{r.on_hand}</span> },
          { title: t('warehouse:stock.reserved'), key: 'reserved', align: 'right', render: (_v, r) => r.reserved },
          { title: t('warehouse:stock.available'), key: 'available', align: 'right', render: (_v, r) => r.available },
        ]}
      />
    </section>
  );
}

function Rules({ part, canSave, onEdit }: { part: Part; canSave: boolean; onEdit: (r: StockRule | 'new') => void }) {
  const { t } = useTranslation();
  const rules = useRules(part.sku, true);
  return (
    <section aria-labelledby="rules-title">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} align="baseline">
        <Typography.Title level={2} style={{ fontSize: 16 }} id="rules-title">
          {t('warehouse:rule.heading')}
        </Typography.Title>
        {canSave && (
          <Button size="small" onClick={() => onEdit('new')} data-testid="new-rule">
            {t('warehouse:rule.add')}
          </Button>
        )}
      </Space>
      <Table<StockRule>
        size="small"
        rowKey="location"
        data-testid="rules"
        pagination={false}
        loading={rules.isLoading}
        dataSource={rules.data?.items ?? []}
        locale={{ emptyText: t('warehouse:rule.none') }}
        columns={[
          { title: t('warehouse:rule.location'), key: 'location', render: (_v, r) => r.location },
          { title: t('warehouse:rule.reorderPoint'), key: 'rp', align: 'right', render: (_v, r) => r.reorder_point },
          { title: t('warehouse:rule.min'), key: 'min', align: 'right', render: (_v, r) => r.min },
          { title: t('warehouse:rule.max'), key: 'max', align: 'right', render: (_v, r) => r.max },
          ...(canSave
            ? [
                {
                  title: t('warehouse:actions'),
                  key: 'edit',
                  render: (_v: unknown, r: StockRule) => (
                    <Button size="small" onClick={() => onEdit(r)} aria-label={t('warehouse:rule.editFor', { location: r.location })}>
                      {t('warehouse:rule.edit')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
    </section>
  );
}

function Ledger({ sku, lang }: { sku: string; lang: Lang }) {
  const { t } = useTranslation();
  const q = useMovements(sku, true);
  const rows = q.data?.pages.flatMap((p) => p.items) ?? [];
  const kind = (k: string) => ((MOVEMENT_KINDS as readonly string[]).includes(k) ? t(`warehouse:kind.${k}`) : k);
  return (
    <section aria-labelledby="ledger-title">
      <Typography.Title level={2} style={{ fontSize: 16 }} id="ledger-title">
        {t('warehouse:ledger.title')}
      </Typography.Title>
      <ScrollRegion label={t('warehouse:ledger.title')}>
        <Table<StockMovement>
          size="small"
          rowKey="id"
          data-testid="ledger"
          pagination={false}
          loading={q.isLoading}
          dataSource={rows}
          locale={{ emptyText: t('warehouse:ledger.none') }}
          footer={() => <MoreButton query={q} />}
          columns={[
            { title: t('warehouse:ledger.at'), key: 'at', render: (_v, r) => formatDateTime(r.at, lang) },
            { title: t('warehouse:ledger.kind'), key: 'kind', render: (_v, r) => kind(r.kind) },
            { title: t('warehouse:stock.location'), key: 'location', render: (_v, r) => r.location },
            {
              title: t('warehouse:ledger.quantity'),
              key: 'quantity',
              align: 'right',
              render: (_v, r) => <span style={{ color: r.quantity < 0 ? TONE.danger : TONE.success }}>{signed(r.quantity)}</span>,
            },
            { title: t('warehouse:ledger.reason'), key: 'reason', render: (_v, r) => r.reason || '—' },
            { title: t('warehouse:ledger.reference'), key: 'reference', render: (_v, r) => r.reference || '—' },
            { title: t('warehouse:ledger.actor'), key: 'actor', render: (_v, r) => r.actor },
          ]}
        />
      </ScrollRegion>
    </section>
  );
}
