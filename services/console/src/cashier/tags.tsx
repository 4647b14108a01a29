// The coloured tags the cashier's lists share: a receipt's standing, a line's coverage,
// a cash day's standing and a claim's state (dark tones, readable at AA contrast).
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { TONE } from '../lib/colors';
import type { ClaimStatus, InvoiceLine, receiptStanding, cashStanding } from './cashier';

const STANDING_TONE: Record<ReturnType<typeof receiptStanding>, string | undefined> = {
  settled: TONE.success,
  iou: TONE.warning,
  partial: TONE.info,
  open: TONE.danger,
};

/** Settled, IOU, partly paid or open. */
export function StandingTag({ standing }: { standing: ReturnType<typeof receiptStanding> }) {
  const { t } = useTranslation();
  return (
    <Tag color={STANDING_TONE[standing]} style={{ marginInlineEnd: 0 }} data-testid="standing">
      {t(`cashier:standing.${standing}`)}
    </Tag>
  );
}

const COVERAGE_TONE: Record<InvoiceLine['coverage'], string | undefined> = {
  chargeable: undefined,
  warranty: TONE.success,
  contract: TONE.info,
  manufacturer_warranty: TONE.warning,
  free_training: TONE.success,
};

/** Why a line is charged or covered. */
export function CoverageTag({ coverage }: { coverage: InvoiceLine['coverage'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={COVERAGE_TONE[coverage]} style={{ marginInlineEnd: 0 }}>
      {t(`cashier:coverage.${coverage}`)}
    </Tag>
  );
}

const CASH_TONE: Record<ReturnType<typeof cashStanding>, string | undefined> = {
  uncounted: undefined,
  balanced: TONE.success,
  awaiting_approval: TONE.warning,
  approved: TONE.info,
};

/** Not counted, balanced, awaiting a manager, approved. */
export function CashTag({ standing }: { standing: ReturnType<typeof cashStanding> }) {
  const { t } = useTranslation();
  return (
    <Tag color={CASH_TONE[standing]} style={{ marginInlineEnd: 0 }} data-testid="cash-standing">
      {t(`cashier:cash.states.${standing}`)}
    </Tag>
  );
}

const CLAIM_TONE: Record<ClaimStatus, string | undefined> = {
  draft: undefined,
  submitted: TONE.info,
  approved: TONE.success,
  rejected: TONE.danger,
  paid: TONE.success,
};

/** A claim's state. */
export function ClaimTag({ status }: { status: ClaimStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={CLAIM_TONE[status]} style={{ marginInlineEnd: 0 }} data-testid="claim-status">
      {t(`cashier:claims.states.${status}`)}
    </Tag>
  );
}
