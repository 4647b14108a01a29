// The pieces every company-setting page shares: the frame with the version in force and when
// a change applies, the replace-at-version hook (If-Match, 412 reloaded and said, 422 on the
// fields, nothing typed lost) and the save bar.
import { useEffect, useState, type ReactNode } from 'react';
import { Alert, App, Button, Collapse, Drawer, Empty, List, Space, Tag, Typography, type FormInstance } from 'antd';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, must } from '../api/client';
import { ApiProblem } from '../api/problem';
import { COMPANY_TIME_ZONE } from '../board/register';
import type { Lang } from '../i18n/langs';
import { useDisplayNames } from '../lib/displayNames';
import { formatDateTime } from '../lib/format';
import { showProblem } from './forms';
import { PAGE, useRefresh } from './queries';
import { assigneeAccount, diffEntries, entryText, fieldKey, valueText, type EntryChange, type EntryWords } from './settingHistory';

/** Where each setting page's stored versions are read (`GET /<setting>/history`). */
const HISTORY = {
  company: '/api/v1/company-profile/history',
  sla: '/api/v1/sla-policy/history',
  priority: '/api/v1/priority-rules/history',
  'call-rules': '/api/v1/call-rules/history',
  questionnaire: '/api/v1/questionnaire/history',
  quality: '/api/v1/quality-thresholds/history',
  durations: '/api/v1/duration-defaults/history',
  faults: '/api/v1/fault-codes/history',
  templates: '/api/v1/notification-templates/history',
} as const;

/** The version a setting's first save gets: 1, or 2 for the questionnaire, whose built-in script is version 1. */
const FIRST_SAVED: Partial<Record<keyof typeof HISTORY, number>> = { questionnaire: 2 };

/** A setting's page: its title, what it does, the version in force and when a change applies. */
export function SettingFrame({ name, version, extra, children }: { name: string; version?: number | string; extra?: ReactNode; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby={`setting-${name}-title`} data-testid={`setting-page-${name}`}>
      <Space align="baseline" wrap>
        <Typography.Title level={2} id={`setting-${name}-title`} style={{ fontSize: 18, marginTop: 0 }}>
          {t(`admin:settings.${name}.title`)}
        </Typography.Title>
        {version !== undefined && (
          <Tag data-testid="setting-version">{version === 0 ? t('admin:settings.builtIn') : t('admin:settings.version', { version })}</Tag>
        )}
        {extra}
        {name in HISTORY && <SettingHistory name={name as keyof typeof HISTORY} />}
      </Space>
      <Typography.Paragraph type="secondary">{t(`admin:settings.${name}.help`)}</Typography.Paragraph>
      <Typography.Paragraph>
        <Typography.Text strong>{t('admin:settings.applies')}</Typography.Text> {t(`admin:settings.${name}.applies`)}
      </Typography.Paragraph>
      {children}
    </section>
  );
}

/**
 * A replaced setting (GET for the version in force, POST at that version): the query, and
 * `save` which sends the form's values with If-Match; a 412 reloads the setting and says so,
 * a 422 lands on the fields, and the values typed stay in the form either way.
 */
export function useReplacedSetting<T extends { version: number }, V>(
  key: string,
  get: () => Promise<T>,
  post: (version: number, values: V) => Promise<T>,
  form: FormInstance<V>,
  known: (path: (string | number)[]) => boolean,
  toForm: (t: T) => V,
) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const qc = useQueryClient();
  const query = useQuery({ queryKey: ['setting', key], queryFn: get });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const version = query.data?.version;
  const [loadedVersion, setLoadedVersion] = useState<number | null>(null);
  useEffect(() => {
    // The form takes the server's values when they first arrive, not on a reload after a
    // refusal (what was typed stays until the administrator resets it).
    if (query.data && loadedVersion === null) {
      form.setFieldsValue(toForm(query.data) as Parameters<typeof form.setFieldsValue>[0]);
      setLoadedVersion(query.data.version);
    }
  }, [query.data, loadedVersion, form]);
  const save = async (values: V) => {
    if (version === undefined) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await post(version, values);
      void message.success(t('admin:settings.saved', { version: saved.version }));
      // The form takes the setting as stored (trimmed, normalised), not the version read
      // before the save while the refetch is under way.
      qc.setQueryData(['setting', key], saved);
      setLoadedVersion(null);
      refresh('setting');
    } catch (e) {
      setError(showProblem(e, form, known, t));
      if (e instanceof ApiProblem && e.status === 412) refresh('setting');
    } finally {
      setBusy(false);
    }
  };
  const reset = () => {
    if (query.data) form.setFieldsValue(toForm(query.data) as Parameters<typeof form.setFieldsValue>[0]);
    setError(null);
  };
  return { query, busy, error, save, reset, version };
}

/** The alert of a refused save and the form's buttons. */
export function SaveBar({ busy, onReset, testId }: { busy: boolean; onReset: () => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Space style={{ marginTop: 8 }}>
      <Button type="primary" htmlType="submit" loading={busy} data-testid={`save-${testId}`}>
        {t('admin:settings.save')}
      </Button>
      <Button onClick={onReset}>{t('admin:settings.reset')}</Button>
    </Space>
  );
}

/** A refusal above a setting's form. */
export function SaveError({ error }: { error: string | null }) {
  return error ? <Alert type="warning" showIcon message={error} style={{ marginBottom: 12 }} role="alert" data-testid="setting-error" /> : null;
}

const CHANGE_COLOUR: Record<EntryChange['kind'], string> = { added: 'green', removed: 'red', changed: 'blue' };

/** Where the forms' names for a stored field's values are (the value's key under it). */
const VALUE_WORDS: Record<string, string> = {
  type: 'admin:ticketTypes',
  ticket_type: 'admin:ticketTypes',
  tier: 'admin:tiers',
  work_type: 'admin:workTypes',
  window: 'admin:windows',
  kinds: 'calls:kinds',
  kind: 'admin:settings.questionnaire.kinds',
  rates: 'admin:settings.questionnaire.rated',
  level: 'calls:questionnaire.levels',
  follow_up_at: 'calls:questionnaire.levels',
};

/**
 * The words of a setting's form, for its stored entries: fields by their labels, values by the
 * names the form gives them, accounts by their names (`nameOf`), yes and no.
 */
function useEntryWords(name: string, nameOf: (id: string) => string = (id) => id): EntryWords {
  const { t, i18n } = useTranslation();
  return {
    field: (f) => t(`admin:settings.${name}.${fieldKey(f)}`, { defaultValue: t(`admin:settings.${name}.${f}`, { defaultValue: f }) }),
    value: (f, v) => {
      if (f === 'priority' && typeof v === 'string' && /^p[1-4]$/.test(v)) return v.toUpperCase();
      // A level's score, in points as the questionnaire's form shows it (stored in thousandths).
      if (f === 'score_milli' && typeof v === 'number') return (v / 1000).toFixed(3);
      // A priority rule's machine state, as its form says it.
      if (f === 'machine_down' && typeof v === 'boolean') return t(v ? 'admin:settings.priority.down' : 'admin:settings.priority.running');
      // An assignment rule's assignee: its queue, or the account it names.
      if (f === 'assignee' && typeof v === 'object' && v !== null && 'to' in v) {
        const a = v as { to: string; user?: string };
        const to = t(`admin:settings.call-rules.values.to.${a.to}`, { defaultValue: a.to });
        return a.user ? `${to} ${nameOf(a.user)}` : to;
      }
      const key = `${VALUE_WORDS[f] ?? ''}.${String(v)}`;
      return typeof v === 'string' && f in VALUE_WORDS && i18n.exists(key) ? t(key) : undefined;
    },
    yes: t('common:yes'),
    no: t('common:no'),
  };
}

/** One change of a version against the one before it. */
function ChangeLine({ change, words }: { change: EntryChange; words: EntryWords }) {
  const { t } = useTranslation();
  const field = words.field;
  return (
    <div data-testid={`history-change-${change.kind}`}>
      <Tag color={CHANGE_COLOUR[change.kind]}>{t(`admin:settings.versions.${change.kind}`)}</Tag>
      <Typography.Text>{entryText(change.entry, words)}</Typography.Text>
      {change.fields.length > 0 && (
        <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
          {change.fields.map((c) => (
            <li key={c.field}>
              {c.field ? `${field(c.field)}: ` : ''}
              <Typography.Text delete type="secondary">
                {valueText(c.before, words, c.field)}
              </Typography.Text>
              {' → '}
              <Typography.Text strong>{valueText(c.after, words, c.field)}</Typography.Text>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The History button of a setting's page and its drawer: the stored versions newest first,
 * each with when (in the company's time zone) and who by name, opened to show what the
 * version held and what it changed against the one before.
 */
export function SettingHistory({ name }: { name: keyof typeof HISTORY }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [open, setOpen] = useState(false);
  const path = HISTORY[name] as '/api/v1/fault-codes/history';
  const q = useInfiniteQuery({
    queryKey: ['setting', name, 'history'],
    enabled: open,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => must(api.GET(path, { params: { query: { limit: PAGE, ...(pageParam ? { cursor: pageParam } : {}) } } })),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
  const versions = q.data?.pages.flatMap((p) => p.items) ?? [];
  const nameOf = useDisplayNames(versions.flatMap((v) => v.items.map(assigneeAccount)));
  const words = useEntryWords(name, nameOf);
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid={`history-${name}`}>
        {t('admin:settings.versions.open')}
      </Button>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        width={640}
        destroyOnHidden
        title={t('admin:settings.versions.title', { setting: t(`admin:settings.${name}.title`) })}
        data-testid="setting-history"
      >
        {q.isError && <Alert type="error" showIcon role="alert" message={t('admin:settings.versions.failed')} />}
        {q.isSuccess && versions.length === 0 && <Empty description={t('admin:settings.versions.none')} />}
        {versions.length > 0 && (
          <Collapse
            items={versions.map((v, i) => {
              const before = versions[i + 1];
              // The oldest version kept (1, or the earliest an upgraded install still has).
              const firstSaved = FIRST_SAVED[name] ?? 1;
              const first = v.version === firstSaved || (!before && !q.hasNextPage);
              const changes = before ? diffEntries(before.items, v.items) : null;
              return {
                key: String(v.version),
                label: (
                  <span data-testid={`history-version-${v.version}`}>
                    <Tag>{t('admin:settings.version', { version: v.version })}</Tag>
                    {t('admin:settings.changedBy', { who: v.updated_by_name ?? v.updated_by, when: formatDateTime(v.updated_at, lang, COMPANY_TIME_ZONE) })}
                  </span>
                ),
                children: (
                  <div data-testid={`history-detail-${v.version}`}>
                    <Typography.Title level={3} style={{ fontSize: 14 }}>
                      {first ? t(v.version === firstSaved ? 'admin:settings.versions.first' : 'admin:settings.versions.earliest') : t('admin:settings.versions.against', { version: v.version - 1 })}
                    </Typography.Title>
                    {first ? null : changes === null ? (
                      <Typography.Paragraph type="secondary">{t('admin:settings.versions.earlierNotLoaded')}</Typography.Paragraph>
                    ) : changes.length === 0 ? (
                      <Typography.Paragraph type="secondary">{t('admin:settings.versions.noChange')}</Typography.Paragraph>
                    ) : (
                      <Space direction="vertical" size={6} style={{ width: '100%', marginBottom: 12 }}>
                        {changes.map((c, j) => (
                          <ChangeLine key={j} change={c} words={words} />
                        ))}
                      </Space>
                    )}
                    <Typography.Title level={3} style={{ fontSize: 14 }}>
                      {t('admin:settings.versions.held', { count: v.items.length })}
                    </Typography.Title>
                    <List size="small" bordered dataSource={v.items} renderItem={(e) => <List.Item>{entryText(e, words)}</List.Item>} />
                  </div>
                ),
              };
            })}
          />
        )}
        {q.hasNextPage && (
          <Button style={{ marginTop: 12 }} loading={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()}>
            {t('admin:settings.versions.more')}
          </Button>
        )}
      </Drawer>
    </>
  );
}
