import { useEffect } from 'react';
import { App as AntApp, Button, Card, ConfigProvider, Layout, Modal, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, useNavigate } from 'react-router';
import { SignInForm } from './auth/SignInForm';
import { useSession } from './shell/permissions';
import { AppShell } from './shell/AppShell';
import { onLiveEvent, startLive, stopLive } from './live/stream';
import { ApiProblem } from './api/problem';
import { setLang } from './i18n';
import { useAccountLanguage } from './shell/language';
import { CallReminders } from './calls/CallReminders';

/**
 * Ant Design's tokens with every colour used for text or a control's outline at WCAG AA
 * contrast (4.5:1) on white and on the light tinted backgrounds: the default error red
 * (#ff4d4f, 3.3:1), warning gold (1.9:1), success green (2.3:1) and the light greys of
 * secondary text fall short, and axe-core's color-contrast rule runs on every page.
 */
const THEME = {
  token: {
    colorPrimary: '#0958d9',
    colorInfo: '#0958d9',
    colorLink: '#0043c8',
    colorError: '#cf1322',
    colorWarning: '#874d00',
    colorSuccess: '#237804',
    colorTextQuaternary: 'rgba(0,0,0,0.6)',
    colorTextDisabled: 'rgba(0,0,0,0.58)',
    colorTextSecondary: 'rgba(0,0,0,0.68)',
    colorTextTertiary: 'rgba(0,0,0,0.62)',
    colorTextDescription: 'rgba(0,0,0,0.65)',
    colorTextPlaceholder: 'rgba(0,0,0,0.55)',
  },
};

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      retry: (n, e) => !(e instanceof ApiProblem && e.status < 500) && n < 2,
      refetchOnWindowFocus: false,
    },
  },
});

/** Keeps the live stream open while signed in and turns its events into query invalidation. */
function LiveQueries() {
  useAccountLanguage();
  const { status, generation } = useSession();
  const qc = useQueryClient();
  useEffect(() => {
    if (status === 'signedIn') startLive();
    else stopLive();
  }, [status, generation]);
  useEffect(() => () => stopLive(), []);
  useEffect(
    () =>
      onLiveEvent((e) => {
        if (e.type === 'lagged') {
          void qc.invalidateQueries();
          return;
        }
        if (e.ticket_id) {
          void qc.invalidateQueries({ queryKey: ['tickets'] });
          void qc.invalidateQueries({ queryKey: ['ticket', e.ticket_id] });
        }
        if (e.work_order_id) void qc.invalidateQueries({ queryKey: ['workorders'] });
        if (e.callback_id) void qc.invalidateQueries({ queryKey: ['callbacks'] });
        if (e.task_id) {
          void qc.invalidateQueries({ queryKey: ['call-tasks'] });
          void qc.invalidateQueries({ queryKey: ['call-task', e.task_id] });
        }
      }),
    [qc],
  );
  return null;
}

function SignInPage() {
  const { t, i18n } = useTranslation();
  const other = i18n.language === 'en' ? 'zh-CN' : 'en';
  return (
    <Layout style={{ minHeight: '100vh', alignItems: 'center', justifyContent: 'center' }}>
      <main>
        <Card
          style={{ width: 360 }}
          extra={
            <Button size="small" data-testid="lang" aria-label={t('shell:languageLabel')} lang={other} onClick={() => setLang(other)}>
              {t('shell:language')}
            </Button>
          }
        >
          <Typography.Title level={1} style={{ fontSize: 22 }}>
            {t('common:appName')} · {t('auth:title')}
          </Typography.Title>
          <SignInForm />
        </Card>
      </main>
    </Layout>
  );
}

/** Shows the page, and over it the sign-in form when the session expired. */
function Root() {
  const { t } = useTranslation();
  const { status } = useSession();
  const qc = useQueryClient();
  const navigate = useNavigate();
  if (status === 'signedOut') return <SignInPage />;
  return (
    <>
      <AppShell />
      {status === 'signedIn' && <CallReminders />}
      <Modal open={status === 'expired'} title={t('auth:title')} footer={null} closable={false} maskClosable={false} keyboard={false} destroyOnHidden>
        <Typography.Paragraph data-testid="session-expired">{t('auth:expired')}</Typography.Paragraph>
        <SignInForm
          onSignedIn={(switched) => {
            if (switched) {
              qc.clear();
              navigate('/', { replace: true });
            } else {
              void qc.invalidateQueries();
            }
          }}
        />
      </Modal>
    </>
  );
}

/** The console: locale, server state, routing and the session. */
export default function App() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  useEffect(() => {
    dayjs.locale(en ? 'en' : 'zh-cn');
    document.documentElement.lang = en ? 'en' : 'zh-CN';
  }, [en]);
  return (
    <ConfigProvider locale={en ? enUS : zhCN} theme={THEME}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <LiveQueries />
            <Root />
          </BrowserRouter>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
