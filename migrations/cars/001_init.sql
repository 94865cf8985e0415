-- Cars participant: one car booking per trip.

-- processed_commands and health_probe are the participant kit's (src/participants/kit/kit-tables.ts).

-- status 'cancelled' with a NULL city is a tombstone: the cancel came first, so the late
-- reserve for that trip is refused.
CREATE TABLE car_bookings (
  trip_id    TEXT PRIMARY KEY,
  status     TEXT NOT NULL CHECK (status IN ('reserved', 'cancelled')),
  traveller  TEXT,
  city       TEXT,
  pick_up    TEXT,
  days       INTEGER CHECK (days IS NULL OR days > 0),
  updated_at INTEGER NOT NULL,
  CHECK ((city IS NULL) = (traveller IS NULL) AND (city IS NULL) = (pick_up IS NULL) AND (city IS NULL) = (days IS NULL)),
  CHECK (status = 'cancelled' OR city IS NOT NULL)
) STRICT;
