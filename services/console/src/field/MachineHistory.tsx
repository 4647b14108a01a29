// The whole service history of a visit's machine, opened from the visit's page: each ticket
// about the machine, newest first, with its visits (date, technician, fault code, diagnosis,
// outcome, parts, meter reading) and the meter readings over time; more pages on demand.
// The first page comes from the phone's copy of the day when there is no connection.
import { Alert, Button, Card, Descriptions, Empty, Flex, List, Spin, Tag, Typography } from 'antd';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../i18n/langs';
import { ApiProblem } from '../api/problem';
import { companyDate, formatDate, formatDateTime } from '../lib/format';
import { TONE } from '../lib/colors';
import { useOnline } from './actions';
import type { Day } from './data';
import { fetchHistoryPage, joinPages, meterReadings, visitTime, type MachineHistoryPage, type MachineVisit } from './machineHistory';
import { faultOptions } from './model';

const BIG = { height: 48, fontSize: 16 } as const;

type Shown = MachineHistoryPage & { fromPhone?: boolean };

const OUTCOME_TONE: Record<string, string> = {
  completed: TONE.success,
  waiting_for_parts: TONE.warning,
  taken_to_workshop: TONE.warning,
  could_not_fix: TONE.danger,
};

/** The history of machine `machineId`, read from the API page by page. */
export function MachineHistory({ day, machineId }: { day: Day; machineId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const online = useOnline();
  const kept = day.histories?.[machineId];
  const q = useInfiniteQuery({
    queryKey: ['field', 'machine-history', machineId],
    initialPageParam: null as string | null,
    networkMode: 'always',
    retry: false,
    staleTime: 60_000,
    queryFn: async ({ pageParam }): Promise<Shown> => {
      try {
        return await fetchHistoryPage(machineId, pageParam);
      } catch (e) {
        // No connection (or the server is away): the first page kept with the day.
        if (!pageParam && kept && !(e instanceof ApiProblem && e.status < 500)) return { ...kept, fromPhone: true };
        throw e;
      }
    },
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  const faults = day.faults ?? [];
  const faultName = (code: string) => faultOptions(faults, lang, code).find((o) => o.value === code)?.label ?? code;
  const partName = (sku: string) => day.parts.find((p) => p.sku === sku)?.name;

  if (q.isPending) return <Spin />;
  if (q.isError && !q.data) {
    const forbidden = q.error instanceof ApiProblem && q.error.status === 403;
    return (
      <Alert
        type={forbidden ? 'warning' : 'error'}
        showIcon
        data-testid="history-error"
        message={forbidden ? t('field:machineHistory.forbidden') : !online ? t('field:machineHistory.notSaved') : t('common:error', { detail: String(q.error) })}
        action={forbidden ? undefined : <Button onClick={() => void q.refetch()}>{t('common:retry')}</Button>}
      />
    );
  }
  const pages = q.data?.pages ?? [];
  const entries = joinPages(pages);
  const fromPhone = pages.some((p) => p.fromPhone);
  const meter = meterReadings(entries);
  const more = q.hasNextPage && !fromPhone;

  const visit = (v: MachineVisit) => (
    <div key={v.work_order_id} data-testid="history-visit" data-number={v.number} style={{ padding: '8px 0', borderTop: '1px solid #f0f0f0' }}>
      <Flex gap={8} wrap align="center">
        <Typography.Text strong>{formatDateTime(visitTime(v), lang)}</Typography.Text>
        <Typography.Text>{v.number}</Typography.Text>
        {v.outcome ? (
          <Tag color={OUTCOME_TONE[v.outcome] ?? TONE.info}>{t(`field:report.outcomes.${v.outcome}`)}</Tag>
        ) : (
          <Tag color={TONE.info}>{t(`field:status.${v.status}`)}</Tag>
        )}
      </Flex>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'tech', label: t('field:machineHistory.technician'), children: v.technician_name ?? '—' },
          ...(v.fault ? [{ key: 'fault', label: t('field:machineHistory.fault'), children: faultName(v.fault) }] : []),
          ...(v.diagnosis ? [{ key: 'diag', label: t('field:machineHistory.diagnosis'), children: v.diagnosis }] : []),
          ...(v.result ? [{ key: 'result', label: t('field:machineHistory.result'), children: v.result }] : []),
          ...(v.parts.length
            ? [
                {
                  key: 'parts',
                  label: t('field:machineHistory.parts'),
                  children: v.parts.map((p) => `${partName(p.sku) ? `${partName(p.sku)} ` : ''}${p.sku} × ${p.quantity}`).join(', '),
                },
              ]
            : []),
          ...(v.meter_reading != null ? [{ key: 'meter', label: t('field:machineHistory.meterReading'), children: v.meter_reading.toLocaleString(lang) }] : []),
        ]}
      />
    </div>
  );

  return (
    // Focusable, so the drawer's scrolling list is reached with a keyboard when it holds no button.
    <Flex vertical gap={12} data-testid="machine-history" role="region" aria-label={t('field:machineHistory.open')} tabIndex={0}>
      {fromPhone && kept && <Alert type="warning" showIcon data-testid="history-from-phone" message={t('field:machineHistory.fromPhone', { time: formatDateTime(day.savedAt, lang) })} />}
      <Card size="small" title={t('field:machineHistory.meter')}>
        {meter.length === 0 ? (
          <Typography.Text type="secondary">{t('field:machineHistory.noMeter')}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={meter}
            data-testid="history-meter"
            renderItem={(m) => (
              <List.Item key={`${m.workOrderNumber}-${m.at}`} style={{ paddingInline: 0 }}>
                <div>
                  <Typography.Text strong>{m.reading.toLocaleString(lang)}</Typography.Text> · {formatDate(companyDate(new Date(m.at)), lang)}
                  <div>
                    {m.wentBack ? (
                      <Typography.Text type="warning">{t('field:machineHistory.meterBack')}</Typography.Text>
                    ) : m.since != null ? (
                      <Typography.Text type="secondary">{t('field:machineHistory.meterSince', { count: m.since, n: m.since.toLocaleString(lang) })}</Typography.Text>
                    ) : null}
                  </div>
                </div>
              </List.Item>
            )}
          />
        )}
      </Card>
      {entries.length === 0 ? (
        <Empty description={t('field:machineHistory.empty')} />
      ) : (
        entries.map((e) => (
          <Card key={e.ticket_id} size="small" data-testid="history-ticket" data-number={e.ticket_number} title={t('field:machineHistory.ticket', { number: e.ticket_number, date: formatDate(companyDate(new Date(e.opened_at)), lang) })}>
            <Typography.Paragraph style={{ marginBottom: 4 }}>
              <Typography.Text type="secondary">{t('field:symptom')}: </Typography.Text>
              {e.symptom}
            </Typography.Paragraph>
            {e.visits.length === 0 ? <Typography.Text type="secondary">{t('field:machineHistory.noVisit')}</Typography.Text> : e.visits.map(visit)}
          </Card>
        ))
      )}
      <Typography.Text type="secondary" data-testid="history-count">
        {t('field:machineHistory.count', { count: entries.length })}
      </Typography.Text>
      {more ? (
        <Button block size="large" style={BIG} loading={q.isFetchingNextPage} disabled={!online} onClick={() => void q.fetchNextPage()} data-testid="history-more">
          {online ? t('field:machineHistory.more') : t('field:machineHistory.offlineMore')}
        </Button>
      ) : fromPhone && kept?.next_cursor ? (
        <Typography.Text type="secondary" data-testid="history-offline-more">
          {t('field:machineHistory.offlineMore')}
        </Typography.Text>
      ) : entries.length > 0 ? (
        <Typography.Text type="secondary" data-testid="history-end">
          {t('field:machineHistory.end')}
        </Typography.Text>
      ) : null}
      {q.isFetchNextPageError && <Alert type="error" showIcon message={t('common:error', { detail: String(q.error) })} />}
    </Flex>
  );
}
