import { readFileSync } from 'node:fs';
import path from 'node:path';
import { environmentSchema } from '../../src/config';

/**
 * Every setting Convene reads (src/config.ts) is in `.env.example` and the README's settings table, and
 * nothing is documented that Convene does not read; the defaults written in `.env.example` are the
 * ones Convene uses (it once said UPLOAD_BATCH_ROWS=5000 while Convene used 10,000).
 */
const repo = path.resolve(__dirname, '../..');
const settings = Object.keys(environmentSchema.shape).sort();

/** `NAME=value` lines of .env.example, comments aside. */
function envExample(): Map<string, string> {
  const text = readFileSync(path.join(repo, '.env.example'), 'utf8');
  return new Map([...text.matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((m) => [m[1], m[2].trim()]));
}

/** The setting names in the first column of the table under the README's "## Configuration". */
function readmeSettings(): string[] {
  const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
  const section = readme.split(/^## Configuration$/m)[1]?.split(/^## /m)[0] ?? '';
  const firstCells = section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.split('|')[1]);
  return [
    ...new Set(firstCells.flatMap((cell) => [...cell.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((m) => m[1]))),
  ].sort();
}

describe('the settings are documented where people look', () => {
  test('when a setting is read by src/config.ts, then .env.example lists it, and lists nothing else', () => {
    expect([...envExample().keys()].sort()).toEqual(settings);
  });

  test('when a setting is read by src/config.ts, then the README’s settings table names it, and names nothing else', () => {
    expect(readmeSettings()).toEqual(settings);
  });

  test('when .env.example gives a value, then it is the default Convene uses without it', () => {
    const defaults = environmentSchema.parse({}) as Record<string, unknown>;
    const differing = [...envExample()]
      .filter(([, value]) => value !== '')
      .filter(([name, value]) => String(defaults[name]) !== value)
      .map(([name, value]) => `${name}: .env.example ${value}, default ${String(defaults[name])}`);
    expect(differing).toEqual([]);
  });
});
