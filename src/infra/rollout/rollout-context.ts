import type { StandingTokens } from '../../domain/invites/standing-invite-link';
import type { ChampChats, RolloutContext } from '../../domain/rollout/rollout.ports';
import type { DomainContext } from '../../domain/shared/unit-of-work.port';
import type { SlipTickets } from '../../domain/slips/slips.ports';
import { cachedPosterRenderer } from './cached-poster-renderer';
import { DiskResourceStore } from './disk-resource-store';
import { sniffFileType } from './file-type-sniffer';
import { rolloutRenderer } from './rollout-renderer';

/** Where no bot can send (command-line tools, tests of other things): every chat is unknown. */
const noChampChats: ChampChats = { sendKit: async () => 'no-chat' };

/** The rollout use cases' context: the domain context plus file storage, type sniffing and rendering. */
export function createRolloutContext(
  base: DomainContext,
  options: {
    dataDir: string;
    publicBaseUrl: () => string;
    standingTokens: StandingTokens;
    slipTickets: SlipTickets;
    /** Sends the champs' kit to a champ's chat; without one (tools, tests) sending it is refused. */
    champChats?: ChampChats;
  },
): RolloutContext {
  return {
    ...base,
    files: new DiskResourceStore(options.dataDir),
    sniffFileType,
    render: cachedPosterRenderer(rolloutRenderer),
    publicBaseUrl: options.publicBaseUrl,
    standingTokens: options.standingTokens,
    slipTickets: options.slipTickets,
    champChats: options.champChats ?? noChampChats,
  };
}
