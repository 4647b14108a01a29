// Technician profiles (`/board/technicians`): skills, certificates with their expiry (red once
// expired, amber within 30 days), shift, daily capacity and leave; a profile is edited with
// If-Match (updateTechnician) and leave is added (addLeave). Forms check what the OpenAPI
// document states; what only the service knows comes back as a 422 on its field.
import { Alert, App, Button, ConfigProvider, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tag, TimePicker, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import dayjs, { type Dayjs } from 'dayjs';
import { endsAfter } from '../lib/formRules';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, idempotencyKey, must } from '../api/client';
import { ApiProblem, fieldErrors } from '../api/problem';
import type { Lang } from '../i18n/langs';
import { formatDate } from '../lib/format';
import { useCan } from '../shell/permissions';
import { onLeave, type Technician } from './board';
import { daysLeft, expiry, type Expiry } from './certs';
import { useTechnicians } from './queries';

/** Tag styles with WCAG AA contrast: red once expired, amber within 30 days, green otherwise. */
const EXPIRY_STYLE: Record<Expiry, { color: string; background: string; borderColor: string }> = {
  expired: { color: '#a8071a', background: '#fff1f0', borderColor: '#ffa39e' },
  expiring: { color: '#873800', background: '#fff7e6', borderColor: '#ffc069' },
  valid: { color: '#135200', background: '#f6ffed', borderColor: '#b7eb8f' },
};

const hhmm = (partial: string) => partial.slice(0, 5);

function Certificates({ tech, today }: { tech: Technician; today: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  if (tech.certifications.length === 0) return <Typography.Text type="secondary">{t('common:none')}</Typography.Text>;
  return (
    <Space size={[4, 4]} wrap>
      {tech.certifications.map((c, i) => {
        const state = expiry(c.expires_on, today);
        const left = daysLeft(c.expires_on, today);
        return (
          <Tag key={i} style={EXPIRY_STYLE[state]} data-testid={`cert-${c.skill}`} data-expiry={state}>
            {c.skill} · {t('board:tech.until', { date: formatDate(c.expires_on, lang) })} ·{' '}
            {state === 'expired'
              ? t('board:tech.expired')
              : state === 'valid'
                ? t('board:tech.valid')
                : left === 0
                  ? t('board:tech.expiresToday')
                  : left === 1
                    ? t('board:tech.expiresTomorrow')
                    : t('board:tech.expiring', { count: left })}
          </Tag>
        );
      })}
    </Space>
  );
}

function LeaveList({ tech, today }: { tech: Technician; today: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const shown = tech.leave.filter((l) => l.to >= today);
  if (shown.length === 0) return <Typography.Text type="secondary">{t('board:tech.noLeave')}</Typography.Text>;
  return (
    <ul style={{ margin: 0, paddingInlineStart: 16 }}>
      {shown.map((l, i) => (
        <li key={i}>
          {formatDate(l.from, lang)} – {formatDate(l.to, lang)}
          {l.reason ? ` · ${l.reason}` : ''}
        </li>
      ))}
    </ul>
  );
}

interface ProfileValues {
  name: string;
  district: string;
  team?: string;
  daily_capacity: number;
  skills: string[];
  certifications: { skill: string; expires_on: Dayjs }[];
  shift_start: Dayjs;
  shift_end: Dayjs;
  active: boolean;
}

const PROFILE_FIELDS = ['name', 'district', 'team', 'daily_capacity', 'skills', 'certifications', 'shift_start', 'shift_end', 'active'];

/** The 422's field errors onto the form; the others as one text. */
function applyProblem(e: ApiProblem, setFields: (fields: { name: (string | number)[]; errors: string[] }[]) => void, known: string[]): string | null {
  const { fields, other } = fieldErrors(e.problem, (p) => known.includes(String(p[0])));
  setFields(fields.map((f) => ({ name: f.name, errors: f.errors })));
  return other.length > 0 ? other.join('; ') : null;
}

function ProfileDialog({ tech, onClose }: { tech: Technician | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<ProfileValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = tech?.id;

  useEffect(() => {
    if (!tech) return;
    setError(null);
    form.setFieldsValue({
      name: tech.name,
      district: tech.district,
      team: tech.team,
      daily_capacity: tech.daily_capacity,
      skills: tech.skills,
      certifications: tech.certifications.map((c) => ({ skill: c.skill, expires_on: dayjs(c.expires_on) })),
      shift_start: dayjs(`2000-01-01T${tech.shift_start}`),
      shift_end: dayjs(`2000-01-01T${tech.shift_end}`),
      active: tech.active,
    });
    // Only a new technician resets the form: a reload after a 412 keeps what was typed.
  }, [id, form]);

  const submit = async (v: ProfileValues) => {
    if (!tech) return;
    setBusy(true);
    setError(null);
    try {
      await must(
        api.POST('/api/v1/technicians/{id}', {
          params: { path: { id: tech.id }, header: { 'If-Match': `"${tech.version}"` } },
          body: {
            name: v.name.trim(),
            district: v.district.trim(),
            team: v.team?.trim() ? v.team.trim() : null,
            daily_capacity: v.daily_capacity,
            skills: v.skills.map((s) => s.trim().toLowerCase()).filter(Boolean),
            certifications: (v.certifications ?? []).map((c) => ({ skill: c.skill.trim().toLowerCase(), expires_on: c.expires_on.format('YYYY-MM-DD') })),
            shift_start: v.shift_start.format('HH:mm:00'),
            shift_end: v.shift_end.format('HH:mm:00'),
            start_location: tech.start_location ?? null,
            van_location: tech.van_location ?? null,
            active: v.active,
          },
        }),
      );
      void message.success(t('board:tech.saved', { name: v.name.trim() }));
      void qc.invalidateQueries({ queryKey: ['workorders'] });
      onClose();
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 412) {
        setError(t('board:tech.stale'));
        void qc.invalidateQueries({ queryKey: ['workorders'] });
      } else if (e instanceof ApiProblem && e.status === 422) {
        setError(applyProblem(e, (f) => form.setFields(f as Parameters<typeof form.setFields>[0]), PROFILE_FIELDS));
      } else {
        setError(t('common:error', { detail: e instanceof Error ? e.message : String(e) }));
      }
    } finally {
      setBusy(false);
    }
  };

  const required = { required: true, whitespace: true, message: t('common:required') };
  return (
    <Modal open={!!tech} title={tech ? t('board:tech.editTitle', { name: tech.name }) : ''} onCancel={onClose} footer={null} destroyOnHidden width={640} data-testid="profile-dialog">
      {tech && (
        <Form form={form} name="profile" layout="vertical" onFinish={(v) => void submit(v)} requiredMark="optional">
          {error && <Alert type="warning" showIcon message={error} style={{ marginBottom: 12 }} data-testid="profile-error" />}
          <Space align="start" wrap>
            <Form.Item name="name" label={t('board:tech.name')} rules={[required, { max: 100, message: t('common:tooLong', { max: 100 }) }]}>
              <Input autoFocus maxLength={100} />
            </Form.Item>
            <Form.Item name="district" label={t('board:tech.district')} rules={[required]}>
              <Input />
            </Form.Item>
            <Form.Item name="team" label={t('board:tech.team')}>
              <Input />
            </Form.Item>
          </Space>
          <Space align="start" wrap>
            <Form.Item
              name="daily_capacity"
              label={t('board:tech.capacity')}
              rules={[
                { required: true, message: t('common:required') },
                { type: 'integer', min: 1, max: 50, message: t('board:tech.capacityRange') },
              ]}
            >
              <InputNumber />
            </Form.Item>
            <Form.Item name="shift_start" label={t('board:tech.shiftStart')} rules={[{ required: true, message: t('common:required') }]}>
              <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} allowClear={false} />
            </Form.Item>
            <Form.Item
              name="shift_end"
              label={t('board:tech.shiftEnd')}
              dependencies={['shift_start']}
              rules={[
                { required: true, message: t('common:required') },
                endsAfter('shift_start', 'later-time', t('board:tech.shiftOrder')),
              ]}
            >
              <TimePicker format="HH:mm" minuteStep={5} needConfirm={false} allowClear={false} />
            </Form.Item>
            <Form.Item name="active" label={t('board:tech.active')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Space>
          <Form.Item name="skills" label={t('board:tech.skills')} extra={t('board:tech.skillsHelp')}>
            <Select mode="tags" tokenSeparators={[',', ' ']} open={false} suffixIcon={null} />
          </Form.Item>
          <Typography.Text strong>{t('board:tech.certificates')}</Typography.Text>
          <Form.List name="certifications">
            {(fields, { add, remove }) => (
              <div style={{ marginTop: 8 }}>
                {fields.map((f) => (
                  <Space key={f.key} align="start" wrap>
                    <Form.Item name={[f.name, 'skill']} label={t('board:tech.certSkill')} rules={[required, { max: 64, message: t('common:tooLong', { max: 64 }) }]}>
                      <Input maxLength={64} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'expires_on']} label={t('board:tech.certExpires')} rules={[{ required: true, message: t('common:required') }]}>
                      <DatePicker format="YYYY-MM-DD" allowClear={false} />
                    </Form.Item>
                    <Button
                      icon={<MinusCircleOutlined />}
                      aria-label={t('board:tech.removeCert')}
                      title={t('board:tech.removeCert')}
                      onClick={() => remove(f.name)}
                      style={{ marginTop: 30 }}
                    />
                  </Space>
                ))}
                <Form.Item>
                  <Button icon={<PlusOutlined />} onClick={() => add({ skill: '', expires_on: dayjs().add(1, 'year') })} data-testid="add-cert">
                    {t('board:tech.addCert')}
                  </Button>
                </Form.Item>
              </div>
            )}
          </Form.List>
          <Space>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="profile-submit">
              {t('common:save')}
            </Button>
            <Button onClick={onClose}>{t('common:cancel')}</Button>
          </Space>
        </Form>
      )}
    </Modal>
  );
}

interface LeaveValues {
  from: Dayjs;
  to: Dayjs;
  reason?: string;
}

function LeaveDialog({ tech, onClose }: { tech: Technician | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<LeaveValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Kept until the leave is recorded, so a retry is not recorded twice.
  const key = useRef<string>(idempotencyKey());
  const id = tech?.id;

  useEffect(() => {
    if (!id) return;
    setError(null);
    key.current = idempotencyKey();
    form.setFieldsValue({ from: dayjs(), to: dayjs(), reason: '' });
  }, [id, form]);

  const submit = async (v: LeaveValues) => {
    if (!tech) return;
    setBusy(true);
    setError(null);
    try {
      await must(
        api.POST('/api/v1/technicians/{id}/leave', {
          params: { path: { id: tech.id }, header: { 'Idempotency-Key': key.current } },
          body: { from: v.from.format('YYYY-MM-DD'), to: v.to.format('YYYY-MM-DD'), reason: v.reason?.trim() ?? '' },
        }),
      );
      void message.success(t('board:tech.leaveAdded', { name: tech.name }));
      void qc.invalidateQueries({ queryKey: ['workorders'] });
      onClose();
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 422) {
        setError(applyProblem(e, (f) => form.setFields(f as Parameters<typeof form.setFields>[0]), ['from', 'to', 'reason']));
      } else {
        setError(t('common:error', { detail: e instanceof Error ? e.message : String(e) }));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={!!tech} title={tech ? t('board:tech.leaveTitle', { name: tech.name }) : ''} onCancel={onClose} footer={null} destroyOnHidden data-testid="leave-dialog">
      {tech && (
        <Form form={form} name="leave" layout="vertical" onFinish={(v) => void submit(v)} requiredMark="optional">
          {error && <Alert type="warning" showIcon message={error} style={{ marginBottom: 12 }} data-testid="leave-error" />}
          <Space align="start" wrap>
            <Form.Item name="from" label={t('board:tech.leaveFrom')} rules={[{ required: true, message: t('common:required') }]}>
              <DatePicker autoFocus format="YYYY-MM-DD" allowClear={false} />
            </Form.Item>
            <Form.Item
              name="to"
              label={t('board:tech.leaveTo')}
              dependencies={['from']}
              rules={[
                { required: true, message: t('common:required') },
                endsAfter('from', 'same-or-later-day', t('board:tech.leaveOrder')),
              ]}
            >
              <DatePicker format="YYYY-MM-DD" allowClear={false} />
            </Form.Item>
          </Space>
          <Form.Item name="reason" label={t('board:tech.leaveReason')} rules={[{ max: 200, message: t('common:tooLong', { max: 200 }) }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="leave-submit">
              {t('board:tech.addLeave')}
            </Button>
            <Button onClick={onClose}>{t('common:cancel')}</Button>
          </Space>
        </Form>
      )}
    </Modal>
  );
}

/** The page. */
export default function TechniciansPage() {
  const { t } = useTranslation();
  const technicians = useTechnicians();
  const canEdit = useCan('updateTechnician');
  const canLeave = useCan('addLeave');
  const today = dayjs().format('YYYY-MM-DD');
  const [editing, setEditing] = useState<string | null>(null);
  const [leave, setLeave] = useState<string | null>(null);
  const list = [...(technicians.data ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  // Opened from a lane's name: that technician's row is marked and scrolled to.
  const [params] = useSearchParams();
  const current = params.get('id');
  useEffect(() => {
    if (current && list.some((x) => x.id === current)) document.querySelector(`[data-current="true"]`)?.scrollIntoView({ block: 'center' });
  }, [current, list.length]);
  const find = (id: string | null) => list.find((x) => x.id === id) ?? null;

  return (
    <div data-testid="technicians">
      <Space style={{ marginBottom: 12 }} wrap align="center">
        <Link to="/board">{t('board:tech.back')}</Link>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('board:tech.title')}
        </Typography.Title>
      </Space>
      {technicians.error && <Alert type="error" showIcon message={t('common:error', { detail: technicians.error.message })} style={{ marginBottom: 12 }} />}
      <ConfigProvider theme={{ token: { colorError: '#c41d1f' } }}>
        <Table<Technician>
          rowKey="id"
          loading={technicians.isLoading}
          dataSource={list}
          pagination={false}
          size="middle"
          onRow={(r) =>
            ({
              'data-testid': `tech-${r.name}`,
              'data-current': r.id === current ? 'true' : undefined,
              style: r.id === current ? { background: '#e6f4ff' } : undefined,
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: t('board:tech.name'),
              key: 'name',
              render: (_v, r) => (
                <Space direction="vertical" size={0}>
                  <Typography.Text strong>{r.name}</Typography.Text>
                  <Typography.Text type="secondary">
                    {r.district} · {r.team}
                  </Typography.Text>
                  {!r.active && <Tag>{t('board:tech.inactive')}</Tag>}
                  {onLeave(r, today) && <Tag color="red">{t('board:lane.onLeave')}</Tag>}
                </Space>
              ),
            },
            { title: t('board:tech.skills'), key: 'skills', render: (_v, r) => (r.skills.length ? r.skills.map((s) => <Tag key={s}>{s}</Tag>) : t('common:none')) },
            { title: t('board:tech.certificates'), key: 'certs', render: (_v, r) => <Certificates tech={r} today={today} /> },
            { title: t('board:tech.shift'), key: 'shift', render: (_v, r) => `${hhmm(r.shift_start)}–${hhmm(r.shift_end)}` },
            { title: t('board:tech.capacity'), key: 'capacity', render: (_v, r) => <span data-testid="capacity">{r.daily_capacity}</span> },
            { title: t('board:tech.leave'), key: 'leave', render: (_v, r) => <LeaveList tech={r} today={today} /> },
            {
              title: t('board:tech.actions'),
              key: 'actions',
              render: (_v, r) => (
                <Space wrap>
                  {canEdit && (
                    <Button size="small" onClick={() => setEditing(r.id)} data-testid={`edit-${r.name}`}>
                      {t('board:tech.edit')}
                    </Button>
                  )}
                  {canLeave && (
                    <Button size="small" onClick={() => setLeave(r.id)} data-testid={`leave-${r.name}`}>
                      {t('board:tech.addLeave')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
        <ProfileDialog tech={find(editing)} onClose={() => setEditing(null)} />
        <LeaveDialog tech={find(leave)} onClose={() => setLeave(null)} />
      </ConfigProvider>
    </div>
  );
}
