import { Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../shell/permissions';
import { useWorkspaceMenu } from '../shell/workspaceMenu';

/** The landing page: who is signed in and which workspaces the role has. */
export default function Home() {
  const { t } = useTranslation();
  const { me } = useSession();
  const list = useWorkspaceMenu().filter((w) => w.key !== 'home');
  return (
    <Card title={t('shell:welcome', { role: t(`common:role.${me?.role ?? 'customer'}`) })}>
      <Typography.Paragraph>{list.length > 0 ? t('shell:homeIntro') : t('shell:noWorkspace')}</Typography.Paragraph>
      {list.length > 0 && (
        <List
          header={t('shell:workspaces')}
          dataSource={list}
          renderItem={(w) => (
            <List.Item>
              <Link to={'/' + w.path}>
                {w.icon} {t(w.label)}
              </Link>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
