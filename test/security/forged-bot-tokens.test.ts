import { randomUUID } from 'node:crypto';
import { SqlTeamsAddressBook } from '../../src/infra/storage/repositories/teams-address-book.sql';
import { BOT_FRAMEWORK_ISSUER, BotFrameworkAuthority } from '../fakes/bot-framework-authority';
import type { AppHarness } from '../support/app-harness';
import { healthAnswerMs } from '../support/health-probe';
import { postgresAvailable } from '../support/postgres';
import { startTenantHarness, TEST_BOT_APP_ID } from '../support/tenant-harness';

const TENANT = '11111111-1111-1111-1111-111111111111';
const SERVICE_URL = 'https://smba.trafficmanager.net/teams/';
const run = postgresAvailable() ? describe : describe.skip;

/** An unsigned token (`alg: none`) with the given claims. */
function unsigned(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT', kid: 'bf-key-1' })}.${part(claims)}.`;
}

run(
  'tenant mode: /api/messages accepts only tokens the Bot Framework signed (botbuilder’s own checks)',
  () => {
    const authority = new BotFrameworkAuthority();
    let harness: AppHarness;
    beforeAll(async () => {
      await authority.start();
      harness = await startTenantHarness(TENANT, {
        BOT_OPENID_METADATA_URL: authority.openIdMetadataUrl,
        BOT_TOKEN_ISSUER: BOT_FRAMEWORK_ISSUER,
      });
    });
    afterAll(async () => {
      await harness?.close();
      await authority.stop();
    });

    /** Posts a Teams activity from a fresh person (a typing indicator: the bot answers nothing, but
     * the turn remembers the person's chat, which is how a handled activity shows). */
    async function post(authorization: string | undefined) {
      const aadObjectId = randomUUID();
      const response = await fetch(`${harness.app.url}/api/messages`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(authorization ? { authorization } : {}),
        },
        body: JSON.stringify({
          type: 'typing',
          id: randomUUID(),
          channelId: 'msteams',
          serviceUrl: SERVICE_URL,
          from: { id: `29:${aadObjectId}`, aadObjectId },
          recipient: { id: `28:${TEST_BOT_APP_ID}` },
          conversation: { id: `a:${aadObjectId}`, tenantId: TENANT, conversationType: 'personal' },
          channelData: { tenant: { id: TENANT } },
        }),
      });
      await response.text();
      const handled = await new SqlTeamsAddressBook(harness.app.storage.db).find(TENANT, aadObjectId);
      return { status: response.status, handled: handled !== undefined };
    }

    const good = { aud: TEST_BOT_APP_ID, serviceurl: SERVICE_URL };

    test('when the Bot Connector’s token is genuine, then the activity is handled', async () => {
      await expect(post(`Bearer ${await authority.token(good)}`)).resolves.toEqual({
        status: 200,
        handled: true,
      });
    });

    test.each([
      ['no token at all', async () => undefined],
      [
        'an unsigned token (alg none)',
        async () => `Bearer ${unsigned({ ...good, iss: BOT_FRAMEWORK_ISSUER })}`,
      ],
      [
        'a token signed with another key',
        async () => `Bearer ${await authority.token(good, { signWith: 'stranger' })}`,
      ],
      [
        'a token for another bot',
        async () => `Bearer ${await authority.token({ ...good, aud: randomUUID() })}`,
      ],
      [
        'an expired token',
        async () =>
          `Bearer ${await authority.token(good, { expiresIn: Math.floor(Date.now() / 1000) - 600 })}`,
      ],
      [
        'a token from another issuer',
        async () => `Bearer ${await authority.token({ ...good, iss: 'https://login.evil.example' })}`,
      ],
      [
        'a token for another service URL',
        async () => `Bearer ${await authority.token({ ...good, serviceurl: 'https://evil.example/teams/' })}`,
      ],
    ])(
      'when the request carries %s, then it is refused with 401 and nothing is handled',
      async (_what, header) => {
        await expect(post(await header())).resolves.toEqual({ status: 401, handled: false });
        expect(await healthAnswerMs(harness.app.url)).toBeLessThan(200);
      },
    );
  },
);
