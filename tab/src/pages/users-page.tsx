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
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { ApiError, download } from '../api/client';
import type { ManagedGroups, UsersPage as UsersPageData } from '../api/types';
import { useAction } from '../api/use-action';
import { useApi } from '../api/use-api';
import { phoneWidth, useFittedSelectStyles } from '../components/phone-layout';
import { EmptyState, ErrorState } from '../components/states';
import { UsersTable } from '../components/users-table';

const PATH = '/api/v1/portal/users';
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

interface UsersFilter {
  search: string;
  group: string;
  account: string;
}

const queryOf = (filter: UsersFilter, extra: Record<string, string> = {}) =>
  new URLSearchParams({ ...filter, ...extra }).toString();

/**
 * Users (org admins: everyone in the organisation's groups; champs: the people of their groups): find
 * a person by name, phone number in any format, e-mail or employee ID, searched on the server a page
 * at a time; open their page; export the list as CSV.
 */
export default function UsersPage() {
  const styles = useStyles();
  const fitted = useFittedSelectStyles();
  const intl = useIntl();
  const say = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const [typed, setTyped] = useState('');
  const [filter, setFilter] = useState<UsersFilter>({ search: '', group: '', account: '' });
  // The cursors of the pages before this one (the first page has none).
  const [cursors, setCursors] = useState<string[]>([]);

  useEffect(() => {
    const timer = setTimeout(() => setFilter((f) => ({ ...f, search: typed.trim() })), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter starts from its first page
  useEffect(() => setCursors([]), [filter]);

  const after = cursors[cursors.length - 1];
  const list = useApi<UsersPageData>(
    `${PATH}?${queryOf(filter, { limit: String(PAGE_SIZE), ...(after ? { after } : {}) })}`,
  );
  const groups = useApi<ManagedGroups>('/api/v1/portal/groups');
  const { error, run } = useAction(() => undefined);

  const refused = list.error instanceof ApiError && list.error.code === 'NOT_ALLOWED';
  const filtered = filter.search !== '' || filter.group !== '' || filter.account !== '';
  const page = list.data;
  const total = page?.total ?? 0;
  return (
    <div className={styles.page}>
      <div>
        <Title2 as="h1">{say('tab-people.users.title')}</Title2>
        {!refused && (
          <Text block>
            {say(
              page?.scope === 'champ'
                ? 'tab-people.users.intro.champ'
                : 'tab-people.users.intro.organisation',
            )}
          </Text>
        )}
      </div>
      {refused ? (
        <EmptyState title={say('tab-people.users.refused.title')}>
          {say('tab-people.users.refused.text')}
        </EmptyState>
      ) : (
        <>
          <search className={styles.filters} aria-label={say('tab-people.users.find')}>
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
            <Field label={say('tab-people.filter.account')} className={fitted.field}>
              <Select
                className={fitted.select}
                select={{ className: fitted.select }}
                value={filter.account}
                onChange={(_e, d) => setFilter((f) => ({ ...f, account: d.value }))}
              >
                <option value="">{say('tab-people.filter.anyAccount')}</option>
                <option value="matched">{say('tab-people.account.matched')}</option>
                <option value="no-account">{say('tab-people.account.noAccount')}</option>
                <option value="external">{say('tab-people.account.external')}</option>
              </Select>
            </Field>
          </search>
          <div className={styles.toolbar} role="toolbar" aria-label={say('tab-people.users.actions')}>
            <Button
              disabled={total === 0}
              onClick={() => run(() => download(`${PATH}/export.csv?${queryOf(filter)}`, 'users.csv'))}
            >
              {say('tab-people.exportCsv')}
            </Button>
          </div>
          {error !== undefined && <ErrorState error={error} title={say('tab-people.users.exportFailed')} />}
          {list.error !== undefined && <ErrorState error={list.error} onRetry={list.reload} />}
          {list.loading && !page && <Spinner label={say('tab-people.users.loading')} />}
          {page && page.total === 0 && (
            <EmptyState
              title={say(filtered ? 'tab-people.users.noMatch.title' : 'tab-people.users.empty.title')}
            >
              {say(filtered ? 'tab-people.users.noMatch.text' : 'tab-people.users.empty.text')}
            </EmptyState>
          )}
          {page && page.users.length > 0 && (
            <>
              <UsersTable users={page.users} />
              <nav className={styles.pager} aria-label={say('tab-people.pager.label')}>
                <Button disabled={cursors.length === 0} onClick={() => setCursors((c) => c.slice(0, -1))}>
                  {say('tab-people.pager.previous')}
                </Button>
                <Text>
                  {say('tab-people.pager.range', {
                    from: cursors.length * PAGE_SIZE + 1,
                    to: cursors.length * PAGE_SIZE + page.users.length,
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
        </>
      )}
    </div>
  );
}
