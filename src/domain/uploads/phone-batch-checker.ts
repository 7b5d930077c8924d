import { PhoneInvalid, type PhoneProblem } from '../people/phone.errors';
import { type Region, toE164 } from '../people/phone-number';

/**
 * What checking one number found: the number in E.164 (always starting with "+") when it is valid,
 * otherwise why it was refused. Plain strings, so a batch of them crosses a thread boundary cheaply.
 */
export type PhoneVerdict = string;

/**
 * Checks phone numbers a batch at a time. Validation hands it the numbers of about a thousand rows and
 * carries on reading the file while they are checked, so an implementation may check them elsewhere
 * (another thread) as long as the verdicts are exactly those of `toE164`.
 */
export interface PhoneBatchChecker {
  /** One verdict per number, in order; `regions[i]` is the region `inputs[i]` is read in. */
  check(inputs: string[], regions: Region[]): Promise<PhoneVerdict[]>;
}

/** Checks a batch here and now: the work every implementation does, wherever it runs. */
export function checkPhones(inputs: string[], regions: Region[]): PhoneVerdict[] {
  const verdicts: PhoneVerdict[] = new Array(inputs.length);
  for (let i = 0; i < inputs.length; i++) {
    try {
      verdicts[i] = toE164(inputs[i]!, regions[i]!);
    } catch (error) {
      if (!(error instanceof PhoneInvalid)) throw error;
      verdicts[i] = error.problem;
    }
  }
  return verdicts;
}

/** The refusal `toE164` would have thrown for this verdict, or undefined when the number is valid. */
export function phoneRefusal(input: string, region: Region, verdict: PhoneVerdict): PhoneInvalid | undefined {
  return verdict.startsWith('+') ? undefined : new PhoneInvalid(input, region, verdict as PhoneProblem);
}

/** Checks on the calling thread (tests, small files, and wherever a worker thread is not wanted). */
export const inProcessPhoneChecker: PhoneBatchChecker = {
  check: async (inputs, regions) => checkPhones(inputs, regions),
};
