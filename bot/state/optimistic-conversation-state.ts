import {
  BotState,
  type CachedBotState,
  calculateChangeHash,
  type Storage,
  type TurnContext,
} from 'botbuilder';
import { NEW_ITEM_ETAG } from './etag-conflict';

const CACHE = Symbol('convene.conversationState');

/**
 * Conversation state (the sign-in dialog's stack) that keeps the eTag it read. botbuilder's own
 * BotState writes with eTag "*" (last writer wins); this one writes with the eTag it loaded, so a
 * turn that saves over another turn's newer state fails instead of silently erasing it.
 */
export class OptimisticConversationState extends BotState {
  constructor(storage: Storage, namespace = 'dialogs') {
    super(storage, async (turn) => {
      const { channelId, conversation } = turn.activity;
      if (!channelId || !conversation?.id) throw new Error('The activity names no channel or conversation.');
      return `${channelId}/conversations/${conversation.id}/${namespace}`;
    });
  }

  override async load(turn: TurnContext, force = false): Promise<Record<string, unknown>> {
    const cached = turn.turnState.get(CACHE) as CachedBotState | undefined;
    if (cached && !force) return cached.state;
    const key = await this.storageKey(turn);
    const state = (await this.storage.read([key]))[key] ?? { eTag: NEW_ITEM_ETAG };
    turn.turnState.set(CACHE, { state, hash: calculateChangeHash(state) });
    return state;
  }

  override async saveChanges(turn: TurnContext, force = false): Promise<void> {
    const cached = turn.turnState.get(CACHE) as CachedBotState | undefined;
    if (!cached || (!force && cached.hash === calculateChangeHash(cached.state))) return;
    const key = await this.storageKey(turn);
    await this.storage.write({ [key]: cached.state });
    cached.hash = calculateChangeHash(cached.state);
  }

  override async clear(turn: TurnContext): Promise<void> {
    const cached = turn.turnState.get(CACHE) as CachedBotState | undefined;
    turn.turnState.set(CACHE, { state: { eTag: cached?.state.eTag ?? NEW_ITEM_ETAG }, hash: '' });
  }

  override async delete(turn: TurnContext): Promise<void> {
    turn.turnState.delete(CACHE);
    await this.storage.delete([await this.storageKey(turn)]);
  }

  override get(turn: TurnContext): Record<string, unknown> | undefined {
    return (turn.turnState.get(CACHE) as CachedBotState | undefined)?.state;
  }
}
