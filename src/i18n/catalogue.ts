import type { Locale } from './locales';
import arAnnounce from './messages/ar/announce.json';
import arBot from './messages/ar/bot.json';
import arCommon from './messages/ar/common.json';
import arErrors from './messages/ar/errors.json';
import arJoin from './messages/ar/join.json';
import arPrint from './messages/ar/print.json';
import enAnnounce from './messages/en/announce.json';
import enBot from './messages/en/bot.json';
import enCommon from './messages/en/common.json';
import enErrors from './messages/en/errors.json';
import enJoin from './messages/en/join.json';
import enPrint from './messages/en/print.json';
import hiAnnounce from './messages/hi/announce.json';
import hiBot from './messages/hi/bot.json';
import hiCommon from './messages/hi/common.json';
import hiErrors from './messages/hi/errors.json';
import hiJoin from './messages/hi/join.json';
import hiPrint from './messages/hi/print.json';

/**
 * The server's half of the one message catalogue (`src/i18n/messages/<locale>/<namespace>.json`, ICU
 * message syntax; the tab loads its `tab-*.json` namespaces itself). English defines the ids; a test
 * keeps every language's keys and placeholders equal to English's.
 */
const english = { ...enCommon, ...enErrors, ...enBot, ...enAnnounce, ...enJoin, ...enPrint };

export type MessageId = keyof typeof english;
export type Messages = Readonly<Record<MessageId, string>>;

export const catalogue: Readonly<Record<Locale, Messages>> = {
  en: english,
  hi: { ...hiCommon, ...hiErrors, ...hiBot, ...hiAnnounce, ...hiJoin, ...hiPrint } as Messages,
  ar: { ...arCommon, ...arErrors, ...arBot, ...arAnnounce, ...arJoin, ...arPrint } as Messages,
};
