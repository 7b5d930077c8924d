import { type AppHarness, startHarness } from '../../support/app-harness';
import { readPdfText } from '../../support/rollout-pdf-reader';

/** Requests as another stand-in person of the local tenant (local mode only). */
const as = (id: string, name: string) => ({ 'x-convene-local-user': id, 'x-convene-local-user-name': name });
const PATH = '/api/v1/portal/organisation/language';

describe('the organisation language API over HTTP', () => {
  let h: AppHarness;
  const call = async (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${h.app.url}${url}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    const type = response.headers.get('content-type') ?? '';
    return {
      status: response.status,
      bytes,
      // biome-ignore lint/suspicious/noExplicitAny: tests read answers field by field
      body: (type.includes('json') ? JSON.parse(Buffer.from(bytes).toString()) : undefined) as any,
    };
  };
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  test('when an org admin sets Hindi, then the setting reads back and the generic poster prints in Hindi unless a download asks otherwise', async () => {
    expect((await call('GET', PATH)).body).toEqual({ language: 'en', languages: ['en', 'hi', 'ar'] });
    const set = await call('PUT', PATH, { language: 'hi' });
    expect(set.status).toBe(200);
    expect((await call('GET', PATH)).body.language).toBe('hi');

    const hindi = await call('GET', '/api/v1/rollout/posters/generic?format=pdf');
    expect(hindi.status).toBe(200);
    expect((await readPdfText(hindi.bytes)).text).toContain('Teams पर');
    const english = await call('GET', '/api/v1/rollout/posters/generic?format=pdf&lang=en');
    expect((await readPdfText(english.bytes)).text).toContain('Move your work chat to Teams');
    await call('PUT', PATH, { language: 'en' });
  });

  test('when a language Convene does not speak is asked for, then the answer is 400 LANGUAGE_UNSUPPORTED', async () => {
    const setting = await call('PUT', PATH, { language: 'fr' });
    expect({ status: setting.status, code: setting.body.error?.code }).toEqual({
      status: 400,
      code: 'LANGUAGE_UNSUPPORTED',
    });
    const poster = await call('GET', '/api/v1/rollout/posters/generic?format=png&lang=xx');
    expect({ status: poster.status, code: poster.body.error?.code }).toEqual({
      status: 400,
      code: 'LANGUAGE_UNSUPPORTED',
    });
  });

  test('when someone who is not an org admin reads or changes the setting, then the answer is 403', async () => {
    const meena = as('member-meena', 'Meena');
    for (const [method, body] of [
      ['GET', undefined],
      ['PUT', { language: 'ar' }],
    ] as const) {
      const refused = await call(method, PATH, body, meena);
      expect({ method, status: refused.status }).toEqual({ method, status: 403 });
    }
    expect((await call('GET', PATH)).body.language).toBe('en');
  });
});
