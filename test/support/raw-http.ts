import http from 'node:http';

/** An answer read off the wire, and whether the server closed the connection after it. */
export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  // biome-ignore lint/suspicious/noExplicitAny: tests read answers field by field and assert on them
  body: any;
  /** Milliseconds from the first byte sent to the answer's headers. */
  answeredAfterMs: number;
  /** Whether the server closed the socket within a second of answering. */
  closed: boolean;
}

/**
 * A request with full control of what fetch will not do: any `Host`, and a body sent as chunks that keep
 * coming (`chunks` of `chunkBytes`, a few ms apart) without ever announcing its length. The request
 * body is never ended by us when `neverEnd` is set: a server must answer without waiting for it.
 */
export function rawRequest(
  url: string,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: Uint8Array | string;
    chunked?: { chunks: number; chunkBytes: number; neverEnd?: boolean };
  },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const agent = new http.Agent({ keepAlive: false });
    const req = http.request(url, { method: options.method ?? 'POST', headers: options.headers, agent });
    let answered = false;
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    req.on('response', (res) => {
      answered = true;
      const answeredAfterMs = Date.now() - started;
      const chunks: Buffer[] = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        try {
          body = text ? JSON.parse(text) : undefined;
        } catch {
          // not JSON: keep the text
        }
        const socket = req.socket;
        const closedWithin = new Promise<boolean>((done) => {
          if (!socket || socket.destroyed) return done(true);
          const timer = setTimeout(() => done(false), 1000);
          socket.once('close', () => {
            clearTimeout(timer);
            done(true);
          });
        });
        closedWithin.then((closed) => {
          req.destroy();
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, answeredAfterMs, closed });
        });
      });
    });
    if (options.chunked) {
      const { chunks, chunkBytes, neverEnd } = options.chunked;
      const chunk = Buffer.alloc(chunkBytes, 0x20);
      let sent = 0;
      const pump = () => {
        if (answered || req.destroyed) return;
        if (sent >= chunks) {
          if (!neverEnd) req.end();
          return;
        }
        sent++;
        req.write(chunk, () => setTimeout(pump, 2));
      };
      pump();
    } else {
      req.end(options.body);
    }
  });
}
