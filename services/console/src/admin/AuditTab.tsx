// The audit log (审计日志): newest first, searched by who (an account), what (an action), which
// object and which days, the search kept in the address; a page at a time.
import { useState } from 'react';
import { Alert, Card, DatePicker, Form, Input, Select, Space, Table } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Lang } from '../i18n/langs';
import { formatDateTime } from '../lib/format';
import { MoreButton, OpenLink } from '../lib/ListParts';
import { ScrollRegion } from '../lib/ScrollRegion';
import { useParamSetter } from '../lib/listSearch';
import { AUDIT_ACTIONS, type AuditEntry, type AuditFilter } from './admin';
import { useAccountNames, useAudit } from './queries';

export default function AuditTab() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [params] = useSearchParams();
  const set = useParamSetter();
  const filter: AuditFilter = {
    account_id: params.get('actor') ?? undefined,
    action: params.get('action') ?? undefined,
    object: params.get('object') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  };
  const [object, setObject] = useState(filter.object ?? '');
  const list = useAudit(filter);
  const names = useAccountNames();
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const who = (id: string) => {
    const a = names.data?.get(id);
    return a ? `${a.display_name} (${a.login})` : id;
  };
  const filtered = Object.values(filter).some(Boolean);
  return (
    <Card size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Form layout="inline" aria-label={t('admin:audit.filters')} style={{ rowGap: 8 }}>
          <Form.Item label={t('admin:audit.actor')}>
            <Select
              aria-label={t('admin:audit.actor')}
              allowClear
              showSearch
              optionFilterProp="label"
              style={{ width: 220 }}
              placeholder={t('admin:audit.anyone')}
              value={filter.account_id}
              options={[...(names.data?.values() ?? [])].map((a) => ({ value: a.id, label: `${a.display_name} (${a.login})` }))}
              onChange={(v) => set({ actor: v })}
              data-testid="audit-actor"
            />
          </Form.Item>
          <Form.Item label={t('admin:audit.action')}>
            <Select
              aria-label={t('admin:audit.action')}
              allowClear
              style={{ width: 200 }}
              placeholder={t('admin:audit.anyAction')}
              value={filter.action}
              options={AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`admin:audit.actions.${a.replace('.', '_')}`) }))}
              onChange={(v) => set({ action: v })}
              data-testid="audit-action"
            />
          </Form.Item>
          <Form.Item label={t('admin:audit.object')} htmlFor="audit-object">
            <Input.Search
              id="audit-object"
              allowClear
              value={object}
              placeholder={t('admin:audit.objectPlaceholder')}
              style={{ width: 'min(300px, calc(100vw - 130px))' }}
              onChange={(e) => setObject(e.target.value)}
              onSearch={(v) => set({ object: v.trim() || undefined })}
              data-testid="audit-object"
            />
          </Form.Item>
          <Form.Item label={t('admin:audit.days')}>
            <DatePicker.RangePicker
              aria-label={t('admin:audit.days')}
              allowEmpty={[true, true]}
              value={[filter.from ? dayjs(filter.from) : null, filter.to ? dayjs(filter.to) : null]}
              onChange={(v) => set({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
              style={{ width: 'min(300px, calc(100vw - 160px))' }}
              data-testid="audit-days"
            />
          </Form.Item>
        </Form>
        <ScrollRegion label={t('admin:tab.audit')}>
          <Table<AuditEntry>
            size="small"
            rowKey="id"
            data-testid="audit"
            loading={list.isLoading}
            dataSource={rows}
            pagination={false}
            locale={{ emptyText: filtered ? t('admin:audit.noMatch') : t('admin:audit.empty') }}
            footer={() => (
              <Space>
                <span>{t('admin:audit.total', { count: rows.length })}</span>
                <MoreButton query={list} />
              </Space>
            )}
            columns={[
              { title: t('admin:audit.at'), key: 'at', render: (_v, r) => formatDateTime(r.at, lang) },
              { title: t('admin:audit.actor'), key: 'who', render: (_v, r) => `${who(r.account_id)} · ${t(`common:role.${r.role}`, { defaultValue: r.role })}` },
              { title: t('admin:audit.action'), key: 'action', render: (_v, r) => t(`admin:audit.actions.${r.action.replace('.', '_')}`, { defaultValue: r.action }) },
              {
                title: t('admin:audit.object'),
                key: 'object',
                render: (_v, r) => (
                  <OpenLink
                    onOpen={() => {
                      setObject(r.object);
                      set({ object: r.object });
                    }}
                  >
                    {names.data?.get(r.object)?.login ?? r.object}
                  </OpenLink>
                ),
              },
              { title: t('admin:audit.detail'), key: 'detail', render: (_v, r) => <span style={{ wordBreak: 'break-word' }}>{r.detail}</span> },
            ]}
          />
        </ScrollRegion>
        {list.isError && <Alert type="error" showIcon message={t('common:error', { detail: list.error.message })} />}
      </Space>
    </Card>
  );
}
