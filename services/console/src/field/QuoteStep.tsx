// The quotation step of the visit report: before work that is not covered, the technician
// shows the customer the price the server quotes (call-out, labour, parts) and records
// their answer; a refusal ends the visit (the call-out alone is charged when the fee
// schedule says so) and the report is then sent as not fixed.
import { useState } from 'react';
import { Alert, Button, Flex, Input, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../i18n/langs';
import { formatMoney } from '../lib/format';
import { ApiProblem } from '../api/problem';
import type { ChargePreview, ChargeRequest } from './charge';
import { quoteStep, useQuotations, useQuoteActions, type Quotation } from './quote';

export function QuoteStep({
  workOrderId,
  preview,
  request,
  online,
  lang,
  onRefused,
}: {
  workOrderId: string;
  preview: ChargePreview | null;
  request: ChargeRequest | null;
  online: boolean;
  lang: Lang;
  onRefused: () => void;
}) {
  const { t } = useTranslation();
  const quotations = useQuotations(workOrderId, online);
  const { offer, answer } = useQuoteActions(workOrderId);
  const [answeredBy, setAnsweredBy] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  if (!online || !quotations.data) return null;
  const step = quoteStep(preview, quotations.data);
  const money = (m: { amount_minor: number }) => formatMoney(m.amount_minor, lang);

  const problemText = (e: unknown) => (e instanceof ApiProblem ? e.problem.detail || e.problem.title : String(e));
  const send = async (q: Quotation, decision: 'accepted' | 'refused') => {
    const local: Record<string, string> = {};
    if (!answeredBy.trim()) local.answered_by = t('field:report.required');
    else if (answeredBy.trim().length > 100) local.answered_by = t('field:report.tooLong', { max: 100 });
    if (note.trim().length > 500) local.note = t('field:report.tooLong', { max: 500 });
    setErrors(local);
    if (Object.keys(local).length > 0) return;
    try {
      await answer.mutateAsync({ quotation: q, answer: decision, answered_by: answeredBy.trim(), note: note.trim() });
      if (decision === 'refused') onRefused();
    } catch (e) {
      if (e instanceof ApiProblem && e.status === 422) {
        setErrors(Object.fromEntries((e.problem.errors ?? []).map((x) => [x.field, x.message])));
      } else {
        setErrors({ other: e instanceof ApiProblem && e.status === 412 ? t('field:report.quote.stale') : problemText(e) });
      }
    }
  };

  switch (step.kind) {
    case 'not_needed':
      return null;
    case 'offer':
      return (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="quote-offer"
          message={t('field:report.quote.needed')}
          description={
            <Space direction="vertical" style={{ width: '100%' }}>
              {offer.error && <Typography.Text type="danger">{problemText(offer.error)}</Typography.Text>}
              <Button type="primary" block disabled={!request} loading={offer.isPending} onClick={() => request && offer.mutate(request)} data-testid="quote-show">
                {t('field:report.quote.show')}
              </Button>
            </Space>
          }
        />
      );
    case 'waiting': {
      const q = step.quotation;
      return (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="quote-waiting"
          message={t('field:report.quote.quoted', { amount: money(q.total_charged) })}
          description={
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Text data-testid="quote-if-refused">
                {q.charged_if_refused.amount_minor > 0 ? t('field:report.quote.ifRefused', { amount: money(q.charged_if_refused) }) : t('field:report.quote.ifRefusedNothing')}
              </Typography.Text>
              <div>
                <Typography.Text>{t('field:report.quote.answeredBy')}</Typography.Text>
                <Input value={answeredBy} onChange={(e) => setAnsweredBy(e.target.value)} status={errors.answered_by ? 'error' : undefined} autoComplete="off" data-testid="quote-answered-by" />
                {errors.answered_by && <Typography.Text type="danger">{errors.answered_by}</Typography.Text>}
              </div>
              <div>
                <Typography.Text>{t('field:report.quote.note')}</Typography.Text>
                <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} status={errors.note ? 'error' : undefined} autoSize={{ minRows: 1, maxRows: 3 }} data-testid="quote-note" />
                {errors.note && <Typography.Text type="danger">{errors.note}</Typography.Text>}
              </div>
              {errors.other && <Typography.Text type="danger">{errors.other}</Typography.Text>}
              <Flex gap={8}>
                <Button type="primary" style={{ flex: 1 }} loading={answer.isPending} onClick={() => void send(q, 'accepted')} data-testid="quote-accept">
                  {t('field:report.quote.accept')}
                </Button>
                <Button danger style={{ flex: 1 }} loading={answer.isPending} onClick={() => void send(q, 'refused')} data-testid="quote-refuse">
                  {t('field:report.quote.refuse')}
                </Button>
              </Flex>
            </Space>
          }
        />
      );
    }
    case 'accepted':
      return (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="quote-accepted"
          message={t('field:report.quote.accepted', { amount: money(step.quotation.total_charged), who: step.quotation.answer?.answered_by ?? '' })}
        />
      );
    case 'refused':
      return (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="quote-refused"
          message={
            step.quotation.receipt_id ? t('field:report.quote.refusedCallOut', { amount: money(step.quotation.charged_if_refused) }) : t('field:report.quote.refusedNothing')
          }
          description={
            <Button block onClick={onRefused} data-testid="quote-not-fixed">
              {t('field:report.quote.reportNotFixed')}
            </Button>
          }
        />
      );
  }
}
