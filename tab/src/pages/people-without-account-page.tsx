import {
  Button,
  Field,
  makeStyles,
  SearchBox,
  Select,
  Spinner,
  Text,
  Title2,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, download } from '../api/client';
import type { LookupView, ManagedGroups, UnmatchedPeoplePage, UnmatchedPersonView } from '../api/types';
import { useAction } from '../api/use-action';
import { useApi } from '../api/use-api';
import { CreateAccountsDialog } from '../components/create-accounts-dialog';
import { LookupProgress, lookupFinished, useLookupPolling } from '../components/lookup-progress';
import { phoneWidth, useFittedSelectStyles } from '../components/phone-layout';
import { PrintSlipsButton } from '../components/print-slips-button';
import { EmptyState, ErrorState } from '../components/states';
import { UnmatchedPeopleTable } from '../components/unmatched-people-table';

const PATH = '/api/v1/portal/people-without-account';
const PAGE_SIZE = 50;
const SEARCH_DELAY_MS = 300;

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  filters: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1fr) minmax(0, 1fr)',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
    [phoneWidth]: { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  search: { width: '100%', maxWidth: 'none' },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  pager: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

const regionNames =
  typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(undefined, { type: 'region' }) : undefined;

/** The list's filter as the API reads it (empty fields mean none). */
export interface PeopleFilter {
  search: string;
  group: string;
  region: string;
}

/**
 * What the toolbar's other buttons (Create accounts, Print slips) are given: the chosen people, the
 * filter for "everyone matching", how many that is, and a way to reload the list afterwards.
 */

const queryOf = (filter: PeopleFilter, extra: Record<string, string> = {}) =>
  new URLSearchParams({ ...filter, ...extra }).toString();

/**
 * People without an account (org admins): everyone the organisation's groups know only by phone,
 * searched and filtered on the server, a page at a time; Look up again for one person, the selection
 * or everyone matching; the list as CSV. Create accounts (for the selection, or everyone
 * without one) and Print slips for the selection.
 */
export default function PeopleWithoutAccountPage() {
  const styles = useStyles();
  const fitted = useFittedSelectStyles();
  const [typed, setTyped] = useState('');
  const [filter, setFilter] = useState<PeopleFilter>({ search: '', group: '', region: '' });
  // The cursors of the pages before this one (the first page has none).
  const [cursors, setCursors] = useState<string[]>([]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [started, setStarted] = useState<LookupView>();

  useEffect(() => {
    const timer = setTimeout(() => setFilter((f) => ({ ...f, search: typed.trim() })), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  // A new filter starts from its first page, with nothing chosen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the filter is what resets the page
  useEffect(() => {
    setCursors([]);
    setSelected(new Set());
  }, [filter]);

  const after = cursors[cursors.length - 1];
  const list = useApi<UnmatchedPeoplePage>(
    `${PATH}?${queryOf(filter, { limit: String(PAGE_SIZE), ...(after ? { after } : {}) })}`,
  );
  const groups = useApi<ManagedGroups>('/api/v1/portal/groups');
  const regions = useApi<{ regions: Array<{ code: string; callingCode: string }> }>('/api/v1/regions');
  const regionOptions = useMemo(
    () =>
      (regions.data?.regions ?? [])
        .map((r) => ({ ...r, name: regionNames?.of(r.code) ?? r.code }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [regions.data],
  );
  const reload = list.reload;
  const lookup = useLookupPolling(started, reload);
  const lookupRunning = lookup !== undefined && !lookupFinished(lookup);
  const { error, run } = useAction(reload);
  const startLookup = (body: unknown) =>
    run(async () => {
      const answer = await api.post<{ lookup: LookupView }>(`${PATH}/lookups`, body);
      setStarted(answer.lookup);
      // The chosen are on their way; whoever is found leaves the list when it reloads.
      setSelected(new Set());
    });
  const toggle = useCallback(
    (id: string) =>
      setSelected((s) => {
        const next = new Set(s);
        if (!next.delete(id)) next.add(id);
        return next;
      }),
    [],
  );
  const togglePage = (select: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      for (const p of list.data?.people ?? []) {
        if (select) next.add(p.personId);
        else next.delete(p.personId);
      }
      return next;
    });

  const filtered = filter.search !== '' || filter.group !== '' || filter.region !== '';
  const page = list.data;
  const total = page?.total ?? 0;
  return (
    <div className={styles.page}>
      <div>
        <Title2 as="h1">People without an account</Title2>
        <Text block>
          Everyone your groups know only by a phone number: the directory found no Microsoft 365 account for
          them yet, so their invite cards wait and they are not in their groups' teams. Look them up again
          after accounts are added, or export the list.
        </Text>
      </div>
      <search className={styles.filters} aria-label="Find people">
        <Field label="Search">
          <SearchBox
            className={styles.search}
            placeholder="Name, phone number in any format, e-mail or employee ID"
            value={typed}
            maxLength={320}
            onChange={(_e, d) => setTyped(d.value)}
          />
        </Field>
        <Field label="Group" className={fitted.field}>
          <Select
            className={fitted.select}
            select={{ className: fitted.select }}
            value={filter.group}
            onChange={(_e, d) => setFilter((f) => ({ ...f, group: d.value }))}
          >
            <option value="">All groups</option>
            {(groups.data?.groups ?? []).map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Region" className={fitted.field}>
          <Select
            className={fitted.select}
            select={{ className: fitted.select }}
            value={filter.region}
            onChange={(_e, d) => setFilter((f) => ({ ...f, region: d.value }))}
          >
            <option value="">All regions</option>
            {regionOptions.map((r) => (
              <option key={r.code} value={r.code}>
                {r.name} (+{r.callingCode})
              </option>
            ))}
          </Select>
        </Field>
      </search>
      <div className={styles.toolbar} role="toolbar" aria-label="Actions on people without an account">
        <Button
          appearance="primary"
          disabled={selected.size === 0 || lookupRunning}
          onClick={() => startLookup({ personIds: [...selected] })}
        >
          Look up selected again ({selected.size})
        </Button>
        <Button disabled={total === 0 || lookupRunning} onClick={() => startLookup({ all: true, filter })}>
          Look up all {filtered ? 'matching ' : ''}again ({total})
        </Button>
        <Button
          disabled={total === 0}
          onClick={() =>
            run(() => download(`${PATH}/export.csv?${queryOf(filter)}`, 'people-without-account.csv'))
          }
        >
          Export CSV
        </Button>
        <CreateAccountsDialog personIds={selected.size > 0 ? [...selected] : 'all'} onFinished={reload} />
        {selected.size > 0 && (
          <PrintSlipsButton personIds={[...selected]} label="Print slips for the selected" />
        )}
      </div>
      {error !== undefined && <ErrorState error={error} title="That did not work" />}
      {lookup && <LookupProgress lookup={lookup} />}
      {list.error !== undefined && <ErrorState error={list.error} onRetry={reload} />}
      {list.loading && !page && <Spinner label="Loading people…" />}
      {page && page.total === 0 && !filtered && (
        <EmptyState title="Everyone has an account">
          Every person in your organisation's groups has a Microsoft 365 account linked. People added by phone
          number will be listed here until the directory finds theirs.
        </EmptyState>
      )}
      {page && page.total === 0 && filtered && (
        <EmptyState title="Nobody matches">Try another search, group or region.</EmptyState>
      )}
      {page && page.people.length > 0 && (
        <>
          <UnmatchedPeopleTable
            people={page.people}
            selected={selected}
            onToggle={toggle}
            onTogglePage={togglePage}
            onLookUp={(p: UnmatchedPersonView) => startLookup({ personIds: [p.personId] })}
            busy={lookupRunning}
          />
          <nav className={styles.pager} aria-label="Pages">
            <Button disabled={cursors.length === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
              Previous
            </Button>
            <Text>
              {cursors.length * PAGE_SIZE + 1}–{cursors.length * PAGE_SIZE + page.people.length} of {total}
            </Text>
            <Button
              disabled={!page.nextCursor}
              onClick={() => page.nextCursor && setCursors((c) => [...c, page.nextCursor!])}
            >
              Next
            </Button>
          </nav>
        </>
      )}
    </div>
  );
}
