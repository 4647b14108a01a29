import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Card, Col, Input, List, Row, Typography, type InputRef } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLookup, type Customer } from './queries';
import { CustomerPanel } from './CustomerPanel';
import { NewTicketForm } from './NewTicketForm';
import { useOpenTicket } from './openTicket';

/**
 * The agent's desk (坐席): caller lookup on the left, the new ticket on the right.
 * Keyboard path for a known caller: `/` (or the page opening) focuses the lookup, Enter
 * searches, a single match is picked and the symptom field takes the focus, Ctrl+Enter
 * opens the ticket.
 */
export default function DeskPage() {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<Customer | null>(null);
  const lookupRef = useRef<InputRef>(null);
  const symptomRef = useRef<InputRef>(null);
  const found = useLookup(query);
  const openTicket = useOpenTicket();

  // Typing searches after a short pause; Enter searches at once.
  useEffect(() => {
    const id = setTimeout(() => setQuery(typed), 300);
    return () => clearTimeout(id);
  }, [typed]);

  // The page opens with the lookup focused, ready for the next call.
  useEffect(() => {
    const id = setTimeout(() => lookupRef.current?.focus(), 50);
    return () => clearTimeout(id);
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      const editing = el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable);
      if (e.key === '/' && !editing) {
        e.preventDefault();
        lookupRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const pick = (c: Customer) => {
    setPicked(c);
    setTimeout(() => symptomRef.current?.focus(), 0);
  };

  // One match is the caller: pick it and move on to the symptom.
  const customers = found.data?.customers ?? [];
  const only = customers.length === 1 ? customers[0] : undefined;
  useEffect(() => {
    if (only && only.id !== picked?.id && query === typed) pick(only);
    if (found.data?.ticket) openTicket(found.data.ticket.id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [found.data]);

  return (
    <Row gutter={16}>
      <Col xs={24} xl={12}>
        <Card size="small" style={{ marginBottom: 16 }}>
          <label htmlFor="desk-lookup">
            <Typography.Text strong>{t('desk:lookup.label')}</Typography.Text>
          </label>
          <Input.Search
            id="desk-lookup"
            data-testid="lookup"
            ref={lookupRef}
            autoFocus
            allowClear
            value={typed}
            placeholder={t('desk:lookup.placeholder')}
            loading={found.isFetching}
            onChange={(e) => setTyped(e.target.value)}
            onSearch={(v) => {
              setTyped(v);
              setQuery(v);
            }}
            enterButton={t('common:search')}
          />
          {found.isError && <Alert type="error" showIcon title={t('common:error', { detail: String(found.error) })} />}
          {query && found.isSuccess && customers.length === 0 && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }} data-testid="lookup-none">
              {t('desk:lookup.none')} ·{' '}
              <Button
                type="link"
                size="small"
                onClick={() => {
                  setPicked(null);
                  symptomRef.current?.focus();
                }}
              >
                {t('desk:lookup.newCaller')}
              </Button>
            </Typography.Paragraph>
          )}
          {customers.length > 1 && (
            <List
              size="small"
              header={t('desk:lookup.results', { count: customers.length })}
              dataSource={customers}
              data-testid="lookup-results"
              renderItem={(c) => (
                <List.Item>
                  <Button type={c.id === picked?.id ? 'primary' : 'text'} onClick={() => pick(c)} block style={{ textAlign: 'start' }}>
                    {c.company} · {c.number} · {c.contacts[0]?.phones[0] ?? ''}
                  </Button>
                </List.Item>
              )}
            />
          )}
        </Card>
        {picked && <CustomerPanel customer={picked} />}
      </Col>
      <Col xs={24} xl={12}>
        <NewTicketForm customer={picked} symptomRef={symptomRef} onOpened={() => lookupRef.current?.focus()} />
      </Col>
    </Row>
  );
}
