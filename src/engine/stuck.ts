// Stuck sagas: a running or compensating saga that stayed in a state longer than its definition's
// age limit for that state. Each transition records when the saga entered each of its active
// limited states and the earliest moment one of them runs out (stuck_at), so finding stuck sagas
// is a comparison with the clock, not a walk through histories.

/** What a transition stores about the ages of the saga's states. */
export interface StateAges {
  /**
   * JSON of { stateNodeId: enteredAt } when two or more age-limited states are active (parallel
   * steps); null otherwise, as one state's entry time is stuckAt minus its limit.
   */
  stateEntered: string | null;
  /** When the first of them runs out: from then on the saga is stuck (unless it moves). */
  stuckAt: number | null;
  /** The state that runs out first. */
  stuckState: string | null;
}

/** A saga that cannot be stuck: final, parked (needs_attention, shown as such) or in no limited state. */
export const NO_AGES: StateAges = { stateEntered: null, stuckAt: null, stuckState: null };

/**
 * The ages after a transition into the states `active`: a state the saga was already in keeps its
 * entry time from `previous` (what the last transition stored); a state just entered starts at `now`.
 * A sequential saga has one limited state at a time, so the usual transition parses and writes no
 * JSON: the entry time is read back from stuckAt (a deadline kept even if the limit changed since).
 */
export function stateAges(limits: ReadonlyMap<string, number>, active: Iterable<{ id: string }>, previous: StateAges, now: number): StateAges {
  let many: Record<string, number> | undefined;
  const enteredBefore = (id: string): number | undefined => {
    if (previous.stateEntered !== null) return (many ??= JSON.parse(previous.stateEntered) as Record<string, number>)[id];
    return previous.stuckState === id && previous.stuckAt !== null ? previous.stuckAt - limits.get(id)! : undefined;
  };
  const entered: [string, number][] = [];
  let stuckAt: number | null = null;
  let stuckState: string | null = null;
  for (const { id } of active) {
    const limit = limits.get(id);
    if (limit === undefined) continue;
    const at = enteredBefore(id) ?? now;
    entered.push([id, at]);
    if (stuckAt === null || at + limit < stuckAt) {
      stuckAt = at + limit;
      stuckState = id;
    }
  }
  if (stuckAt === null) return NO_AGES;
  return { stateEntered: entered.length > 1 ? JSON.stringify(Object.fromEntries(entered)) : null, stuckAt, stuckState };
}
