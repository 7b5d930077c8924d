import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { type RunningApp, startApp } from '../../../src/app';
import { loadConfig } from '../../../src/config';
import { createLogger } from '../../../src/infra/logging/logger';
import { readPdfText } from '../../support/rollout-pdf-reader';

let app: RunningApp;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'convene-rollout-kit-'));
  app = await startApp(
    loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
    createLogger('silent'),
  );
});
afterAll(async () => {
  await app.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) => fetch(`${app.url}${url}`, { headers });
const bytesOf = async (response: Response) => new Uint8Array(await response.arrayBuffer());

describe('the rollout kit', () => {
  test('when the group admins’ poster is downloaded, then the PDF says how to create, invite and add the group to the organisation', async () => {
    const response = await get('/api/v1/rollout/kit/group-admin-poster?format=pdf');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain('group-admin-poster.pdf');
    const { pages, text } = await readPdfText(await bytesOf(response));
    expect(pages).toBe(1);
    expect(text).toContain('Local organisation');
    expect(text).toContain('Run a chat group? Bring it to Teams');
    expect(text).toContain('“create group”');
    expect(text).toContain('“add to organisation”');
    expect(text).toContain('Local organisation now owns the group and its data');
  });

  test('when the activation desk poster is downloaded, then the PDF and the PNG are the desk poster', async () => {
    const pdf = await readPdfText(
      await bytesOf(await get('/api/v1/rollout/kit/activation-desk-poster?format=pdf')),
    );
    expect(pdf.pages).toBe(1);
    expect(pdf.text).toContain('Activation desk: get your work account here');
    expect(pdf.text).toContain('onboarding slip');
    const png = await get('/api/v1/rollout/kit/activation-desk-poster?format=png');
    expect(png.headers.get('content-type')).toBe('image/png');
    const image = PNG.sync.read(Buffer.from(await bytesOf(png)));
    expect(image.height).toBeGreaterThan(image.width); // A4 portrait, as printed
  });

  test('when the table tent is downloaded, then one A4 page carries the desk poster on both faces with a fold line', async () => {
    const response = await get('/api/v1/rollout/kit/activation-desk-table-tent?format=pdf');
    expect(response.status).toBe(200);
    const { pages, text } = await readPdfText(await bytesOf(response));
    expect(pages).toBe(1);
    expect(text.split('Activation desk: get your work account here')).toHaveLength(3);
    expect(text).toContain('fold here');
    const png = await get('/api/v1/rollout/kit/activation-desk-table-tent?format=png');
    expect(png.status).toBe(400);
    expect(((await png.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'POSTER_FORMAT_INVALID',
      message: expect.stringContaining('only as "pdf"'),
    });
  });

  test('when the desk staff’s FAQ sheet is downloaded, then the PDF answers the questions they will hear', async () => {
    const response = await get('/api/v1/rollout/guides/activation-desk-faq/download?format=pdf');
    expect(response.status).toBe(200);
    const { text } = await readPdfText(await bytesOf(response));
    expect(text).toContain('Activation desk: questions and answers');
    expect(text).toContain('The code never came.');
    expect(text).toContain('When to call IT');
  });

  test('when an unknown kit item is asked for, then KIT_ITEM_NOT_FOUND names the kit, bounded', async () => {
    const response = await get(`/api/v1/rollout/kit/${'x'.repeat(90)}?format=pdf`);
    expect(response.status).toBe(404);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('KIT_ITEM_NOT_FOUND');
    expect(error.message.length).toBeLessThan(250);
  });

  test('when someone holds an invite link, then the kit prints through it without signing in; a dead link prints nothing', async () => {
    const created = await fetch(`${app.url}/api/v1/groups`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Warehouse 3' }),
    }).then((r) => r.json() as Promise<{ group: { id: string } }>);
    const link = await fetch(`${app.url}/api/v1/groups/${created.group.id}/invite-links`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({}),
    }).then((r) => r.json() as Promise<{ url: string }>);
    const token = link.url.split('/').pop();
    const tent = await get(`/rollout/poster?invite=${token}&format=pdf&kit=activation-desk-table-tent`);
    expect(tent.status).toBe(200);
    expect((await readPdfText(await bytesOf(tent))).text).toContain('fold here');
    const faq = await get(`/rollout/poster?invite=${token}&format=pdf&kit=activation-desk-faq`);
    expect((await readPdfText(await bytesOf(faq))).text).toContain('Activation desk: questions and answers');
    const dead = await get(`/rollout/poster?invite=${'A'.repeat(22)}&format=pdf&kit=group-admin-poster`);
    expect(dead.status).toBe(404);
  });

  test('when someone who is neither an org admin nor a champ asks for the kit, then they are refused', async () => {
    const response = await get('/api/v1/rollout/kit/group-admin-poster?format=pdf', {
      'x-convene-local-user': 'plain-person',
      'x-convene-local-user-name': 'Pat',
    });
    expect(response.status).toBe(403);
  });
});
