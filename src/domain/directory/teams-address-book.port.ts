import type { TeamsAddress } from './directory.port';

/**
 * Where each Teams user's 1:1 chat with the bot lives, learnt from their activities or created
 * through Graph. Proactive invites go there; a chat Teams says is gone is forgotten.
 */
export interface TeamsAddressBook {
  find(tenantId: string, aadObjectId: string): Promise<TeamsAddress | undefined>;
  remember(
    tenantId: string,
    aadObjectId: string,
    address: TeamsAddress & { botId?: string | null },
    now: Date,
  ): Promise<void>;
  forget(tenantId: string, aadObjectId: string): Promise<void>;
}
