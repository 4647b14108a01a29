import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { signIn } from './session';

/** The sign-in form, used on the sign-in page and over a page whose session expired. */
export function SignInForm({ onSignedIn, initialLogin }: { onSignedIn?: (switched: boolean) => void; initialLogin?: string }) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <Form
      layout="vertical"
      name="signin"
      initialValues={{ login: initialLogin ?? '' }}
      onFinish={async (v: { login: string; password: string }) => {
        setBusy(true);
        const r = await signIn(v.login, v.password).finally(() => setBusy(false));
        setFailed(!r.ok);
        if (r.ok) onSignedIn?.(r.switched);
      }}
    >
      {failed && <Alert type="error" title={t('auth:failed')} showIcon style={{ marginBottom: 16 }} role="alert" />}
      <Form.Item name="login" label={t('auth:login')} rules={[{ required: true, message: t('common:required') }]}>
        <Input autoFocus autoComplete="username" />
      </Form.Item>
      <Form.Item name="password" label={t('auth:password')} rules={[{ required: true, message: t('common:required') }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} block>
        {t('auth:submit')}
      </Button>
    </Form>
  );
}
