// The plan's indicators on a running server with the demo province: the unit
// cards (GET /api/indicators), the per-unit table of every commune of both
// boundary sets (GET /api/indicators/units), the crosswalk 2023 → 2025, and
// the XLSX export of every unit × indicator of 2023. Median of 5 after one
// warm-up each. `npm run bench` calls measureIndicators on a running server;
// alone: `tsx scripts/bench-indicators.ts http://localhost:8080`.
import { pathToFileURL } from 'node:url';

const requests = {
  provinceCards2023: '/api/indicators?boundarySet=2023',
  provinceCards2025: '/api/indicators?boundarySet=2025',
  communeTable2023: '/api/indicators/units?boundarySet=2023&level=commune',
  communeTable2025: '/api/indicators/units?boundarySet=2025&level=commune',
  crosswalk: '/api/boundary-sets/2023/crosswalk/2025',
  exportXlsx2023: '/api/exports/indicators.xlsx?boundarySet=2023',
} as const;

export type IndicatorFigures = Record<keyof typeof requests, number>;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function measureIndicators(baseUrl: string): Promise<IndicatorFigures> {
  const base = baseUrl.replace(/\/$/, '');
  const figures = {} as IndicatorFigures;
  for (const [name, path] of Object.entries(requests) as [keyof typeof requests, string][]) {
    const times: number[] = [];
    for (let i = 0; i < 6; i++) {
      const t0 = performance.now();
      const r = await fetch(`${base}${path}`);
      await r.arrayBuffer();
      if (r.status !== 200) throw new Error(`${path}: HTTP ${r.status}`);
      if (i > 0) times.push(performance.now() - t0);
    }
    figures[name] = Math.round(median(times) * 10) / 10;
  }
  return figures;
}

export function describeIndicators(name: string, f: IndicatorFigures | { error: string }): string {
  if ('error' in f) return `${name.padEnd(10)} ${f.error}`;
  return (
    `${name.padEnd(10)} province cards 2023 / 2025 ${f.provinceCards2023} / ${f.provinceCards2025} ms; ` +
    `every commune 2023 / 2025 ${f.communeTable2023} / ${f.communeTable2025} ms; crosswalk ${f.crosswalk} ms; XLSX of 2023 ${f.exportXlsx2023} ms`
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(describeIndicators('server', await measureIndicators(process.argv[2] ?? 'http://localhost:8080')));
}
