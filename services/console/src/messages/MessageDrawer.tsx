// One message (`?message=<id>`): the text as the customer receives it, where it went (masked),
// its status, each attempt (when, how it ended, the provider's answer), last error and next
// attempt.
import { Alert, Descriptions, Drawer, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Lang } from '../i18n/langs';
import { formatDateTime } from '../lib/format';
import { OUTCOME_TONE, errorToShow, waitingToSend, type MessageAttempt } from './messages';
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
            {errorToShow(m) && <Descriptions.Item label={t('messages:lastError')}>{errorToShow(m)}</Descriptions.Item>}
          </Descriptions>
          {(m.attempt_history ?? []).length > 0 && (
            <div>
              <Typography.Title level={2} style={{ fontSize: 15 }}>
                {t('messages:attemptsTitle')}
              </Typography.Title>
              <Table<MessageAttempt>
                size="small"
                rowKey="attempt"
                pagination={false}
                data-testid="message-attempts"
                dataSource={m.attempt_history ?? []}
                onRow={(a) => ({ 'data-testid': `attempt-${a.attempt}` }) as React.HTMLAttributes<HTMLElement>}
                columns={[
                  { title: '#', key: 'n', width: 40, render: (_v, a) => a.attempt },
                  { title: t('messages:attempt.at'), key: 'at', render: (_v, a) => formatDateTime(a.at, lang) },
                  {
                    title: t('messages:attempt.outcome'),
                    key: 'outcome',
                    render: (_v, a) => (
                      <Tag color={OUTCOME_TONE[a.outcome]} style={{ marginInlineEnd: 0 }}>
                        {t(`messages:outcomes.${a.outcome}`)}
                      </Tag>
                    ),
                  },
                  { title: t('messages:attempt.status'), key: 'status', render: (_v, a) => a.provider_status ?? '—' },
                  { title: t('messages:attempt.error'), key: 'error', render: (_v, a) => <Typography.Text style={{ wordBreak: 'break-word' }}>{a.error ?? ''}</Typography.Text> },
                ]}
              />
            </div>
          )}
        </Space>
      )}
    </Drawer>
  );
}
