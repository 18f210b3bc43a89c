import { fetchSiteDetail } from '../api/api-client.js';
import { useDetailByCode, type DetailLoad } from '../api/use-detail-by-code.js';
import type { SiteDetail } from '../domain/contract-types.js';
import type { Lang } from '../i18n/i18n-context.js';

export type SiteDetailLoad = DetailLoad<SiteDetail>;

/** GET /api/sites/{code} for the selected site: the site and its BTS. */
export function useSiteDetail(code: string, lang: Lang): SiteDetailLoad {
  return useDetailByCode(fetchSiteDetail, code, lang);
}
