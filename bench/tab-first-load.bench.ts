import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Benchmark, Figure } from './figure';

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'tab', 'dist');

/** Every chunk a route needs before it can render: the chunk and its static imports, transitively. */
function closure(manifest: Record<string, ManifestChunk>, keys: string[]): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    files.add(manifest[key].file);
    for (const css of manifest[key].css ?? []) files.add(css);
    for (const next of manifest[key].imports ?? []) visit(next);
  };
  keys.forEach(visit);
  return files;
}

const gzipKB = (files: Iterable<string>): number =>
  [...files]
    .filter((f) => f.endsWith('.js'))
    .reduce((sum, f) => sum + gzipSync(readFileSync(path.join(dist, f)), { level: 9 }).length, 0) / 1024;

/**
 * The chunks a first load in another language fetches on top of English's: that language's messages
 * (`src/i18n/messages/<locale>/*.json`, loaded on demand by `tab-messages.ts`) and whatever they import
 * that the English first load does not already have.
 */
function languageChunks(
  manifest: Record<string, ManifestChunk>,
  locale: string,
  firstLoad: Set<string>,
): string[] {
  const keys = Object.keys(manifest).filter((key) => key.includes(`/i18n/messages/${locale}/`));
  return [...closure(manifest, keys)].filter((f) => !firstLoad.has(f));
}

/**
 * T1: the JavaScript a first visit downloads (entry + the Home route), gzip-compressed, from a fresh
 * build, in English; and what a first visit in Hindi adds (its messages, fetched before the first render).
 */
export const tabFirstLoadBenchmark: Benchmark = {
  ids: ['T1'],
  title: 'management portal first-load JavaScript (gzip)',
  async run(): Promise<Figure[]> {
    execFileSync('npx', ['vite', 'build', '--config', 'tab/vite.config.mts', '--logLevel', 'error'], {
      cwd: root,
    });
    const manifest = JSON.parse(readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<
      string,
      ManifestChunk
    >;
    const firstLoad = closure(manifest, ['index.html', 'src/pages/home-page.tsx']);
    const files = [...firstLoad].filter((f) => f.endsWith('.js'));
    const gzipBytes = gzipKB(files) * 1024;
    const hindi = languageChunks(manifest, 'hi', firstLoad);
    const arabic = languageChunks(manifest, 'ar', firstLoad);
    const allJs = Object.values(manifest).filter((c) => c.file.endsWith('.js'));
    const totalGzip = allJs.reduce(
      (sum, c) => sum + gzipSync(readFileSync(path.join(dist, c.file)), { level: 9 }).length,
      0,
    );
    return [
      {
        id: 'T1',
        figure: 'tab first-load JavaScript, gzip (entry + Home route)',
        value: gzipBytes / 1024,
        unit: 'KB',
        target: '<= 300',
        notes: { chunks: files.length, allRoutesKB: Math.round(totalGzip / 1024) },
      },
      {
        id: 'T1',
        figure: 'tab first load in Hindi: extra JavaScript, gzip (its messages, on demand)',
        value: gzipKB(hindi),
        unit: 'KB',
        target: '<= 30',
        notes: { chunks: hindi.length, arabicKB: Math.round(gzipKB(arabic) * 10) / 10 },
      },
    ];
  },
};
