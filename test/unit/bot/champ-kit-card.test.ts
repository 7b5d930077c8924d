import { renderChampKitActivity } from '../../../bot/cards/champ-kit-card';
import type { ChampKitContent } from '../../../src/domain/rollout/rollout.ports';
import { cardText } from '../../integration/bot/support/bot-under-test';

const content = (locale: string | null): ChampKitContent => ({
  groupName: 'Night shift',
  champName: 'Ravi',
  senderName: 'Ira',
  guides: [],
  locale,
});

describe('the champ kit card', () => {
  test('when the champ last spoke to the bot in Arabic, then the card is in Arabic and runs right to left', () => {
    const activity = renderChampKitActivity(content('ar'));
    const card = (activity.attachments as Array<{ content: Record<string, unknown> }>)[0]!.content;
    expect(card).toMatchObject({ rtl: true });
    expect(cardText(card)).toContain('Ravi، عيّنك Ira سفيرًا لـ Night shift.');
    expect(activity.summary).toBe('حزمة السفير الخاصة بك في Night shift');
  });

  test('when Convene has not heard the champ’s language, then the card is in English', () => {
    const activity = renderChampKitActivity(content(null));
    const card = (activity.attachments as Array<{ content: Record<string, unknown> }>)[0]!.content;
    expect(card).not.toHaveProperty('rtl');
    expect(cardText(card)).toContain('Ira made you a champ of Night shift, Ravi.');
  });
});
