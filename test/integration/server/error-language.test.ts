import { type AppHarness, startHarness } from '../../support/app-harness';

interface ErrorBody {
  error: { code: string; message: string; details: Record<string, unknown> };
}

/** An API refusal speaks the caller's language (Accept-Language); programs keep reading the same code. */
describe('the API’s refusals in the caller’s language', () => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startHarness({ DEFAULT_REGION: 'IN' });
  });
  afterAll(() => h.close());

  const createGroup = async (name: string, language?: string) => {
    const response = await fetch(`${h.app.url}/api/v1/groups`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(language ? { 'accept-language': language } : {}) },
      body: JSON.stringify({ name }),
    });
    return { status: response.status, body: (await response.json()) as ErrorBody };
  };

  test('when a Hindi reader is refused, then the message is Hindi and the code and details are the same', async () => {
    expect((await createGroup('Loading bay')).status).toBe(201);
    const english = await createGroup('Loading bay');
    const hindi = await createGroup('Loading bay', 'hi-IN,hi;q=0.9,en;q=0.8');
    expect(english.body.error.message).toBe('There is already a group called "Loading bay".');
    expect(hindi.status).toBe(409);
    expect(hindi.body.error).toEqual({
      code: 'GROUP_NAME_TAKEN',
      message: '“Loading bay” नाम का समूह पहले से है।',
      details: english.body.error.details,
    });
  });

  test('when an Arabic reader sends a body that is not JSON, then the transport’s refusal is Arabic too', async () => {
    const response = await fetch(`${h.app.url}/api/v1/groups`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'ar' },
      body: '{"name": ',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: 'MALFORMED_JSON', message: 'محتوى الطلب ليس JSON صالحًا.', details: {} },
    });
  });

  test('when a language Convene does not speak is asked for, then the message is English', async () => {
    const french = await createGroup('Loading bay', 'fr-FR');
    expect(french.body.error.message).toBe('There is already a group called "Loading bay".');
  });
});
