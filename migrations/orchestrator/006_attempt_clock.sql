-- An attempt's reply timeout runs only while its participant could answer (issue 13). A step's
-- timeout timer is written with its command, unarmed (due_at far in the future); the outbox relay
-- arms it once JetStream has acknowledged the command (due = ack time + delay_ms), recording the
-- command's stream sequence. When it falls due, the orchestrator asks the participant's consumer
-- whether the command was delivered and whether the participant is present: if not, the step is
-- queued (queued_since) and the timer re-checked later instead of fired, until queue_budget_ms.
ALTER TABLE timers ADD COLUMN armed_by TEXT;        -- msg id of the outbox row whose publish ack starts this timer
ALTER TABLE timers ADD COLUMN delay_ms INTEGER;     -- the attempt's timeout, counted from the ack (and again from a delivery seen after queuing)
ALTER TABLE timers ADD COLUMN consumer TEXT;        -- durable consumer (participant) that should take the command
ALTER TABLE timers ADD COLUMN stream_seq INTEGER;   -- the command's sequence in SAGA_COMMANDS; NULL until published
ALTER TABLE timers ADD COLUMN queued_since INTEGER; -- set while the step waits for an available participant
ALTER TABLE timers ADD COLUMN queue_budget_ms INTEGER; -- queued longer than this, the saga is told QUEUE_EXPIRED
