import { Worker } from 'node:worker_threads';
import { planProvince, type PlannedProvince } from './plan-province.js';
import type { ProvinceSlot } from './province-slots.js';
import type { Scale } from './scaled-density.js';

/**
 * Plans provinces one ahead in a worker thread, so that planning province
 * k + 1 (TypeScript, CPU) overlaps writing province k (PostgreSQL, the other
 * core). Without a worker (it could not start: e.g. not run under tsx) each
 * plan is built in this thread when asked for; the plans are the same.
 */
export class ProvincePlanner {
  private worker: Worker | null = null;
  private pending: Promise<PlannedProvince> | null = null;

  constructor(
    private readonly scale: Scale,
    private readonly seed: number,
    private readonly slots: readonly ProvinceSlot[],
    useWorker: boolean,
  ) {
    if (useWorker) {
      try {
        this.worker = new Worker(new URL('./plan-worker.mjs', import.meta.url));
        this.worker.unref();
      } catch {
        this.worker = null;
      }
    }
  }

  /** The plan of slot `index`, and starts planning the next one. */
  async next(index: number): Promise<PlannedProvince> {
    const current = this.pending ?? this.start(index);
    this.pending = null;
    const planned = await current;
    if (this.worker && index + 1 < this.slots.length) {
      this.pending = this.start(index + 1);
      // A failure surfaces when the plan is asked for.
      this.pending.catch(() => {});
    }
    return planned;
  }

  private start(index: number): Promise<PlannedProvince> {
    const slot = this.slots[index]!;
    const worker = this.worker;
    if (!worker) return Promise.resolve().then(() => planProvince(this.scale, this.seed, slot));
    return new Promise((resolve, reject) => {
      const onMessage = (m: { ok: true; planned: PlannedProvince } | { ok: false; message: string }) => {
        worker.off('error', onError);
        if (m.ok) resolve(m.planned);
        else reject(new Error(m.message));
      };
      const onError = (error: Error) => {
        worker.off('message', onMessage);
        reject(error);
      };
      worker.once('message', onMessage);
      worker.once('error', onError);
      worker.postMessage({ scale: this.scale, seed: this.seed, slot });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }
}
