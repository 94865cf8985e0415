// Stuck sagas: a running or compensating saga that stayed in a state longer than its definition's
// age limit for that state. Each transition records when the saga entered each of its active
// limited states and the earliest moment one of them runs out (stuck_at), so finding stuck sagas
// is a comparison with the clock, not a walk through histories.

/** What a transition stores about the ages of the saga's states. */
export interface StateAges {
  /** JSON of { stateNodeId: enteredAt } for the active age-limited states; null when there are none. */
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
 * entry time from `previous` (the stored stateEntered); a state just entered starts at `now`.
 */
export function stateAges(limits: ReadonlyMap<string, number>, active: Iterable<{ id: string }>, previous: string | null, now: number): StateAges {
  const before = previous === null ? {} : (JSON.parse(previous) as Record<string, number>);
  const entered: Record<string, number> = {};
  let stuckAt: number | null = null;
  let stuckState: string | null = null;
  for (const { id } of active) {
    const limit = limits.get(id);
    if (limit === undefined) continue;
    const at = before[id] ?? now;
    entered[id] = at;
    if (stuckAt === null || at + limit < stuckAt) {
      stuckAt = at + limit;
      stuckState = id;
    }
  }
  return stuckAt === null ? NO_AGES : { stateEntered: JSON.stringify(entered), stuckAt, stuckState };
}
