// The rule settings, each a list tried in order where the first rule that matches decides:
// the priority rules (优先级规则) that set a new ticket's priority, and the call assignment
// rules (外呼分配规则) that give a new call task to the callback specialist, the district
// agents or one account. A rule is a row of selects and word lists checked as they are typed,
// moved up or down to change the order, saved as a new version at the version read.
import type { CSSProperties, ReactNode } from 'react';
import { Button, Form, Input, Select, Space, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { FormInstance, FormListOperation, Rule } from 'antd/es/form';
import { useTranslation } from 'react-i18next';
import { api, must } from '../api/client';
import { KINDS } from '../calls/calls';
import { ScrollRegion } from '../lib/ScrollRegion';
import { PRIORITIES, TIERS } from './admin';
import { useAccountNames } from './queries';
import { callRule, callRuleRow, isRuleField, onRuleFields, priorityRow, priorityRule, RULE_LIMITS, type CallRuleRow, type PriorityRow } from './rules';
import { SaveBar, SaveError, SettingFrame, useReplacedSetting } from './settingParts';
import { VISUALLY_HIDDEN } from '../lib/visuallyHidden';

const TICKET_TYPES = ['fault', 'maintenance', 'installation', 'consultation', 'consumables', 'complaint', 'return'] as const;
/** The roles whose accounts work the outbound call queue. */
const CALL_ROLES = new Set(['callback_agent', 'agent', 'manager']);

/** The rule list's own check: 1 to 200 rules. */
function useListRules(): { validator: (_r: unknown, v: unknown[] | undefined) => Promise<void> }[] {
  const { t } = useTranslation();
  return [
    {
      validator: (_r, v) => {
        const n = (v ?? []).length;
        return n >= 1 && n <= RULE_LIMITS.rules ? Promise.resolve() : Promise.reject(new Error(t('admin:settings.rules.count', { max: RULE_LIMITS.rules })));
      },
    },
  ];
}

/** Each word of a tag list: present once trimmed and at most `max` characters; at most `count` of them. */
function useWordRules(max: number, count?: number): Rule[] {
  const { t } = useTranslation();
  return [
    {
      validator: (_r, v: string[] | undefined) => {
        const words = v ?? [];
        if (count !== undefined && words.length > count) return Promise.reject(new Error(t('admin:settings.rules.tooManyWords', { max: count })));
        const long = words.find((w) => w.trim().length > max);
        return long === undefined ? Promise.resolve() : Promise.reject(new Error(t('admin:settings.rules.wordTooLong', { word: long.trim().slice(0, 20), max })));
      },
    },
  ];
}

/** The buttons of one rule: up, down, remove. */
function RowButtons({ index, count, ops, label }: { index: number; count: number; ops: FormListOperation; label: string }) {
  const { t } = useTranslation();
  return (
    <Space.Compact>
      <Tooltip title={t('admin:settings.rules.up')}>
        <Button aria-label={`${t('admin:settings.rules.up')} · ${label}`} icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => ops.move(index, index - 1)} />
      </Tooltip>
      <Tooltip title={t('admin:settings.rules.down')}>
        <Button aria-label={`${t('admin:settings.rules.down')} · ${label}`} icon={<ArrowDownOutlined />} disabled={index === count - 1} onClick={() => ops.move(index, index + 1)} />
      </Tooltip>
      <Tooltip title={t('admin:settings.remove')}>
        <Button aria-label={`${t('admin:settings.remove')} · ${label}`} icon={<DeleteOutlined />} onClick={() => ops.remove(index)} />
      </Tooltip>
    </Space.Compact>
  );
}

/** A tag list typed with the keyboard: a word, then Enter or a comma. */
function Words({ label, testId, width, ...rest }: { label: string; testId: string; width: number; value?: string[]; onChange?: (v: string[]) => void; placeholder?: string }) {
  return <Select mode="tags" tokenSeparators={[',', '，']} open={false} suffixIcon={null} aria-label={label} style={{ width }} data-testid={testId} {...rest} />;
}

/** Text read by screen readers but not shown (its box takes no room). */
const cell: CSSProperties = { verticalAlign: 'top', padding: '4px 8px 0 0' };
const head: CSSProperties = { textAlign: 'start', fontWeight: 600, padding: '0 8px 4px 0', whiteSpace: 'nowrap' };

/** What one rule list shows besides its rows: its setting, its columns' heads, the row a new rule starts as. */
interface RuleListProps<Row> {
  /** The setting's name in the settings menu and the i18n keys (`admin:settings.<name>.…`). */
  name: 'priority' | 'call-rules';
  /** The setting as read, with its save (`useReplacedSetting`). */
  s: { version: number | undefined; busy: boolean; error: string | null; save: (v: { rules: Row[] }) => Promise<void>; reset: () => void; query: { isLoading: boolean } };
  form: FormInstance<{ rules: Row[] }>;
  /** The heads of the columns between the rule's number and its order buttons. */
  columns: string[];
  /** The cells of one rule, between its number and its order buttons. */
  cells: (name: number, label: string) => ReactNode;
  /** The test id of one rule's row and of its add button (`add-<rowTestId>`). */
  rowTestId: string;
  newRow: Row;
}

/**
 * A rule list of one setting: a table with a row per rule tried in order, each with its number,
 * its cells and the buttons that move or remove it; the list's own refusal under it; a button
 * that adds a rule; what happens when no rule matches; the save bar. Both rule settings are
 * this frame with their own cells.
 */
function RuleList<Row>({ name, s, form, columns, cells, rowTestId, newRow }: RuleListProps<Row>) {
  const { t } = useTranslation();
  const listRules = useListRules();
  return (
    <SettingFrame name={name} version={s.version}>
      <Form form={form} name={name} layout="vertical" onFinish={(v) => void s.save(v)} disabled={s.query.isLoading}>
        <SaveError error={s.error} />
        <Form.List name="rules" rules={listRules}>
          {(fields, ops, { errors }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Text type="secondary">{t('admin:settings.rules.wordsHelp')}</Typography.Text>
              <ScrollRegion label={t(`admin:settings.${name}.title`)}>
                <table style={{ borderCollapse: 'collapse' }}>
                  <thead>
                    <tr>
                      <th scope="col" style={head}>
                        #
                      </th>
                      {columns.map((c) => (
                        <th key={c} scope="col" style={head}>
                          {c}
                        </th>
                      ))}
                      <th scope="col" style={head}>
                        <span style={VISUALLY_HIDDEN}>{t('admin:settings.rules.order')}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {fields.map((f, i) => {
                      const label = t('admin:settings.rules.rule', { n: i + 1 });
                      return (
                        <tr key={f.key} data-testid={rowTestId}>
                          <td style={{ ...cell, paddingTop: 9 }}>{i + 1}</td>
                          {cells(f.name, label)}
                          <td style={cell}>
                            <RowButtons index={i} count={fields.length} ops={ops} label={label} />
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </ScrollRegion>
              <Form.ErrorList errors={errors} />
              <Button icon={<PlusOutlined />} onClick={() => ops.add(newRow)} data-testid={`add-${rowTestId}`}>
                {t('admin:settings.rules.add')}
              </Button>
              <Typography.Text type="secondary">{t(`admin:settings.${name}.otherwise`)}</Typography.Text>
            </Space>
          )}
        </Form.List>
        <SaveBar busy={s.busy} onReset={s.reset} testId={name} />
      </Form>
    </SettingFrame>
  );
}

interface PriorityValues {
  rules: PriorityRow[];
}

/** The rules that set a new ticket's priority, first match wins (P4 when none does). */
export function PriorityRulesSetting() {
  const { t } = useTranslation();
  const [form] = Form.useForm<PriorityValues>();
  const s = useReplacedSetting(
    'priority',
    () => must(api.GET('/api/v1/priority-rules')),
    (version, v: PriorityValues) =>
      must(api.POST('/api/v1/priority-rules', { params: { header: { 'If-Match': `"${version}"` } }, body: { rules: (v.rules ?? []).map(priorityRule) } })).catch((e: unknown) => {
        throw onRuleFields(e);
      }),
    form,
    isRuleField,
    (p) => ({ rules: p.rules.map(priorityRow) }),
  );
  const keywordRules = useWordRules(RULE_LIMITS.keyword, RULE_LIMITS.keywords);
  const any = t('admin:settings.priority.any');
  const col = (k: string) => t(`admin:settings.priority.${k}`);
  return (
    <RuleList<PriorityRow>
      name="priority"
      s={s}
      form={form}
      columns={['priority', 'type', 'tier', 'machineDown', 'keywords', 'note'].map(col)}
      rowTestId="priority-rule"
      newRow={{ priority: 'p3', keywords: [], note: '' }}
      cells={(name, label) => (
        <>
          <td style={cell}>
            <Form.Item name={[name, 'priority']} rules={[{ required: true, message: t('common:required') }]}>
              <Select aria-label={`${label} · ${col('priority')}`} style={{ width: 76 }} options={PRIORITIES.map((p) => ({ value: p, label: p.toUpperCase() }))} />
            </Form.Item>
          </td>
          <td style={cell}>
            <Form.Item name={[name, 'type']}>
              <Select aria-label={`${label} · ${col('type')}`} allowClear placeholder={any} style={{ width: 110 }} options={TICKET_TYPES.map((x) => ({ value: x, label: t(`admin:ticketTypes.${x}`) }))} />
            </Form.Item>
          </td>
          <td style={cell}>
            <Form.Item name={[name, 'tier']}>
              <Select aria-label={`${label} · ${col('tier')}`} allowClear placeholder={any} style={{ width: 120 }} options={TIERS.map((x) => ({ value: x, label: t(`admin:tiers.${x}`) }))} />
            </Form.Item>
          </td>
          <td style={cell}>
            <Form.Item name={[name, 'machine']}>
              <Select
                aria-label={`${label} · ${col('machineDown')}`}
                allowClear
                placeholder={any}
                style={{ width: 110 }}
                options={[
                  { value: 'down', label: col('down') },
                  { value: 'running', label: col('running') },
                ]}
              />
            </Form.Item>
          </td>
          <td style={cell}>
            <Form.Item name={[name, 'keywords']} rules={keywordRules}>
              <Words label={`${label} · ${col('keywords')}`} placeholder={col('anyWords')} testId="priority-keywords" width={320} />
            </Form.Item>
          </td>
          <td style={cell}>
            <Form.Item name={[name, 'note']} rules={[{ max: RULE_LIMITS.note, message: t('common:tooLong', { max: RULE_LIMITS.note }) }]}>
              <Input aria-label={`${label} · ${col('note')}`} style={{ width: 200 }} data-testid="priority-note" />
            </Form.Item>
          </td>
        </>
      )}
    />
  );
}

interface CallValues {
  rules: CallRuleRow[];
}

/** The rules that give a new call task its assignee, first match wins. */
export function CallRulesSetting() {
  const { t } = useTranslation();
  const [form] = Form.useForm<CallValues>();
  const accounts = useAccountNames();
  const s = useReplacedSetting(
    'call-rules',
    () => must(api.GET('/api/v1/call-rules')),
    (version, v: CallValues) =>
      must(api.POST('/api/v1/call-rules', { params: { header: { 'If-Match': `"${version}"` } }, body: { rules: (v.rules ?? []).map(callRule) } })).catch((e: unknown) => {
        throw onRuleFields(e);
      }),
    form,
    isRuleField,
    (c) => ({ rules: c.rules.map(callRuleRow) }),
  );
  const matchRules = useWordRules(RULE_LIMITS.match);
  const rows = (Form.useWatch('rules', form) ?? []).filter(Boolean);
  const chosen = new Set(rows.map((r) => r.user).filter((u): u is string => !!u));
  const people = [...(accounts.data?.values() ?? [])]
    .filter((a) => (CALL_ROLES.has(a.role) && !a.disabled) || chosen.has(a.id))
    .map((a) => ({ value: a.id, label: `${a.display_name} (${a.login} · ${t(`common:role.${a.role}`, { defaultValue: a.role })})` }));
  for (const u of chosen) if (!people.some((p) => p.value === u)) people.push({ value: u, label: u });
  const any = t('admin:settings.call-rules.any');
  const col = (k: string) => t(`admin:settings.call-rules.${k}`);
  return (
    <RuleList<CallRuleRow>
      name="call-rules"
      s={s}
      form={form}
      columns={['kinds', 'productLines', 'brands', 'districts', 'assignee'].map(col)}
      rowTestId="call-rule"
      newRow={{ kinds: [], product_lines: [], brands: [], districts: [], assignee: 'district_agent' }}
      cells={(name, label) => (
        <>
          <td style={cell}>
            <Form.Item name={[name, 'kinds']}>
              <Select
                mode="multiple"
                allowClear
                aria-label={`${label} · ${col('kinds')}`}
                placeholder={any}
                style={{ width: 260 }}
                options={KINDS.map((k) => ({ value: k, label: t(`calls:kinds.${k}`) }))}
                data-testid="call-kinds"
              />
            </Form.Item>
          </td>
          <td style={cell}>
            <Form.Item name={[name, 'product_lines']} rules={matchRules}>
              <Words label={`${label} · ${col('productLines')}`} placeholder={any} testId="call-product-lines" width={170} />
            </Form.Item>
          </td>
          <td style={cell}>
            <Form.Item name={[name, 'brands']} rules={matchRules}>
              <Words label={`${label} · ${col('brands')}`} placeholder={any} testId="call-brands" width={170} />
            </Form.Item>
          </td>
          <td style={cell}>
            <Form.Item name={[name, 'districts']} rules={matchRules}>
              <Words label={`${label} · ${col('districts')}`} placeholder={any} testId="call-districts" width={150} />
            </Form.Item>
          </td>
          <td style={cell}>
            <Form.Item name={[name, 'assignee']} rules={[{ required: true, message: t('common:required') }]}>
              <Select
                aria-label={`${label} · ${col('assignee')}`}
                style={{ width: 200 }}
                options={(['callback_specialist', 'district_agent', 'user'] as const).map((a) => ({ value: a, label: t(`admin:settings.call-rules.values.to.${a}`) }))}
                data-testid="call-assignee"
              />
            </Form.Item>
            <Form.Item noStyle dependencies={[['rules', name, 'assignee']]}>
              {({ getFieldValue }) =>
                getFieldValue(['rules', name, 'assignee']) === 'user' ? (
                  <Form.Item name={[name, 'user']} rules={[{ required: true, message: col('userNeeded') }]}>
                    <Select
                      aria-label={`${label} · ${col('user')}`}
                      placeholder={col('user')}
                      showSearch
                      optionFilterProp="label"
                      loading={accounts.isLoading}
                      style={{ width: 200 }}
                      options={people}
                      data-testid="call-user"
                    />
                  </Form.Item>
                ) : null
              }
            </Form.Item>
          </td>
        </>
      )}
    />
  );
}
