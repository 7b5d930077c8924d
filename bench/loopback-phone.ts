import http from 'node:http';

/**
 * A client that looks like one phone to Convene: its own keep-alive connection from its own loopback
 * address (all of 127.0.0.0/8 is this machine). Load benchmarks use one per simulated person, so the
 * per-address budget on public pages applies to them as it would to real phones, instead of being
 * lifted for one address that carries everybody.
 */
export class LoopbackPhone {
  private readonly agent: http.Agent;

  /** `index` picks the address 127.0.x.y (index 0 → 127.0.1.1); up to 65,000 distinct phones. */
  constructor(index: number) {
    const n = index + 257;
    this.agent = new http.Agent({
      keepAlive: true,
      maxSockets: 1,
      localAddress: `127.0.${Math.floor(n / 256)}.${n % 256}`,
    } as http.AgentOptions);
  }

  /** GETs `url`, reads the whole answer and says how long it took. */
  get(
    url: string,
    headers: Record<string, string> = {},
  ): Promise<{ ms: number; status: number; headers: http.IncomingHttpHeaders }> {
    const t0 = performance.now();
    return new Promise((resolve, reject) => {
      const request = http.get(url, { agent: this.agent, headers }, (response) => {
        response.on('data', () => undefined);
        response.on('end', () =>
          resolve({
            ms: performance.now() - t0,
            status: response.statusCode ?? 0,
            headers: response.headers,
          }),
        );
        response.on('error', reject);
      });
      request.on('error', reject);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
