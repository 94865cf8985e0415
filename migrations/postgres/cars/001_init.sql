-- Cars on PostgreSQL (DATABASE_URL), in the schema "cars": the table of migrations/cars in
-- PostgreSQL's types. The kit creates processed_commands and health_probe.

-- status 'cancelled' with a NULL city is a tombstone: the cancel came first, so the late
-- reserve for that trip is refused.
CREATE TABLE car_bookings (
  trip_id    TEXT PRIMARY KEY,
  status     TEXT NOT NULL CHECK (status IN ('reserved', 'cancelled')),
  traveller  TEXT,
  city       TEXT,
  pick_up    TEXT,
  days       BIGINT CHECK (days IS NULL OR days > 0),
  updated_at BIGINT NOT NULL,
  CHECK ((city IS NULL) = (traveller IS NULL) AND (city IS NULL) = (pick_up IS NULL) AND (city IS NULL) = (days IS NULL)),
  CHECK (status = 'cancelled' OR city IS NOT NULL)
);
