// One message (`?message=<id>`): the text as the customer receives it, where it went (masked),
// its status, attempts, last error and next attempt.
import { Alert, Descriptions, Drawer, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Lang } from '../i18n/langs';
import { formatDateTime } from '../lib/format';
import { waitingToSend } from './messages';
import { useMessage } from './queries';
import { MessageText, StatusTag } from './MessageParts';

export default function MessageDrawer() {
  const [params, setParams] = useSearchParams();
  const id = params.get('message');
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const q = useMessage(id);
  const m = q.data;
  const close = () => {
    const next = new URLSearchParams(params);
    next.delete('message');
    setParams(next);
  };
  return (
    <Drawer open={!!id} onClose={close} size="large" title={m ? t('messages:drawerTitle', { number: m.ticket_number }) : t('common:loading')} data-testid="message-drawer">
      {q.isError && <Alert type="error" showIcon title={q.error.message} />}
      {m && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          {m.status === 'unsent' && <Alert type="info" showIcon title={t('messages:unsentNote')} />}
          <MessageText m={m} />
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('messages:col.status')}>
              <StatusTag status={m.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('messages:col.kind')}>{t(`messages:kinds.${m.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('messages:col.to')}>
              {t(`messages:channels.${m.channel}`)} · {m.to}
            </Descriptions.Item>
            <Descriptions.Item label={t('messages:col.ticket')}>{m.ticket_number}</Descriptions.Item>
            <Descriptions.Item label={t('messages:col.at')}>{formatDateTime(m.created_at, lang)}</Descriptions.Item>
            <Descriptions.Item label={t('messages:col.attempts')}>{m.attempts}</Descriptions.Item>
            {m.sent_at && <Descriptions.Item label={t('messages:sentAt')}>{formatDateTime(m.sent_at, lang)}</Descriptions.Item>}
            {waitingToSend(m) && m.next_attempt_at && <Descriptions.Item label={t('messages:nextAttempt')}>{formatDateTime(m.next_attempt_at, lang)}</Descriptions.Item>}
            {m.last_error && <Descriptions.Item label={t('messages:lastError')}>{m.last_error}</Descriptions.Item>}
          </Descriptions>
        </Space>
      )}
    </Drawer>
  );
}
