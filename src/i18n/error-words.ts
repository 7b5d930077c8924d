import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import type { MessageId } from './catalogue';
import type { MessageValues, Translator } from './translator';

/** What a coded refusal carries, from the domain (`DomainError`) or the transport (`HttpProblem`). */
export interface CodedError {
  readonly code: string;
  readonly message: string;
  readonly details: Record<string, unknown>;
}

/**
 * The words for a coded refusal in the reader's language: the catalogue's `errors.<CODE>`, filled from the
 * error's details. The code stays the same everywhere; a code the catalogue lacks keeps the error's own
 * (English) message, so nothing is ever shown blank.
 */
export function errorWords(error: CodedError, translator: Translator): string {
  const id = `errors.${error.code}` as MessageId;
  if (!translator.has(id)) return error.message;
  return translator.t(id, valuesOf(error.details, argumentsOf(id, translator), translator));
}

/** A message's arguments, and for those it chooses words by (`select`), the options it knows. */
type Arguments = Map<string, Set<string>>;

const argumentsById = new Map<string, Arguments>();

/**
 * Read from the message itself, through the translator: the server's catalogue or the tab's messages
 * (importing the catalogue here would put every namespace of every language into the tab's bundle).
 */
function argumentsOf(id: MessageId, translator: Translator): Arguments {
  const key = `${translator.locale}|${id}`;
  let found = argumentsById.get(key);
  if (!found) {
    found = new Map();
    collect(parse(translator.message(id) ?? ''), found);
    argumentsById.set(key, found);
  }
  return found;
}

function collect(elements: MessageFormatElement[], into: Arguments): void {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.tag) {
      collect(element.children, into);
      continue;
    }
    const options = into.get(element.value) ?? new Set<string>();
    into.set(element.value, options);
    if (element.type === TYPE.select || element.type === TYPE.plural) {
      if (element.type === TYPE.select) for (const key of Object.keys(element.options)) options.add(key);
      for (const option of Object.values(element.options)) collect(option.value, into);
    }
  }
}

/**
 * Details as message values. Strings, numbers and dates pass; lists read as the language lists them
 * ("A, B and C"); sizes in bytes (`limitBytes`) are also offered in words (`limitSize`, "50 MB").
 * A detail an error carries only sometimes (a group's name, withheld from strangers) reads as `null`, so
 * a message can choose its words with `{group, select, null {…} other {…}}`. ICU cannot spell hyphens
 * or spaces in a select's options, so a value such as `view-users` matches the option `view_users`.
 */
function valuesOf(details: Record<string, unknown>, args: Arguments, translator: Translator): MessageValues {
  const values: MessageValues = {};
  for (const [name, value] of Object.entries(details)) {
    if (typeof value === 'string' || typeof value === 'number' || value instanceof Date) values[name] = value;
    else if (
      Array.isArray(value) &&
      value.every((item) => typeof item === 'string' || typeof item === 'number')
    )
      values[name] = translator.list(value.map(String));
    if (typeof value === 'number' && name.endsWith('Bytes'))
      values[`${name.slice(0, -'Bytes'.length)}Size`] = sizeInWords(value, translator);
  }
  for (const [name, options] of args) {
    const value = values[name];
    if (value === undefined) values[name] = null;
    else if (typeof value === 'string' && options.size > 0 && !options.has(value)) {
      const option = value.replace(/[-\s]+/g, '_');
      if (options.has(option)) values[name] = option;
    }
  }
  return values;
}

/**
 * "50 MB", "8 KB": a limit as people say it (as `formatBytes` says it in English), the number in the
 * language's digits; the abbreviations are read the same in Hindi and Arabic interfaces.
 */
function sizeInWords(bytes: number, translator: Translator): string {
  if (bytes >= 1024 * 1024)
    return `${translator.number(bytes / (1024 * 1024), { maximumFractionDigits: 1 })} MB`;
  if (bytes >= 1024) return `${translator.number(bytes / 1024, { maximumFractionDigits: 0 })} KB`;
  return translator.number(bytes, { style: 'unit', unit: 'byte', unitDisplay: 'long' });
}
