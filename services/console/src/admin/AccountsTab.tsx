// Accounts (账号): searched by login or name (`/` focuses it; Enter on a single match opens
// it) and by role, a page at a time; a new account in a dialog; a row opens the account's
// drawer (`?account=<id>`) with its role, disabling and its API tokens.
import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, type InputRef } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, idempotencyKey, must } from '../api/client';
import type { Lang } from '../i18n/langs';
import { formatDateTime } from '../lib/format';
import { MoreButton, OpenLink } from '../lib/ListParts';
import { ScrollRegion } from '../lib/ScrollRegion';
import { useOpenSingleMatch, useParamSetter, useSearchFocus } from '../lib/listSearch';
import { TONE } from '../lib/colors';
import { ASSIGNABLE_ROLES, ROLES, type Account, type Role } from './admin';
import { fieldsNamed, showProblem } from './forms';
import { useAccounts, useRefresh } from './queries';
import AccountDrawer from './AccountDrawer';

export default function AccountsTab() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [params] = useSearchParams();
  const q = params.get('q') ?? '';
  const role = (params.get('role') as Role | null) ?? undefined;
  const [text, setText] = useState(q);
  const list = useAccounts(q, role);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const search = useRef<InputRef>(null);
  const set = useParamSetter();
  const open = (id: string) => set({ account: id });
  const [creating, setCreating] = useState(false);
  useSearchFocus(search);
  const setPendingOpen = useOpenSingleMatch(q, list, rows, (a) => open(a.id));

  return (
    <Card size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          <Form layout="inline" aria-label={t('admin:accounts.filters')} style={{ rowGap: 8 }}>
            <Form.Item label={t('common:search')} htmlFor="account-search">
              <Input.Search
                id="account-search"
                ref={search}
                allowClear
                value={text}
                placeholder={t('admin:accounts.searchPlaceholder')}
                style={{ width: 'min(320px, calc(100vw - 130px))' }}
                enterButton={t('common:search')}
                onChange={(e) => setText(e.target.value)}
                onSearch={(v) => {
                  set({ q: v.trim() || undefined });
                  setPendingOpen(v.trim());
                }}
                data-testid="account-search"
              />
            </Form.Item>
            <Form.Item label={t('admin:accounts.role')}>
              <Select
                aria-label={t('admin:accounts.role')}
                allowClear
                style={{ width: 150 }}
                placeholder={t('admin:accounts.allRoles')}
                value={role}
                options={ROLES.map((r) => ({ value: r, label: t(`common:role.${r}`) }))}
                onChange={(v) => set({ role: v })}
                data-testid="account-role-filter"
              />
            </Form.Item>
          </Form>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-account">
            {t('admin:accounts.new')}
          </Button>
        </Space>
        <ScrollRegion label={t('admin:tab.accounts')}>
          <Table<Account>
            size="small"
            rowKey="id"
            data-testid="accounts"
            loading={list.isLoading}
            dataSource={rows}
            pagination={false}
            locale={{ emptyText: q || role ? t('admin:accounts.noMatch') : t('admin:accounts.empty') }}
            onRow={(r) => ({ onClick: () => open(r.id), 'data-testid': `account-${r.login}` }) as React.HTMLAttributes<HTMLElement>}
            footer={() => (
              <Space>
                <span>{t('admin:accounts.total', { count: rows.length })}</span>
                <MoreButton query={list} />
              </Space>
            )}
            columns={[
              { title: t('admin:accounts.login'), key: 'login', render: (_v, r) => <OpenLink onOpen={() => open(r.id)}>{r.login}</OpenLink> },
              { title: t('admin:accounts.name'), key: 'name', render: (_v, r) => r.display_name },
              { title: t('admin:accounts.role'), key: 'role', render: (_v, r) => t(`common:role.${r.role}`, { defaultValue: r.role }) },
              {
                title: t('admin:accounts.state'),
                key: 'state',
                render: (_v, r) => (
                  <Tag color={r.disabled ? undefined : TONE.success} style={{ marginInlineEnd: 0 }}>
                    {r.disabled ? t('admin:accounts.disabled') : t('admin:accounts.active')}
                  </Tag>
                ),
              },
              { title: t('admin:accounts.created'), key: 'created', responsive: ['md'], render: (_v, r) => formatDateTime(r.created_at, lang) },
            ]}
          />
        </ScrollRegion>
        {list.isError && <Alert type="error" showIcon message={t('common:error', { detail: list.error.message })} />}
      </Space>
      <NewAccountDialog open={creating} onClose={() => setCreating(false)} onCreated={(a) => open(a.id)} />
      {params.has('account') && <AccountDrawer />}
    </Card>
  );
}

interface NewAccount {
  login: string;
  display_name: string;
  role: Role;
  password: string;
}

const NEW_ACCOUNT_FIELDS = ['login', 'display_name', 'role', 'password'];

function NewAccountDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (a: Account) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [form] = Form.useForm<NewAccount>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) setError(null);
  }, [open]);
  const submit = async (v: NewAccount) => {
    setBusy(true);
    setError(null);
    try {
      const a = await must(
        api.POST('/api/v1/accounts', {
          params: { header: { 'Idempotency-Key': idempotencyKey() } },
          body: { login: v.login.trim(), display_name: v.display_name.trim(), role: v.role, password: v.password, customer_id: null, technician_id: null, oidc_subject: null },
        }),
      );
      void message.success(t('admin:accounts.created', { login: a.login }));
      refresh('accounts');
      form.resetFields();
      onClose();
      onCreated(a);
    } catch (e) {
      setError(showProblem(e, form, fieldsNamed(NEW_ACCOUNT_FIELDS), t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={open} title={t('admin:accounts.new')} onCancel={onClose} footer={null} data-testid="account-dialog">
      <Form form={form} name="account" layout="vertical" requiredMark="optional" initialValues={{ role: 'agent' }} onFinish={(v) => void submit(v)}>
        {error && <Alert type="warning" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
        <Form.Item
          name="login"
          label={t('admin:accounts.login')}
          extra={t('admin:accounts.loginHelp')}
          rules={[
            { required: true, whitespace: true, message: t('common:required') },
            { min: 3, message: t('common:tooShort', { min: 3 }) },
            { max: 254, message: t('common:tooLong', { max: 254 }) },
            { pattern: /^\S*$/, message: t('admin:accounts.noSpaces') },
          ]}
        >
          <Input autoFocus autoComplete="off" />
        </Form.Item>
        <Form.Item name="display_name" label={t('admin:accounts.name')} rules={[{ required: true, whitespace: true, message: t('common:required') }, { max: 200, message: t('common:tooLong', { max: 200 }) }]}>
          <Input />
        </Form.Item>
        <Form.Item name="role" label={t('admin:accounts.role')} extra={t('admin:accounts.linkedRoles')} rules={[{ required: true, message: t('common:required') }]}>
          <Select options={ASSIGNABLE_ROLES.map((r) => ({ value: r, label: t(`common:role.${r}`) }))} data-testid="new-account-role" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('admin:accounts.password')}
          extra={t('admin:accounts.passwordHelp')}
          rules={[
            { required: true, message: t('common:required') },
            { min: 12, message: t('common:tooShort', { min: 12 }) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="create-account">
            {t('admin:accounts.create')}
          </Button>
          <Button onClick={onClose}>{t('common:cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
