// The company's fault list (故障代码), kept by the administrator: each code with its names in
// Chinese and English and whether a visit report may still name it. The field app offers
// the active codes in the technician's language; a code no longer used is made inactive
// rather than removed, so the reports that named it keep their name.
import { Alert, Button, Form, Input, Space, Switch } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { api, must } from '../api/client';
import type { components } from '../api/schema';
import { duplicates } from './admin';
import { SaveBar, SaveError, SettingFrame, useReplacedSetting } from './settingParts';

type FaultCode = components['schemas']['FaultCode'];

interface FaultValues {
  codes: FaultCode[];
}

/** A fault code's shape, as the API states it. */
export const FAULT_CODE = /^[a-z0-9_]{1,64}$/;

/** The fault list's page. */
export function FaultCodesSetting() {
  const { t } = useTranslation();
  const [form] = Form.useForm<FaultValues>();
  const s = useReplacedSetting(
    'faults',
    () => must(api.GET('/api/v1/fault-codes')),
    (version, v: FaultValues) =>
      must(
        api.POST('/api/v1/fault-codes', {
          params: { header: { 'If-Match': `"${version}"` } },
          body: { codes: (v.codes ?? []).map((c) => ({ code: c.code.trim(), label_zh: c.label_zh.trim(), label_en: c.label_en.trim(), active: !!c.active })) },
        }),
      ),
    form,
    (p) => p[0] === 'codes',
    (f) => ({ codes: f.codes }),
  );
  const rows = (Form.useWatch('codes', form) ?? []).filter(Boolean);
  const dup = duplicates(
    rows.filter((r) => r.code),
    (r) => r.code.trim(),
  );
  const label = [{ required: true, whitespace: true, message: t('common:required') }, { max: 100, message: t('common:tooLong', { max: 100 }) }];
  return (
    <SettingFrame name="faults" version={s.version}>
      <Form form={form} name="faults" layout="inline" onFinish={(v) => void s.save(v)} disabled={s.query.isLoading} style={{ display: 'block' }}>
        <SaveError error={s.error} />
        {dup.length > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('admin:settings.duplicate', { keys: dup.join(', ') })} />}
        <Form.List name="codes">
          {(fields, { add, remove }) => (
            <Space direction="vertical">
              {fields.map((f) => (
                <Space key={f.key} align="start" wrap data-testid="fault-row">
                  <Form.Item
                    name={[f.name, 'code']}
                    label={t('admin:settings.faults.code')}
                    rules={[
                      { required: true, message: t('common:required') },
                      { pattern: FAULT_CODE, message: t('admin:settings.faults.codeShape') },
                    ]}
                  >
                    <Input style={{ width: 150 }} autoComplete="off" data-testid="fault-code" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'label_zh']} label={t('admin:settings.faults.labelZh')} rules={label}>
                    <Input style={{ width: 180 }} lang="zh-CN" data-testid="fault-label-zh" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'label_en']} label={t('admin:settings.faults.labelEn')} rules={label}>
                    <Input style={{ width: 200 }} lang="en" data-testid="fault-label-en" />
                  </Form.Item>
                  <Form.Item name={[f.name, 'active']} label={t('admin:settings.faults.active')} valuePropName="checked">
                    <Switch data-testid="fault-active" />
                  </Form.Item>
                  <Button aria-label={t('admin:settings.remove')} icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ code: '', label_zh: '', label_en: '', active: true })} data-testid="add-fault">
                {t('admin:settings.addRow')}
              </Button>
            </Space>
          )}
        </Form.List>
        <div>
          <SaveBar busy={s.busy} onReset={s.reset} testId="faults" />
        </div>
      </Form>
    </SettingFrame>
  );
}
