/** Card data fields arrive from the client: only non-empty strings are trusted as ids or words. */
export const text = (value: unknown): string => (typeof value === 'string' ? value : '');
