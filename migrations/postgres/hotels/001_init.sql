-- Hotels on PostgreSQL (DATABASE_URL), in the schema "hotels": the tables of migrations/hotels in
-- PostgreSQL's types. The kit creates processed_commands and health_probe.

-- A hotel gets a row when it is first booked (with HOTELS_DEFAULT_ROOMS) or set by an admin, so a
-- later change of the default does not resize it. An admin may lower rooms below what is already
-- reserved; the reserve check (under this row's lock) is what keeps new bookings in bounds.
CREATE TABLE hotels (
  hotel    TEXT PRIMARY KEY,
  rooms    BIGINT NOT NULL CHECK (rooms >= 0),
  reserved BIGINT NOT NULL CHECK (reserved >= 0)
);

-- status 'cancelled' with a NULL hotel is a tombstone: the cancel came first, so the late
-- reserve for that trip is refused.
CREATE TABLE hotel_bookings (
  trip_id    TEXT PRIMARY KEY,
  status     TEXT NOT NULL CHECK (status IN ('reserved', 'cancelled')),
  traveller  TEXT,
  hotel      TEXT,
  check_in   TEXT,
  nights     BIGINT CHECK (nights IS NULL OR nights > 0),
  rooms      BIGINT CHECK (rooms IS NULL OR rooms > 0),
  updated_at BIGINT NOT NULL,
  CHECK ((hotel IS NULL) = (traveller IS NULL) AND (hotel IS NULL) = (check_in IS NULL)
         AND (hotel IS NULL) = (nights IS NULL) AND (hotel IS NULL) = (rooms IS NULL)),
  CHECK (status = 'cancelled' OR hotel IS NOT NULL)
);
