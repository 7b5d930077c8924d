import { useEffect } from 'react';

/**
 * Calls `reload` every `everyMs` while `active` holds (a job running, cards queued, teams being
 * created), so a page follows work it started without the person pressing Refresh.
 */
export function useReloadWhile(active: boolean, reload: () => void, everyMs: number): void {
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(reload, everyMs);
    return () => clearInterval(timer);
  }, [active, reload, everyMs]);
}
