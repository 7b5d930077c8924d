import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Benchmark } from './figure';

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

/** T1: the JavaScript a first visit downloads (entry + the Home route), gzip-compressed, from a fresh build. */
export const tabFirstLoadBenchmark: Benchmark = {
  ids: ['T1'],
  title: 'management portal first-load JavaScript (gzip)',
  async run() {
    execFileSync('npx', ['vite', 'build', '--config', 'tab/vite.config.mts', '--logLevel', 'error'], {
      cwd: root,
    });
    const manifest = JSON.parse(readFileSync(path.join(dist, '.vite', 'manifest.json'), 'utf8')) as Record<
      string,
      ManifestChunk
    >;
    const files = [...closure(manifest, ['index.html', 'src/pages/home-page.tsx'])].filter((f) =>
      f.endsWith('.js'),
    );
    const gzipBytes = files.reduce(
      (sum, f) => sum + gzipSync(readFileSync(path.join(dist, f)), { level: 9 }).length,
      0,
    );
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
    ];
  },
};
