import { DEFAULT_LOCALE } from '../../i18n/locales';
import { translatorFor } from '../../i18n/translator';
import type { Actor } from '../access/actor';
import { guides } from './guides';
import type { RolloutContext } from './rollout.ports';
import { rolloutAudience } from './rollout-audience';
import type { RolloutResource } from './rollout-resource';

/** Material that ships with Convene; transports add the addresses to fetch each one. */
export interface BuiltInResource {
  id:
    | 'generic-poster'
    | 'group-poster'
    | 'message-templates'
    | 'employee-guide'
    | 'champ-guidelines'
    | 'slideshow'
    | 'group-admin-poster'
    | 'activation-desk-poster'
    | 'activation-desk-table-tent'
    | 'activation-desk-faq';
  kind: 'poster' | 'templates' | 'training' | 'guidelines' | 'slideshow' | 'activation-desk';
  title: string;
  description: string;
  /** Whether it is made for one group (its invite link is filled in). */
  perGroup: boolean;
  formats: string[];
}

// The API's own titles are English; the tab shows each resource's words in the user's language by its id
// (tab-resources.json), and a guide itself comes in the language asked for.
const english = translatorFor(DEFAULT_LOCALE);
const guideWords = (id: keyof typeof guides): { title: string; description: string } => {
  const guide = guides[id](english);
  return { title: guide.title, description: guide.summary };
};

export const builtInResources: readonly BuiltInResource[] = [
  {
    id: 'generic-poster',
    kind: 'poster',
    title: 'Poster: Move your work chat to Teams',
    description: 'An organisation-wide poster explaining the move, for notice boards and canteens.',
    perGroup: false,
    formats: ['pdf', 'png'],
  },
  {
    id: 'group-poster',
    kind: 'poster',
    title: 'Group poster with QR code',
    description:
      'A group’s name, its invite link as a QR code and the three steps to join. PNG to share in the old chat.',
    perGroup: true,
    formats: ['pdf', 'png'],
  },
  {
    id: 'message-templates',
    kind: 'templates',
    title: 'Message templates',
    description:
      'Ready-to-send messages for the old chat group, the intranet and e-mail, with the invite link filled in.',
    perGroup: true,
    formats: [],
  },
  {
    id: 'employee-guide',
    kind: 'training',
    ...guideWords('employee-guide'),
    perGroup: false,
    formats: ['md', 'pdf'],
  },
  {
    id: 'champ-guidelines',
    kind: 'guidelines',
    ...guideWords('champ-guidelines'),
    perGroup: false,
    formats: ['md', 'pdf'],
  },
  {
    id: 'group-admin-poster',
    kind: 'poster',
    title: 'Poster for group admins: bring your group to Teams',
    description:
      'For people who run chat groups: sign in, create the group in the Convene chat, invite, and add it to the organisation.',
    perGroup: false,
    formats: ['pdf', 'png'],
  },
  {
    id: 'activation-desk-poster',
    kind: 'activation-desk',
    title: 'Activation desk poster',
    description:
      'For the wall behind the desk where people without a work account get one: what to bring, what happens.',
    perGroup: false,
    formats: ['pdf', 'png'],
  },
  {
    id: 'activation-desk-table-tent',
    kind: 'activation-desk',
    title: 'Activation desk table tent',
    description:
      'The desk poster on both faces of an A4 sheet: fold it across the middle and stand it on the desk.',
    perGroup: false,
    formats: ['pdf'],
  },
  {
    id: 'activation-desk-faq',
    kind: 'activation-desk',
    ...guideWords('activation-desk-faq'),
    perGroup: false,
    formats: ['md', 'pdf'],
  },
  {
    id: 'slideshow',
    kind: 'slideshow',
    title: 'Lobby slideshow',
    description:
      'Full-screen rotating slides for lobby screens and the activation desk, with a group’s QR code.',
    perGroup: true,
    formats: [],
  },
];

export interface RolloutCatalogue {
  organisation: { id: string; name: string };
  /** Org admins add and remove custom resources; champs only see them. */
  canManage: boolean;
  builtIn: readonly BuiltInResource[];
  custom: RolloutResource[];
}

/** Everything on the Resources page, for an org admin or a champ of the organisation. */
export function listRolloutResources(ctx: RolloutContext, actor: Actor): Promise<RolloutCatalogue> {
  return ctx.uow.run(async (repos) => {
    const { organisation, role } = await rolloutAudience(repos, actor, 'see');
    return {
      organisation: { id: organisation.id, name: organisation.displayName },
      canManage: role === 'org-admin',
      builtIn: builtInResources,
      custom: await repos.rolloutResources.listForOrganisation(organisation.id),
    };
  });
}
