import { z } from 'zod';
import { BULK_ACTIONS, MAX_BULK, type BulkActionName, type BulkFilter } from '../engine/index.ts';
import { FILTER_FIELDS, parseStrict } from './list-query.ts';

const bodySchema = z.strictObject({
  action: z.enum(BULK_ACTIONS),
  filter: z
    .strictObject({
      ...FILTER_FIELDS,
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
  const { action, filter, sagaIds, dryRun } = parseStrict(bodySchema, raw, '(body)');
  const time = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso));
  return { action, filter: { ...filter, createdFrom: time(filter.createdFrom), createdTo: time(filter.createdTo) }, sagaIds, dryRun };
}
