// The company profile (公司抬头) the printed sheets are headed with: read once per session by
// the roles that print, refreshed with the other settings ('setting' keys) when it is saved.
import { useQuery } from '@tanstack/react-query';
import { api, must } from '../api/client';
import type { components } from '../api/schema';
import { useCan } from '../shell/permissions';

/** The profile with its version and who stored it when. */
export type CompanyProfile = components['schemas']['CompanyProfile'];
/** The particulars themselves. */
export type CompanyProfileFields = components['schemas']['CompanyProfileFields'];

/** The company profile, when the signed-in role may read it (null particulars until set). */
export function useCompanyProfile() {
  const can = useCan('getCompanyProfile');
  return useQuery({
    queryKey: ['setting', 'company'],
    enabled: can,
    staleTime: 5 * 60_000,
    queryFn: () => must(api.GET('/api/v1/company-profile')),
  });
}
