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
import { useIntl } from 'react-intl';
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
  const intl = useIntl();
  const say = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
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
        .map((r) => ({ ...r, name: intl.formatDisplayName(r.code, { type: 'region' }) ?? r.code }))
        .sort((a, b) => a.name.localeCompare(b.name, intl.locale)),
    [regions.data, intl],
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
        <Title2 as="h1">{say('tab-people.noAccount.title')}</Title2>
        <Text block>{say('tab-people.noAccount.intro')}</Text>
      </div>
      <search className={styles.filters} aria-label={say('tab-people.noAccount.find')}>
        <Field label={say('tab-people.filter.search')}>
          <SearchBox
            className={styles.search}
            placeholder={say('tab-people.filter.searchPlaceholder')}
            value={typed}
            maxLength={320}
            onChange={(_e, d) => setTyped(d.value)}
          />
        </Field>
        <Field label={say('tab-people.filter.group')} className={fitted.field}>
          <Select
            className={fitted.select}
            select={{ className: fitted.select }}
            value={filter.group}
            onChange={(_e, d) => setFilter((f) => ({ ...f, group: d.value }))}
          >
            <option value="">{say('tab-people.filter.allGroups')}</option>
            {(groups.data?.groups ?? []).map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={say('tab-people.filter.region')} className={fitted.field}>
          <Select
            className={fitted.select}
            select={{ className: fitted.select }}
            value={filter.region}
            onChange={(_e, d) => setFilter((f) => ({ ...f, region: d.value }))}
          >
            <option value="">{say('tab-people.filter.allRegions')}</option>
            {regionOptions.map((r) => (
              <option key={r.code} value={r.code}>
                {say('tab-people.filter.regionOption', { region: r.name, callingCode: r.callingCode })}
              </option>
            ))}
          </Select>
        </Field>
      </search>
      <div className={styles.toolbar} role="toolbar" aria-label={say('tab-people.noAccount.actions')}>
        <Button
          appearance="primary"
          disabled={selected.size === 0 || lookupRunning}
          onClick={() => startLookup({ personIds: [...selected] })}
        >
          {say('tab-people.noAccount.lookUpSelected', { count: selected.size })}
        </Button>
        <Button disabled={total === 0 || lookupRunning} onClick={() => startLookup({ all: true, filter })}>
          {say(filtered ? 'tab-people.noAccount.lookUpAllMatching' : 'tab-people.noAccount.lookUpAll', {
            count: total,
          })}
        </Button>
        <Button
          disabled={total === 0}
          onClick={() =>
            run(() => download(`${PATH}/export.csv?${queryOf(filter)}`, 'people-without-account.csv'))
          }
        >
          {say('tab-people.exportCsv')}
        </Button>
        <CreateAccountsDialog personIds={selected.size > 0 ? [...selected] : 'all'} onFinished={reload} />
        {selected.size > 0 && (
          <PrintSlipsButton personIds={[...selected]} label={say('tab-people.noAccount.printSelected')} />
        )}
      </div>
      {error !== undefined && <ErrorState error={error} title={say('tab-people.thatFailed')} />}
      {lookup && <LookupProgress lookup={lookup} />}
      {list.error !== undefined && <ErrorState error={list.error} onRetry={reload} />}
      {list.loading && !page && <Spinner label={say('tab-people.noAccount.loading')} />}
      {page && page.total === 0 && !filtered && (
        <EmptyState title={say('tab-people.noAccount.everyone.title')}>
          {say('tab-people.noAccount.everyone.text')}
        </EmptyState>
      )}
      {page && page.total === 0 && filtered && (
        <EmptyState title={say('tab-people.users.noMatch.title')}>
          {say('tab-people.noAccount.noMatch.text')}
        </EmptyState>
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
          <nav className={styles.pager} aria-label={say('tab-people.pager.label')}>
            <Button disabled={cursors.length === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
              {say('tab-people.pager.previous')}
            </Button>
            <Text>
              {say('tab-people.pager.range', {
                from: cursors.length * PAGE_SIZE + 1,
                to: cursors.length * PAGE_SIZE + page.people.length,
                total,
              })}
            </Text>
            <Button
              disabled={!page.nextCursor}
              onClick={() => page.nextCursor && setCursors((c) => [...c, page.nextCursor!])}
            >
              {say('tab-people.pager.next')}
            </Button>
          </nav>
        </>
      )}
    </div>
  );
}
