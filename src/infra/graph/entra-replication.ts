import { setTimeout as sleep } from 'node:timers/promises';

/** How long to wait for a new Entra object to reach every replica, and how many times. */
export interface ReplicationPatience {
  replicationDelayMs?: number;
  replicationRetries?: number;
}

/** Entra's answers while a just-created object has not reached every replica yet. */
export function isReplicationDelay(status: number, message: string): boolean {
  return status === 404 || (status === 400 && /do(es)? not exist|Request_ResourceNotFound/i.test(message));
}

export function replicationRetries(patience: ReplicationPatience): number {
  return patience.replicationRetries ?? 6;
}

export function waitForReplication(patience: ReplicationPatience): Promise<void> {
  return sleep(patience.replicationDelayMs ?? 10_000);
}

/** Calls again while Entra answers as if a just-created object did not exist yet. */
export async function whileReplicating<T>(patience: ReplicationPatience, call: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const { statusCode, message } = error as { statusCode?: number; message?: string };
      if (!isReplicationDelay(statusCode ?? 0, message ?? '') || attempt >= replicationRetries(patience))
        throw error;
      await waitForReplication(patience);
    }
  }
}

/** Graph's own address, as `@odata.bind` references spell it whatever address requests go to. */
export const GRAPH_ROOT = 'https://graph.microsoft.com/v1.0';
