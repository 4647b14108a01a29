import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { changePassword, signIn } from './session';

/**
 * The sign-in form, used on the sign-in page and over a page whose session expired. An
 * account created with a one-time password is asked for a new one before going on.
 */
export function SignInForm({ onSignedIn }: { onSignedIn?: (switched: boolean) => void }) {
  const { t } = useTranslation();
  const [failed, setFailed] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [current, setCurrent] = useState<string | null>(null);
  const [form] = Form.useForm<{ new_password: string; repeat: string }>();
  if (current !== null) {
    return (
      <Form
        form={form}
        layout="vertical"
        name="newpassword"
        onFinish={async (v) => {
          setBusy(true);
          const r = await changePassword(current, v.new_password).finally(() => setBusy(false));
          if (r.ok) {
            onSignedIn?.(r.switched);
            return;
          }
          const field = r.problem?.errors?.find((e) => e.field === 'new_password');
          if (field) form.setFields([{ name: 'new_password', errors: [field.message] }]);
          else setFailed(r.problem?.detail ?? t('auth:failed'));
        }}
      >
        <Alert type="info" showIcon title={t('auth:mustChange')} style={{ marginBottom: 16 }} />
        {failed && <Alert type="error" title={failed} showIcon style={{ marginBottom: 16 }} role="alert" />}
        <Form.Item
          name="new_password"
          label={t('auth:newPassword')}
          rules={[
            { required: true, message: t('common:required') },
            { min: 12, message: t('common:tooShort', { min: 12 }) },
            { max: 256, message: t('common:tooLong', { max: 256 }) },
          ]}
        >
          <Input.Password autoFocus autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="repeat"
          label={t('auth:repeatPassword')}
          dependencies={['new_password']}
          rules={[
            { required: true, message: t('common:required') },
            ({ getFieldValue }) => ({
              validator: (_, value) => (value === getFieldValue('new_password') ? Promise.resolve() : Promise.reject(new Error(t('auth:mismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block>
          {t('auth:changeAndContinue')}
        </Button>
      </Form>
    );
  }
  return (
    <Form
      layout="vertical"
      name="signin"
      onFinish={async (v: { login: string; password: string }) => {
        setBusy(true);
        const r = await signIn(v.login, v.password).finally(() => setBusy(false));
        if (r.mustChange) {
          setFailed(null);
          setCurrent(v.password);
          return;
        }
        setFailed(r.ok ? null : t('auth:failed'));
        if (r.ok) onSignedIn?.(r.switched);
      }}
    >
      {failed && <Alert type="error" title={failed} showIcon style={{ marginBottom: 16 }} role="alert" />}
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
