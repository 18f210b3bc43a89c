import { fetchHamletDetail } from '../api/api-client.js';
import { useDetailByCode, type DetailLoad } from '../api/use-detail-by-code.js';
import type { HamletDetail } from '../domain/contract-types.js';
import type { Lang } from '../i18n/i18n-context.js';

export type HamletDetailLoad = DetailLoad<HamletDetail>;

/** GET /api/hamlets/{code}: the hamlet, its verdict per operator × technology group, and its uncovered parts. */
export function useHamletDetail(code: string, lang: Lang): HamletDetailLoad {
  return useDetailByCode(fetchHamletDetail, code, lang);
}
