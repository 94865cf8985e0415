import { z } from 'zod';

/** Minor units or units of stock in a request body: what SQLite stores exactly and JSON round-trips without loss. */
export const amountSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
