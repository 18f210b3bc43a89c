import type { Response } from 'express';

/** The client went away mid-export: stop reading pages. */
export class ExportAborted extends Error {
  constructor() {
    super('export aborted: the client closed the connection');
  }
}

/**
 * Writes one chunk and waits while the socket (or the compressor in front of
 * it) is full, so a slow client holds one page in memory, not the whole layer.
 */
export function writeOut(res: Response, chunk: string): Promise<void> {
  if (res.destroyed) return Promise.reject(new ExportAborted());
  if (res.write(chunk)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const drained = () => {
      res.off('close', closed);
      resolve();
    };
    const closed = () => {
      res.off('drain', drained);
      reject(new ExportAborted());
    };
    res.once('drain', drained);
    res.once('close', closed);
  });
}

/** Sends what the compressor holds now: the first page reaches the client without waiting for zlib's buffer to fill. */
export function flushOut(res: Response): void {
  (res as unknown as { flush?: () => void }).flush?.();
}
