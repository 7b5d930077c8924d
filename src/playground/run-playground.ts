import { startApp } from '../app';
import { loadConfig } from '../config';
import { createLogger } from '../infra/logging/logger';
import { startPlayground } from './start-playground';

/**
 * `npm run playground`: Convene in local mode plus the Microsoft 365 Agents Playground, a Teams-like
 * chat in the browser, so anyone can try the bot without a tenant. Ctrl+C stops both. A composition
 * root of its own beside `src/main.ts`: it wires the whole app, so it lives above `bot/`, not in it.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (config.mode !== 'local')
    throw new Error('The Playground talks to Convene without bot authentication: local mode only.');
  const logger = createLogger(config.logLevel);
  const app = await startApp(config, logger);
  const playground = await startPlayground(`${app.url}/api/messages`, config.playground.port);
  process.stdout.write(
    `\nConvene is at ${app.url}\nOpen ${playground.url} to chat with the Convene bot.\n\n`,
  );
  const stop = async () => {
    await playground.stop();
    await app.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  playground.process.once('exit', () => void app.stop().then(() => process.exit(1)));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
