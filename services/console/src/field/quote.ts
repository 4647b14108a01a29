// The quotation (报价) before chargeable work: when the visit will charge something, the
// technician shows the customer the price (the server's quotation, priced as the charge
// preview is) and records whether they accept it before doing the work. A refused
// quotation ends the visit: the server charges the call-out alone when the fee schedule
// says so, and the visit is reported as not fixed.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '../api/schema';
import { api, idempotencyKey, must } from '../api/client';
import type { ChargePreview, ChargeRequest } from './charge';

type S = components['schemas'];
/** A quotation as the server keeps it. */
export type Quotation = S['Quotation'];

/** Where the quotation step stands for what is entered now: nothing to quote (covered, or
 * no receipt), to offer (chargeable and not yet quoted, or more than the accepted price),
 * waiting for the customer's answer, accepted (the work goes ahead) or refused (the visit
 * ends). */
export type QuoteStep =
  | { kind: 'not_needed' }
  | { kind: 'offer' }
  | { kind: 'waiting'; quotation: Quotation }
  | { kind: 'accepted'; quotation: Quotation }
  | { kind: 'refused'; quotation: Quotation };

/** The step, from the charge priced for what is entered and the work order's quotations
 * (newest first). A refusal ends the visit whatever is entered afterwards. */
export function quoteStep(preview: ChargePreview | null, quotations: Quotation[]): QuoteStep {
  const refused = quotations.find((q) => q.state === 'refused');
  if (refused) return { kind: 'refused', quotation: refused };
  const offered = quotations.find((q) => q.state === 'offered');
  if (offered) return { kind: 'waiting', quotation: offered };
  if (!preview || !preview.receipt || preview.total_charged.amount_minor <= 0) return { kind: 'not_needed' };
  const accepted = quotations.find((q) => q.state === 'accepted');
  if (accepted && accepted.total_charged.amount_minor >= preview.total_charged.amount_minor) return { kind: 'accepted', quotation: accepted };
  return { kind: 'offer' };
}

const key = (workOrderId: string) => ['field', 'quotations', workOrderId];

/** The work order's quotations, newest first (not asked while offline). */
export function useQuotations(workOrderId: string, online: boolean) {
  return useQuery({
    queryKey: key(workOrderId),
    enabled: online,
    retry: false,
    queryFn: async () => (await must(api.GET('/api/v1/workorders/{id}/quotations', { params: { path: { id: workOrderId } } }))).items,
  });
}

/** Offers the quotation for what is entered, and answers it at the version shown. */
export function useQuoteActions(workOrderId: string) {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: key(workOrderId) });
  const offer = useMutation({
    mutationFn: (body: ChargeRequest) =>
      must(api.POST('/api/v1/workorders/{id}/quotations', { params: { path: { id: workOrderId }, header: { 'Idempotency-Key': idempotencyKey() } }, body })),
    onSettled: refresh,
  });
  const answer = useMutation({
    mutationFn: ({ quotation, ...body }: { quotation: Quotation; answer: 'accepted' | 'refused'; answered_by: string; note: string }) =>
      must(
        api.POST('/api/v1/quotations/{id}/answer', {
          params: { path: { id: quotation.id }, header: { 'If-Match': `"${quotation.version}"` } },
          body,
        }),
      ),
    onSettled: refresh,
  });
  return { offer, answer };
}

/** The words for dispatch's refusal of a report on the field `quotation`: chargeable work
 * reported done without the customer's accepted quotation (`required`), or after they
 * refused it (`refused`); any other code keeps the server's words. */
export function quotationProblem(code: string, message: string, t: (key: string) => string): string {
  if (code === 'required' || code === 'refused') return t(`field:report.quote.problem.${code}`);
  return message;
}
