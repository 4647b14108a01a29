// The cashier and finance workspace (收费 / 财务): receipts with their drawer, the
// technicians' cash day, receivables by ageing bucket with the chase list, and
// manufacturer claims; each a tab with its own address (a bookmark). A receipt prints at
// /cashier/print/<number>.
import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useCan } from '../shell/permissions';
import ReceiptsTab from './ReceiptsTab';
import CashTab from './CashTab';
import ReceivablesTab from './ReceivablesTab';
import ClaimsTab from './ClaimsTab';
import PrintReceipt from './PrintReceipt';

export default function CashierPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const tabs = [
    { key: 'receipts', show: true },
    { key: 'cash', show: useCan('cashDay') },
    { key: 'receivables', show: useCan('receivables') },
    { key: 'claims', show: useCan('listClaims') },
  ].filter((x) => x.show);
  const current = location.pathname.split('/')[2] || 'receipts';
  if (current === 'print') {
    return (
      <Routes>
        <Route path="print/:id" element={<PrintReceipt />} />
      </Routes>
    );
  }
  return (
    <div data-testid="cashier">
      <Typography.Title level={1} style={{ fontSize: 20, marginTop: 0 }}>
        {t('cashier:title')}
      </Typography.Title>
      <Tabs
        activeKey={current}
        onChange={(k) => navigate(k === 'receipts' ? '/cashier' : `/cashier/${k}`)}
        items={tabs.map((x) => ({ key: x.key, label: <span data-testid={`tab-${x.key}`}>{t(`cashier:tab.${x.key}`)}</span> }))}
      />
      <Routes>
        <Route index element={<ReceiptsTab />} />
        {tabs.some((x) => x.key === 'cash') && <Route path="cash" element={<CashTab />} />}
        {tabs.some((x) => x.key === 'receivables') && <Route path="receivables" element={<ReceivablesTab />} />}
        {tabs.some((x) => x.key === 'claims') && <Route path="claims" element={<ClaimsTab />} />}
        <Route path="*" element={<Navigate to="/cashier" replace />} />
      </Routes>
    </div>
  );
}
