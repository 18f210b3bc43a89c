import { z } from 'zod';
import { technologyGroupSchema } from './layer-contracts.js';

/**
 * GET /api/layers/{layer}/count, for the layers drawn from vector tiles: how
 * many features the layer has under the tile filters, over its whole extent
 * (not the view). Coverage adds the area of its unions; hamlets the verdicts
 * of the coverage asked for, counted as GET /api/hamlets/coverage counts them
 * (its summary), without listing the hamlets.
 */
export const tileLayerCountSchema = z.object({
  layer: z.string(),
  count: z.number().int(),
  /** Coverage: the unions' area, km² on the spheroid. */
  areaKm2: z.number().optional(),
  /** Hamlets: over the hamlets with a verdict (assessed) for the operator (* = any), technology group and scenario. */
  verdicts: z
    .object({
      operator: z.string(),
      technologyGroup: technologyGroupSchema,
      hamlets: z.number().int(),
      covered: z.number().int(),
      lomSong: z.number().int(),
      trangSong: z.number().int(),
      /** covered ÷ hamlets; null when no hamlet is assessed. */
      coverageRatio: z.number().nullable(),
      population: z.number().int(),
      populationCovered: z.number().int(),
    })
    .optional(),
});
export type TileLayerCount = z.infer<typeof tileLayerCountSchema>;
