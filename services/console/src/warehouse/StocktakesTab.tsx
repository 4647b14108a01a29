// Stocktake sheets (盘点): a location's parts counted on screen (or a tablet; Enter goes to
// the next line), sent as one stocktake that waits for a manager; the list by state, and a
// sheet's drawer with each line's variance where a manager approves (the variances are
// booked) or rejects it, with If-Match.
import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Drawer, Form, Input, InputNumber, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, must } from '../api/client';
import type { Lang } from '../i18n/langs';
import { formatDateTime } from '../lib/format';
import { useDisplayNames } from '../lib/displayNames';
import { TONE } from '../lib/colors';
import { useCan } from '../shell/permissions';
import { showProblem } from './forms';
import { ScrollRegion } from '../lib/ScrollRegion';
import { MoreButton, OpenLink } from '../lib/ListParts';
import { useLocationOptions } from './PartDialogs';
import { useAllParts, useRefresh, useStocktake, useStocktakes } from './queries';
import { SKU_PATTERN, countLines, sheetFor, signed, type SheetRow, type Stocktake, type StocktakeStatus } from './warehouse';

const VIEWS: (StocktakeStatus | 'all')[] = ['pending_approval', 'approved', 'rejected', 'all'];

const STATUS_TONE: Record<StocktakeStatus, string | undefined> = {
  pending_approval: TONE.warning,
  approved: TONE.success,
  rejected: undefined,
};

export default function StocktakesTab() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const canStart = useCan('startStocktake');
  const [view, setView] = useState<StocktakeStatus | 'all'>('pending_approval');
  const q = useStocktakes(view === 'all' ? undefined : view);
  const rows = q.data?.pages.flatMap((p) => p.items) ?? [];
  const name = useDisplayNames(rows.map((r) => r.counted_by));
  const [params, setParams] = useSearchParams();
  const open = (id: string) => {
    const p = new URLSearchParams(params);
    p.set('stocktake', id);
    setParams(p);
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {canStart && <CountSheet onStarted={open} />}
      <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('warehouse:stocktake.listTitle')}</Typography.Title>}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Segmented
            aria-label={t('warehouse:stocktake.views')}
            data-testid="stocktake-views"
            style={{ maxWidth: '100%', overflowX: 'auto' }}
            value={view}
            options={VIEWS.map((v) => ({ value: v, label: t(`warehouse:stocktake.view.${v}`) }))}
            onChange={(v) => setView(v as StocktakeStatus | 'all')}
          />
          <ScrollRegion label={t('warehouse:stocktake.listTitle')}>
            <Table<Stocktake>
              size="small"
              rowKey="id"
              data-testid="stocktakes"
              loading={q.isLoading}
              dataSource={rows}
              pagination={false}
              locale={{ emptyText: t('warehouse:stocktake.none') }}
              onRow={(r) => ({ onClick: () => open(r.id), 'data-testid': `stocktake-${r.location}` }) as React.HTMLAttributes<HTMLElement>}
              footer={() => <MoreButton query={q} />}
              columns={[
                {
                  title: t('warehouse:stocktake.counted'),
                  key: 'at',
                  render: (_v, r) => <OpenLink onOpen={() => open(r.id)}>{formatDateTime(r.created_at, lang)}</OpenLink>,
                },
                { title: t('warehouse:stock.location'), key: 'location', render: (_v, r) => r.location },
                { title: t('warehouse:stocktake.lines'), key: 'lines', align: 'right', render: (_v, r) => r.lines.length },
                { title: t('warehouse:stocktake.withVariance'), key: 'variance', align: 'right', render: (_v, r) => r.lines.filter((l) => l.variance !== 0).length },
                { title: t('warehouse:stocktake.countedBy'), key: 'by', render: (_v, r) => name(r.counted_by) },
                { title: t('warehouse:stocktake.status'), key: 'status', render: (_v, r) => <Tag color={STATUS_TONE[r.status]}>{t(`warehouse:stocktake.states.${r.status}`)}</Tag> },
              ]}
            />
          </ScrollRegion>
        </Space>
      </Card>
      {params.has('stocktake') && <StocktakeDrawer />}
    </Space>
  );
}

/** A location's count sheet: its parts, a count each, parts found that the books do not have. */
function CountSheet({ onStarted }: { onStarted: (id: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const options = useLocationOptions();
  const [location, setLocation] = useState<string | undefined>();
  const parts = useAllParts(!!location);
  const [rows, setRows] = useState<SheetRow[]>([]);
  const [note, setNote] = useState('');
  const [extra, setExtra] = useState('');
  const [extraError, setExtraError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputs = useRef<(HTMLInputElement | null)[]>([]);

  // A new location starts a new sheet; the parts' arrival fills it once.
  useEffect(() => {
    if (location && parts.data) setRows(sheetFor(parts.data.items, location));
  }, [location, parts.data === undefined]);

  const counted = countLines(rows);
  const left = rows.filter((r) => r.counted === null).length;
  const submit = async () => {
    if (!location) return;
    setBusy(true);
    setError(null);
    try {
      const st = await must(api.POST('/api/v1/stocktakes', { body: { location, lines: counted, note: note.trim() } }));
      void message.success(t('warehouse:stocktake.started', { location }));
      refresh('stocktakes');
      setRows([]);
      setNote('');
      setLocation(undefined);
      onStarted(st.id);
    } catch (e) {
      setError(showProblem(e, null, [], t));
    } finally {
      setBusy(false);
    }
  };
  const addPart = () => {
    const sku = extra.trim();
    if (!SKU_PATTERN.test(sku)) {
      setExtraError(t('warehouse:part.skuPattern'));
      return;
    }
    if (rows.some((r) => r.sku === sku)) {
      setExtraError(t('warehouse:stocktake.alreadyOnSheet', { sku }));
      return;
    }
    const name = parts.data?.items.find((p) => p.sku === sku)?.name ?? '';
    setRows([...rows, { sku, name, expected: 0, counted: null }]);
    setExtra('');
    setExtraError(null);
  };

  return (
    <Card size="small" title={<Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>{t('warehouse:stocktake.sheetTitle')}</Typography.Title>} data-testid="count-sheet">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('warehouse:stocktake.sheetHelp')}</Typography.Text>
        <Form layout="inline" style={{ rowGap: 8 }}>
          <Form.Item label={t('warehouse:stock.location')} htmlFor="sheet-location">
            <Select
              id="sheet-location"
              showSearch
              style={{ width: 260 }}
              placeholder={t('warehouse:stocktake.pickLocation')}
              options={options}
              value={location}
              onChange={(v) => {
                setLocation(v);
                setRows([]);
                setError(null);
              }}
              data-testid="sheet-location"
            />
          </Form.Item>
        </Form>
        {error && <Alert type="warning" showIcon message={error} role="alert" data-testid="sheet-error" />}
        {location && (
          <>
            <Table<SheetRow>
              size="small"
              rowKey="sku"
              data-testid="sheet"
              loading={parts.isLoading}
              dataSource={rows}
              pagination={false}
              locale={{ emptyText: t('warehouse:stocktake.emptySheet') }}
              onRow={(r) => ({ 'data-testid': `count-row-${r.sku}` }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { title: t('warehouse:part.sku'), key: 'sku', render: (_v, r) => r.sku },
                { title: t('warehouse:part.name'), key: 'name', render: (_v, r) => r.name || '—' },
                {
                  title: t('warehouse:stocktake.count'),
                  key: 'count',
                  render: (_v, r, i) => (
                    <InputNumber
                      ref={(el) => {
                        inputs.current[i] = el as unknown as HTMLInputElement | null;
                      }}
                      min={0}
                      max={1_000_000}
                      precision={0}
                      inputMode="numeric"
                      value={r.counted}
                      aria-label={t('warehouse:stocktake.countOf', { sku: r.sku })}
                      data-testid={`count-${r.sku}`}
                      onChange={(v) => setRows((all) => all.map((x) => (x.sku === r.sku ? { ...x, counted: typeof v === 'number' ? v : null } : x)))}
                      onPressEnter={(e) => {
                        e.preventDefault();
                        inputs.current[i + 1]?.focus();
                      }}
                    />
                  ),
                },
              ]}
            />
            <Space wrap align="start">
              <Input
                value={extra}
                onChange={(e) => setExtra(e.target.value)}
                onPressEnter={addPart}
                placeholder={t('warehouse:stocktake.addPartPlaceholder')}
                aria-label={t('warehouse:stocktake.addPart')}
                status={extraError ? 'error' : undefined}
                style={{ width: 220 }}
                data-testid="sheet-add-sku"
              />
              <Button onClick={addPart}>{t('warehouse:stocktake.addPart')}</Button>
              {extraError && (
                <Typography.Text type="danger" role="alert">
                  {extraError}
                </Typography.Text>
              )}
            </Space>
            <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} rows={2} placeholder={t('warehouse:stocktake.notePlaceholder')} aria-label={t('warehouse:stocktake.note')} />
            <Space wrap>
              <Button type="primary" onClick={() => void submit()} loading={busy} disabled={counted.length === 0} data-testid="sheet-submit">
                {t('warehouse:stocktake.submit', { count: counted.length })}
              </Button>
              {left > 0 && counted.length > 0 && <Typography.Text type="secondary">{t('warehouse:stocktake.uncounted', { count: left })}</Typography.Text>}
            </Space>
          </>
        )}
      </Space>
    </Card>
  );
}

function StocktakeDrawer() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { message } = App.useApp();
  const refresh = useRefresh();
  const canDecide = useCan('decideStocktake');
  const [params, setParams] = useSearchParams();
  const id = params.get('stocktake');
  const q = useStocktake(id);
  const st = q.data;
  const name = useDisplayNames([st?.counted_by, st?.decided_by]);
  const [busy, setBusy] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    const p = new URLSearchParams(params);
    p.delete('stocktake');
    setParams(p);
  };
  const decide = async (approve: boolean) => {
    if (!st) return;
    setBusy(approve);
    setError(null);
    try {
      const done = await must(
        api.POST('/api/v1/stocktakes/{id}/decision', { params: { path: { id: st.id }, header: { 'If-Match': `"${st.version}"` } }, body: { approve } }),
      );
      void message.success(t(`warehouse:stocktake.decided.${done.status}`));
      refresh('stocktakes', 'parts', 'part');
    } catch (e) {
      setError(showProblem(e, null, [], t));
      refresh('stocktakes');
    } finally {
      setBusy(null);
    }
  };
  return (
    <Drawer open={!!id} onClose={close} size="large" title={st ? t('warehouse:stocktake.drawerTitle', { location: st.location }) : t('common:loading')} data-testid="stocktake-drawer">
      {q.isError && <Alert type="error" showIcon message={q.error.message} />}
      {st && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          {error && <Alert type="warning" showIcon message={error} role="alert" />}
          <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }}>
            <Descriptions.Item label={t('warehouse:stocktake.status')}>
              <Tag color={STATUS_TONE[st.status]} data-testid="stocktake-status">
                {t(`warehouse:stocktake.states.${st.status}`)}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('warehouse:stocktake.counted')}>{formatDateTime(st.created_at, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('warehouse:stocktake.countedBy')}>{name(st.counted_by)}</Descriptions.Item>
            <Descriptions.Item label={t('warehouse:stocktake.decidedBy')}>{st.decided_by ? name(st.decided_by) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('warehouse:stocktake.note')} span={2}>
              {st.note || '—'}
            </Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            rowKey="sku"
            data-testid="stocktake-lines"
            pagination={false}
            dataSource={st.lines}
            onRow={(r) => ({ 'data-testid': `line-${r.sku}` }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              { title: t('warehouse:part.sku'), key: 'sku', render: (_v, r) => r.sku },
              { title: t('warehouse:stocktake.expected'), key: 'expected', align: 'right', render: (_v, r) => r.expected },
              { title: t('warehouse:stocktake.count'), key: 'counted', align: 'right', render: (_v, r) => r.counted },
              {
                title: t('warehouse:stocktake.variance'),
                key: 'variance',
                align: 'right',
                render: (_v, r) => (
                  <span data-testid="variance" style={{ color: r.variance < 0 ? TONE.danger : r.variance > 0 ? TONE.warning : undefined, fontWeight: r.variance ? 600 : undefined }}>
                    {signed(r.variance)}
                  </span>
                ),
              },
            ]}
          />
          {st.status === 'pending_approval' &&
            (canDecide ? (
              <Space>
                <Button type="primary" onClick={() => void decide(true)} loading={busy === true} disabled={busy !== null} data-testid="stocktake-approve">
                  {t('warehouse:stocktake.approve')}
                </Button>
                <Button danger onClick={() => void decide(false)} loading={busy === false} disabled={busy !== null} data-testid="stocktake-reject">
                  {t('warehouse:stocktake.reject')}
                </Button>
              </Space>
            ) : (
              <Typography.Text type="secondary">{t('warehouse:stocktake.waiting')}</Typography.Text>
            ))}
        </Space>
      )}
    </Drawer>
  );
}
