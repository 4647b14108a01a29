// The cashier and finance workspace (收费 / 财务): receipts with their drawer, the
// technicians' cash day, receivables by ageing bucket with the chase list, manufacturer
// claims, refunds, contracts (signed here) and the renewal pipeline; each a tab with its own
// address (a bookmark).
// A receipt prints at /cashier/print/<number>.
import { Grid, Select, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { useCan } from '../shell/permissions';
import ReceiptsTab from './ReceiptsTab';
import CashTab from './CashTab';
import ReceivablesTab from './ReceivablesTab';
import ClaimsTab from './ClaimsTab';
import RefundsTab from './RefundsTab';
import RenewalsTab from './RenewalsTab';
import ContractsTab from './ContractsTab';
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
    { key: 'refunds', show: useCan('listRefunds') },
    { key: 'contracts', show: useCan('listContracts') },
    { key: 'renewals', show: useCan('listRenewals') },
  ].filter((x) => x.show);
  const current = location.pathname.split('/')[2] || 'receipts';
  const narrow = !Grid.useBreakpoint().md;
  const go = (k: string) => navigate(k === 'receipts' ? '/cashier' : `/cashier/${k}`);
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
      {narrow ? (
        // Seven tabs do not fit a phone: the sections are a list to choose from instead.
        <Select
          aria-label={t('cashier:section')}
          value={current}
          onChange={go}
          options={tabs.map((x) => ({ value: x.key, label: t(`cashier:tab.${x.key}`) }))}
          style={{ width: '100%', marginBottom: 12 }}
          data-testid="cashier-section"
        />
      ) : (
        <Tabs activeKey={current} onChange={go} items={tabs.map((x) => ({ key: x.key, label: <span data-testid={`tab-${x.key}`}>{t(`cashier:tab.${x.key}`)}</span> }))} />
      )}
      <Routes>
        <Route index element={<ReceiptsTab />} />
        {tabs.some((x) => x.key === 'cash') && <Route path="cash" element={<CashTab />} />}
        {tabs.some((x) => x.key === 'receivables') && <Route path="receivables" element={<ReceivablesTab />} />}
        {tabs.some((x) => x.key === 'claims') && <Route path="claims" element={<ClaimsTab />} />}
        {tabs.some((x) => x.key === 'refunds') && <Route path="refunds" element={<RefundsTab />} />}
        {tabs.some((x) => x.key === 'contracts') && <Route path="contracts" element={<ContractsTab />} />}
        {tabs.some((x) => x.key === 'renewals') && <Route path="renewals" element={<RenewalsTab />} />}
        <Route path="*" element={<Navigate to="/cashier" replace />} />
      </Routes>
    </div>
  );
}
