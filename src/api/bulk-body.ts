import { z } from 'zod';
import { BULK_ACTIONS, MAX_BULK, type BulkActionName, type BulkFilter } from '../engine/index.ts';
import { InvalidInputError } from '../errors.ts';
import { BUSINESS_KEY_MAX, SAGA_STATUSES } from './list-query.ts';

const bodySchema = z.strictObject({
  action: z.enum(BULK_ACTIONS),
  filter: z
    .strictObject({
      type: z.string().regex(/^[a-z][a-z0-9_-]{0,49}$/, 'must be a saga type such as order').optional(),
      status: z.enum(SAGA_STATUSES).optional(),
      businessKey: z.string().min(1).max(BUSINESS_KEY_MAX).optional(),
      stuck: z.boolean().optional(),
      createdFrom: z.iso.datetime({ offset: true }).optional(),
      createdTo: z.iso.datetime({ offset: true }).optional(),
    })
    .default({}),
  sagaIds: z.array(z.string().min(1).max(200)).min(1).max(MAX_BULK).optional(),
  dryRun: z.boolean().default(false),
});

/** A validated POST /bulk-actions body. */
export interface BulkRequest {
  action: BulkActionName;
  filter: BulkFilter;
  /** The exact sagas to act on (as a dry run listed them); absent: whatever matches the filter now. */
  sagaIds: string[] | undefined;
  dryRun: boolean;
}

/** Validates a POST /bulk-actions body, naming the first offending field. */
export function parseBulkBody(raw: unknown): BulkRequest {
  const parsed = bodySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '(body)');
    throw new InvalidInputError('INVALID_INPUT', `${field}: ${issue.message}`);
  }
  const { action, filter, sagaIds, dryRun } = parsed.data;
  const time = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso));
  return { action, filter: { ...filter, createdFrom: time(filter.createdFrom), createdTo: time(filter.createdTo) }, sagaIds, dryRun };
}
