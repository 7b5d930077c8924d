import {
  extractInviteToken,
  hashInviteToken,
  type InviteLink,
  inviteLinkStatus,
  newInviteToken,
} from '../../../src/domain/invites/invite-link';

const link = (overrides: Partial<InviteLink> = {}): InviteLink => ({
  id: 'l',
  groupId: 'g',
  tokenHash: 'h',
  createdBy: 'p',
  createdAt: '2026-01-01T00:00:00Z',
  expiresAt: '2026-01-31T00:00:00Z',
  maxUses: 10,
  uses: 0,
  revokedAt: null,
  organisationAccountsOnly: false,
  approvalRequired: false,
  standing: false,
  ...overrides,
});

describe('invite tokens', () => {
  test('when tokens are issued, then each carries 128 random bits in 22 URL-safe characters', () => {
    const tokens = new Set(Array.from({ length: 1000 }, newInviteToken));
    expect(tokens.size).toBe(1000);
    for (const token of tokens) {
      expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(Buffer.from(token, 'base64url')).toHaveLength(16);
    }
  });

  test('when a token is hashed, then the hash is stable and reveals nothing of the token', () => {
    const token = newInviteToken();
    expect(hashInviteToken(token)).toBe(hashInviteToken(token));
    expect(hashInviteToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashInviteToken(token)).not.toContain(token);
  });

  test.each([
    ['AAAAAAAAAAAAAAAAAAAAAA', 'AAAAAAAAAAAAAAAAAAAAAA'],
    ['https://convene.contoso.com/join/abcdefghijklmnopqrstuv', 'abcdefghijklmnopqrstuv'],
    ['  http://127.0.0.1:3978/join/abcdefghijklmnopqrs_-v/?utm=x ', 'abcdefghijklmnopqrs_-v'],
    ['https://convene.contoso.com/join/short', undefined],
    ['not a link', undefined],
  ])('when %j is pasted, then the token is %j', (text, expected) => {
    expect(extractInviteToken(text)).toBe(expected);
  });
});

describe('inviteLinkStatus', () => {
  const now = new Date('2026-01-10T00:00:00Z');
  test.each([
    ['a fresh link', link(), 'active'],
    ['a revoked link', link({ revokedAt: '2026-01-02T00:00:00Z' }), 'revoked'],
    ['a link past its expiry', link({ expiresAt: '2026-01-09T23:59:59Z' }), 'expired'],
    ['a link at its expiry instant', link({ expiresAt: '2026-01-10T00:00:00Z' }), 'expired'],
    ['a link used as often as allowed', link({ uses: 10 }), 'used-up'],
    ['a link without a use limit', link({ maxUses: null, uses: 5000 }), 'active'],
  ])('when it is %s, then it is %s', (_label, subject, expected) => {
    expect(inviteLinkStatus(subject, now)).toBe(expected);
  });
});
