-- Flights on PostgreSQL (DATABASE_URL), in the schema "flights": the tables of migrations/flights
-- in PostgreSQL's types. The kit creates processed_commands and health_probe.

-- Seats on each date a flight operates. A flight gets a row when it is first booked (with
-- FLIGHTS_DEFAULT_SEATS) or set by an admin, so a later change of the default does not resize it.
CREATE TABLE flights (
  flight   TEXT PRIMARY KEY,
  capacity BIGINT NOT NULL CHECK (capacity >= 0)
);

-- Seats held per departure. An admin may lower a flight's capacity below what is already booked,
-- so booked is bounded by nothing but zero; the reserve check (under this row's lock) is what keeps
-- new bookings in bounds.
CREATE TABLE flight_dates (
  flight TEXT NOT NULL,
  date   TEXT NOT NULL,
  booked BIGINT NOT NULL CHECK (booked >= 0),
  PRIMARY KEY (flight, date)
);

-- status 'cancelled' with a NULL flight is a tombstone: the cancel came first, so the late
-- reserve for that trip is refused.
CREATE TABLE flight_bookings (
  trip_id    TEXT PRIMARY KEY,
  status     TEXT NOT NULL CHECK (status IN ('reserved', 'cancelled')),
  traveller  TEXT,
  flight     TEXT,
  date       TEXT,
  seats      BIGINT CHECK (seats IS NULL OR seats > 0),
  updated_at BIGINT NOT NULL,
  CHECK ((flight IS NULL) = (traveller IS NULL) AND (flight IS NULL) = (date IS NULL) AND (flight IS NULL) = (seats IS NULL)),
  CHECK (status = 'cancelled' OR flight IS NOT NULL)
);
