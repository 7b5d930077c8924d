/**
 * An item no stored item carries as its eTag: writing it creates the item, and fails if another
 * writer created it first (so even a brand-new state document is not last-writer-wins).
 */
export const NEW_ITEM_ETAG = 'new';

/** Whether a Storage write failed because the item changed since it was read. */
export function isETagConflict(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /etag conflict|precondition is not met/i.test(message);
}
