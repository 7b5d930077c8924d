/** An answer of the loopback Graph: status, JSON (or text) body, headers. */
export type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

/** Graph's error body. */
export function error(code: string, message: string) {
  return { error: { code, message } };
}
