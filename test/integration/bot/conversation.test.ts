import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { ensureOrganisationAdmin } from '../../../src/domain/organisations/ensure-organisation-admin';
import { CONTOSO_TENANT, FABRIKAM_TENANT } from '../../support/domain-world';
import { BotUnderTest, ChatUser, cardButtons, cardText, PUBLIC_URL } from './support/bot-under-test';

const linkPattern = new RegExp(`${PUBLIC_URL.replace(/\./g, '\\.')}/join/[A-Za-z0-9_-]{22}`);

describe('the bot in conversation', () => {
  let world: BotUnderTest;
  let asha: ChatUser;
  beforeEach(async () => {
    world = await BotUnderTest.open();
    asha = await world.user('Asha');
  });
  afterEach(() => world.close());

  /** Creates a group as Asha and returns its id (from the card's buttons). */
  async function createGroup(name: string, by: ChatUser = asha): Promise<string> {
    const { cards } = await by.say(`create group ${name}`);
    return String(cardButtons(cards[0]).get('Invite people')!.data.groupId);
  }

  async function inviteLink(group: string, by: ChatUser = asha): Promise<string> {
    const { cards } = await by.say(`invite ${group}`);
    return cardText(cards[0]).match(linkPattern)![0];
  }

  describe('welcome and help', () => {
    test('when someone writes for the first time, then the welcome card comes first and the command is answered', async () => {
      const ben = new ChatUser(world.bot, 'Ben', CONTOSO_TENANT);
      const first = await ben.say('groups');
      expect(first.cards).toHaveLength(2);
      expect(cardText(first.cards[0])).toContain('Welcome to Convene, Ben');
      expect(cardText(first.cards[1])).toContain('You are not in any Convene group yet');
      const second = await ben.say('groups');
      expect(second.cards).toHaveLength(1);
    });

    test('when Teams sends installation and membership updates together, then exactly one welcome is shown', async () => {
      const ben = new ChatUser(world.bot, 'Ben', CONTOSO_TENANT);
      const results = await Promise.all([
        ben.send({ type: 'installationUpdate', action: 'add' }),
        ben.send({ type: 'conversationUpdate', membersAdded: [{ id: ben.userId, name: 'Ben' }] }),
      ]);
      const welcomes = [...ben.adapter.activeQueue, ...results.flatMap((r) => r.posted)].filter((a) =>
        cardText(a.attachments?.[0]?.content).includes('Welcome to Convene'),
      );
      expect(welcomes).toHaveLength(1);
    });

    test.each(['help', 'HELP', 'hi'])(
      'when someone says %j, then the help card lists commands with buttons',
      async (text) => {
        const { cards } = await asha.say(text);
        expect(cards).toHaveLength(1);
        expect(cardText(cards[0])).toContain('create group ‹name›');
        expect(cardText(cards[0])).toContain('add ‹group› to organisation');
        expect([...cardButtons(cards[0]).keys()]).toEqual(['Create', 'My groups']);
      },
    );

    test('when someone types something else, then a short answer suggests the closest command', async () => {
      expect((await asha.say('grups')).texts).toEqual([
        "I didn't get that. Did you mean **groups**? Say **help** to see everything I can do.",
      ]);
      expect((await asha.say('make me a sandwich')).texts[0]).toMatch(
        /^I didn't get that\. Say \*\*help\*\*/,
      );
    });

    test.each(['create group', 'new group', 'create group ""'])(
      'when someone says %j with no name, then a card asks for the name and its Create button makes the group',
      async (text) => {
        const { texts, cards } = await asha.say(text);
        expect(texts.join(' ')).not.toContain('Almost');
        expect(cardText(cards[0])).toContain('What should the group be called?');
        const input = (
          cards[0] as { body: Array<{ type: string; id?: string; maxLength?: number }> }
        ).body.find((e) => e.type === 'Input.Text');
        expect(input).toMatchObject({ id: 'name', maxLength: 100 });
        const create = cardButtons(cards[0]).get('Create')!;
        expect(create.verb).toBe('group.create');
        const created = await asha.press(create.verb, { ...create.data, name: 'Warehouse 3' });
        expect(cardText(created.cards[0])).toContain('Group created');
        expect(cardText(created.cards[0])).toContain('Warehouse 3');
        const empty = await asha.press(create.verb, { ...create.data, name: '  ' });
        expect(empty.invoke?.body.value).toMatch(/name/i);
      },
    );

    test('when the message does not come from a Teams account, then the bot says to open it in Teams', async () => {
      const result = await asha.send({ type: 'message', text: 'groups', from: { id: 'x', name: 'Anon' } });
      expect(result.texts[0]).toContain('Open me in Microsoft Teams');
    });
  });

  describe('groups', () => {
    test('when an admin creates a group, then a card offers Invite people, Add to organisation and Members', async () => {
      const { cards } = await asha.say('create group "Contoso – Sales (East)"');
      expect(cardText(cards[0])).toContain('Group created');
      expect(cardText(cards[0])).toContain('Contoso – Sales (East)');
      expect(cardText(cards[0])).toContain('Admin');
      expect([...cardButtons(cards[0]).keys()]).toEqual(['Invite people', 'Add to organisation', 'Members']);
    });

    test('when the name is taken or too long, then the coded refusal is said plainly and nothing is created', async () => {
      await createGroup('Drivers');
      expect((await asha.say('create group DRIVERS')).texts).toEqual([
        'There is already a group called "DRIVERS".',
      ]);
      expect((await asha.say(`create group ${'x'.repeat(101)}`)).texts[0]).toContain(
        'A group name can be at most 100 characters',
      );
      const { cards } = await asha.say('groups');
      expect(cardText(cards[0])).toContain('Your groups (1)');
    });

    test('when someone lists their groups, then each shows role, member count and whether it is mapped', async () => {
      await createGroup('Night shift');
      await asha.press('group.map.confirm', { groupId: await createGroup('Drivers') });
      const { cards } = await asha.say('groups');
      const text = cardText(cards[0]);
      expect(text).toContain('Drivers | Admin · 1 member · in the organisation');
      expect(text).toContain('Night shift | Admin · 1 member · personal');
      expect(cardButtons(cards[0]).get('Open')).toBeDefined();
    });

    test('when someone has more groups than a card can hold, then the first 25 are listed and the rest named', async () => {
      for (let n = 1; n <= 27; n++) await asha.say(`create group Crew ${String(n).padStart(2, '0')}`);
      const { cards } = await asha.say('groups');
      expect(cardButtons(cards[0]).size).toBe(1); // one Open per row, titles collapse in the map
      expect(JSON.stringify(cards[0]).match(/"group\.open"/g)).toHaveLength(25);
      expect(cardText(cards[0])).toContain('Your groups (27)');
      expect(cardText(cards[0])).toContain('2 more: open one by name');
    });

    test('when Create is pressed on the help card, then the group card is posted and the button acknowledged', async () => {
      const result = await asha.press('group.create', { name: 'Warehouse 3' });
      expect(result.invoke?.body).toEqual({
        statusCode: 200,
        type: 'application/vnd.microsoft.activity.message',
        value: 'Created Warehouse 3.',
      });
      expect(cardText(result.cards[0])).toContain('Warehouse 3');
    });
  });

  describe('posters', () => {
    test('when an admin asks for a poster, then its QR code holds a fresh invite link and the print links point at it', async () => {
      await createGroup('Drivers');
      const { cards } = await asha.say('poster Drivers');
      const card = cards[0] as {
        body: Array<{ type: string; url?: string }>;
        actions: Array<{ url: string }>;
      };
      expect(cardText(card)).toContain('Poster for Drivers');
      const link = cardText(card).match(linkPattern)![0];
      const image = card.body.find((element) => element.type === 'Image')!.url!;
      const png = PNG.sync.read(Buffer.from(image.replace(/^data:image\/png;base64,/, ''), 'base64'));
      expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(link);
      const token = link.slice(link.lastIndexOf('/') + 1);
      expect(card.actions.slice(0, 2).map((action) => action.url)).toEqual([
        `${PUBLIC_URL}/rollout/poster?invite=${token}&format=pdf`,
        `${PUBLIC_URL}/rollout/poster?invite=${token}&format=png`,
      ]);
    });

    test('when an admin opens the poster card, then the rollout kit is one tap away, printed through the same link', async () => {
      await createGroup('Drivers');
      const { cards } = await asha.say('poster Drivers');
      const token = cardText(cards[0]).match(linkPattern)![0].split('/').pop();
      const kit = (cards[0] as { actions: Array<{ title: string; card?: unknown }> }).actions.find(
        (a) => a.title === 'Rollout kit',
      )!;
      const links: Array<{ title: string; url: string }> = [];
      JSON.stringify(kit.card, (_key, value) => {
        if (value?.type === 'Action.OpenUrl') links.push({ title: value.title, url: value.url });
        return value;
      });
      expect(links).toEqual(
        [
          ['Poster for group admins (PDF)', 'group-admin-poster'],
          ['Activation desk poster (PDF)', 'activation-desk-poster'],
          ['Table tent for the desk (PDF)', 'activation-desk-table-tent'],
          ['FAQ sheet for the desk staff (PDF)', 'activation-desk-faq'],
        ].map(([title, item]) => ({
          title,
          url: `${PUBLIC_URL}/rollout/poster?invite=${token}&format=pdf&kit=${item}`,
        })),
      );
    });

    test('when a plain member asks for a poster, then they are told they may not and no link is made', async () => {
      await createGroup('Drivers');
      const ben = await world.user('Ben');
      await ben.say(`join ${await inviteLink('Drivers')}`);
      const { texts, cards } = await ben.say('poster Drivers');
      expect(cards).toHaveLength(0);
      expect(texts).toEqual([expect.stringMatching(/not allowed to invite in "Drivers"/)]);
    });
  });

  describe('invite links', () => {
    test('when an admin asks for the invite link, then the card shows the link, who may join, expiry and uses', async () => {
      await createGroup('Night shift');
      const { cards } = await asha.say('invite night SHIFT');
      const text = cardText(cards[0]);
      expect(text).toMatch(linkPattern);
      expect(text).toContain('Anyone with the link');
      expect(text).toContain('Feb 4, 2026 (in 30 days)');
      expect(text).toContain('No limit');
      expect([...cardButtons(cards[0]).keys()]).toEqual(['Reset link', 'Save']);
    });

    test('when the group is left out, then the group used last is meant', async () => {
      await createGroup('Night shift');
      await createGroup('Drivers');
      const { cards } = await asha.say('invite');
      expect(cardText(cards[0])).toContain('Invite link for Drivers');
    });

    test('when Reset link is pressed, then the card is updated in place and the old link stops working', async () => {
      const groupId = await createGroup('Night shift');
      const old = await inviteLink('Night shift');
      const result = await asha.press('link.reset', { groupId });
      expect(result.posted).toHaveLength(0);
      expect(result.invoke?.body.type).toBe('application/vnd.microsoft.card.adaptive');
      const text = cardText(result.invoke?.body.value);
      expect(text).toContain('Link reset: the old link no longer works.');
      const fresh = text.match(linkPattern)![0];
      expect(fresh).not.toBe(old);
      const ben = await world.user('Ben');
      expect((await ben.say(`join ${old}`)).texts[0]).toContain('was reset by the group admin');
      expect(cardText((await ben.say(`join ${fresh}`)).cards[0])).toContain('You joined');
    });

    test('when a link has no limit, then Link settings shows an empty maximum (not 0); a limit shows its number', async () => {
      const groupId = await createGroup('Night shift');
      const maxUsesField = (card: unknown): Record<string, unknown> | undefined => {
        const found: Record<string, unknown>[] = [];
        const walk = (node: unknown): void => {
          if (Array.isArray(node)) node.forEach(walk);
          else if (node && typeof node === 'object') {
            const n = node as Record<string, unknown>;
            if (n.id === 'maxUses') found.push(n);
            Object.values(n).forEach(walk);
          }
        };
        walk(card);
        expect(found).toHaveLength(1);
        return found[0];
      };
      const open = maxUsesField((await asha.say('invite Night shift')).cards[0]);
      expect(open).toMatchObject({ type: 'Input.Number', id: 'maxUses' });
      expect(open).not.toHaveProperty('value');
      const limited = await asha.press('link.save', { groupId, expiresInDays: '30', maxUses: '5' });
      expect(maxUsesField(limited.invoke?.body.value)).toMatchObject({ value: 5 });
    });

    test('when link settings are saved, then the new link carries them; bad settings are refused with the reason', async () => {
      const groupId = await createGroup('Night shift');
      const saved = await asha.press('link.save', { groupId, expiresInDays: '7', maxUses: '2' });
      const text = cardText(saved.invoke?.body.value);
      expect(text).toContain('Jan 12, 2026 (in 7 days)');
      expect(text).toContain('2 of 2');
      const refused = await asha.press('link.save', { groupId, expiresInDays: '0', maxUses: '' });
      expect(refused.invoke?.body).toMatchObject({
        type: 'application/vnd.microsoft.activity.message',
        value: 'Those link settings don’t work: expiry must be 1 to 365 whole days.',
      });
    });

    test('when someone who is only a member asks for the link, then they are told they may not', async () => {
      const link = await (async () => {
        await createGroup('Night shift');
        return inviteLink('Night shift');
      })();
      const ben = await world.user('Ben');
      await ben.say(`join ${link}`);
      expect((await ben.say('invite Night shift')).texts).toEqual([
        'You are not allowed to invite in "Night shift".',
      ]);
    });
  });

  describe('joining', () => {
    test('when someone joins with a link, then they are in; again, they are told they already are', async () => {
      await createGroup('Night shift');
      const link = await inviteLink('Night shift');
      const ben = await world.user('Ben');
      expect(cardText((await ben.say(`join ${link}`)).cards[0])).toContain('You joined');
      expect(cardText((await ben.say(`join ${link.split('/').pop()}`)).cards[0])).toContain(
        'You are already in',
      );
    });

    test.each([
      ['expired', async (w: BotUnderTest) => w.clock.advanceDays(31), 'has expired'],
      [
        'used up',
        async (_w: BotUnderTest, a: ChatUser, groupId: string) => {
          await a.press('link.save', { groupId, expiresInDays: '30', maxUses: '1' });
        },
        'has been used its 1 time.',
      ],
    ])('when the link is %s, then joining gives the reason', async (_case, spoil, reason) => {
      const groupId = await createGroup('Night shift');
      let link = await inviteLink('Night shift');
      await spoil(world, asha, groupId);
      if (_case === 'used up') {
        const { invoke } = await asha.press('link.save', { groupId, expiresInDays: '30', maxUses: '1' });
        link = cardText(invoke?.body.value).match(linkPattern)![0];
        await (await world.user('Chen')).say(`join ${link}`);
      }
      expect((await (await world.user('Ben')).say(`join ${link}`)).texts[0]).toContain(reason);
    });

    test('when the link is for organisation accounts only, then an outside account is refused', async () => {
      const groupId = await createGroup('Night shift');
      await asha.press('group.map.confirm', { groupId });
      const { invoke } = await asha.press('link.save', {
        groupId,
        expiresInDays: '30',
        maxUses: '',
        organisationAccountsOnly: 'true',
      });
      expect(cardText(invoke?.body.value)).toContain('Only Contoso accounts');
      const link = cardText(invoke?.body.value).match(linkPattern)![0];
      const outsider = await world.user('Olu', FABRIKAM_TENANT);
      expect((await outsider.say(`join ${link}`)).texts[0]).toContain(
        'accepts only accounts of its organisation',
      );
      expect(cardText((await (await world.user('Ben')).say(`join ${link}`)).cards[0])).toContain(
        'You joined',
      );
    });

    test('when the text is not a link, then the bot says the link is not valid', async () => {
      expect((await asha.say('join hello')).texts[0]).toContain('That invite link is not valid.');
    });
  });

  describe('adding and managing people', () => {
    test('when an admin adds numbers, then the summary card says who was added, who was there and why others were not', async () => {
      await createGroup('Night shift');
      await asha.say('add 98765 43210 to Night shift');
      const { cards } = await asha.say('add +91 98765 43210, 98765 43211, 12345, hello to Night shift');
      const text = cardText(cards[0]);
      expect(text).toContain('1 added · 1 already a member · 2 not added.');
      expect(text).toContain('Added as members | +919876543211');
      expect(text).toContain('Already members | +919876543210');
      expect(text).toContain('12345 | "12345" is not a valid phone number for region IN: it is too short.');
      expect(text).toContain(
        'hello | "hello" is not a valid phone number for region IN: it is not a phone number.',
      );
    });

    test('when the sender sets a region, then numbers without a country code are read in it', async () => {
      await createGroup('Night shift');
      expect((await asha.say('region gb')).texts[0]).toContain('as GB numbers');
      const { cards } = await asha.say('add 020 7946 0018 to Night shift as admin');
      expect(cardText(cards[0])).toContain('Added as admins | +442079460018');
      expect((await asha.say('region Narnia')).texts[0]).toContain('is not a supported region');
      expect((await asha.say('region')).texts[0]).toContain('as GB numbers');
    });

    test('when the group does not exist or is not theirs, then the bot says so with a next step', async () => {
      const ben = await world.user('Ben');
      await createGroup('Night shift', ben);
      expect((await asha.say('add 98765 43210 to Night shift')).texts).toEqual([
        'There is no group "Night shift". Say **groups** to see yours.',
      ]);
    });

    test('when hundreds of numbers are added at once, then the card lists the first of each outcome and counts the rest', async () => {
      await createGroup('Night shift');
      await asha.say('add 98100 00000 to Night shift');
      const numbers = Array.from({ length: 200 }, (_, i) => `98100 ${String(i).padStart(5, '0')}`);
      const { cards } = await asha.say(
        `add ${[...numbers, ...Array(40).fill('12')].join(', ')} to Night shift`,
      );
      const text = cardText(cards[0]);
      expect(text).toContain('199 added · 1 already a member · 40 not added.');
      expect(text).toContain('… and 169 more');
      expect(text).toContain('and 10 more');
      expect(text).not.toContain('+919810000199');
      expect(JSON.stringify(cards[0]).length).toBeLessThan(20_000);
    });

    test('when more numbers are pasted than one message may add, then the bot says the limit and points to bulk upload', async () => {
      await createGroup('Night shift');
      const numbers = Array.from({ length: 5001 }, (_, i) => `98100 ${String(i).padStart(5, '0')}`).join(
        ', ',
      );
      const { texts, cards } = await asha.say(`add ${numbers} to Night shift`);
      expect(cards).toHaveLength(0);
      expect(texts).toEqual([
        'At most 5,000 phone numbers can be added at once; this was 5,001. Add them in parts, or use Bulk upload in the Convene tab for a file of any size.',
      ]);
      expect(cardText((await asha.say('members Night shift')).cards[0])).toContain('1 person');
    });

    test('when a stranger presses the buttons of a group they have no part in, then the answer says nothing about it', async () => {
      const groupId = await createGroup('Night shift');
      await asha.say('add 98765 43210 to Night shift');
      const sam = await world.user('Sam');
      for (const [verb, data] of [
        ['group.members', { groupId }],
        ['group.open', { groupId }],
        ['group.invite', { groupId }],
        ['members.add', { groupId, phones: '98765 43211' }],
        ['member.remove', { groupId, personId: 'anyone' }],
        ['member.promote', { groupId, personId: 'anyone' }],
      ] as const) {
        const answer = await sam.press(verb, data);
        expect({ verb, answer: answer.invoke?.body.value }).toEqual({
          verb,
          answer: expect.stringMatching(/^You are not allowed to .* in that group\.$/),
        });
        expect(JSON.stringify(answer)).not.toContain('Night shift');
      }
    });

    test('when an org admin who is not in an organisation group manages it, then the rules let them', async () => {
      const groupId = await createGroup('Warehouse');
      await asha.press('group.map.confirm', { groupId });
      const ira = new ChatUser(world.bot, 'Ira', CONTOSO_TENANT);
      await ensureOrganisationAdmin(
        world.ctx,
        { tenantId: CONTOSO_TENANT, displayName: 'Contoso', defaultRegion: 'IN' },
        { tenantId: CONTOSO_TENANT, aadObjectId: ira.aadObjectId, displayName: 'Ira' },
      );
      const { cards } = await ira.say('add 98765 43210 to warehouse');
      expect(cardText(cards.at(-1))).toContain('1 added.');
      expect(cardButtons(cards.at(-1)).get('Members')!.data.groupId).toBe(groupId);
      // Org admins manage members, but mapping stays the group admin's decision.
      expect((await ira.say('members Warehouse')).cards[0]).toBeDefined();
    });

    test('when a member who is not an admin changes membership, then it is refused', async () => {
      await createGroup('Night shift');
      const ben = await world.user('Ben');
      await ben.say(`join ${await inviteLink('Night shift')}`);
      expect((await ben.say('add 98765 43210 to Night shift')).texts).toEqual([
        'You are not allowed to manage members in "Night shift".',
      ]);
      await asha.say('add 98765 43210 to Night shift');
      expect((await ben.say('promote 98765 43210 in Night shift')).texts).toEqual([
        'You are not allowed to manage admins in "Night shift".',
      ]);
      expect((await ben.say('remove 98765 43210 from Night shift')).texts).toEqual([
        'You are not allowed to manage members in "Night shift".',
      ]);
    });

    test('when an admin promotes, demotes and removes by phone, then the members card shows each change', async () => {
      await createGroup('Night shift');
      await asha.say('add 98765 43210 to Night shift');
      let text = cardText((await asha.say('promote 98765 43210 in Night shift')).cards[0]);
      expect(text).toContain('98765 43210 is now an admin.');
      expect(text).toContain('+919876543210 | Admin · invited');
      text = cardText((await asha.say('demote +91 98765 43210 in Night shift')).cards[0]);
      expect(text).toContain('+919876543210 | Member · invited');
      text = cardText((await asha.say('remove 98765 43210 from Night shift')).cards[0]);
      expect(text).toContain('98765 43210 is no longer in the group.');
      expect(text).not.toContain('+919876543210');
      expect((await asha.say('remove 98765 43210 from Night shift')).texts[0]).toContain(
        'is not in "Night shift"',
      );
    });

    test('when the only admin would be demoted, then LAST_ADMIN stops it', async () => {
      await createGroup('Night shift');
      const { cards } = await asha.say('members Night shift');
      const me = cardButtons(cards[0]);
      expect(me.has('Make member')).toBe(false); // the last admin gets no demote button
      const ashaId = await world.ctx.uow.run(async (repos) => {
        const groups = await repos.groups.listForPerson(
          (await repos.people.findByAadObjectId(CONTOSO_TENANT, asha.aadObjectId))!.id,
        );
        return (await repos.memberships.listByGroup(groups[0]!.id))[0]!.personId;
      });
      const groupId = String(me.get('Invite people')!.data.groupId);
      const result = await asha.press('member.demote', { groupId, personId: ashaId });
      expect(result.invoke?.body.value).toBe(
        '"Night shift" needs at least one admin: promote someone else first.',
      );
    });

    test('when people are added from the members card, then the card is updated in place with them', async () => {
      const groupId = await createGroup('Night shift');
      const { cards } = await asha.say('members');
      expect(cardText(cards[0])).toContain('1 person, 1 admin');
      const added = await asha.press('members.add', {
        groupId,
        phones: '98765 43210, nope',
        asAdmin: 'false',
      });
      expect(added.posted).toHaveLength(0);
      const card = added.invoke?.body.value;
      expect(cardText(card)).toContain('1 added · 1 not added.');
      expect(cardText(card)).toContain('+919876543210 | Member · invited');
      const promote = cardButtons(card).get('Make admin')!;
      const promoted = await asha.press(promote.verb, promote.data);
      expect(cardText(promoted.invoke?.body.value)).toContain('+919876543210 | Admin · invited');
      const remove = [...cardButtons(promoted.invoke?.body.value).entries()].find(
        ([title]) => title === 'Remove',
      )!;
      const removed = await asha.press(remove[1].verb, remove[1].data);
      expect(cardText(removed.invoke?.body.value)).toContain('1 person, 1 admin');
    });
  });

  describe('adding a group to the organisation', () => {
    test('when the admin maps a group in local mode, then the Teams user on the activity decides the tenant', async () => {
      const groupId = await createGroup('Night shift');
      const asked = await asha.say('add "Night shift" to organization');
      expect(cardText(asked.cards[0])).toContain('Add Night shift to Contoso?');
      const { invoke } = await asha.press('group.map.confirm', { groupId });
      expect(cardText(invoke?.body.value)).toContain('Added to Contoso');
      const tenant = await world.ctx.uow.run(async (repos) => {
        const person = await repos.people.findByAadObjectId(CONTOSO_TENANT, asha.aadObjectId);
        const [group] = await repos.groups.listForPerson(person!.id);
        return (await repos.organisations.findById(group!.organisationId!))!.tenantId;
      });
      expect(tenant).toBe(CONTOSO_TENANT);
    });

    test('when a mapped group is mapped again, then it is refused: a mapped group stays mapped', async () => {
      const groupId = await createGroup('Night shift');
      await asha.press('group.map.confirm', { groupId });
      expect((await asha.say('map Night shift')).texts).toEqual([
        '"Night shift" already belongs to an organisation; a mapped group stays mapped.',
      ]);
      const { cards } = await asha.say('groups');
      const open = cardButtons(cards[0]).get('Open')!;
      const opened = await asha.press(open.verb, open.data);
      expect(cardButtons(opened.cards[0]).has('Add to organisation')).toBe(false);
    });

    test('when a mapped group has its team, then its card says so and opens it in Teams', async () => {
      const groupId = await createGroup('Night shift');
      await asha.press('group.map.confirm', { groupId });
      const teamUrl = 'https://teams.microsoft.com/l/team/19%3Aabc%40thread.tacv2/conversations?groupId=g1';
      await world.ctx.uow.run(async (repos) => {
        const record = (await repos.groupProvisioning.find(groupId))!;
        await repos.groupProvisioning.save({ ...record, state: 'provisioned', target: 'tenant', teamUrl });
      });
      const listed = cardButtons((await asha.say('groups')).cards[0]).get('Open')!;
      const { cards } = await asha.press(listed.verb, listed.data);
      expect(cardText(cards[0])).toContain('Ready');
      const open = (
        cards[0] as { actions: Array<{ type: string; title: string; url?: string }> }
      ).actions.find((action) => action.title === 'Open in Teams');
      expect(open).toEqual({ type: 'Action.OpenUrl', title: 'Open in Teams', url: teamUrl });
    });

    test('when Add to organisation is pressed, then it asks first and maps only on Confirm', async () => {
      const groupId = await createGroup('Night shift');
      const asked = await asha.press('group.map', { groupId });
      const question = asked.invoke?.body.value;
      expect(cardText(question)).toContain('Add Night shift to Contoso?');
      expect(cardText(question)).toContain(
        "Its chat then belongs to the organisation, and this can't be undone.",
      );
      expect([...cardButtons(question).keys()]).toEqual(['Confirm', 'Cancel']);
      const cancelled = await asha.press('group.map.cancel', { groupId });
      expect(cardText(cancelled.invoke?.body.value)).toContain(
        'Not yet: add it so the organisation owns its data',
      );
      expect(cardText((await asha.say('groups')).cards[0])).toContain(
        'Night shift | Admin · 1 member · personal',
      );
      const confirmed = await asha.press('group.map.confirm', { groupId });
      expect(confirmed.invoke?.body.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(cardText(confirmed.invoke?.body.value)).toContain('Night shift now belongs to Contoso');
    });

    test('when add to organisation is typed, then the same question comes as a card', async () => {
      await createGroup('Night shift');
      const { cards } = await asha.say('add Night shift to organisation');
      expect(cardText(cards[0])).toContain('Add Night shift to Contoso?');
      expect(cardText((await asha.say('groups')).cards[0])).toContain('personal');
    });

    test('when a member who is not an admin maps the group, then it is refused', async () => {
      await createGroup('Night shift');
      const ben = await world.user('Ben');
      await ben.say(`join ${await inviteLink('Night shift')}`);
      expect((await ben.say('add Night shift to organisation')).texts).toEqual([
        'You are not allowed to map to organisation in "Night shift".',
      ]);
    });
  });

  describe('card buttons', () => {
    test('when a button of the invite card is pressed, then the invite-card module answers it', async () => {
      const result = await asha.press('invite.join', { inviteId: 'no-such-invite' });
      expect(result.invoke?.body.statusCode).toBeGreaterThanOrEqual(400);
      expect(JSON.stringify(result.invoke?.body.value)).toMatch(/INVITE|invite/);
    });

    test('when an unknown button is pressed, then CARD_ACTION_UNKNOWN is answered', async () => {
      const result = await asha.press('group.explode', {});
      expect(result.invoke?.body).toMatchObject({
        statusCode: 400,
        type: 'application/vnd.microsoft.error',
        value: { code: 'CARD_ACTION_UNKNOWN' },
      });
    });
  });
});
