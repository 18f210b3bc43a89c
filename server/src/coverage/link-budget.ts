import { z } from 'zod';
import { technologySchema } from '../contracts/domain-enums.js';

/**
 * Maximum allowed path loss per BTS: MAPL = EIRP − receiver threshold − margins.
 *
 * EIRP is stored per BTS as the total power of the carrier, so the receiver
 * threshold is the total received power at the coverage edge, not a
 * per-resource-element figure:
 *   2G  −102 dBm: GSM reference sensitivity of a 200 kHz carrier;
 *   3G   −90 dBm: CPICH RSCP −100 dBm with the pilot at 10 % (−10 dB) of the carrier;
 *   4G   −84 dBm: RSRP −115 dBm + 10·log10(1200 subcarriers of 20 MHz) = −115 + 30.8;
 *   5G   −75 dBm: SS-RSRP −110 dBm + 10·log10(3276 subcarriers of 100 MHz at 30 kHz) = −110 + 35.2.
 * Margins 14 dB: log-normal shadowing 10 dB (1.28 σ for σ = 8 dB: 90 % probability of
 * coverage at the cell edge), body loss 2 dB and interference (noise rise) 2 dB.
 * An entry with a band applies to that band only and wins over the technology's entry.
 */
export const linkBudgetEntrySchema = z.object({
  technology: technologySchema,
  bandMHz: z.number().int().min(400).max(6000).nullable(),
  receiverThresholdDbm: z.number().min(-160).max(0),
  marginsDb: z.number().min(0).max(60),
});
export type LinkBudgetEntry = z.infer<typeof linkBudgetEntrySchema>;

export const defaultLinkBudget: LinkBudgetEntry[] = [
  { technology: '2G', bandMHz: null, receiverThresholdDbm: -102, marginsDb: 14 },
  { technology: '3G', bandMHz: null, receiverThresholdDbm: -90, marginsDb: 14 },
  { technology: '4G', bandMHz: null, receiverThresholdDbm: -84, marginsDb: 14 },
  { technology: '5G', bandMHz: null, receiverThresholdDbm: -75, marginsDb: 14 },
];

/** Default entries, with entries from HATANG_LINK_BUDGET (JSON array) replacing those of the same technology and band. */
export function resolveLinkBudget(overrideJson: string): LinkBudgetEntry[] {
  if (!overrideJson.trim()) return defaultLinkBudget;
  let parsed: unknown;
  try {
    parsed = JSON.parse(overrideJson);
  } catch (error) {
    throw new Error(`HATANG_LINK_BUDGET is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
  const overrides = z.array(linkBudgetEntrySchema).parse(parsed);
  const key = (e: LinkBudgetEntry) => `${e.technology}/${e.bandMHz ?? '*'}`;
  const merged = new Map(defaultLinkBudget.map((e) => [key(e), e]));
  for (const entry of overrides) merged.set(key(entry), entry);
  return [...merged.values()];
}

export function maplDb(eirpDbm: number, technology: LinkBudgetEntry['technology'], bandMHz: number, budget: LinkBudgetEntry[]): number {
  const entry =
    budget.find((e) => e.technology === technology && e.bandMHz === bandMHz) ??
    budget.find((e) => e.technology === technology && e.bandMHz === null);
  if (!entry) throw new Error(`no link budget for ${technology}`);
  return eirpDbm - entry.receiverThresholdDbm - entry.marginsDb;
}

/**
 * Signal level at the coverage edge as drive-test tools report it, per
 * technology: the per-channel figures the link budget's total-power thresholds
 * are built from (GSM RxLev −102 dBm, UMTS RSCP −100 dBm, LTE RSRP −115 dBm,
 * NR SS-RSRP −110 dBm). A field measurement at or above it counts as covered.
 */
export const measurementThresholdDbm: Record<LinkBudgetEntry['technology'], number> = {
  '2G': -102,
  '3G': -100,
  '4G': -115,
  '5G': -110,
};
