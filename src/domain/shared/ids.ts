import { randomUUID } from 'node:crypto';

/** Entity ids are random UUIDs: they never reveal counts or order. */
export const newId = (): string => randomUUID();
