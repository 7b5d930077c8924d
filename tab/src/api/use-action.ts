import { useCallback, useState } from 'react';

/**
 * A change the user asked for (a button): runs it, then `onDone`; keeps the error to show beside the
 * control instead of losing it.
 */
export function useAction(onDone: () => void): {
  error: unknown;
  run: (work: () => Promise<unknown>) => Promise<void>;
} {
  const [error, setError] = useState<unknown>();
  const run = useCallback(
    async (work: () => Promise<unknown>) => {
      setError(undefined);
      try {
        await work();
        onDone();
      } catch (e) {
        setError(e);
      }
    },
    [onDone],
  );
  return { error, run };
}
