import { randomUUID } from 'node:crypto';

/**
 * A UUIDv7 (RFC 9562): 48-bit millisecond timestamp, then random bits. Time-ordered ids keep the
 * inserts of new sagas and their history at the right edge of the B-trees instead of scattering
 * them, so a commit dirties fewer pages; they still sort and compare as plain UUID strings.
 */
export function uuidv7(now: number = Date.now()): string {
  // randomUUID draws from a cached entropy pool (randomBytes would allocate and refill per id); its
  // variant bits are already RFC 9562's, and its 74 random bits after the version are kept.
  const random = randomUUID();
  const time = now.toString(16).padStart(12, '0');
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15)}`;
}
