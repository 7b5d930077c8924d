import type { IntlShape } from 'react-intl';
import { codedErrorWords } from '../api/error-words';
import { isolatedIn, leftToRightIn } from '../components/left-to-right';

/** What the server keeps of a coded outcome: its code, its English words and (usually) its details. */
export interface Coded {
  code: string | null | undefined;
  message: string | null | undefined;
  details?: Record<string, unknown> | null;
}

/** Details that read left to right whatever the language (numbers with their "+", addresses). */
const leftToRightDetails = new Set(['phone', 'email', 'domain']);
/** Names and values people typed, in any script: isolated so the sentence around them keeps its order. */
const nameDetails = new Set(['group', 'column', 'name', 'parent', 'child', 'value']);

/**
 * Words for something the server reports by code (an upload problem, a row's failure, an invite card's
 * failure), in the reader's language from `errors.<CODE>`, filled from its details plus `extra` (an upload
 * problem's line and column). A code without details whose message needs some, or a code the catalogue
 * lacks, keeps the server's own words, so nothing reads half-filled.
 */
export function codedWords(coded: Coded, intl: IntlShape, extra: Record<string, unknown> = {}): string {
  const english = coded.message ?? '';
  if (!coded.code) return english;
  const id = `errors.${coded.code}`;
  if (!Object.hasOwn(intl.messages, id)) return english;
  const ltr = leftToRightIn(intl);
  const isolate = isolatedIn(intl);
  const details: Record<string, unknown> = {};
  for (const [name, value] of Object.entries({ ...(coded.details ?? {}), ...extra })) {
    if (value === null || value === undefined) continue;
    if (typeof value === 'string' && leftToRightDetails.has(name)) details[name] = ltr(value);
    else if (typeof value === 'string' && nameDetails.has(name)) details[name] = isolate(value);
    else details[name] = value;
  }
  if (!coded.details && needsDetails(String(intl.messages[id]), details)) return english;
  return codedErrorWords({ code: coded.code, message: english, details }, intl);
}

/** Whether a message names a value (`{group}`) the details do not have. */
function needsDetails(message: string, details: Record<string, unknown>): boolean {
  for (const match of message.matchAll(/\{\s*([A-Za-z]\w*)\s*[,}]/g))
    if (!Object.hasOwn(details, match[1]!)) return true;
  return false;
}
