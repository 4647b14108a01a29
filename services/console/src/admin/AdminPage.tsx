// The administrator's workspace: accounts and their API tokens, the audit log, dead letters
// with replay, the company settings and the business calendar; each a tab with its own address (a bookmark).
import { Grid, Select, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useCan } from '../shell/permissions';
import AccountsTab from './AccountsTab';
import AuditTab from './AuditTab';
import DeadLettersTab from './DeadLettersTab';
import SettingsTab from './SettingsTab';
import CalendarTab from './CalendarTab';

export default function AdminPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const tabs = [
    { key: 'accounts', show: true },
    { key: 'audit', show: useCan('listAudit') },
    { key: 'deadletters', show: useCan('listDeadLetters') },
    { key: 'settings', show: useCan('getSlaPolicy') },
    { key: 'calendar', show: useCan('getBusinessCalendar') },
  ].filter((x) => x.show);
  const current = location.pathname.split('/')[2] || 'accounts';
  const narrow = !Grid.useBreakpoint().md;
  const go = (k: string) => navigate(k === 'accounts' ? '/admin' : `/admin/${k}`);
  return (
    <div data-testid="admin">
      <Typography.Title level={1} style={{ fontSize: 20, marginTop: 0 }}>
        {t('admin:title')}
      </Typography.Title>
      {narrow ? (
        <Select
          aria-label={t('admin:section')}
          value={current}
          onChange={go}
          options={tabs.map((x) => ({ value: x.key, label: t(`admin:tab.${x.key}`) }))}
          style={{ width: '100%', marginBottom: 12 }}
          data-testid="admin-section"
        />
      ) : (
        <Tabs activeKey={current} onChange={go} items={tabs.map((x) => ({ key: x.key, label: <span data-testid={`tab-${x.key}`}>{t(`admin:tab.${x.key}`)}</span> }))} />
      )}
      <Routes>
        <Route index element={<AccountsTab />} />
        {tabs.some((x) => x.key === 'audit') && <Route path="audit" element={<AuditTab />} />}
        {tabs.some((x) => x.key === 'deadletters') && <Route path="deadletters" element={<DeadLettersTab />} />}
        {tabs.some((x) => x.key === 'settings') && <Route path="settings/*" element={<SettingsTab />} />}
        {tabs.some((x) => x.key === 'calendar') && <Route path="calendar" element={<CalendarTab />} />}
        <Route path="*" element={<Navigate to="/admin" replace />} />
      </Routes>
    </div>
  );
}
