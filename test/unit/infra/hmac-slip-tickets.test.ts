import { HmacSlipTickets } from '../../../src/infra/slips/hmac-slip-tickets';

const grant = { groupId: 'g-1', personId: 'p-1', part: 2, expiresAt: '2026-12-01T18:00:00.000Z' };

describe('slips download tickets', () => {
  const tickets = new HmacSlipTickets(Buffer.alloc(32, 3));

  test('when a ticket is issued, then it opens to the same grant', () => {
    expect(tickets.open(tickets.issue(grant))).toEqual(grant);
  });

  test.each([
    ['signed with another key', () => new HmacSlipTickets(Buffer.alloc(32, 4)).issue(grant)],
    [
      'with its grant changed',
      () => {
        const [, signature] = tickets.issue(grant).split('.');
        const body = Buffer.from(JSON.stringify({ g: 'g-2', p: 'p-1', n: 2, e: grant.expiresAt })).toString(
          'base64url',
        );
        return `${body}.${signature}`;
      },
    ],
    ['without a signature', () => tickets.issue(grant).split('.')[0]!],
    ['far too long', () => `${'a'.repeat(500)}.b`],
    ['empty', () => ''],
  ])('when a ticket is %s, then it opens to nothing', (_what, make) => {
    expect(tickets.open(make())).toBeUndefined();
  });
});
