import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { slipsByTicket } from '../../../src/domain/slips/slip-download-link';
import { HmacStandingTokens } from '../../../src/infra/invites/hmac-standing-tokens';
import { createRolloutContext } from '../../../src/infra/rollout/rollout-context';
import { HmacSlipTickets } from '../../../src/infra/slips/hmac-slip-tickets';
import { readPdfText } from '../../support/rollout-pdf-reader';
import { BotUnderTest, type ChatUser, cardButtons, cardText, PUBLIC_URL } from './support/bot-under-test';

describe('the bot’s slips command', () => {
  let world: BotUnderTest;
  let asha: ChatUser;
  let dataDir: string;
  beforeEach(async () => {
    world = await BotUnderTest.open();
    asha = await world.user('Asha');
    dataDir = mkdtempSync(path.join(tmpdir(), 'convene-slips-bot-'));
  });
  afterEach(async () => {
    await world.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** What the server behind the card's link does with it (same key as the bot under test). */
  const download = (url: string) =>
    slipsByTicket(
      createRolloutContext(world.ctx, {
        dataDir,
        publicBaseUrl: () => PUBLIC_URL,
        standingTokens: new HmacStandingTokens(Buffer.alloc(32, 7)),
        slipTickets: new HmacSlipTickets(Buffer.alloc(32, 7)),
      }),
      { ticket: new URL(url).searchParams.get('ticket')! },
    );

  test('when an admin asks for slips, then the card links to a short-lived download of everyone’s slips', async () => {
    const { cards } = await asha.say('create group Drivers');
    const groupId = String(cardButtons(cards[0]).get('Invite people')!.data.groupId);
    await asha.say('add 9988554401, 9988554402 to Drivers');

    const reply = await asha.say('slips drivers');
    expect(reply.cards).toHaveLength(1);
    const card = reply.cards[0] as { actions: Array<{ type: string; title: string; url: string }> };
    expect(cardText(card)).toContain('Onboarding slips for Drivers');
    expect(cardText(card)).toContain('15 minutes');
    expect(card.actions).toEqual([
      {
        type: 'Action.OpenUrl',
        title: 'Printable slips (PDF)',
        url: expect.stringMatching(
          new RegExp(`^${PUBLIC_URL.replace(/\./g, '\\.')}/rollout/slips\\?ticket=`),
        ),
      },
    ]);
    const grant = new HmacSlipTickets(Buffer.alloc(32, 7)).open(
      new URL(card.actions[0]!.url).searchParams.get('ticket')!,
    );
    expect(grant).toMatchObject({ groupId, part: 1 });

    const file = await download(card.actions[0]!.url);
    const { text } = await readPdfText(file.bytes);
    expect(text).toContain('Asha');
    expect(text).toContain('phone ending ··01');
    expect(text).toContain('phone ending ··02');
    expect(text.replace(/\D/g, '')).not.toContain('9988554401');
  });

  test('when the help card is shown, then it lists the slips command', async () => {
    const { cards } = await asha.say('help');
    expect(cardText(cards[0])).toContain('slips ‹group›');
  });

  test('when a plain member asks for slips, then they are told they may not and get no link', async () => {
    const { cards } = await asha.say('create group Drivers');
    const invite = await asha.say('invite Drivers');
    const link = cardText(invite.cards[0]).match(/https:\/\/convene\.test\/join\/[A-Za-z0-9_-]{22}/)![0];
    expect(cards).toHaveLength(1);
    const ben = await world.user('Ben');
    await ben.say(`join ${link}`);
    const reply = await ben.say('slips Drivers');
    expect(reply.cards).toHaveLength(0);
    expect(reply.texts).toEqual([expect.stringMatching(/not allowed to print slips in "Drivers"/)]);
  });
});
