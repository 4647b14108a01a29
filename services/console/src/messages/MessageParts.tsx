// Pieces the sent-messages page and the ticket's drawer share: a delivery status as a tag,
// the text as the customer receives it, and the ticket's "Messages" section.
import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../i18n/langs';
import { formatDateTime } from '../lib/format';
import { useCan } from '../shell/permissions';
import { STATUS_TONE, errorToShow, type MessageStatus, type SentMessage } from './messages';
import { useTicketMessages } from './queries';

/** A delivery status as a tag of its colour. */
export function StatusTag({ status }: { status: MessageStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_TONE[status]} style={{ marginInlineEnd: 0 }} data-testid={`status-${status}`}>
      {t(`messages:statuses.${status}`)}
    </Tag>
  );
}

/** The message as the customer receives it: an e-mail with its subject, a text or WeChat message as a bubble. */
export function MessageText({ m }: { m: SentMessage }) {
  const { t } = useTranslation();
  return (
    <Card size="small" data-testid="message-text" title={m.channel === 'email' ? t('messages:subjectLine', { subject: m.subject }) : t(`messages:channels.${m.channel}`)} styles={{ body: { background: '#f5f5f5' } }}>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} lang={m.language}>
        {m.body}
      </Typography.Paragraph>
    </Card>
  );
}

/** The ticket's messages (通知): to whom by which channel, the masked address, status and when. */
export function TicketMessages({ ticketId }: { ticketId: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const can = useCan('listTicketMessages');
  const q = useTicketMessages(ticketId, can);
  if (!can) return null;
  const items = q.data?.items ?? [];
  return (
    <Card size="small" data-testid="ticket-messages" title={<Typography.Title level={2} style={{ fontSize: 15, margin: 0 }}>{t('messages:ticketSection')}</Typography.Title>}>
      {q.isError && <Typography.Text type="danger">{t('messages:loadFailed')}</Typography.Text>}
      {q.data && items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('messages:noneForTicket')} />}
      {items.length > 0 && (
        <List
          size="small"
          dataSource={items}
          renderItem={(m) => (
            <List.Item data-testid={`ticket-message-${m.kind}`}>
              <Space direction="vertical" size={0} style={{ width: '100%' }}>
                <Space wrap>
                  <StatusTag status={m.status} />
                  <Typography.Text strong>{t(`messages:kinds.${m.kind}`)}</Typography.Text>
                  <Typography.Text>
                    {t(`messages:channels.${m.channel}`)} · {m.to}
                  </Typography.Text>
                </Space>
                <Typography.Text type="secondary">
                  {formatDateTime(m.sent_at ?? m.created_at, lang)}
                  {errorToShow(m) ? ` · ${errorToShow(m)}` : ''}
                </Typography.Text>
                <Typography.Text ellipsis style={{ maxWidth: '100%' }}>
                  {m.body}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
