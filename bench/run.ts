import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { benchmarks } from './benchmarks';
import { type Figure, meetsTarget } from './figure';

/** `npm run bench [-- P1 P3]`: runs the selected benchmarks, prints a table, writes bench/results.json. */
async function main(): Promise<void> {
  const wanted = new Set(process.argv.slice(2).map((id) => id.toUpperCase()));
  const selected = benchmarks.filter((b) => wanted.size === 0 || b.ids.some((id) => wanted.has(id)));
  if (selected.length === 0) {
    console.error(
      `No benchmark produces ${[...wanted].join(', ')}. Known: ${benchmarks.flatMap((b) => b.ids).join(', ')}`,
    );
    process.exit(2);
  }
  const figures: Figure[] = [];
  for (const benchmark of selected) {
    process.stderr.write(`running ${benchmark.ids.join('/')}: ${benchmark.title}…\n`);
    const produced = await benchmark.run();
    figures.push(...produced.filter((f) => wanted.size === 0 || wanted.has(f.id)));
  }
  const rows = figures.map((f) => ({
    id: f.id,
    figure: f.figure,
    value: Number(f.value.toPrecision(4)),
    unit: f.unit,
    target: f.target,
    met: meetsTarget(f.value, f.target) ? 'yes' : 'NO',
    notes: f.notes
      ? Object.entries(f.notes)
          .map(([k, v]) => `${k}=${v}`)
          .join(', ')
      : '',
  }));
  console.table(rows);
  const results = figures.map(({ id, figure, value, unit, target }) => ({ id, figure, value, unit, target }));
  writeFileSync(path.join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
