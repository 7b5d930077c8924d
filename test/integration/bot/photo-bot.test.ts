import sharp from 'sharp';
import { samplePhoto, svgWithScript } from '../../fakes/sample-photos';
import { BotUnderTest, type ChatUser, cardButtons, cardText } from './support/bot-under-test';

const ATTACHMENT = 'https://smba.test/v3/attachments/0-abc/views/original';

/** The `Image` elements of a card (its photo, when it has one). */
const images = (card: unknown): Array<{ url: string }> => {
  const found: Array<{ url: string }> = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (n.type === 'Image') found.push({ url: String(n.url) });
      Object.values(n).forEach(walk);
    }
  };
  walk(card);
  return found;
};

describe('the bot’s photo command', () => {
  let world: BotUnderTest;
  let asha: ChatUser;
  beforeEach(async () => {
    world = await BotUnderTest.open();
    asha = await world.user('Asha');
  });
  afterEach(() => world.close());

  /** A message as Teams delivers a pasted picture: the image attachment and its HTML twin. */
  const withPicture = (text: string, contentUrl = ATTACHMENT) =>
    asha.send({
      type: 'message',
      text,
      attachments: [
        { contentType: 'image/png', contentUrl },
        {
          contentType: 'text/html',
          content: `<p>${text}</p><p><img src="https://eu-api.asm.skype.com/v1/objects/0-abc/views/imgo"></p>`,
        },
      ],
    });

  test('when an admin pastes a picture with "photo ‹group›", then it is fetched from Teams with the bot’s token and the group card shows it', async () => {
    const { cards } = await asha.say('create group Drivers');
    const groupId = String(cardButtons(cards[0]).get('Invite people')!.data.groupId);
    world.chatAttachments.set(ATTACHMENT, await samplePhoto('png', { colour: '#d83b01' }));

    const reply = await withPicture('photo Drivers');
    expect(cardText(reply.cards[0])).toContain('Photo changed');
    const [image] = images(reply.cards[0]);
    expect(image!.url).toMatch(/^data:image\/jpeg;base64,/);
    const thumbnail = Buffer.from(image!.url.slice(image!.url.indexOf(',') + 1), 'base64');
    expect((await sharp(thumbnail).metadata()).width).toBe(96);
    // The card stays far below Teams' 28 KB.
    expect(JSON.stringify(reply.cards[0]).length).toBeLessThan(12_000);
    expect(world.attachmentRequests).toEqual([
      { url: ATTACHMENT, authorization: 'Bearer bot-connector-token' },
    ]);

    const stored = await world.ctx.uow.read((repos) => repos.groupPhotos.find(groupId));
    expect(stored?.contentType).toBe('image/jpeg');
    const audit = await world.ctx.uow.read((repos) => repos.audit.listByGroup(groupId, 5));
    expect(audit.find((a) => a.action === 'group.photo-set')?.details).toMatchObject({ via: 'bot' });
  });

  test('when the picture’s address is not the chat service’s own, then the bot fetches nothing', async () => {
    await asha.say('create group Drivers');
    for (const url of [
      'https://evil.example/v3/attachments/x/views/original',
      'http://smba.test/v3/attachments/x/views/original',
      'https://smba.test/v3/conversations/x',
      'https://smba.test.evil.example/v3/attachments/x',
      'https://user:pw@smba.test/v3/attachments/x',
      'https://smba.test/v3/attachments/../../internal',
    ]) {
      const reply = await withPicture('photo Drivers', url);
      expect(reply.texts.join(' ')).toContain('did not come from Teams');
    }
    expect(world.attachmentRequests).toEqual([]);
  });

  test('when someone writes "photo ‹group›" without a picture, or shares it as a file, then they are told how to send it', async () => {
    await asha.say('create group Drivers');
    expect((await asha.say('photo Drivers')).texts.join(' ')).toContain(
      'Send the picture in the same message',
    );
    const asFile = await asha.send({
      type: 'message',
      text: 'photo Drivers',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.teams.file.download.info',
          name: 'team.png',
          content: { downloadUrl: 'https://contoso.sharepoint.com/x', fileType: 'png' },
        },
      ],
    });
    expect(asFile.texts.join(' ')).toContain('That came as a file');
    expect(world.attachmentRequests).toEqual([]);
  });

  test('when the picture is really an SVG with a script, then it is refused by its content', async () => {
    await asha.say('create group Drivers');
    world.chatAttachments.set(ATTACHMENT, svgWithScript());
    const reply = await withPicture('photo Drivers');
    expect(reply.texts.join(' ')).toContain('must be a PNG, JPEG or WebP picture');
  });

  test('when a member who is not an admin sends a photo, then they are refused before anything is fetched', async () => {
    const { cards } = await asha.say('create group Drivers');
    const groupId = String(cardButtons(cards[0]).get('Invite people')!.data.groupId);
    const ben = await world.user('Ben');
    const invite = await asha.say('invite Drivers');
    const link = /https:\/\/convene\.test\/join\/[A-Za-z0-9_-]+/.exec(cardText(invite.cards[0]))![0];
    await ben.say(`join ${link}`);
    world.chatAttachments.set(ATTACHMENT, await samplePhoto('jpeg'));
    const reply = await ben.send({
      type: 'message',
      text: 'photo Drivers',
      attachments: [{ contentType: 'image/jpeg', contentUrl: ATTACHMENT }],
    });
    expect(reply.texts.join(' ')).toContain('not allowed to change photo');
    expect(world.attachmentRequests).toEqual([]);
    expect(await world.ctx.uow.read((repos) => repos.groupPhotos.find(groupId))).toBeUndefined();
  });
});
