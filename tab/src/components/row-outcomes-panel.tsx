import {
  Badge,
  Button,
  Input,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, SearchRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { api, download } from '../api/client';
import type { Job, OutcomePage, RowOutcomeKind } from '../api/types';
import { useStackedTableStyles } from './phone-layout';
import { ErrorState } from './states';

const PAGE_SIZE = 50;

const useStyles = makeStyles({
  section: { marginBottom: tokens.spacingVerticalXL },
  filters: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    margin: `${tokens.spacingVerticalS} 0`,
  },
  search: { minWidth: '0', flexGrow: 1, maxWidth: '360px' },
  outcomes: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    border: 'none',
    padding: 0,
    margin: `${tokens.spacingVerticalS} 0`,
  },
  // Named for screen readers; the buttons say the rest on screen.
  legend: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
  pager: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
    marginTop: tokens.spacingVerticalS,
  },
});

const outcomeColor: Partial<Record<RowOutcomeKind, 'success' | 'danger' | 'brand' | 'informative'>> = {
  added: 'success',
  'group-created': 'brand',
  'role-changed': 'brand',
  removed: 'brand',
  'parent-set': 'success',
  failed: 'danger',
};

/**
 * What applying a file did to each person and group: filter buttons per outcome with counts, a search
 * over group, name and phone (typed as the admin likes), pages of 50, and the same view as CSV.
 */
export function RowOutcomesPanel({ job }: { job: Job }) {
  const styles = useStyles();
  const t = useStackedTableStyles();
  const [outcome, setOutcome] = useState<RowOutcomeKind>();
  const [typed, setTyped] = useState('');
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<OutcomePage>();
  const [error, setError] = useState<unknown>();
  const parents = job.kind === 'parent-group-mapping';

  // The search waits for a pause in typing rather than asking on every key.
  useEffect(() => {
    const timer = setTimeout(() => {
      setOffset(0);
      setSearch(typed.trim());
    }, 300);
    return () => clearTimeout(timer);
  }, [typed]);

  const filter = new URLSearchParams();
  if (outcome) filter.set('outcome', outcome);
  if (search) filter.set('search', search);
  const filterText = filter.toString();
  // Polled with the job: a running job's log grows as its rows are applied.
  const progress = `${job.status}:${job.rowsDone}`;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `progress` is how the job's polling asks for a fresh page
  useEffect(() => {
    let live = true;
    const query = new URLSearchParams(filterText);
    query.set('offset', String(offset));
    query.set('limit', String(PAGE_SIZE));
    api.get<OutcomePage>(`/api/v1/jobs/${job.id}/outcomes?${query}`).then(
      (answer) => {
        if (!live) return;
        setPage(answer);
        setError(undefined);
      },
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [job.id, filterText, offset, progress]);

  const total = page?.total ?? 0;
  const base = job.fileName.replace(/\.csv$/i, '');
  return (
    <section aria-label="What happened to each row" className={styles.section}>
      <div className={styles.filters}>
        <Input
          className={styles.search}
          contentBefore={<SearchRegular />}
          placeholder={parents ? 'Group' : 'Group, name or phone'}
          aria-label="Search the log"
          maxLength={100}
          value={typed}
          onChange={(_e, d) => setTyped(d.value)}
        />
        <Button
          icon={<ArrowDownloadRegular />}
          onClick={() =>
            download(
              `/api/v1/jobs/${job.id}/outcomes.csv${filterText ? `?${filterText}` : ''}`,
              `${base}-log.csv`,
            )
          }
        >
          Download
        </Button>
      </div>
      <fieldset className={styles.outcomes}>
        <legend className={styles.legend}>Filter by outcome</legend>
        <Button
          size="small"
          appearance={outcome === undefined ? 'primary' : 'outline'}
          aria-pressed={outcome === undefined}
          onClick={() => {
            setOffset(0);
            setOutcome(undefined);
          }}
        >
          All: {page?.totals.reduce((sum, each) => sum + each.count, 0) ?? 0}
        </Button>
        {page?.totals.map((each) => (
          <Button
            key={each.outcome}
            size="small"
            appearance={outcome === each.outcome ? 'primary' : 'outline'}
            aria-pressed={outcome === each.outcome}
            onClick={() => {
              setOffset(0);
              setOutcome(outcome === each.outcome ? undefined : each.outcome);
            }}
          >
            {each.words}: {each.count}
          </Button>
        ))}
      </fieldset>
      {error !== undefined && <ErrorState error={error} />}
      {page && page.entries.length === 0 && (
        <Text block>
          {search || outcome ? 'Nothing in the log matches.' : 'Nothing has been applied yet.'}
        </Text>
      )}
      {page && page.entries.length > 0 && (
        <Table aria-label="Row outcomes" size="small" className={t.table}>
          <TableHeader className={t.header}>
            <TableRow>
              <TableHeaderCell style={{ width: 60 }}>Line</TableHeaderCell>
              <TableHeaderCell style={{ width: 170 }}>Outcome</TableHeaderCell>
              <TableHeaderCell>{parents ? 'Child group' : 'Group'}</TableHeaderCell>
              {parents ? (
                <TableHeaderCell>Parent group</TableHeaderCell>
              ) : (
                <>
                  <TableHeaderCell>Person</TableHeaderCell>
                  <TableHeaderCell style={{ width: 80 }}>Role</TableHeaderCell>
                </>
              )}
              <TableHeaderCell>Reason</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody className={t.body}>
            {page.entries.map((e) => (
              <TableRow className={t.row} key={`${e.seq}-${e.part}`}>
                <TableCell className={t.cell} data-label="Line">
                  {e.line ?? '—'}
                </TableCell>
                <TableCell className={t.cell} data-label="Outcome">
                  <Badge appearance="tint" color={outcomeColor[e.outcome] ?? 'informative'}>
                    {e.words}
                  </Badge>
                </TableCell>
                <TableCell className={t.cell} data-label={parents ? 'Child group' : 'Group'}>
                  {e.group}
                </TableCell>
                {parents ? (
                  <TableCell className={t.cell} data-label="Parent group">
                    {e.parent}
                  </TableCell>
                ) : (
                  <>
                    <TableCell className={t.cell} data-label="Person">
                      {[e.name, e.phone].filter(Boolean).join(' · ')}
                    </TableCell>
                    <TableCell className={t.cell} data-label="Role">
                      {e.outcome === 'group-created' ? '' : e.role}
                    </TableCell>
                  </>
                )}
                <TableCell className={t.cell} data-label="Reason">
                  {e.message ?? ''}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {page && total > PAGE_SIZE && (
        <div className={styles.pager}>
          <Button disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
            Previous
          </Button>
          <Text>
            {offset + 1}–{Math.min(total, offset + PAGE_SIZE)} of {total}
          </Text>
          <Button disabled={offset + PAGE_SIZE >= total} onClick={() => setOffset(offset + PAGE_SIZE)}>
            Next
          </Button>
        </div>
      )}
    </section>
  );
}
