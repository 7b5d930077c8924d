import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import type { Server } from 'restify';
import type { ApiDeps } from '../api-deps';

/** The Bot Framework endpoint: the adapter authenticates the request and runs the bot's turn. */
export function registerBotRoutes(
  server: Server,
  deps: Pick<ApiDeps, 'logger'>,
  adapter: CloudAdapter,
  bot: ActivityHandler,
): void {
  server.post('/api/messages', async (req, res) => {
    try {
      await adapter.process(req, res, (turn) => bot.run(turn));
    } catch (error) {
      deps.logger.error({ err: error }, 'bot turn failed');
      if (!res.headersSent) res.send(500);
    }
  });
}
