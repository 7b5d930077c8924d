import type { Benchmark } from './figure';

/**
 * Every benchmark, in the order they run. Each lives in its own file under bench/ and is added here
 * with one line.
 */
export const benchmarks: Benchmark[] = [];
