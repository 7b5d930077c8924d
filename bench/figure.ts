/** One measured figure, as written to bench/results.json. */
export interface Figure {
  id: string;
  figure: string;
  value: number;
  unit: string;
  target: string;
  /** Extra numbers printed beside the figure (absolute times, rows/s…); not part of results.json's contract. */
  notes?: Record<string, number | string>;
}

/** A benchmark measures one or more figures side by side in one run. */
export interface Benchmark {
  /** The figure ids it produces, e.g. ["P1"]; `npm run bench -- P1` selects by these. */
  ids: string[];
  title: string;
  run(): Promise<Figure[]>;
}

/** Whether a value meets a target written as "<= 1.5", ">= 0.95", "< 300"… */
export function meetsTarget(value: number, target: string): boolean {
  const match = /^\s*(<=|>=|<|>)\s*([\d.]+)/.exec(target);
  if (!match) return false;
  const bound = Number(match[2]);
  switch (match[1]) {
    case '<=':
      return value <= bound;
    case '>=':
      return value >= bound;
    case '<':
      return value < bound;
    default:
      return value > bound;
  }
}
