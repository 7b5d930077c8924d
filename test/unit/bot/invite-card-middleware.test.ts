import { TestAdapter, TurnContext } from 'botbuilder';
import { inviteCardMiddleware } from '../../../bot/invite-card/invite-card-middleware';
import type { TeamsAddressBook } from '../../../src/domain/directory/teams-address-book.port';
import { createLogger } from '../../../src/infra/logging/logger';
import { ManualClock } from '../../fakes/manual-clock';

describe('remembering where each person chats with the bot', () => {
  const writes: string[] = [];
  const addressBook = {
    remember: async (_tenant: string, aad: string, address: { conversationId: string }) => {
      writes.push(`${aad}@${address.conversationId}`);
    },
  } as unknown as TeamsAddressBook;
  const unused = () => Promise.reject(new Error('unused'));
  const ctx = { uow: { run: unused, read: unused }, clock: new ManualClock() };
  const middleware = inviteCardMiddleware(ctx, addressBook, createLogger('silent'), {
    mode: 'tenant',
    allowedTenants: ['tenant'],
  });
  const adapter = new TestAdapter();
  const turn = (type: string, conversationId: string, channelId = 'msteams', tenantId = 'tenant') =>
    middleware.onTurn(
      new TurnContext(adapter, {
        type,
        serviceUrl: 'https://smba.example/teams/',
        from: { id: '29:asha', name: 'Asha', aadObjectId: 'aad-asha' },
        recipient: { id: '28:convene', name: 'Convene' },
        conversation: {
          id: conversationId,
          tenantId,
          conversationType: 'personal',
          isGroup: false,
          name: '',
        },
        channelId,
      }),
      async () => undefined,
    );

  beforeEach(() => writes.splice(0));

  test('when the same person writes again from the same chat, then the address is stored once', async () => {
    await turn('message', 'a:chat-1');
    await turn('message', 'a:chat-1');
    await turn('invoke', 'a:chat-1');
    expect(writes).toEqual(['aad-asha@a:chat-1']);
  });

  test('when the chat changes or the bot is installed again, then the address is stored again', async () => {
    await turn('message', 'a:chat-2');
    await turn('message', 'a:chat-3');
    await turn('installationUpdate', 'a:chat-3');
    expect(writes).toEqual(['aad-asha@a:chat-2', 'aad-asha@a:chat-3', 'aad-asha@a:chat-3']);
  });

  test('when another channel or another tenant names a person (tenant mode), then no address is stored', async () => {
    await turn('message', 'a:chat-4', 'webchat');
    await turn('message', 'a:chat-5', 'directline');
    await turn('message', 'a:chat-6', 'msteams', 'another-tenant');
    expect(writes).toEqual([]);
  });
});
