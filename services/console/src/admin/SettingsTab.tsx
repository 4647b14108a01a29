// The company settings the API versions (公司设置), one page each at /admin/settings/<key>:
// the version in force and when it applies, an edit form with inline validation saved at the
// version read (If-Match; a change made meanwhile is reloaded and said, nothing typed is
// lost), and the versions kept where the setting is dated (fee schedules). The company
// profile comes first: it heads every printed receipt. The priority rules and the call
// assignment rules follow the SLA targets (each a list where the first match decides), then
// the callback questionnaire the desk asks. The
// fault list is what the field app's visit report offers.
import { Card, Flex, Grid, Menu, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { CompanySetting } from './CompanySetting';
import { FaultCodesSetting } from './FaultCodesSetting';
import { QuestionnaireSetting } from './QuestionnaireSetting';
import { CallRulesSetting, PriorityRulesSetting } from './RulesSettings';
import { ClaimRequirementsSetting, DurationsSetting, FeeSchedulesSetting, ProductLinesSetting, QualitySetting, SlaSetting, TemplatesSetting } from './settingForms';

/** The settings, in the order the page lists them. */
const SETTINGS = [
  { key: 'company', page: <CompanySetting /> },
  { key: 'sla', page: <SlaSetting /> },
  { key: 'priority', page: <PriorityRulesSetting /> },
  { key: 'call-rules', page: <CallRulesSetting /> },
  { key: 'questionnaire', page: <QuestionnaireSetting /> },
  { key: 'quality', page: <QualitySetting /> },
  { key: 'durations', page: <DurationsSetting /> },
  { key: 'faults', page: <FaultCodesSetting /> },
  { key: 'templates', page: <TemplatesSetting /> },
  { key: 'fees', page: <FeeSchedulesSetting /> },
  { key: 'product-lines', page: <ProductLinesSetting /> },
  { key: 'claims', page: <ClaimRequirementsSetting /> },
] as const;

export default function SettingsTab() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const narrow = !Grid.useBreakpoint().md;
  const current = location.pathname.split('/')[3] || SETTINGS[0].key;
  const go = (k: string) => navigate(`/admin/settings/${k}`);
  const routes = (
    <Routes>
      <Route index element={<Navigate to={SETTINGS[0].key} replace />} />
      {SETTINGS.map((s) => (
        <Route key={s.key} path={s.key} element={s.page} />
      ))}
      <Route path="*" element={<Navigate to={`/admin/settings/${SETTINGS[0].key}`} replace />} />
    </Routes>
  );
  // One layout whose chooser changes with the width while the page stays where it is: a
  // window crossing the breakpoint (a tablet turned) keeps the form and what was typed in it.
  return (
    <Card size="small">
      <Flex vertical={narrow} gap={narrow ? 12 : 24} align={narrow ? 'stretch' : 'start'}>
        {narrow ? (
          <Select aria-label={t('admin:settings.which')} value={current} onChange={go} style={{ width: '100%' }} options={SETTINGS.map((s) => ({ value: s.key, label: t(`admin:settings.${s.key}.title`) }))} />
        ) : (
          <nav aria-label={t('admin:settings.which')} style={{ flex: '0 0 200px' }}>
            <Menu
              mode="inline"
              selectedKeys={[current]}
              onClick={(e) => go(e.key)}
              items={SETTINGS.map((s) => ({ key: s.key, label: <span data-testid={`setting-${s.key}`}>{t(`admin:settings.${s.key}.title`)}</span> }))}
              style={{ borderInlineEnd: 0 }}
            />
          </nav>
        )}
        <div style={{ flex: 1, minWidth: 0 }}>{routes}</div>
      </Flex>
    </Card>
  );
}
