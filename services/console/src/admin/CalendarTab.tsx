// The business calendar (工作日历) a year at a time: the public holidays and the weekend days
// worked (调休) with their names, grouped by month, the working hours and time zone; a warning
// when this or the next year's schedule is missing (the State Council's notice not loaded yet).
import { Alert, Card, Descriptions, Select, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, must } from '../api/client';
import type { Lang } from '../i18n/langs';
import { formatDate } from '../lib/format';
import { TONE } from '../lib/colors';
import { ScrollRegion } from '../lib/ScrollRegion';
import { useParamSetter } from '../lib/listSearch';
import { calendarYears, type CalendarDay } from './admin';

export default function CalendarTab() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [params] = useSearchParams();
  const set = useParamSetter();
  const thisYear = dayjs().year();
  const year = Number(params.get('year')) || thisYear;
  const q = useQuery({
    queryKey: ['calendar', year],
    queryFn: () => must(api.GET('/api/v1/business-calendar', { params: { query: { year } } })),
  });
  const c = q.data;
  const weekday = (date: string) => new Intl.DateTimeFormat(lang, { weekday: 'short' }).format(dayjs(date).toDate());
  return (
    <Card size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <label htmlFor="calendar-year">{t('admin:calendar.year')}</label>
          <Select
            id="calendar-year"
            style={{ width: 120 }}
            value={year}
            onChange={(v) => set({ year: v === thisYear ? undefined : String(v) })}
            options={calendarYears(thisYear, year).map((y) => ({ value: y, label: String(y) }))}
            data-testid="calendar-year"
          />
        </Space>
        {c?.gap && <Alert type="error" showIcon data-testid="calendar-gap" message={t(`admin:calendar.gap.${c.gap}`, { year: c.year })} description={t('admin:calendar.gapHelp')} />}
        {c?.next_year_gap && (
          <Alert type="warning" showIcon data-testid="calendar-next-gap" message={t(`admin:calendar.gap.${c.next_year_gap}`, { year: c.year + 1 })} description={t('admin:calendar.gapHelp')} />
        )}
        {c && (
          <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
            <Descriptions.Item label={t('admin:calendar.timeZone')}>{c.time_zone}</Descriptions.Item>
            <Descriptions.Item label={t('admin:calendar.hours')}>{c.working_hours.join(', ')}</Descriptions.Item>
            <Descriptions.Item label={t('admin:calendar.holidays')}>{c.days.filter((d) => d.kind === 'holiday').length}</Descriptions.Item>
            <Descriptions.Item label={t('admin:calendar.worked')}>{c.days.filter((d) => d.kind === 'working_day').length}</Descriptions.Item>
          </Descriptions>
        )}
        <Typography.Paragraph type="secondary">{t('admin:calendar.help')}</Typography.Paragraph>
        <ScrollRegion label={t('admin:tab.calendar')}>
          <Table<CalendarDay>
            size="small"
            rowKey="date"
            pagination={false}
            loading={q.isLoading}
            dataSource={c?.days ?? []}
            data-testid="calendar-days"
            locale={{ emptyText: t('admin:calendar.none', { year }) }}
            columns={[
              { title: t('admin:calendar.month'), key: 'month', render: (_v, d) => dayjs(d.date).format(lang === 'en' ? 'MMM' : 'M月'), onCell: (d, i) => ({ rowSpan: monthSpan(c?.days ?? [], d, i ?? 0) }) },
              { title: t('admin:calendar.date'), key: 'date', render: (_v, d) => `${formatDate(d.date, lang)} ${weekday(d.date)}` },
              {
                title: t('admin:calendar.kind'),
                key: 'kind',
                render: (_v, d) => <Tag color={d.kind === 'holiday' ? TONE.success : TONE.warning} style={{ marginInlineEnd: 0 }}>{t(`admin:calendar.kinds.${d.kind}`)}</Tag>,
              },
              { title: t('admin:calendar.name'), key: 'name', render: (_v, d) => d.name || '—' },
            ]}
          />
        </ScrollRegion>
        {q.isError && <Alert type="error" showIcon message={t('common:error', { detail: q.error.message })} />}
      </Space>
    </Card>
  );
}

/** How many rows the month cell of row `i` spans: the month's rows on its first, 0 after. */
function monthSpan(days: CalendarDay[], d: CalendarDay, i: number): number {
  const month = d.date.slice(0, 7);
  if (i > 0 && days[i - 1]?.date.slice(0, 7) === month) return 0;
  let n = 0;
  while (days[i + n]?.date.slice(0, 7) === month) n++;
  return n;
}
