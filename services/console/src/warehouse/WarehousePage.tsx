// The warehouse (备件库): the parts catalogue with each part's drawer, purchase requests,
// stocktake sheets and forecast plans, each a tab with its own address (a bookmark).
import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useCan } from '../shell/permissions';
import PartsTab from './PartsTab';
import PurchasesTab from './PurchasesTab';
import StocktakesTab from './StocktakesTab';
import ForecastsTab from './ForecastsTab';

/** The page. */
export default function WarehousePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const tabs = [
    { key: 'parts', show: true },
    { key: 'purchases', show: useCan('listPurchaseRequests') },
    { key: 'stocktakes', show: useCan('listStocktakes') },
    { key: 'forecasts', show: useCan('listForecastPlans') },
  ].filter((x) => x.show);
  const current = location.pathname.split('/')[2] || 'parts';
  return (
    <div data-testid="warehouse">
      <Typography.Title level={1} style={{ fontSize: 20, marginTop: 0 }}>
        {t('warehouse:title')}
      </Typography.Title>
      <Tabs
        activeKey={current}
        onChange={(k) => navigate(k === 'parts' ? '/warehouse' : `/warehouse/${k}`)}
        items={tabs.map((x) => ({ key: x.key, label: <span data-testid={`tab-${x.key}`}>{t(`warehouse:tab.${x.key}`)}</span> }))}
      />
      <Routes>
        <Route index element={<PartsTab />} />
        {tabs.some((x) => x.key === 'purchases') && <Route path="purchases" element={<PurchasesTab />} />}
        {tabs.some((x) => x.key === 'stocktakes') && <Route path="stocktakes" element={<StocktakesTab />} />}
        {tabs.some((x) => x.key === 'forecasts') && <Route path="forecasts" element={<ForecastsTab />} />}
        <Route path="*" element={<Navigate to="/warehouse" replace />} />
      </Routes>
    </div>
  );
}
