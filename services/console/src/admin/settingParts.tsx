// The pieces every company-setting page shares: the frame with the version in force and when
// a change applies, the replace-at-version hook (If-Match, 412 reloaded and said, 422 on the
// fields, nothing typed lost) and the save bar.
import { useEffect, useState, type ReactNode } from 'react';
import { Alert, App, Button, Space, Tag, Typography, type FormInstance } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/problem';
import { showProblem } from './forms';
import { useRefresh } from './queries';

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
