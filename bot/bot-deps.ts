import type { StatePropertyAccessor } from 'botbuilder';
import type { DialogSet, DialogState } from 'botbuilder-dialogs';
import type { PhotoProcessor } from '../src/domain/group-photos/photo-processor.port';
import type { StandingTokens } from '../src/domain/invites/standing-invite-link';
import type { DomainContext } from '../src/domain/shared/unit-of-work.port';
import type { SlipTickets } from '../src/domain/slips/slips.ports';
import type { TeamsImageDownloads } from './attachments/teams-image-downloads';
import type { UserPreferences } from './state/user-preferences';

/** Everything the bot's handlers need from the composition root, built once. */
export interface BotDeps {
  ctx: DomainContext;
  /** Derives standing invite links' tokens (the `poster` card shows the group's standing link). */
  standingTokens: StandingTokens;
  /** Signs the `slips` card's short-lived download links. */
  slipTickets: SlipTickets;
  mode: 'local' | 'tenant';
  /** Where people reach Convene; invite links start with it. */
  publicBaseUrl: () => string;
  /** Region for phone numbers when neither the person nor their organisation chose one. */
  defaultRegion: string;
  preferences: UserPreferences;
  /** Group photos: reading pictures, and fetching those pasted into the chat. */
  groupPhotos: BotGroupPhotos;
  /** Local mode: the tenant that stands for "the local organisation", and its name. */
  localOrganisation: { tenantId: string; name: string } | null;
  /** Tenant mode: the sign-in dialog and where its state lives. */
  signIn: { dialogs: DialogSet; dialogState: StatePropertyAccessor<DialogState>; dialogId: string } | null;
}

/** What `photo <group>` and the group card need. */
export interface BotGroupPhotos {
  photos: PhotoProcessor;
  downloads: TeamsImageDownloads;
}
