/**
 * How long a server takes to answer `/healthz`, as the fastest of a few probes sent one after another.
 *
 * Why the fastest: the test suites share two cores, so a single probe can wait behind another suite's
 * worker (or this worker's garbage collector) and say nothing about the server. A server that is still
 * busy with what a test sent it (a blocked event loop, a queue of work) answers every probe slowly, so
 * the fastest of three still catches it.
 */
export async function healthAnswerMs(baseUrl: string, probes = 3): Promise<number> {
  let fastest = Number.POSITIVE_INFINITY;
  for (let probe = 0; probe < probes; probe++) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}/healthz`);
    await response.text();
    if (response.status !== 200) throw new Error(`/healthz answered ${response.status}`);
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}
