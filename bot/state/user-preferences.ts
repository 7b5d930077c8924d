import type { Storage, TurnContext } from 'botbuilder';
import { isETagConflict, NEW_ITEM_ETAG } from './etag-conflict';

/** What the bot remembers about a person between turns. */
export interface Preferences {
  /** Region for phone numbers typed without a country code (`region <CC>`). */
  region?: string;
  /** Groups the person worked with lately, newest first: the default when a command names none. */
  recentGroupIds: string[];
  /** Whether the welcome card was shown already. */
  welcomed?: boolean;
}

type Change = (preferences: Preferences) => void;

interface TurnEntry {
  preferences: Preferences;
  eTag: string;
  changes: Change[];
}

const RECENT_GROUPS_KEPT = 5;
/** How many welcomed people a process remembers before starting over (a few MB at most). */
const WELCOMED_REMEMBERED = 50_000;
const TURN_KEY = Symbol('convene.preferences');

/**
 * A person's preferences in the bot-state storage with optimistic concurrency. A turn records
 * its changes as functions; at the end of the turn they are written with the eTag that was read.
 * When another turn wrote in between, the write is refused and the changes are applied again to
 * the fresh document, so neither turn's change is lost (and no command runs twice).
 */
export class UserPreferences {
  /**
   * People known to have had their welcome. `welcomed` never goes back to false, so remembering it
   * in the process is always right, and saves a state read on turns that need nothing else from it.
   */
  private readonly welcomedKeys = new Set<string>();

  constructor(
    private readonly storage: Storage,
    private readonly maxAttempts = 5,
  ) {}

  /** The person's preferences, read once per turn. */
  async get(turn: TurnContext): Promise<Readonly<Preferences>> {
    return (await this.entry(turn)).preferences;
  }

  /** Changes the preferences for the rest of this turn and queues the change to be saved. */
  async change(turn: TurnContext, change: Change): Promise<void> {
    const entry = await this.entry(turn);
    change(entry.preferences);
    entry.changes.push(change);
  }

  /** Puts a group first among the recent ones. */
  rememberGroup(turn: TurnContext, groupId: string): Promise<void> {
    return this.change(turn, (preferences) => {
      preferences.recentGroupIds = [
        groupId,
        ...preferences.recentGroupIds.filter((id) => id !== groupId),
      ].slice(0, RECENT_GROUPS_KEPT);
    });
  }

  /**
   * Marks the welcome as shown and says whether this turn is the one that showed it. Written at
   * once, with the eTag read: when two turns arrive together (Teams sends installationUpdate and
   * conversationUpdate at the same moment) exactly one of them wins and shows the welcome.
   */
  async claimWelcome(turn: TurnContext): Promise<boolean> {
    const key = this.keyOf(turn);
    if (this.welcomedKeys.has(key)) return false;
    const entry = await this.entry(turn);
    for (let attempt = 1; ; attempt++) {
      if (entry.preferences.welcomed) {
        this.rememberWelcomed(key);
        return false;
      }
      const next: Preferences = { ...structuredClone(entry.preferences), welcomed: true };
      const item = { ...next, eTag: entry.eTag };
      try {
        await this.storage.write({ [key]: item });
      } catch (error) {
        if (!isETagConflict(error) || attempt >= this.maxAttempts) throw error;
        const fresh = await this.read(key);
        entry.preferences = applied(fresh, entry.changes);
        entry.eTag = fresh.eTag;
        continue;
      }
      // Everything this turn changed so far went out with that write.
      entry.preferences = next;
      entry.eTag = item.eTag;
      entry.changes = [];
      this.rememberWelcomed(key);
      return true;
    }
  }

  private rememberWelcomed(key: string): void {
    if (this.welcomedKeys.size >= WELCOMED_REMEMBERED) this.welcomedKeys.clear();
    this.welcomedKeys.add(key);
  }

  /** Saves this turn's changes; returns how many writes it took (1 unless another turn interfered). */
  async commit(turn: TurnContext): Promise<number> {
    const entry = turn.turnState.get(TURN_KEY) as TurnEntry | undefined;
    if (!entry || entry.changes.length === 0) return 0;
    const key = this.keyOf(turn);
    let base = entry;
    for (let attempt = 1; ; attempt++) {
      const next = attempt === 1 ? base.preferences : applied(base, entry.changes);
      const item = { ...next, eTag: base.eTag };
      try {
        await this.storage.write({ [key]: item });
        entry.changes = [];
        entry.eTag = item.eTag;
        entry.preferences = next;
        return attempt;
      } catch (error) {
        if (!isETagConflict(error) || attempt >= this.maxAttempts) throw error;
        base = await this.read(key);
      }
    }
  }

  private async entry(turn: TurnContext): Promise<TurnEntry> {
    let entry = turn.turnState.get(TURN_KEY) as TurnEntry | undefined;
    if (!entry) {
      entry = await this.read(this.keyOf(turn));
      turn.turnState.set(TURN_KEY, entry);
    }
    return entry;
  }

  private async read(key: string): Promise<TurnEntry> {
    const stored = (await this.storage.read([key]))[key] as
      | (Partial<Preferences> & { eTag?: string })
      | undefined;
    const { eTag, ...preferences } = stored ?? {};
    return {
      preferences: { ...preferences, recentGroupIds: preferences.recentGroupIds ?? [] },
      eTag: eTag ?? NEW_ITEM_ETAG,
      changes: [],
    };
  }

  private keyOf(turn: TurnContext): string {
    const { channelId, from } = turn.activity;
    return `${channelId}/users/${from?.id ?? 'unknown'}/convene-preferences`;
  }
}

function applied(base: TurnEntry, changes: Change[]): Preferences {
  const next = structuredClone(base.preferences);
  for (const change of changes) change(next);
  return next;
}
