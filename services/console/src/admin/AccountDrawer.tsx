// One account (`?account=<id>`): who it is, its role changed at the version read (If-Match;
// its sessions end and the new role applies from its next sign-in), disabling it, and its
// API tokens: each listed without its secret, a new one shown once, revoking one.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, idempotencyKey, must } from '../api/client';
import type { Lang } from '../i18n/langs';
import { formatDateTime } from '../lib/format';
import { useParamSetter } from '../lib/listSearch';
import { TONE } from '../lib/colors';
import { useSession } from '../shell/permissions';
import { ASSIGNABLE_ROLES, type Account, type ApiToken, type Role } from './admin';
import { fieldsNamed, showProblem } from './forms';
import { useAccount, useApiTokens, useRefresh } from './queries';

export default function AccountDrawer() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [params] = useSearchParams();
  const id = params.get('account');
  const set = useParamSetter();
  const account = useAccount(id);
  const a = account.data;
  return (
    <Drawer open width={Math.min(640, window.innerWidth)} title={a ? `${a.display_name} · ${a.login}` : t('common:loading')} onClose={() => set({ account: undefined })} data-testid="account-drawer">
      {account.isError && <Alert type="error" showIcon message={t('admin:accounts.notFound', { id })} />}
      {a && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('admin:accounts.login')}>{a.login}</Descriptions.Item>
            <Descriptions.Item label={t('admin:accounts.name')}>{a.display_name}</Descriptions.Item>
            <Descriptions.Item label={t('admin:accounts.role')}>{t(`common:role.${a.role}`, { defaultValue: a.role })}</Descriptions.Item>
            <Descriptions.Item label={t('admin:accounts.state')}>
              <Tag color={a.disabled ? undefined : TONE.success}>{a.disabled ? t('admin:accounts.disabled') : t('admin:accounts.active')}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('admin:accounts.signIn')}>
              {[a.has_password ? t('admin:accounts.byPassword') : null, a.oidc_subject ? t('admin:accounts.byOidc', { subject: a.oidc_subject }) : null].filter(Boolean).join(' · ') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('admin:accounts.created')}>{formatDateTime(a.created_at, lang)}</Descriptions.Item>
          </Descriptions>
          <RoleForm account={a} />
          <TokensSection account={a} />
        </Space>
      )}
    </Drawer>
  );
}

function RoleForm({ account }: { account: Account }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const refresh = useRefresh();
  const me = useSession();
  const [form] = Form.useForm<{ role: Role }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    form.setFieldsValue({ role: account.role as Role });
    setError(null);
  }, [account.id, account.role, form]);
  const self = me.me?.account_id === account.id;
  const linked = !!account.customer_id || !!account.technician_id;
  const change = async (v: { role: Role }) => {
    setBusy(true);
    setError(null);
    try {
      await must(
        api.POST('/api/v1/accounts/{id}/role', {
          params: { path: { id: account.id }, header: { 'If-Match': `"${account.version}"` } },
          body: { role: v.role },
        }),
      );
      void message.success(t('admin:accounts.roleChanged', { login: account.login, role: t(`common:role.${v.role}`) }));
    } catch (e) {
      setError(showProblem(e, form, fieldsNamed(['role']), t));
    } finally {
      refresh('account');
      refresh('accounts');
      setBusy(false);
    }
  };
  const disable = async () => {
    setError(null);
    try {
      await must(api.POST('/api/v1/accounts/{id}/disable', { params: { path: { id: account.id }, header: { 'If-Match': `"${account.version}"` } } }));
      void message.success(t('admin:accounts.disabledNow', { login: account.login }));
    } catch (e) {
      setError(showProblem(e, null, () => false, t));
    } finally {
      refresh('account');
      refresh('accounts');
    }
  };
  return (
    <section aria-labelledby="account-role">
      <Typography.Title level={2} id="account-role" style={{ fontSize: 16 }}>
        {t('admin:accounts.roleTitle')}
      </Typography.Title>
      {error && <Alert type="warning" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
      {self ? (
        <Typography.Paragraph type="secondary">{t('admin:accounts.selfNote')}</Typography.Paragraph>
      ) : linked ? (
        <Typography.Paragraph type="secondary">{t('admin:accounts.linkedNote')}</Typography.Paragraph>
      ) : null}
      <Form form={form} layout="inline" name="role" onFinish={(v) => void change(v)} disabled={self || linked || account.disabled} style={{ rowGap: 8 }}>
        <Form.Item name="role" label={t('admin:accounts.newRole')} rules={[{ required: true, message: t('common:required') }]}>
          <Select style={{ width: 170 }} options={ASSIGNABLE_ROLES.map((r) => ({ value: r, label: t(`common:role.${r}`) }))} data-testid="account-role" />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit" loading={busy} data-testid="change-role">
            {t('admin:accounts.changeRole')}
          </Button>
        </Form.Item>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
        {t('admin:accounts.roleHelp')}
      </Typography.Paragraph>
      {!account.disabled && !self && (
        <Popconfirm title={t('admin:accounts.disableConfirm', { login: account.login })} okText={t('admin:accounts.disable')} cancelText={t('common:cancel')} okButtonProps={{ danger: true }} onConfirm={() => disable()}>
          <Button danger data-testid="disable-account">
            {t('admin:accounts.disable')}
          </Button>
        </Popconfirm>
      )}
    </section>
  );
}

function TokensSection({ account }: { account: Account }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { message } = App.useApp();
  const refresh = useRefresh();
  const tokens = useApiTokens(account.id);
  const [form] = Form.useForm<{ name: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [secret, setSecret] = useState<{ name: string; token: string } | null>(null);
  useEffect(() => setSecret(null), [account.id]);
  const create = async (v: { name: string }) => {
    setBusy(true);
    setError(null);
    try {
      const made = await must(
        api.POST('/api/v1/accounts/{id}/api-tokens', {
          params: { path: { id: account.id }, header: { 'Idempotency-Key': idempotencyKey() } },
          body: { name: v.name.trim() },
        }),
      );
      setSecret({ name: made.name, token: made.token });
      form.resetFields();
    } catch (e) {
      setError(showProblem(e, form, fieldsNamed(['name']), t));
    } finally {
      refresh('account');
      setBusy(false);
    }
  };
  const revoke = async (tok: ApiToken) => {
    try {
      await must(api.POST('/api/v1/accounts/{id}/api-tokens/{token_id}/revoke', { params: { path: { id: account.id, token_id: tok.id } } }));
      void message.success(t('admin:tokens.revoked', { name: tok.name }));
    } catch (e) {
      setError(showProblem(e, null, () => false, t));
    } finally {
      refresh('account');
    }
  };
  return (
    <section aria-labelledby="account-tokens">
      <Typography.Title level={2} id="account-tokens" style={{ fontSize: 16 }}>
        {t('admin:tokens.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('admin:tokens.help')}</Typography.Paragraph>
      {error && <Alert type="warning" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
      {secret && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setSecret(null)}
          style={{ marginBottom: 12 }}
          data-testid="token-secret"
          message={t('admin:tokens.shownOnce', { name: secret.name })}
          description={
            <Typography.Paragraph copyable={{ text: secret.token }} code style={{ marginBottom: 0, wordBreak: 'break-all' }}>
              {secret.token}
            </Typography.Paragraph>
          }
        />
      )}
      {!account.disabled && (
        <Form form={form} layout="inline" name="token" onFinish={(v) => void create(v)} style={{ rowGap: 8, marginBottom: 12 }}>
          <Form.Item name="name" label={t('admin:tokens.name')} rules={[{ required: true, whitespace: true, message: t('common:required') }, { max: 200, message: t('common:tooLong', { max: 200 }) }]}>
            <Input style={{ width: 220 }} placeholder={t('admin:tokens.namePlaceholder')} data-testid="token-name" />
          </Form.Item>
          <Form.Item>
            <Button htmlType="submit" loading={busy} data-testid="create-token">
              {t('admin:tokens.create')}
            </Button>
          </Form.Item>
        </Form>
      )}
      <Table<ApiToken>
        size="small"
        rowKey="id"
        pagination={false}
        loading={tokens.isLoading}
        dataSource={tokens.data ?? []}
        locale={{ emptyText: t('admin:tokens.none') }}
        data-testid="tokens"
        columns={[
          { title: t('admin:tokens.name'), key: 'name', render: (_v, r) => r.name },
          { title: t('admin:accounts.created'), key: 'created', render: (_v, r) => formatDateTime(r.created_at, lang) },
          {
            title: t('admin:accounts.state'),
            key: 'state',
            render: (_v, r) =>
              r.revoked_at ? (
                <Tag>{t('admin:tokens.revokedAt', { at: formatDateTime(r.revoked_at, lang) })}</Tag>
              ) : (
                <Popconfirm title={t('admin:tokens.revokeConfirm', { name: r.name })} okText={t('admin:tokens.revoke')} cancelText={t('common:cancel')} okButtonProps={{ danger: true }} onConfirm={() => revoke(r)}>
                  <Button size="small" danger>
                    {t('admin:tokens.revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </section>
  );
}
