// The manager's workspace (经理): dashboards over a period, the published rankings and the
// daily reports; each a tab with its own address.
import { Grid, Select, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import DashboardsTab from './DashboardsTab';
import RankingsTab from './RankingsTab';
import DailyTab from './DailyTab';

const TABS = ['dashboards', 'rankings', 'daily'] as const;

export default function ManagerPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const current = location.pathname.split('/')[2] || 'dashboards';
  const narrow = !Grid.useBreakpoint().md;
  const go = (k: string) => navigate(k === 'dashboards' ? `/manager${location.search}` : `/manager/${k}`);
  return (
    <div data-testid="manager">
      <Typography.Title level={1} style={{ fontSize: 20, marginTop: 0 }} className="no-print">
        {t('manager:title')}
      </Typography.Title>
      <div className="no-print">
        {narrow ? (
          <Select aria-label={t('manager:section')} value={current} onChange={go} options={TABS.map((k) => ({ value: k, label: t(`manager:tab.${k}`) }))} style={{ width: '100%', marginBottom: 12 }} />
        ) : (
          <Tabs activeKey={current} onChange={go} items={TABS.map((k) => ({ key: k, label: <span data-testid={`tab-${k}`}>{t(`manager:tab.${k}`)}</span> }))} />
        )}
      </div>
      <Routes>
        <Route index element={<DashboardsTab />} />
        <Route path="rankings" element={<RankingsTab />} />
        <Route path="daily" element={<DailyTab />} />
        <Route path="daily/:date" element={<DailyTab />} />
      </Routes>
    </div>
  );
}
