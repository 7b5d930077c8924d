import { v7 as uuidv7 } from 'uuid';

/**
 * Entity ids are UUIDv7: a millisecond time stamp, then random bits (unguessable). Time-ordered ids
 * append to the end of every index keyed by them, so a transaction writes a few tail pages instead
 * of scattering over the whole B-tree: bulk uploads commit a fraction of the pages they did with
 * random ids, and the bot's inserts stay cheap as tables grow. An id reveals when its row was
 * created, which every view that shows the id shows anyway.
 */
export const newId = (): string => uuidv7();
