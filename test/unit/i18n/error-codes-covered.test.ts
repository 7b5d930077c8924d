import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { catalogue } from '../../../src/i18n/catalogue';

/**
 * Every coded refusal has its words in the catalogue: the domain's error classes, the codes an error
 * class takes as an argument (announcements, sign-in tokens) and the transport's HttpProblems. Found by
 * reading the source, so a new code without words fails here rather than reaching a Hindi reader in English.
 */
const repository = path.join(__dirname, '../../..');

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const codePatterns = [
  /readonly code = '([A-Z_]+)'/g,
  /new HttpProblem\(\s*\d+,\s*'([A-Z_]+)'/g,
  /new AnnouncementInvalid\(\s*'([A-Z_]+)'/g,
  /code: '(SSO_[A-Z_]+)'/g,
];

function codesIn(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  // Not a refusal anyone reads: botbuilder's storage conflict, retried inside the bot's turn.
  if (file.endsWith('bot-state-storage.ts')) return [];
  return codePatterns.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[1]!));
}

const codes = [
  ...new Set(['src', 'bot'].flatMap((folder) => sourceFiles(path.join(repository, folder))).flatMap(codesIn)),
].sort();

describe('the words for coded refusals', () => {
  it('when the source is read, then it finds the codes people are refused with', () => {
    expect(codes).toEqual(expect.arrayContaining(['GROUP_NAME_TAKEN', 'BODY_INVALID', 'SSO_TOKEN_EXPIRED']));
  });

  it.each(codes)('when %s is refused, then the catalogue has its words in English', (code) => {
    expect(Object.hasOwn(catalogue.en, `errors.${code}`)).toBe(true);
  });
});
