import { createHash, createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { StandingTokens } from '../../domain/invites/standing-invite-link';

/**
 * A standing link's token is HMAC-SHA256(key, link id), cut to 128 bits like every invite token. The
 * database keeps only the token's hash, so a copy of the database alone opens no group; whoever holds
 * the key and the database can show the link again, which is exactly what posters need.
 */
export class HmacStandingTokens implements StandingTokens {
  constructor(private readonly key: Uint8Array) {}

  tokenFor(linkId: string): string {
    return createHmac('sha256', this.key)
      .update(`convene standing invite link\0${linkId}`)
      .digest()
      .subarray(0, 16)
      .toString('base64url');
  }
}

/**
 * The key standing links (and the bot's slips download links, under their own label) are signed with:
 * from the configured secret (every instance of a deployment must share it), else from a random key kept
 * in the data directory, made on first use (one machine, local mode).
 */
export function linkSigningKey(options: { secret: string | undefined; dataDir: string }): Buffer {
  if (options.secret) return createHash('sha256').update(options.secret).digest();
  const file = path.join(options.dataDir, 'standing-link.key');
  try {
    return readFileSync(file);
  } catch {
    mkdirSync(options.dataDir, { recursive: true });
    try {
      writeFileSync(file, randomBytes(32), { mode: 0o600, flag: 'wx' });
    } catch {
      // Another process wrote it first: use theirs.
    }
    return readFileSync(file);
  }
}

export function standingTokensFor(options: {
  secret: string | undefined;
  dataDir: string;
}): HmacStandingTokens {
  return new HmacStandingTokens(linkSigningKey(options));
}
