import { waitFor } from '../support/convene-process';
import { rawRequest } from '../support/raw-http';
import { targetUnderAttack } from './support/target-process';

/**
 * The router reads `/%61pi/…` as `/api/…` (percent-encoded letters are the same address), so the doors
 * in front of it must too: the local-mode origin check, the public pages' budget and the log's
 * redaction of invite tokens. Against a real process; after each, `/healthz` answers within 200 ms and
 * the temp dir is empty.
 */
// A budget of 60 a minute keeps the test short.
const target = targetUnderAttack({ LOG_LEVEL: 'info', PUBLIC_RATE_LIMIT_PER_MINUTE: '60' });

const token = 'EncodedSecretTokenAbCd';

describe('percent-encoded paths', () => {
  test('when another site posts to /%61pi/v1/groups, then 403 CROSS_SITE_REQUEST and no group is made', async () => {
    const answer = await rawRequest(`${target().url}/%61pi/v1/groups`, {
      headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
      body: '{"name":"Encoded owner"}',
    });
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('CROSS_SITE_REQUEST');
    const groups = (await (await fetch(`${target().url}/api/v1/groups`)).json()) as {
      groups: { name: string }[];
    };
    expect(groups.groups.map((group) => group.name)).not.toContain('Encoded owner');
  });

  test('when one address opens the join page as /%6Aoin/… past its budget, then 429 and the log never shows the token', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) {
      const answer = await rawRequest(`${target().url}/%6Aoin/${token}`, { method: 'GET' });
      statuses.push(answer.status);
    }
    expect(statuses.slice(0, 60).every((status) => status === 404)).toBe(true);
    expect(statuses[60]).toBe(429);
    const log = await waitFor(() => {
      const output = target().proc.output();
      return output.includes('"status":429') ? output : undefined;
    });
    expect(log).toContain('"url":"/join/[redacted]"');
    expect(log).not.toContain(token);
  });
});
