import type { Command } from '../../../bot/commands/command';
import { parseCommand } from '../../../bot/commands/parse-command';
import { editDistance, suggestCommand } from '../../../bot/commands/suggest-command';

const cases: Array<[string, Command]> = [
  ['help', { kind: 'help' }],
  ['HELP', { kind: 'help' }],
  ['Hi!', { kind: 'help' }],
  ['?', { kind: 'help' }],
  ['groups', { kind: 'groups' }],
  ['My Groups', { kind: 'groups' }],
  ['list groups', { kind: 'groups' }],
  ['create group Night shift', { kind: 'create-group', name: 'Night shift' }],
  ['Create Group   Night   shift ', { kind: 'create-group', name: 'Night shift' }],
  ['create group "Contoso – Sales (East)"', { kind: 'create-group', name: 'Contoso – Sales (East)' }],
  ['create group “Contoso – Sales (East)”', { kind: 'create-group', name: 'Contoso – Sales (East)' }],
  ['new group Drivers', { kind: 'create-group', name: 'Drivers' }],
  ['create a group Drivers', { kind: 'create-group', name: 'Drivers' }],
  ['create group', { kind: 'create-group', name: null }],
  ['create group ""', { kind: 'create-group', name: null }],
  ['new group', { kind: 'create-group', name: null }],
  ['invite Night shift', { kind: 'invite', group: 'Night shift' }],
  ['INVITE "Back to school"', { kind: 'invite', group: 'Back to school' }],
  ['invite people to Drivers', { kind: 'invite', group: 'Drivers' }],
  ['invite', { kind: 'invite', group: null }],
  ['poster Night shift', { kind: 'poster', group: 'Night shift' }],
  ['Print a poster for "Drivers"', { kind: 'poster', group: 'Drivers' }],
  ['poster', { kind: 'poster', group: null }],
  ['slips Night shift', { kind: 'slips', group: 'Night shift' }],
  ['Print slips for "Drivers"', { kind: 'slips', group: 'Drivers' }],
  ['onboarding slips', { kind: 'slips', group: null }],
  ['photo Night shift', { kind: 'photo', group: 'Night shift' }],
  ['Set group photo for "Drivers"', { kind: 'photo', group: 'Drivers' }],
  ['change picture of Riders', { kind: 'photo', group: 'Riders' }],
  ['photo', { kind: 'photo', group: null }],
  [
    'join https://convene.contoso.com/join/AAAAAAAAAAAAAAAAAAAAAA',
    { kind: 'join', link: 'https://convene.contoso.com/join/AAAAAAAAAAAAAAAAAAAAAA' },
  ],
  ['join', { kind: 'incomplete', usage: 'join <link>' }],
  [
    'add +91 98765 43210, 98765 43211 to Night shift',
    { kind: 'add', phones: ['+91 98765 43210', '98765 43211'], group: 'Night shift', role: 'member' },
  ],
  [
    'add 98765 43210; 98765 43211 and 98765 43212 to "Back to school" as admin',
    {
      kind: 'add',
      phones: ['98765 43210', '98765 43211', '98765 43212'],
      group: 'Back to school',
      role: 'admin',
    },
  ],
  [
    'Add 020 7946 0018 to Back to school as an admin',
    { kind: 'add', phones: ['020 7946 0018'], group: 'Back to school', role: 'admin' },
  ],
  ['add 555 to Drivers as members', { kind: 'add', phones: ['555'], group: 'Drivers', role: 'member' }],
  ['add Night shift to organisation', { kind: 'map', group: 'Night shift' }],
  ['add "Night shift" to the organization', { kind: 'map', group: 'Night shift' }],
  ['Add "Go to market" to my Organisation', { kind: 'map', group: 'Go to market' }],
  ['add to organisation', { kind: 'map', group: null }],
  ['map Night shift', { kind: 'map', group: 'Night shift' }],
  ['map', { kind: 'map', group: null }],
  [
    'add 98765 43210 to organisation',
    { kind: 'add', phones: ['98765 43210'], group: 'organisation', role: 'member' },
  ],
  ['add', { kind: 'incomplete', usage: 'add <phone>, <phone> to <group> [as admin]' }],
  ['add 98765 43210', { kind: 'incomplete', usage: 'add <phone>, <phone> to <group> [as admin]' }],
  [
    'remove +91 98765 43210 from Night shift',
    { kind: 'remove', phone: '+91 98765 43210', group: 'Night shift' },
  ],
  ['remove 98765 from "Drivers from Pune"', { kind: 'remove', phone: '98765', group: 'Drivers from Pune' }],
  ['remove someone', { kind: 'incomplete', usage: 'remove <phone> from <group>' }],
  ['promote 98765 43210 in Sales in East', { kind: 'promote', phone: '98765 43210', group: 'Sales in East' }],
  ['DEMOTE 98765 43210 in Night shift', { kind: 'demote', phone: '98765 43210', group: 'Night shift' }],
  ['promote', { kind: 'incomplete', usage: 'promote <phone> in <group>' }],
  ['members Night shift', { kind: 'members', group: 'Night shift' }],
  ['members of "Night shift"', { kind: 'members', group: 'Night shift' }],
  ["who's in Drivers", { kind: 'members', group: 'Drivers' }],
  ['members', { kind: 'members', group: null }],
  ['requests Night shift', { kind: 'requests', group: 'Night shift' }],
  ['join requests for "Night shift"', { kind: 'requests', group: 'Night shift' }],
  ['requests', { kind: 'requests', group: null }],
  ['region gb', { kind: 'region', region: 'gb' }],
  ['region', { kind: 'region', region: null }],
  ['grups', { kind: 'unknown', text: 'grups', suggestion: 'groups' }],
  [
    'craete group Drivers',
    { kind: 'unknown', text: 'craete group Drivers', suggestion: 'create group <name>' },
  ],
  ['please make coffee', { kind: 'unknown', text: 'please make coffee', suggestion: null }],
  ['', { kind: 'unknown', text: '', suggestion: 'help' }],
];

describe('command parsing', () => {
  test.each(cases)('when someone types %j, then the bot reads %j', (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });

  test('when text has non-breaking spaces (pasted from a chat app), then they count as spaces', () => {
    expect(parseCommand('create\u00a0group\u00a0Night\u202fshift')).toEqual({
      kind: 'create-group',
      name: 'Night shift',
    });
  });
});

describe('command suggestions', () => {
  test.each([
    ['memebrs Drivers', 'members <group>'],
    ['invte Drivers', 'invite <group>'],
    ['postr Drivers', 'poster <group>'],
    ['promot 555 in X', 'promote <phone> in <group>'],
    ['organisaton please', 'add <group> to organisation'],
    ['banana', null],
  ])('when someone types %j, then the suggestion is %j', (text, usage) => {
    expect(suggestCommand(text)).toBe(usage);
  });

  test.each([
    ['groups', 'groups', 0],
    ['grups', 'groups', 1],
    ['gropus', 'groups', 1],
    ['', 'map', 3],
  ])('when comparing %j and %j, then the distance is %d', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });
});
