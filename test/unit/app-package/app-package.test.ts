import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { usages } from '../../../bot/commands/command';
import { AppPackageError } from '../../../scripts/app-package/app-package.errors';
import { checkIcon, iconRules } from '../../../scripts/app-package/check-icons';
import { placeholdersIn } from '../../../scripts/app-package/fill-template';
import { drawColourIcon, drawOutlineIcon } from '../../../scripts/draw-icons';
import { appPackageDir, buildAppPackage } from '../../../scripts/package-app';

const good = {
  botId: '6f1c2a4e-7d0b-4a57-9a8e-2b1f0c3d4e5f',
  publicBaseUrl: 'https://convene.contoso.com',
  version: '1.2.3',
};

/** The bot's commands as issue #3 defines them; the command menu must offer exactly these. */
const botCommands = [
  'help',
  'create group',
  'groups',
  'invite',
  'poster',
  'join',
  'add',
  'members',
  'remove',
  'promote',
  'demote',
  'add to organisation',
];

/** The parts of the manifest the bad-manifest cases change. */
interface ManifestDraft {
  $schema: string;
  accentColor: string;
  description: { short: string };
  bots: { botId: string; commandLists: { commands: { title: string; description: string }[] }[] }[];
}

let work: string;
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'convene-package-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const templateText = () => readFileSync(path.join(appPackageDir, 'manifest.json'), 'utf8');

/** A copy of the template with one change, written where buildAppPackage can read it. */
function templateWith(change: (manifest: ManifestDraft) => void): string {
  const manifest = JSON.parse(templateText());
  change(manifest);
  const file = path.join(work, 'manifest.json');
  writeFileSync(file, JSON.stringify(manifest));
  return file;
}

async function packageError(promise: Promise<unknown>): Promise<AppPackageError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppPackageError);
  return error as AppPackageError;
}

describe('the Teams app package', () => {
  test('when every setting is given, then the zip holds a schema-valid manifest, both icons and the language files', async () => {
    const out = path.join(work, 'convene.zip');
    const built = await buildAppPackage({ ...good, out });
    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(Object.keys(zip.files).sort()).toEqual([
      'ar.json',
      'color.png',
      'hi.json',
      'manifest.json',
      'outline.png',
    ]);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(manifest).toEqual(built.manifest);
    expect(manifest.manifestVersion).toBe('1.24');
    expect(manifest.version).toBe('1.2.3');
    expect(manifest.bots[0].botId).toBe(good.botId);
    expect(manifest.bots[0].scopes).toEqual(['personal']);
    expect(manifest.webApplicationInfo).toEqual({
      id: good.botId,
      resource: `api://convene.contoso.com/${good.botId}`,
    });
    expect(manifest.validDomains).toContain('convene.contoso.com');
    expect(manifest.staticTabs.find((t: { entityId: string }) => t.entityId === 'portal').contentUrl).toBe(
      'https://convene.contoso.com/tab/',
    );
    expect(JSON.stringify(manifest)).not.toMatch(/\$\{\{/);
  });

  test('when the command menu is read, then it offers exactly the bot’s commands', () => {
    const manifest = JSON.parse(templateText());
    const titles = manifest.bots[0].commandLists.flatMap((list: { commands: { title: string }[] }) =>
      list.commands.map((c) => c.title),
    );
    expect(titles).toEqual(botCommands);
  });

  test('when the bot learns a command, then the menu offers it as the bot writes it (region, requests, slips, photo and announce aside: 12 is the limit)', () => {
    const commands: { title: string; description: string }[] = JSON.parse(templateText()).bots[0]
      .commandLists[0].commands;
    for (const [kind, usage] of Object.entries(usages)) {
      // The menu is full; the help card lists these five (a photo also needs a picture pasted with it).
      if (['region', 'requests', 'slips', 'photo', 'announce'].includes(kind)) continue;
      const offered = commands.some((c) => c.title === usage || c.description.startsWith(usage));
      expect(offered ? usage : `missing: ${usage}`).toBe(usage);
    }
  });

  test('when settings are missing, then every unfilled placeholder is named with the setting to set', async () => {
    const error = await packageError(buildAppPackage({ out: path.join(work, 'x.zip') }));
    expect(error.code).toBe('APP_PACKAGE_PLACEHOLDER_MISSING');
    expect(error.problems.map((p) => p.where).sort()).toEqual(
      [
        'placeholder AAD_APP_CLIENT_ID',
        'placeholder BOT_ID',
        'placeholder PRIVACY_URL',
        'placeholder TAB_DOMAIN',
        'placeholder TAB_ENDPOINT',
        'placeholder TERMS_URL',
      ].sort(),
    );
    expect(error.problems.find((p) => p.where === 'placeholder BOT_ID')?.message).toContain(
      'MICROSOFT_APP_ID',
    );
  });

  test('when the public address is not HTTPS, then APP_PACKAGE_SETTING_INVALID names PUBLIC_BASE_URL', async () => {
    const error = await packageError(
      buildAppPackage({ ...good, publicBaseUrl: 'http://convene.contoso.com' }),
    );
    expect(error.code).toBe('APP_PACKAGE_SETTING_INVALID');
    expect(error.problems).toEqual([expect.objectContaining({ where: 'PUBLIC_BASE_URL' })]);
  });

  test('when the server’s app id URI is not the manifest’s SSO resource, then AAD_APP_ID_URI is named', async () => {
    const error = await packageError(
      buildAppPackage({ ...good, aadAppIdUri: `api://elsewhere.example/${good.botId}` }),
    );
    expect(error.code).toBe('APP_PACKAGE_SETTING_INVALID');
    expect(error.problems).toEqual([expect.objectContaining({ where: 'AAD_APP_ID_URI' })]);
    await expect(
      buildAppPackage({
        ...good,
        aadAppIdUri: `api://convene.contoso.com/${good.botId}`,
        out: path.join(work, 'ok.zip'),
      }),
    ).resolves.toMatchObject({ manifest: expect.objectContaining({ version: '1.2.3' }) });
  });

  test.each([
    [
      'a bot id that is not a GUID',
      (m: ManifestDraft) => {
        m.bots[0].botId = 'convene-bot';
      },
      '/bots/0/botId',
    ],
    [
      'a short description over 80 characters',
      (m: ManifestDraft) => {
        m.description.short = 'x'.repeat(81);
      },
      '/description/short',
    ],
    [
      'a thirteenth command',
      (m: ManifestDraft) => {
        m.bots[0].commandLists[0].commands.push({ title: 'extra', description: 'one too many' });
      },
      '/bots/0/commandLists/0/commands',
    ],
    [
      'an accent colour that is not #RRGGBB',
      (m: ManifestDraft) => {
        m.accentColor = 'teal';
      },
      '/accentColor',
    ],
  ])(
    'when the manifest has %s, then APP_PACKAGE_SCHEMA_INVALID points at %s',
    async (_what, change, where) => {
      const out = path.join(work, 'bad.zip');
      const error = await packageError(buildAppPackage({ ...good, template: templateWith(change), out }));
      expect(error.code).toBe('APP_PACKAGE_SCHEMA_INVALID');
      expect(error.problems.map((p) => p.where)).toContain(where);
      expect(() => readFileSync(out)).toThrow();
    },
  );

  test('when the manifest names a schema that is not bundled, then it is refused without going online', async () => {
    const template = templateWith((m) => {
      m.$schema = 'https://example.com/teams.schema.json';
    });
    const error = await packageError(buildAppPackage({ ...good, template }));
    expect(error.code).toBe('APP_PACKAGE_SCHEMA_UNAVAILABLE');
  });

  test('when an icon has the wrong size, then APP_PACKAGE_ICON_INVALID says which and why', async () => {
    writeFileSync(path.join(work, 'color.png'), PNG.sync.write(drawColourIcon(96)));
    writeFileSync(path.join(work, 'outline.png'), readFileSync(path.join(appPackageDir, 'outline.png')));
    const error = await packageError(
      buildAppPackage({ ...good, iconDir: work, out: path.join(work, 'x.zip') }),
    );
    expect(error.code).toBe('APP_PACKAGE_ICON_INVALID');
    expect(error.problems).toEqual([{ where: 'color.png', message: 'must be 192×192 pixels, not 96×96' }]);
  });
});

describe('the manifest in Hindi and Arabic', () => {
  const manifest = () => JSON.parse(templateText());
  const languageFile = (file: string): Record<string, string> =>
    JSON.parse(readFileSync(path.join(appPackageDir, file), 'utf8'));

  /** A copy of the icons and language files, with one language file changed, for buildAppPackage to read. */
  function assetsWith(file: string, change: (strings: Record<string, string>) => void): string {
    for (const name of ['color.png', 'outline.png', 'hi.json', 'ar.json'])
      writeFileSync(path.join(work, name), readFileSync(path.join(appPackageDir, name)));
    const strings = languageFile(file);
    change(strings);
    writeFileSync(path.join(work, file), JSON.stringify(strings));
    return work;
  }

  test('when the manifest is read, then English is its own language and Hindi and Arabic have files', () => {
    expect(manifest().localizationInfo).toEqual({
      defaultLanguageTag: 'en',
      additionalLanguages: [
        { languageTag: 'hi', file: 'hi.json' },
        { languageTag: 'ar', file: 'ar.json' },
      ],
    });
  });

  test.each(['hi.json', 'ar.json'])(
    'when %s is read, then it translates the name, descriptions, every command’s hint and every named tab, and no command word',
    (file) => {
      const m = manifest();
      const expected = [
        'name.short',
        'name.full',
        'description.short',
        'description.full',
        ...m.bots[0].commandLists[0].commands.map(
          (_: unknown, i: number) => `bots[0].commandLists[0].commands[${i}].description`,
        ),
        ...m.staticTabs.flatMap((tab: { name?: string }, i: number) =>
          tab.name ? [`staticTabs[${i}].name`] : [],
        ),
      ];
      const strings = languageFile(file);
      expect(
        Object.keys(strings)
          .filter((key) => key !== '$schema')
          .sort(),
      ).toEqual(expected.sort());
      // The bot reads its commands in English: the menu inserts the title, so titles stay as they are.
      expect(Object.keys(strings).some((key) => key.endsWith('.title'))).toBe(false);
      for (const key of expected.filter((k) => k.includes('commands')))
        expect(strings[key]).toMatch(/[\u0900-\u097f\u0600-\u06ff]/);
    },
  );

  /** Each bad case: what the language file has, which file, how it is spoiled, and how the manifest differs. */
  const unchanged = () => {};
  test.each([
    [
      'a key the schema does not know',
      'hi.json',
      (s: Record<string, string>) => Object.assign(s, { tagline: 'x' }),
      unchanged,
      'hi.json /',
    ],
    [
      'a name longer than Teams allows',
      'ar.json',
      (s: Record<string, string>) => Object.assign(s, { 'name.short': 'ك'.repeat(31) }),
      unchanged,
      'ar.json /name.short',
    ],
    [
      'a hint for a command the manifest no longer has',
      'hi.json',
      unchanged,
      (m: ManifestDraft) => m.bots[0]!.commandLists[0]!.commands.pop(),
      'hi.json bots[0].commandLists[0].commands[11].description',
    ],
  ])(
    'when a language file has %s, then APP_PACKAGE_LOCALIZATION_INVALID points at it',
    async (_what, file, spoil, change, where) => {
      const out = path.join(work, 'bad.zip');
      const template = templateWith(change);
      const error = await packageError(
        buildAppPackage({ ...good, template, iconDir: assetsWith(file, spoil), out }),
      );
      expect(error.code).toBe('APP_PACKAGE_LOCALIZATION_INVALID');
      expect(error.problems.map((p) => p.where)).toContain(where);
      expect(() => readFileSync(out)).toThrow();
    },
  );
});

describe('Convene’s icons', () => {
  test.each([
    ['color.png', 192],
    ['outline.png', 32],
  ])('when %s is read, then it is %i pixels square', (file, size) => {
    const png = PNG.sync.read(readFileSync(path.join(appPackageDir, file)));
    expect([png.width, png.height]).toEqual([size, size]);
  });

  test('when the checked-in icons are checked, then Teams’ rules hold (outline white on transparent)', () => {
    expect(
      checkIcon('color.png', readFileSync(path.join(appPackageDir, 'color.png')), iconRules.color),
    ).toEqual([]);
    expect(
      checkIcon('outline.png', readFileSync(path.join(appPackageDir, 'outline.png')), iconRules.outline),
    ).toEqual([]);
  });

  test('when an outline icon has colour in it, then it is refused', () => {
    const coloured = PNG.sync.write(drawColourIcon(32));
    expect(checkIcon('outline.png', coloured, iconRules.outline)).toEqual([
      expect.objectContaining({ message: expect.stringContaining('white on transparent') }),
    ]);
  });

  test('when the icons are drawn again, then the checked-in files are what the script draws', () => {
    expect(PNG.sync.write(drawColourIcon()).equals(readFileSync(path.join(appPackageDir, 'color.png')))).toBe(
      true,
    );
    expect(
      PNG.sync.write(drawOutlineIcon()).equals(readFileSync(path.join(appPackageDir, 'outline.png'))),
    ).toBe(true);
  });

  test('when the template is read, then its placeholders are the ones packaging fills', () => {
    expect(placeholdersIn(templateText()).sort()).toEqual(
      [
        'AAD_APP_CLIENT_ID',
        'APP_VERSION',
        'BOT_ID',
        'PRIVACY_URL',
        'TAB_DOMAIN',
        'TAB_ENDPOINT',
        'TEAMS_APP_ID',
        'TERMS_URL',
      ].sort(),
    );
  });
});
