// The company's fault list (故障代码), to name a visit report's fault in the reader's language:
// read once per session by the roles that may, refreshed with the other settings ('setting'
// keys) when the administrator saves it.
import { useQuery } from '@tanstack/react-query';
import { api, must } from '../api/client';
import type { components } from '../api/schema';
import type { Lang } from '../i18n/langs';
import { useCan } from '../shell/permissions';

/** One code on the list. */
export type FaultCode = components['schemas']['FaultCode'];

/** The fault list, when the signed-in role may read it. */
export function useFaultCodes() {
  const can = useCan('getFaultCodes');
  return useQuery({
    queryKey: ['setting', 'faults'],
    enabled: can,
    staleTime: 5 * 60_000,
    queryFn: () => must(api.GET('/api/v1/fault-codes')),
  });
}

/** A fault code's name in `lang` from `list`, the code itself when the list lacks it. */
export function faultName(code: string, list: readonly FaultCode[] | undefined, lang: Lang): string {
  const c = list?.find((x) => x.code === code);
  return c ? (lang === 'en' ? c.label_en : c.label_zh) : code;
}
