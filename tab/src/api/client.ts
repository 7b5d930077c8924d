import { ApiError } from './api-error';

export { ApiError };

type TokenSource = () => Promise<string | undefined>;
let tokenSource: TokenSource = async () => undefined;
let localUser: { id: string; name: string } | undefined;

/** Inside Teams every call carries the SSO token. */
export function setTokenSource(source: TokenSource): void {
  tokenSource = source;
}

/** Local mode only: act as another stand-in person (the server ignores this in tenant mode). */
export function actAsLocalUser(user: { id: string; name: string } | undefined): void {
  localUser = user;
}

export async function authHeaders(): Promise<Record<string, string>> {
  const headers: Record<string, string> = {};
  const token = await tokenSource();
  if (token) headers.authorization = `Bearer ${token}`;
  if (localUser) {
    headers['x-convene-local-user'] = localUser.id;
    headers['x-convene-local-user-name'] = localUser.name;
  }
  return headers;
}

async function send<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers = await authHeaders();
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body instanceof Blob) {
    // A file sent as itself (a group's photo): the server reads its type from its bytes.
    headers['content-type'] = 'application/octet-stream';
    payload = body;
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: payload });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Convene cannot be reached. Check your connection and try again.');
  }
  const text = await response.text();
  const parsed = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const error = (parsed as { error?: { code: string; message: string; details?: Record<string, unknown> } })
      ?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'HTTP_ERROR',
      error?.message ?? `The server answered ${response.status}.`,
      error?.details,
    );
  }
  return parsed as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export const api = {
  get: <T>(path: string) => send<T>('GET', path),
  post: <T>(path: string, body?: unknown) => send<T>('POST', path, body ?? {}),
  put: <T>(path: string, body?: unknown) => send<T>('PUT', path, body ?? {}),
  del: <T>(path: string) => send<T>('DELETE', path),
};

/**
 * Downloads a file the API serves, with the same credentials as every other call (a POST with a JSON
 * body when `body` is given). A refusal throws the server's coded error, so its words can be shown.
 */
export async function download(path: string, fileName: string, body?: unknown): Promise<void> {
  const headers = await authHeaders();
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, {
    method: body === undefined ? 'GET' : 'POST',
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    const error = (
      safeJson(await response.text()) as {
        error?: { code: string; message: string; details?: Record<string, unknown> };
      }
    )?.error;
    throw new ApiError(
      response.status,
      error?.code ?? 'DOWNLOAD_FAILED',
      error?.message ?? `The download failed (${response.status}).`,
      error?.details,
    );
  }
  const url = URL.createObjectURL(await response.blob());
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
