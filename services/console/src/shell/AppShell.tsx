import { Suspense, useState, useSyncExternalStore } from 'react';
import { Badge, Button, Drawer, Grid, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation, useNavigate, useSearchParams } from 'react-router';
import { liveStatus, subscribeLive, type LiveStatus } from '../live/stream';
import { chooseLanguage } from './language';
import { signOut } from '../auth/session';
import { useSession } from './permissions';
import { landingFor, workspacesFor } from './workspaces';
import { WorkspaceMenu } from './workspaceMenu';
import { TONE } from '../lib/colors';
import { PageBoundary } from './PageBoundary';
import { lazyPage } from './lazyPage';
import { VISUALLY_HIDDEN } from '../lib/visuallyHidden';

/** The ticket drawer, loaded the first time a ticket is opened. */
const TicketDrawer = lazyPage(() => import('../desk/TicketDrawer'));

const tone: Record<LiveStatus, 'success' | 'processing' | 'warning' | 'error'> = {
  online: 'success',
  connecting: 'processing',
  reconnecting: 'warning',
  offline: 'error',
};

/** Text read by screen readers but not shown (its box takes no room). */

/** The header's live indicator: online, connecting, reconnecting or offline. On a phone
 * (`compact`) only its coloured dot shows, with the words for screen readers and as its
 * tooltip, so the header fits 360 px in every language and state. */
function LiveIndicator({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  const s = useSyncExternalStore(subscribeLive, liveStatus);
  const text = t(`shell:live.${s}`);
  return (
    <span data-testid="live-status" data-status={s} role="status" aria-live="polite" title={compact ? text : undefined} style={{ whiteSpace: 'nowrap', position: 'relative' }}>
      {compact ? (
        <>
          <Badge status={tone[s]} />
          <span style={VISUALLY_HIDDEN}>{text}</span>
        </>
      ) : (
        <Badge status={tone[s]} text={<span style={{ color: '#fff' }}>{text}</span>} />
      )}
    </span>
  );
}

/** The frame around every workspace: menu per role, language, live state, sign-out. */
export function AppShell() {
  const { t, i18n } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const ticketOpen = params.has('ticket');
  const list = workspacesFor(me?.role);
  const screens = Grid.useBreakpoint();
  const [menuOpen, setMenuOpen] = useState(false);
  const current = list.find((w) => location.pathname === '/' + w.path || location.pathname.startsWith('/' + w.path + '/'));
  // Below the md breakpoint (a phone) the menu is a drawer behind a button, so the header
  // keeps the app's name, the live state, the language and sign-out on one line.
  const narrow = screens.md === false;
  const selected = current ? [current.key] : [];
  const items = list.map((w) => ({
    key: w.key,
    icon: w.icon,
    label: <span data-testid={`nav-${w.key}`}>{t(w.label)}</span>,
    onClick: () => {
      setMenuOpen(false);
      navigate('/' + w.path);
    },
  }));
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: narrow ? 8 : 16, paddingInline: narrow ? 12 : 16 }}>
        <Typography.Title level={1} style={{ color: '#fff', margin: 0, fontSize: 18, whiteSpace: 'nowrap', minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis' }}>
          {t('common:appName')}
        </Typography.Title>
        {narrow ? (
          <>
            <Button
              size="small"
              icon={<MenuOutlined />}
              aria-label={t('shell:menu')}
              aria-expanded={menuOpen}
              data-testid="menu-button"
              onClick={() => setMenuOpen(true)}
            />
            <div style={{ flex: 1 }} />
            <Drawer
              placement="left"
              width={260}
              open={menuOpen}
              onClose={() => setMenuOpen(false)}
              title={t('shell:menu')}
              styles={{ body: { padding: 0 } }}
            >
              <nav aria-label={t('shell:menu')}>
                <Menu mode="inline" selectedKeys={selected} items={items} />
              </nav>
            </Drawer>
          </>
        ) : (
          <nav aria-label={t('shell:menu')} style={{ flex: 1, minWidth: 0 }}>
            <Menu theme="dark" mode="horizontal" selectedKeys={selected} items={items} />
          </nav>
        )}
        <Space size={narrow ? 'small' : 'middle'}>
          <LiveIndicator compact={narrow} />
          {!narrow && <Tag color={TONE.info} data-testid="role">{t(`common:role.${me?.role ?? 'customer'}`)}</Tag>}
          <Button
            size="small"
            data-testid="lang"
            aria-label={t('shell:languageLabel')}
            lang={i18n.language === 'en' ? 'zh-CN' : 'en'}
            onClick={() => chooseLanguage(i18n.language === 'en' ? 'zh-CN' : 'en', true)}
          >
            {t('shell:language')}
          </Button>
          <Button size="small" data-testid="sign-out" onClick={() => void signOut().then(() => navigate('/'))}>
            {t('shell:signOut')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 16 }}>
        <main>
          <PageBoundary resetKey={location.pathname}>
          <Suspense fallback={<Spin tip={t('common:loading')} />}>
            <WorkspaceMenu.Provider value={list}>
              <Routes>
                {list.map((w) => (
                  <Route key={w.key} path={w.path + '/*'} element={<w.component />} />
                ))}
                <Route path="*" element={<Navigate to={landingFor(me?.role)} replace />} />
              </Routes>
            </WorkspaceMenu.Provider>
          </Suspense>
          </PageBoundary>
        </main>
        {ticketOpen && (
          <PageBoundary resetKey={params.get('ticket') ?? ''}>
            <Suspense fallback={null}>
              <TicketDrawer />
            </Suspense>
          </PageBoundary>
        )}
      </Layout.Content>
    </Layout>
  );
}
