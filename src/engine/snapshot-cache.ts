import type { AnyMachineSnapshot } from 'xstate';

/**
 * Live machine snapshots of the sagas applied most recently, each valid for one history sequence
 * number. Restoring a snapshot from its stored JSON (parse, then XState's resolveState) is done
 * for every event otherwise; a saga in flight gets its next event soon after the last one. Entries
 * are set only after the commit that wrote them, and a stale one (the row moved on) is ignored.
 */
export class SnapshotCache {
  private readonly entries = new Map<string, { seq: number; snapshot: AnyMachineSnapshot }>();
  private readonly capacity: number;

  constructor(capacity: number) {
    this.capacity = capacity;
  }

  /** The snapshot of saga `id` at sequence `seq`, if cached. */
  get(id: string, seq: number): AnyMachineSnapshot | undefined {
    const entry = this.entries.get(id);
    return entry?.seq === seq ? entry.snapshot : undefined;
  }

  /** Remembers the committed snapshot of saga `id` at `seq`; the least recently set entry makes room. */
  set(id: string, seq: number, snapshot: AnyMachineSnapshot): void {
    this.entries.delete(id);
    this.entries.set(id, { seq, snapshot });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  /** Forgets saga `id` (it finished: no event is expected). */
  delete(id: string): void {
    this.entries.delete(id);
  }
}
