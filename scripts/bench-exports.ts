// Whole-province GeoJSON exports of the biggest layers (BTS, hamlets): time to
// the first byte, total time, size and feature count. `npm run bench` calls
// measureExports on a running server; alone: `tsx scripts/bench-exports.ts http://localhost:8080`.
import http from 'node:http';
import { pathToFileURL } from 'node:url';

export interface ExportMeasure {
  geojsonTtfbMs: number;
  geojsonTotalMs: number;
  /** Uncompressed bytes of the body. */
  bytes: number;
  features: number;
}

/** One GET, uncompressed (Accept-Encoding: identity), timed from the request to its first and last body byte. */
function timeDownload(url: string): Promise<ExportMeasure> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    let first = 0;
    let bytes = 0;
    let features = 0;
    // A feature starts with this text in our stream; a chunk boundary may split one, so keep the tail.
    const marker = '{"type":"Feature"';
    let tail = '';
    const req = http.get(url, { headers: { 'accept-encoding': 'identity' } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`${url}: HTTP ${res.statusCode}`));
        return;
      }
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (!first) first = performance.now();
        bytes += Buffer.byteLength(chunk);
        const text = tail + chunk;
        for (let i = text.indexOf(marker); i >= 0; i = text.indexOf(marker, i + marker.length)) features++;
        // One character short of a marker: a marker split by the boundary is completed by the next chunk, none is counted twice.
        tail = text.slice(-(marker.length - 1));
      });
      res.on('end', () => resolve({ geojsonTtfbMs: first - start, geojsonTotalMs: performance.now() - start, bytes, features }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/**
 * GeoJSON exports of the whole province's BTS and hamlets. The top-level
 * numbers are the BTS export's (the biggest layer); `byLayer` has both.
 */
export async function measureExports(baseUrl: string): Promise<ExportMeasure & { byLayer: Record<'bts' | 'hamlets', ExportMeasure> }> {
  const base = baseUrl.replace(/\/$/, '');
  // One warm-up request: the first statement of a layer pays for planning and the database's caches.
  await timeDownload(`${base}/api/exports/sites.geojson`);
  const bts = await timeDownload(`${base}/api/exports/bts.geojson`);
  const hamlets = await timeDownload(`${base}/api/exports/hamlets.geojson`);
  return { ...bts, byLayer: { bts, hamlets } };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const url = process.argv[2] ?? 'http://localhost:8080';
  measureExports(url).then(
    (m) => console.log(JSON.stringify(m, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
