import type { Role } from '../../src/domain/memberships/membership';

/** What a person asked the bot for, read from their message. Group names are as typed (case kept). */
export type Command =
  | { kind: 'help' }
  /** Without a name (`create group`, Kaizala's `new group`) the bot asks for it on a card. */
  | { kind: 'create-group'; name: string | null }
  | { kind: 'groups' }
  | { kind: 'invite'; group: string | null }
  | { kind: 'join'; link: string }
  | { kind: 'add'; phones: string[]; group: string; role: Role }
  | { kind: 'remove'; phone: string; group: string }
  | { kind: 'promote'; phone: string; group: string }
  | { kind: 'demote'; phone: string; group: string }
  | { kind: 'members'; group: string | null }
  | { kind: 'requests'; group: string | null }
  | { kind: 'map'; group: string | null }
  | { kind: 'poster'; group: string | null }
  | { kind: 'slips'; group: string | null }
  | { kind: 'photo'; group: string | null }
  | { kind: 'announce'; group: string | null }
  | { kind: 'region'; region: string | null }
  /** A known command missing its arguments: answer with how to write it. */
  | { kind: 'incomplete'; usage: string }
  /** Anything else, with the closest command's usage when one is near. */
  | { kind: 'unknown'; text: string; suggestion: string | null };

/** How each command is written (the Teams app's command menu says the same). Show them with `shown`. */
export const usages = {
  help: 'help',
  'create-group': 'create group <name>',
  groups: 'groups',
  invite: 'invite <group>',
  join: 'join <link>',
  add: 'add <phone>, <phone> to <group> [as admin]',
  remove: 'remove <phone> from <group>',
  promote: 'promote <phone> in <group>',
  demote: 'demote <phone> in <group>',
  members: 'members <group>',
  requests: 'requests <group>',
  map: 'add <group> to organisation',
  poster: 'poster <group>',
  slips: 'slips <group>',
  photo: 'photo <group>',
  announce: 'announce <group>',
  region: 'region <country code>',
} as const satisfies Record<Exclude<Command['kind'], 'incomplete' | 'unknown'>, string>;

/**
 * A usage as the bot shows it in messages and cards: placeholders in ‹ › rather than < >, which
 * Teams would read as an HTML tag and drop.
 */
export const shown = (usage: string): string => usage.replace(/<([^<>]+)>/g, '‹$1›');
