import type { TeamsAddressBook } from '../../domain/directory/teams-address-book.port';
import type { ChampChats, ChampKitContent, ChatRecipient } from '../../domain/rollout/rollout.ports';
import { type BotConnectorClient, type ConnectorActivity, ConnectorError } from './bot-connector-client';

/** Renders the champ's kit card; the bot owns the template (as it owns the invite card's). */
export type RenderChampKitActivity = (content: ChampKitContent) => ConnectorActivity;

/**
 * Sends the champs' kit into a champ's 1:1 chat with the bot, found the way invite delivery finds it
 * (the address book learnt from their activities), through the same Bot Connector client. One card to
 * one person, sent while the org admin waits, so it does not queue behind invites.
 */
export class ChampKitChats implements ChampChats {
  constructor(
    private readonly addressBook: TeamsAddressBook,
    private readonly connector: BotConnectorClient,
    private readonly render: RenderChampKitActivity,
  ) {}

  async sendKit(recipient: ChatRecipient, content: ChampKitContent): Promise<'sent' | 'no-chat'> {
    const address = await this.addressBook.find(recipient.tenantId, recipient.aadObjectId);
    if (!address) return 'no-chat';
    try {
      await this.connector.sendToConversation(
        address.serviceUrl,
        address.conversationId,
        this.render(content),
      );
      return 'sent';
    } catch (error) {
      // The chat is gone (the app removed, the bot blocked): forget it, as delivery does.
      if (error instanceof ConnectorError && (error.status === 403 || error.status === 404)) {
        await this.addressBook.forget(recipient.tenantId, recipient.aadObjectId);
        return 'no-chat';
      }
      throw error;
    }
  }
}
