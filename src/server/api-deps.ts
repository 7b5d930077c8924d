import type { Logger } from 'pino';
import type { Actor } from '../domain/access/actor';
import type { AccountCreator } from '../domain/accounts/account-creator.port';
import type { Directory } from '../domain/directory/directory.port';
import type { DomainContext } from '../domain/shared/unit-of-work.port';
import type { AnnouncementCardContent } from '../infra/delivery/announcement-card-content';
import type { RequestAuthenticator } from './auth/request-authenticator';

/** What the HTTP routes are given by the composition root. */
export interface ApiDeps {
  ctx: DomainContext;
  authenticator: RequestAuthenticator;
  logger: Logger;
  mode: 'local' | 'tenant';
  defaultRegion: string;
  /** The address people use to reach Convene (for invite links). */
  publicBaseUrl: () => string;
  ping: () => Promise<void>;
  /** The organisation's directory (Entra through Graph, or local mode's stand-in). */
  directory: Directory;
  /** Creates accounts for people known only by phone (org admins' decision). */
  accountCreator: AccountCreator;
  /** Tells this process's account creation runner a job was just queued. */
  startedAccountCreation: () => void;
  /** Tells this process's announcement scheduler one may be due now. */
  scheduledAnnouncement: () => void;
  /** The member's announcement card (the bot's template), for the portal's preview. */
  announcementCard: (content: AnnouncementCardContent) => Record<string, unknown>;
}

export type { Actor };
