/**
 * The thread behind WorkerPhoneChecker: checks each batch of phone numbers it is sent and answers
 * with the verdicts, tagged with the batch's id.
 */
import { parentPort } from 'node:worker_threads';
import type { Region } from '../../domain/people/phone-number';
import { checkPhones } from '../../domain/uploads/phone-batch-checker';

/** A batch as WorkerPhoneChecker posts it. */
export interface PhoneCheckRequest {
  id: number;
  inputs: string[];
  regions: Region[];
}

/** The answer: verdicts in order, or why the batch could not be checked at all. */
export type PhoneCheckReply = { id: number; verdicts: string[] } | { id: number; error: string };

parentPort?.on('message', ({ id, inputs, regions }: PhoneCheckRequest) => {
  let reply: PhoneCheckReply;
  try {
    reply = { id, verdicts: checkPhones(inputs, regions) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(reply);
});
