import { useEffect, useState } from 'react';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../i18n/langs';
import { formatSpan } from '../lib/format';
import { minutesLeft, slaTone } from '../lib/lookup';
import { TONE } from '../lib/colors';

/** The current time, ticking every 30 s so clocks move without a reload. */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}

/** An SLA clock: time left, amber at the warning (80 % used), red once breached; "paused"
 * while the ticket waits for parts or for the customer (its deadline moves on when it resumes). */
export function SlaClock({ openedAt, due, doneAt, pausedSince }: { openedAt: string; due: string; doneAt?: string | null | undefined; pausedSince?: string | null | undefined }) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const lang = i18n.language as Lang;
  const tone = slaTone(openedAt, due, now, !!doneAt);
  if (tone === 'done') return <Tag data-sla="done">{t('desk:sla.met')}</Tag>;
  if (pausedSince) return <Tag data-sla="paused">{t('desk:sla.paused')}</Tag>;
  const left = minutesLeft(due, now);
  const color = tone === 'breached' ? TONE.danger : tone === 'warn' ? TONE.warning : TONE.success;
  const text = left >= 0 ? t('desk:sla.left', { span: formatSpan(left, lang) }) : t('desk:sla.over', { span: formatSpan(left, lang) });
  return (
    <Tag color={color} data-sla={tone}>
      {text}
    </Tag>
  );
}
