// Dead letters (死信): the events a consumer gave up on, newest first, with the consumer,
// subject and reason; a row opens the letter (`?letter=<seq>`) with its payload, where it is
// replayed after a confirmation. A notification's letter kept no payload and cannot be.
import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Drawer, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, must } from '../api/client';
import type { Lang } from '../i18n/langs';
import { formatDateTime } from '../lib/format';
import { OpenLink } from '../lib/ListParts';
import { ScrollRegion } from '../lib/ScrollRegion';
import { useParamSetter } from '../lib/listSearch';
import { TONE } from '../lib/colors';
import { newestFirst, readablePayload, replayable, type DeadLetter } from './admin';
import { showProblem } from './forms';
import { useDeadLetters, useRefresh } from './queries';

export default function DeadLettersTab() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [params] = useSearchParams();
  const set = useParamSetter();
  const list = useDeadLetters();
  const rows = newestFirst(list.data ?? []);
  const open = (d: DeadLetter) => set({ letter: String(d.seq) });
  const selected = rows.find((d) => String(d.seq) === params.get('letter')) ?? null;
  return (
    <Card size="small">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          <Typography.Text type="secondary">{t('admin:letters.help')}</Typography.Text>
          <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()} loading={list.isFetching} data-testid="reload-letters">
            {t('admin:letters.reload')}
          </Button>
        </Space>
        <ScrollRegion label={t('admin:tab.deadletters')}>
          <Table<DeadLetter>
            size="small"
            rowKey="seq"
            data-testid="letters"
            loading={list.isLoading}
            dataSource={rows}
            pagination={false}
            locale={{ emptyText: t('admin:letters.none') }}
            onRow={(r) => ({ onClick: () => open(r), 'data-testid': `letter-${r.seq}` }) as React.HTMLAttributes<HTMLElement>}
            footer={() => t('admin:letters.total', { count: rows.length })}
            columns={[
              { title: t('admin:letters.seq'), key: 'seq', render: (_v, r) => <OpenLink onOpen={() => open(r)}>#{r.seq}</OpenLink> },
              { title: t('admin:letters.subject'), key: 'subject', render: (_v, r) => <Typography.Text code>{r.subject}</Typography.Text> },
              { title: t('admin:letters.consumer'), key: 'consumer', render: (_v, r) => r.consumer },
              { title: t('admin:letters.failedAt'), key: 'at', responsive: ['md'], render: (_v, r) => formatDateTime(new Date(r.failed_at).toISOString(), lang) },
              { title: t('admin:letters.reason'), key: 'reason', render: (_v, r) => <Typography.Text style={{ maxWidth: 420 }} ellipsis={{ tooltip: r.reason }}>{r.reason}</Typography.Text> },
              {
                title: t('admin:letters.replay'),
                key: 'replayable',
                render: (_v, r) =>
                  replayable(r) ? (
                    <Tag color={TONE.info} style={{ marginInlineEnd: 0 }}>{t('admin:letters.canReplay')}</Tag>
                  ) : (
                    <Tag style={{ marginInlineEnd: 0 }}>{t('admin:letters.noPayload')}</Tag>
                  ),
              },
            ]}
          />
        </ScrollRegion>
        {list.isError && <Alert type="error" showIcon message={t('common:error', { detail: list.error.message })} />}
      </Space>
      {params.has('letter') && <LetterDrawer letter={selected} loading={list.isLoading} onClose={() => set({ letter: undefined })} />}
    </Card>
  );
}

function LetterDrawer({ letter, loading, onClose }: { letter: DeadLetter | null; loading: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const { message } = App.useApp();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const replay = async (d: DeadLetter) => {
    setBusy(true);
    setError(null);
    try {
      const r = await must(api.POST('/api/v1/deadletters/{seq}/replay', { params: { path: { seq: String(d.seq) } } }));
      void message.success(t('admin:letters.replayed', { seq: r.seq, subject: r.subject }));
      refresh('deadletters');
      refresh('audit');
      onClose();
    } catch (e) {
      setError(showProblem(e, null, () => false, t));
      refresh('deadletters');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Drawer open width={Math.min(720, window.innerWidth)} title={letter ? t('admin:letters.title', { seq: letter.seq }) : t('admin:letters.gone')} onClose={onClose} data-testid="letter-drawer">
      {!letter && !loading && <Alert type="info" showIcon message={t('admin:letters.goneHelp')} />}
      {letter && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          {error && <Alert type="warning" showIcon message={error} role="alert" />}
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('admin:letters.subject')}>
              <Typography.Text code>{letter.subject}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('admin:letters.consumer')}>{letter.consumer}</Descriptions.Item>
            <Descriptions.Item label={t('admin:letters.origin')}>{`${letter.stream} #${letter.stream_seq}`}</Descriptions.Item>
            <Descriptions.Item label={t('admin:letters.deliveries')}>{letter.deliveries}</Descriptions.Item>
            <Descriptions.Item label={t('admin:letters.failedAt')}>{formatDateTime(new Date(letter.failed_at).toISOString(), lang)}</Descriptions.Item>
            {letter.event_id && <Descriptions.Item label={t('admin:letters.eventId')}>{letter.event_id}</Descriptions.Item>}
            <Descriptions.Item label={t('admin:letters.reason')}>
              <Typography.Text type="danger" style={{ wordBreak: 'break-word' }} data-testid="letter-reason">
                {letter.reason}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={2} style={{ fontSize: 16 }}>
              {t('admin:letters.payload')}
            </Typography.Title>
            {letter.payload_dropped ? (
              <Alert type="info" showIcon message={t('admin:letters.droppedHelp')} />
            ) : (
              <pre tabIndex={0} aria-label={t('admin:letters.payload')} data-testid="letter-payload" style={{ maxHeight: 360, overflow: 'auto', background: '#f5f5f5', padding: 12, borderRadius: 6, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                {readablePayload(letter.payload)}
              </pre>
            )}
          </div>
          {replayable(letter) && (
            <>
              <Typography.Paragraph type="secondary">{t('admin:letters.replayHelp', { consumer: letter.consumer })}</Typography.Paragraph>
              <Popconfirm
                title={t('admin:letters.replayConfirm', { seq: letter.seq, subject: letter.subject })}
                okText={t('admin:letters.replay')}
                cancelText={t('common:cancel')}
                onConfirm={() => replay(letter)}
              >
                <Button type="primary" loading={busy} data-testid="replay">
                  {t('admin:letters.replay')}
                </Button>
              </Popconfirm>
            </>
          )}
        </Space>
      )}
    </Drawer>
  );
}
