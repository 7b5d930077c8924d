import { PNG } from 'pngjs';
import { GET_TEAMS_URL, type SlipSpec, slipFor, slipWords } from '../../../src/domain/slips/slip';
import { translatorFor } from '../../../src/i18n/translator';
import { qrBoxes, slipBox } from '../../../src/infra/rollout/slips-layout';
import { slipsPdf } from '../../../src/infra/rollout/slips-pdf';
import { decodeQrIn, pdfPagesAsPng } from '../../support/pdf-screenshot';
import { readPdfText } from '../../support/rollout-pdf-reader';

const en = translatorFor('en');
const joinUrl = 'https://convene.contoso.com/join/AbCdEfGhIjKlMnOpQrStUv';
const group = { name: 'Drivers – Night shift' };

const sheet = (slips: SlipSpec[]) => ({
  title: 'Onboarding slips – Drivers',
  kicker: 'Contoso',
  slips,
  getTeamsUrl: GET_TEAMS_URL,
  dir: 'ltr' as const,
  words: slipWords(en),
});

describe('onboarding slips PDF', () => {
  test('when slips are printed, then each shows the name, the sign-in name and only the last two digits of the phone', async () => {
    const pdf = await slipsPdf(
      sheet([
        slipFor(
          { displayName: 'Ravi Kumar', phone: '+919988554401', userPrincipalName: 'ravi.kumar@contoso.com' },
          group,
          joinUrl,
          en,
        ),
        slipFor(
          { displayName: 'Meena Iyer', phone: '+447700900987', userPrincipalName: null },
          group,
          joinUrl,
          en,
        ),
      ]),
    );
    const { pages, text } = await readPdfText(pdf);
    expect(pages).toBe(1);
    expect(text).toContain('Ravi Kumar');
    expect(text).toContain('ravi.kumar@contoso.com');
    expect(text).toContain('Sign in with the code sent to your phone ending ··01');
    expect(text).toContain('Meena Iyer');
    expect(text).toContain('Your sign-in name will be given at the desk');
    expect(text).toContain('ending ··87');
    const digits = text.replace(/\D/g, '');
    for (const phone of ['919988554401', '9988554401', '447700900987', '7700900987', '554401', '900987'])
      expect(digits).not.toContain(phone);
    expect(text.toLowerCase()).not.toContain('password:');
  });

  test('when a page of slips is rendered, then every slip’s codes lead to Teams and to the group’s join page', async () => {
    const slips = Array.from({ length: 8 }, (_, i) =>
      slipFor(
        { displayName: `Person ${i}`, phone: `+9199885544${10 + i}`, userPrincipalName: null },
        group,
        joinUrl,
        en,
      ),
    );
    const pdf = await slipsPdf(sheet(slips));
    const scale = 3;
    const [png] = await pdfPagesAsPng(pdf, { scale, pages: [1] });
    const page = PNG.sync.read(png!);
    for (let i = 0; i < 8; i++) {
      const qrs = qrBoxes(slipBox(i));
      expect(decodeQrIn(page, qrs.getTeams, scale)).toBe(GET_TEAMS_URL);
      expect(decodeQrIn(page, qrs.join, scale)).toBe(joinUrl);
    }
  });

  test('when 500 slips are printed, then they fill 63 pages and each distinct code is embedded once', async () => {
    const slips = Array.from({ length: 500 }, (_, i) =>
      slipFor(
        {
          displayName: `Person ${i}`,
          phone: `+91998855${String(i).padStart(4, '0')}`,
          userPrincipalName: null,
        },
        group,
        joinUrl,
        en,
      ),
    );
    const pdf = await slipsPdf(sheet(slips));
    expect(
      Buffer.from(pdf)
        .toString('latin1')
        .match(/\/Subtype \/Image/g),
    ).toHaveLength(2);
    expect((await readPdfText(pdf)).pages).toBe(63);
  }, 30_000);
});
