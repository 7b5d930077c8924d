import { Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { IntlShape } from 'react-intl';

/**
 * Codes whose stored reason carries what Teams, Graph or the network said (free text, English): shown
 * after the translated words as it is, in its own direction, for whoever has to look into it.
 */
const withServerText = new Set([
  'TEAMS_REJECTED',
  'RETRIES_EXHAUSTED',
  'DELIVERY_ERROR',
  'DIRECTORY_UNAVAILABLE',
]);

/** What the delivery worker stores about a card that failed (or waits to be retried). */
export interface DeliveryFailure {
  failureCode: string | null;
  failureReason: string | null;
  attempts: number;
}

/**
 * Why an invite card did not reach someone, in the reader's language (`errors.delivery.<CODE>`); a code
 * the catalogue lacks, or none, keeps the worker's English reason in its own direction.
 */
export function deliveryFailureWords(failure: DeliveryFailure, intl: IntlShape): ReactNode {
  const reason = failure.failureReason ?? '';
  const id = `errors.delivery.${failure.failureCode}`;
  if (!failure.failureCode || !Object.hasOwn(intl.messages, id)) return <bdi>{reason}</bdi>;
  const words = intl.formatMessage({ id }, { attempts: failure.attempts });
  if (!withServerText.has(failure.failureCode) || !reason) return words;
  return (
    <>
      {words}{' '}
      <Text size={200}>
        <bdi>{reason}</bdi>
      </Text>
    </>
  );
}
