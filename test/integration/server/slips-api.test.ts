import { PNG } from 'pngjs';
import { GET_TEAMS_URL } from '../../../src/domain/slips/slip';
import { linkSigningKey } from '../../../src/infra/invites/hmac-standing-tokens';
import { qrBoxes, slipBox } from '../../../src/infra/rollout/slips-layout';
import { HmacSlipTickets } from '../../../src/infra/slips/hmac-slip-tickets';
import { type AppHarness, type Dialect, startHarness } from '../../support/app-harness';
import { decodeQrIn, pdfPagesAsPng } from '../../support/pdf-screenshot';
import { postgresAvailable } from '../../support/postgres';
import { readPdfText } from '../../support/rollout-pdf-reader';

/** Requests as another stand-in person of the local tenant (local mode only). */
const as = (id: string, name: string) => ({ 'x-convene-local-user': id, 'x-convene-local-user-name': name });

const dialects: Dialect[] = postgresAvailable() ? ['sqlite', 'postgres'] : ['sqlite'];

describe.each(dialects)('onboarding slips over HTTP [%s]', (dialect) => {
  let h: AppHarness;
  beforeAll(async () => {
    h = await startHarness({ DEFAULT_REGION: 'IN' }, { dialect });
  });
  afterAll(() => h.close());

  const call = (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${h.app.url}${url}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  // biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field.
  const json = async (response: Response): Promise<any> => response.json();

  /** A group of the local organisation with three people added by phone, two of them named. */
  async function drivers(name: string, phones: string[]) {
    const group = (await json(await call('POST', '/api/v1/groups', { name }))).group;
    await call('POST', `/api/v1/groups/${group.id}/members`, { phones: phones.join(', ') });
    const { members } = await json(await call('GET', `/api/v1/groups/${group.id}/members`));
    const byPhone = (tail: string) =>
      members.find((m: { person: { phone: string | null } }) => m.person.phone?.endsWith(tail)).person.id;
    return { group, byPhone };
  }

  async function name(personId: string, displayName: string, userPrincipalName: string | null) {
    await h.app.ctx.uow.run((repos) => repos.people.update(personId, { displayName, userPrincipalName }));
  }

  test('when an org admin prints a group’s slips, then the PDF names everyone with their sign-in name and only the phone’s last two digits', async () => {
    const { group, byPhone } = await drivers('Drivers', ['9988554401', '9988554402', '9988554403']);
    await name(byPhone('01'), 'Ravi Kumar', 'ravi.kumar@contoso.com');
    await name(byPhone('02'), 'Meena Iyer', null);

    const response = await call('GET', `/api/v1/groups/${group.id}/slips.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="convene-slips-drivers\.pdf"/,
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    const pdf = new Uint8Array(await response.arrayBuffer());
    const { pages, text } = await readPdfText(pdf);
    expect(pages).toBe(1);
    expect(text).toContain('Ravi Kumar');
    expect(text).toContain('ravi.kumar@contoso.com');
    expect(text).toContain('Meena Iyer');
    expect(text).toContain('Your sign-in name will be given at the desk');
    for (const ending of ['01', '02', '03']) expect(text).toContain(`phone ending ··${ending}`);
    expect(text.replace(/\D/g, '')).not.toMatch(/9988554|554401|554402/);

    // Every slip's second code is the group's standing link: opening it shows the join page.
    const scale = 3;
    const [png] = await pdfPagesAsPng(pdf, { scale, pages: [1] });
    const page = PNG.sync.read(png!);
    const decoded = [0, 1, 2, 3].map((i) => decodeIn(page, qrBoxes(slipBox(i)), scale));
    expect(decoded[0]!.getTeams).toBe(GET_TEAMS_URL);
    const joinUrl = decoded[0]!.join!;
    expect(joinUrl).toMatch(new RegExp(`^${h.app.url}/join/[A-Za-z0-9_-]{22}$`));
    // Four slips: the three people added and the developer who made the group.
    expect(decoded.map((d) => d.join)).toEqual([joinUrl, joinUrl, joinUrl, joinUrl]);
    const joinPage = await fetch(joinUrl);
    expect(joinPage.status).toBe(200);
    expect(await joinPage.text()).toContain('Drivers');

    // The same link as the group's posters: printing again issues no new one.
    const again = await call('GET', `/api/v1/groups/${group.id}/slips.pdf`);
    const [png2] = await pdfPagesAsPng(new Uint8Array(await again.arrayBuffer()), { scale, pages: [1] });
    expect(decodeIn(PNG.sync.read(png2!), qrBoxes(slipBox(0)), scale).join).toBe(joinUrl);

    const audit = await h.app.ctx.uow.read((repos) => repos.audit.listByGroup(group.id, 50));
    const printed = audit.filter((entry) => entry.action === 'slips.printed');
    expect(printed).toHaveLength(2);
    expect(printed[0]!.details).toMatchObject({ count: 4 });
    expect(JSON.stringify(printed)).not.toContain('Ravi');
  });

  test('when a champ prints slips of their own group, then they get them; a plain member and another group are refused', async () => {
    const { group } = await drivers('Warehouse', ['9988554411']);
    const other = (await json(await call('POST', '/api/v1/groups', { name: 'Payroll' }))).group;
    const chandra = as('champ-chandra-slips', 'Chandra');
    const me = await json(await call('GET', '/api/v1/me', undefined, chandra));
    await call('POST', `/api/v1/groups/${group.id}/champs`, { personId: me.personId });

    // A selection too, of people in the champ's groups only.
    const { members } = await json(await call('GET', `/api/v1/groups/${group.id}/members`));
    await call('POST', `/api/v1/groups/${other.id}/members`, { phones: '9988554412' });
    const elsewhereMembers = (
      await json(await call('GET', `/api/v1/groups/${other.id}/members`))
    ).members.filter((m: { person: { phone: string | null } }) => m.person.phone?.endsWith('12'));
    const mine = await call(
      'POST',
      '/api/v1/portal/slips.pdf',
      { personIds: [members[1].person.id] },
      chandra,
    );
    expect(mine.status).toBe(200);
    const notMine = await call(
      'POST',
      '/api/v1/portal/slips.pdf',
      { personIds: [members[1].person.id, elsewhereMembers[0].person.id] },
      chandra,
    );
    expect(notMine.status).toBe(404);
    expect((await json(notMine)).error).toMatchObject({
      code: 'SLIP_PEOPLE_NOT_FOUND',
      details: { count: 1 },
    });

    const own = await call('GET', `/api/v1/groups/${group.id}/slips.pdf`, undefined, chandra);
    expect(own.status).toBe(200);
    expect((await readPdfText(new Uint8Array(await own.arrayBuffer()))).text).toContain('phone ending ··11');
    const detail = await json(await call('GET', `/api/v1/groups/${group.id}`, undefined, chandra));
    expect(detail.allowed['print-slips']).toBe(true);

    const elsewhere = await call('GET', `/api/v1/groups/${other.id}/slips.pdf`, undefined, chandra);
    expect(elsewhere.status).toBe(403);
    expect((await json(elsewhere)).error.code).toBe('NOT_ALLOWED');

    const ben = as('member-ben-slips', 'Ben');
    const link = await json(await call('POST', `/api/v1/groups/${group.id}/invite-links`, {}));
    await call('POST', '/api/v1/invites/redeem', { token: link.url }, ben);
    const refused = await call('GET', `/api/v1/groups/${group.id}/slips.pdf`, undefined, ben);
    expect(refused.status).toBe(403);
    expect((await json(refused)).error).toMatchObject({
      code: 'NOT_ALLOWED',
      message: 'You are not allowed to print slips in "Warehouse".',
    });
    expect(
      (await json(await call('GET', `/api/v1/groups/${group.id}`, undefined, ben))).allowed['print-slips'],
    ).toBe(false);
    // A member may not print a selection either.
    const selection = await call('POST', '/api/v1/portal/slips.pdf', { personIds: [me.personId] }, ben);
    expect(selection.status).toBe(403);
  });

  test('when an org admin prints slips for chosen people, then each slip leads to that person’s group, at most 500 at once', async () => {
    const north = await drivers('North depot', ['9988554421', '9988554422']);
    const south = await drivers('South depot', ['9988554431']);
    await name(north.byPhone('21'), 'Anil', null);
    await name(south.byPhone('31'), 'Sunita', 'sunita@contoso.com');

    const response = await call('POST', '/api/v1/portal/slips.pdf', {
      personIds: [north.byPhone('21'), south.byPhone('31')],
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const pdf = new Uint8Array(await response.arrayBuffer());
    const { text } = await readPdfText(pdf);
    expect(text).toContain('Anil');
    expect(text).toContain('Group: North depot');
    expect(text).toContain('sunita@contoso.com');
    expect(text).toContain('Group: South depot');
    expect(text).not.toContain('··22');

    const tooMany = await call('POST', '/api/v1/portal/slips.pdf', {
      personIds: Array.from({ length: 501 }, (_, i) => `person-${i}`),
    });
    expect(tooMany.status).toBe(400);
    expect((await json(tooMany)).error).toMatchObject({
      code: 'SLIPS_TOO_MANY',
      message: expect.stringContaining('at most 500 slips'),
    });

    const unknown = await call('POST', '/api/v1/portal/slips.pdf', { personIds: ['nobody-at-all'] });
    expect(unknown.status).toBe(404);
    expect((await json(unknown)).error.code).toBe('SLIP_PEOPLE_NOT_FOUND');
  });

  test('when a group has more than 500 people, then its slips print in parts of 500 and the answer says how many', async () => {
    const phones = Array.from({ length: 501 }, (_, i) => `99886${String(i).padStart(5, '0')}`);
    const group = (await json(await call('POST', '/api/v1/groups', { name: 'Everyone' }))).group;
    expect(
      (await call('POST', `/api/v1/groups/${group.id}/members`, { phones: phones.join(', ') })).status,
    ).toBe(200);

    const whole = await call('GET', `/api/v1/groups/${group.id}/slips.pdf`);
    expect(whole.status).toBe(400);
    expect((await json(whole)).error).toMatchObject({
      code: 'SLIPS_TOO_MANY',
      message: expect.stringContaining('print it in 2 parts'),
      details: { max: 500, count: 502, parts: 2 },
    });
    const second = await call('GET', `/api/v1/groups/${group.id}/slips.pdf?part=2`);
    expect(second.status).toBe(200);
    expect(second.headers.get('x-convene-slip-parts')).toBe('2');
    expect(second.headers.get('content-disposition')).toContain('convene-slips-everyone-part-2-of-2.pdf');
    const { pages } = await readPdfText(new Uint8Array(await second.arrayBuffer()));
    expect(pages).toBe(1);
    expect((await json(await call('GET', `/api/v1/groups/${group.id}/slips.pdf?part=3`))).error.code).toBe(
      'SLIPS_PART_INVALID',
    );
    expect((await json(await call('GET', `/api/v1/groups/${group.id}/slips.pdf?part=x`))).error.code).toBe(
      'QUERY_INVALID',
    );
  }, 60_000);

  test('when the bot’s download link is opened, then it serves the slips while fresh and refuses a forged or stale one', async () => {
    const { group } = await drivers('Night shift', ['9988554441']);
    const me = await json(await call('GET', '/api/v1/me'));
    const grant = (minutes: number) => ({
      groupId: group.id,
      personId: me.personId,
      part: 1,
      expiresAt: new Date(Date.now() + minutes * 60_000).toISOString(),
    });
    const real = new HmacSlipTickets(linkSigningKey({ secret: undefined, dataDir: h.dataDir }));
    const fresh = await call('GET', `/rollout/slips?ticket=${encodeURIComponent(real.issue(grant(10)))}`);
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('cache-control')).toBe('no-store');
    expect(fresh.headers.get('referrer-policy')).toBe('no-referrer');
    expect((await readPdfText(new Uint8Array(await fresh.arrayBuffer()))).text).toContain(
      'phone ending ··41',
    );
    const stale = await call('GET', `/rollout/slips?ticket=${encodeURIComponent(real.issue(grant(-1)))}`);
    expect(stale.status).toBe(410);

    const forged = new HmacSlipTickets(Buffer.alloc(32, 9)).issue(grant(10));
    const refused = await call('GET', `/rollout/slips?ticket=${encodeURIComponent(forged)}`);
    expect(refused.status).toBe(410);
    expect((await json(refused)).error.code).toBe('SLIP_LINK_EXPIRED');
    expect((await call('GET', '/rollout/slips')).status).toBe(410);
  });
});

const decodeIn = (page: PNG, boxes: ReturnType<typeof qrBoxes>, scale: number) => ({
  getTeams: decodeQrIn(page, boxes.getTeams, scale),
  join: decodeQrIn(page, boxes.join, scale),
});
