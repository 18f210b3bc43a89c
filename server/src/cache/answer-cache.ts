/**
 * An in-process least-recently-used cache of answers (tile bytes, layer
 * GeoJSON) keyed by their data-version ETag, within a budget of bytes. It is
 * a cache, not state: a key names the data version it was made from, so an
 * entry is never stale, only unused, and several processes on one database
 * each keep their own without disagreeing.
 */
export class AnswerCache<V extends Uint8Array | string> {
  private readonly entries = new Map<string, V>();
  private bytes = 0;

  constructor(
    private readonly budgetBytes: number,
    /** Answers larger than this are not kept (one would evict many small ones). */
    private readonly maxEntryBytes = budgetBytes / 8,
  ) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    // Re-insert: a Map iterates in insertion order, so the first key is the least recently used.
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  set(key: string, value: V): void {
    const size = sizeOf(value);
    if (size > this.maxEntryBytes) return;
    const old = this.entries.get(key);
    if (old !== undefined) {
      this.bytes -= sizeOf(old);
      this.entries.delete(key);
    }
    this.entries.set(key, value);
    this.bytes += size;
    for (const [oldest, v] of this.entries) {
      if (this.bytes <= this.budgetBytes) break;
      this.entries.delete(oldest);
      this.bytes -= sizeOf(v);
    }
  }

  get sizeBytes(): number {
    return this.bytes;
  }
}

// A JavaScript string of the GeoJSON is at most 2 bytes a character in memory.
const sizeOf = (value: Uint8Array | string) => (typeof value === 'string' ? value.length * 2 : value.byteLength);
