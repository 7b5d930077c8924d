import type { ActivityHandler, CloudAdapter } from 'botbuilder';
import type { Request, Server } from 'restify';
import type { ApiDeps } from '../api-deps';
import { errorLocaleOf, HttpProblem, toHttpError } from '../http-errors';

/** A body the adapter can take: botbuilder answers anything else with a bare 500. */
function assertActivity(req: Request): void {
  const body: unknown = req.body;
  const type = typeof body === 'object' && body !== null ? (body as { type?: unknown }).type : undefined;
  if (typeof type !== 'string' || type === '') {
    throw new HttpProblem(
      400,
      'BOT_ACTIVITY_INVALID',
      'The body must be a Bot Framework activity: a JSON object with a "type" such as "message".',
    );
  }
}

/** The Bot Framework endpoint: the adapter authenticates the request and runs the bot's turn. */
export function registerBotRoutes(
  server: Server,
  deps: Pick<ApiDeps, 'logger'>,
  adapter: CloudAdapter,
  bot: ActivityHandler,
): void {
  server.post('/api/messages', async (req, res) => {
    try {
      assertActivity(req);
      await adapter.process(req, res, (turn) => bot.run(turn));
    } catch (error) {
      const { status, body, unexpected } = toHttpError(error, errorLocaleOf(req));
      if (unexpected) deps.logger.error({ err: error }, 'bot turn failed');
      if (!res.headersSent) res.send(status, body);
    }
  });
}
