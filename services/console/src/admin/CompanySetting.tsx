// The company profile (公司抬头) as the administrator keeps it: the particulars a printed
// receipt is headed and signed off with, saved as a new version at the version read, with
// who saved the version in force and when.
import { Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, must } from '../api/client';
import type { Lang } from '../i18n/langs';
import type { CompanyProfile, CompanyProfileFields } from '../lib/companyProfile';
import { useDisplayNames } from '../lib/displayNames';
import { formatDateTime } from '../lib/format';
import { SaveBar, SaveError, SettingFrame, useReplacedSetting } from './settingParts';

interface Values {
  profile: CompanyProfileFields;
}

const EMPTY: CompanyProfileFields = { name_zh: '', name_en: '', address: '', phone: '', tax_number: '', bank_name: '', bank_account: '', receipt_footer: '' };

/** The limits the API states for each text (`shared/contracts` billing limits). */
const MAX: Record<keyof CompanyProfileFields, number> = {
  name_zh: 100,
  name_en: 200,
  address: 300,
  phone: 40,
  tax_number: 20,
  bank_name: 100,
  bank_account: 40,
  receipt_footer: 500,
};

const trimmed = (p: CompanyProfileFields): CompanyProfileFields =>
  Object.fromEntries(Object.entries(p).map(([k, v]) => [k, typeof v === 'string' ? v.trim() : ''])) as unknown as CompanyProfileFields;

/** The company profile's page. */
export function CompanySetting() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [form] = Form.useForm<Values>();
  const s = useReplacedSetting<CompanyProfile, Values>(
    'company',
    () => must(api.GET('/api/v1/company-profile')),
    (version, v) => must(api.POST('/api/v1/company-profile', { params: { header: { 'If-Match': `"${version}"` } }, body: { profile: trimmed({ ...EMPTY, ...v.profile }) } })),
    form,
    (p) => p[0] === 'profile' && p.length === 2,
    (c) => ({ profile: { ...EMPTY, ...(c.profile ?? {}) } }),
  );
  const data = s.query.data;
  const name = useDisplayNames([data?.updated_by]);
  const max = (k: keyof CompanyProfileFields) => ({ max: MAX[k], message: t('common:tooLong', { max: MAX[k] }) });
  const item = (k: keyof CompanyProfileFields) => ({ name: ['profile', k], label: t(`admin:settings.company.${k}`) });
  const by = data?.updated_by ? name(data.updated_by) : null;
  return (
    <SettingFrame name="company" version={s.version}>
      {data && by && (
        <Typography.Paragraph type="secondary" data-testid="company-changed">
          {t('admin:settings.changedBy', { who: by, when: formatDateTime(data.updated_at, lang) })}
        </Typography.Paragraph>
      )}
      {data && !data.profile && (
        <Typography.Paragraph type="warning" data-testid="company-unset">
          {t('admin:settings.company.unset')}
        </Typography.Paragraph>
      )}
      <Form form={form} name="company" layout="vertical" onFinish={(v) => void s.save(v)} disabled={s.query.isLoading} style={{ maxWidth: 640 }}>
        <SaveError error={s.error} />
        <Form.Item {...item('name_zh')} rules={[{ required: true, whitespace: true, message: t('common:required') }, max('name_zh')]}>
          <Input lang="zh-CN" autoComplete="organization" data-testid="company-name_zh" />
        </Form.Item>
        <Form.Item {...item('name_en')} rules={[max('name_en')]}>
          <Input lang="en" data-testid="company-name_en" />
        </Form.Item>
        <Form.Item {...item('address')} rules={[max('address')]}>
          <Input autoComplete="street-address" data-testid="company-address" />
        </Form.Item>
        <Form.Item {...item('phone')} rules={[max('phone')]}>
          <Input autoComplete="tel" inputMode="tel" style={{ maxWidth: 240 }} data-testid="company-phone" />
        </Form.Item>
        <Form.Item
          {...item('tax_number')}
          extra={t('admin:settings.company.taxHelp')}
          rules={[{ pattern: /^\s*([0-9A-Za-z]{15,20})?\s*$/, message: t('admin:settings.company.taxInvalid') }]}
        >
          <Input style={{ maxWidth: 280, textTransform: 'uppercase' }} data-testid="company-tax_number" />
        </Form.Item>
        <Form.Item
          {...item('bank_name')}
          dependencies={[['profile', 'bank_account']]}
          rules={[
            max('bank_name'),
            ({ getFieldValue }) => ({
              validator: (_r, v: string | undefined) =>
                !(getFieldValue(['profile', 'bank_account']) as string | undefined)?.trim() || v?.trim() ? Promise.resolve() : Promise.reject(new Error(t('admin:settings.company.bankNeeded'))),
            }),
          ]}
        >
          <Input data-testid="company-bank_name" />
        </Form.Item>
        <Form.Item {...item('bank_account')} rules={[max('bank_account'), { pattern: /^[\d\s-]*$/, message: t('admin:settings.company.accountInvalid') }]}>
          <Input inputMode="numeric" style={{ maxWidth: 320 }} data-testid="company-bank_account" />
        </Form.Item>
        <Form.Item {...item('receipt_footer')} extra={t('admin:settings.company.footerHelp')} rules={[max('receipt_footer')]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} showCount data-testid="company-receipt_footer" />
        </Form.Item>
        <SaveBar busy={s.busy} onReset={s.reset} testId="company" />
      </Form>
    </SettingFrame>
  );
}
