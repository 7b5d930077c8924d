import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from './client';
import type { MemberPage, MemberView } from './types';

export interface MemberPages {
  members: MemberView[];
  /** The group's member count (declined invitations left out), whatever has been loaded so far. */
  total: number | undefined;
  hasMore: boolean;
  loading: boolean;
  error: unknown;
  /** Loads the next page and adds it below the ones shown. */
  more: () => void;
  /** Starts again from the first page (after a change to the members). */
  reload: () => void;
}

/**
 * A group's members a page at a time, as the API serves them: the first page on opening, the next
 * ones when asked, so a group of 80,000 people costs the same to open as a group of 80.
 */
export function useMemberPages(groupId: string, pageSize = 100): MemberPages {
  const [pages, setPages] = useState<MemberPage[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();
  const [version, setVersion] = useState(0);
  // Which load an answer belongs to: a reload while a page is on its way drops the late page.
  const generation = useRef(0);

  const load = useCallback(
    (after: string | null) => {
      const mine = generation.current;
      setLoading(true);
      const cursor = after ? `&after=${encodeURIComponent(after)}` : '';
      api.get<MemberPage>(`/api/v1/groups/${groupId}/members?limit=${pageSize}${cursor}`).then(
        (page) => {
          if (mine !== generation.current) return;
          setPages((loaded) => (after ? [...loaded, page] : [page]));
          setError(undefined);
          setLoading(false);
        },
        (failure: unknown) => {
          if (mine !== generation.current) return;
          setError(failure);
          setLoading(false);
        },
      );
    },
    [groupId, pageSize],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is how reload asks for a fresh load
  useEffect(() => {
    generation.current++;
    load(null);
  }, [load, version]);

  const last = pages.at(-1);
  return {
    members: pages.flatMap((page) => page.members),
    total: last?.total,
    hasMore: Boolean(last?.next),
    loading,
    error,
    more: () => {
      if (last?.next && !loading) load(last.next);
    },
    reload: useCallback(() => setVersion((v) => v + 1), []),
  };
}
