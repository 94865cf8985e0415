-- Stuck sagas (issue 17): a running or compensating saga past its definition's age limit for the
-- state it is in. Each transition stores when the saga entered its age-limited states and when the
-- first limit runs out, so `GET /sagas?stuck=true` and the saga_stuck gauge compare stuck_at with
-- the clock. No index of its own: only sagas in flight have stuck_at, and the status index finds
-- them. Sagas in flight when this migration runs get the columns at their next transition.
ALTER TABLE sagas ADD COLUMN state_entered TEXT; -- JSON { stateNodeId: enteredAt } when two or more age-limited states are active
ALTER TABLE sagas ADD COLUMN stuck_at INTEGER;   -- when the first of them runs out; NULL when final, parked or unlimited
ALTER TABLE sagas ADD COLUMN stuck_state TEXT;   -- the state that runs out first
