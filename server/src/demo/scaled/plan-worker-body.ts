import { parentPort } from 'node:worker_threads';
import { planProvince } from './plan-province.js';
import type { ProvinceSlot } from './province-slots.js';
import type { Scale } from './scaled-density.js';

/** Plans the provinces it is sent, one message each way; an error travels back as text. */
parentPort!.on('message', (job: { scale: Scale; seed: number; slot: ProvinceSlot }) => {
  try {
    parentPort!.postMessage({ ok: true, planned: planProvince(job.scale, job.seed, job.slot) });
  } catch (error) {
    parentPort!.postMessage({ ok: false, message: (error as Error).message });
  }
});
