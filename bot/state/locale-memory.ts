import type { TurnContext } from 'botbuilder';
import { rememberLocale } from '../../src/domain/people/remember-locale';
import type { DomainContext } from '../../src/domain/shared/unit-of-work.port';
import { localeFrom } from '../../src/i18n/locales';
import { teamsIdentityOf } from '../turn-identity';

const MAX_REMEMBERED = 10_000;
const REMEMBER_MS = 10 * 60_000;

/**
 * Keeps `people.locale` in step with the language each person's Teams reports. People rarely change
 * language, so each process remembers what it stored for a while (bounded) and asks the database
 * only when that is unknown or different; the database writes only when the stored one differs.
 */
export class LocaleMemory {
  private readonly stored = new Map<string, { locale: string; until: number }>();

  constructor(private readonly ctx: DomainContext) {}

  /** After a trusted turn: the sender's language, if Teams gave one and it is news. */
  async remember(turn: TurnContext): Promise<void> {
    const identity = teamsIdentityOf(turn);
    if (!identity || !turn.activity.locale) return;
    const locale = localeFrom(turn.activity.locale);
    const key = `${identity.tenantId}|${identity.aadObjectId}`;
    const known = this.stored.get(key);
    if (known?.locale === locale && known.until > Date.now()) return;
    // Someone Convene does not know yet (a first installation) is asked again on their next turn.
    if (!(await rememberLocale(this.ctx, identity, locale))) return;
    if (this.stored.size >= MAX_REMEMBERED) this.stored.clear();
    this.stored.set(key, { locale, until: Date.now() + REMEMBER_MS });
  }
}
