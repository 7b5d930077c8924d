import { connect, type Socket } from 'node:net';
import { targetUnderAttack } from './support/target-process';

/**
 * Connections that never send a byte: one address opening more sockets than the server holds must not
 * shut everyone else out, and a socket that stays silent is closed once the time for a request's
 * headers is up. The attacker connects from 127.0.0.2, everyone else from 127.0.0.1 (both loopback).
 * Against a real process; after each, `/healthz` answers within 200 ms and the temp dir is empty.
 */
const target = targetUnderAttack();

/** Opens `count` silent sockets from `localAddress`, each recording when the server closed it. */
async function silentSockets(count: number, localAddress: string) {
  const { port } = new URL(target().url);
  const opened = Date.now();
  const closedAfterMs: number[] = [];
  const sockets: Socket[] = [];
  await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<void>((resolve) => {
          const socket = connect({ port: Number(port), host: '127.0.0.1', localAddress });
          socket.on('connect', () => resolve());
          socket.on('error', () => resolve());
          socket.on('close', () => closedAfterMs.push(Date.now() - opened));
          sockets.push(socket);
        }),
    ),
  );
  return {
    closedAfterMs,
    destroy: () => {
      for (const socket of sockets) socket.destroy();
    },
  };
}

describe('silent connections', () => {
  test('when one address holds 1,100 silent sockets, then /healthz from another address still answers', async () => {
    const attack = await silentSockets(1100, '127.0.0.2');
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await target().healthMs()).toBeLessThan(200);
    } finally {
      attack.destroy();
    }
  }, 20_000);

  test('when a socket sends nothing, then the server closes it within the 15 s given for headers', async () => {
    const attack = await silentSockets(5, '127.0.0.2');
    try {
      await new Promise((resolve) => setTimeout(resolve, 17_000));
      expect(attack.closedAfterMs).toHaveLength(5);
      expect(Math.max(...attack.closedAfterMs)).toBeLessThan(17_000);
    } finally {
      attack.destroy();
    }
  }, 25_000);
});
