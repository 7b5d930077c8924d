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
import { useIntl } from 'react-intl';
import { api, download } from '../api/client';
import type { Job, OutcomePage, RowOutcomeKind } from '../api/types';
import { codedWords } from '../i18n/coded-words';
import { useT } from '../i18n/use-t';
import { LeftToRight } from './left-to-right';
import { Pager } from './pager';
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
  const st = useStackedTableStyles();
  const t = useT();
  const intl = useIntl();
  // The outcome's words from the catalogue (the API's `words` are English, for its CSV).
  const outcomeWords = (kind: RowOutcomeKind) => t(`tab-uploads.outcome.${kind}`);
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
  const groupWord = parents ? t('tab-uploads.outcomes.childGroup') : t('tab-uploads.outcomes.group');
  const base = job.fileName.replace(/\.csv$/i, '');
  return (
    <section aria-label={t('tab-uploads.log.eachRow')} className={styles.section}>
      <div className={styles.filters}>
        <Input
          className={styles.search}
          contentBefore={<SearchRegular />}
          placeholder={
            parents ? t('tab-uploads.outcomes.group') : t('tab-uploads.outcomes.searchPlaceholder')
          }
          aria-label={t('tab-uploads.outcomes.search')}
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
          {t('tab-uploads.outcomes.download')}
        </Button>
      </div>
      <fieldset className={styles.outcomes}>
        <legend className={styles.legend}>{t('tab-uploads.outcomes.filter')}</legend>
        <Button
          size="small"
          appearance={outcome === undefined ? 'primary' : 'outline'}
          aria-pressed={outcome === undefined}
          onClick={() => {
            setOffset(0);
            setOutcome(undefined);
          }}
        >
          {t('tab-common.countOf', {
            label: t('tab-uploads.outcomes.all'),
            count: page?.totals.reduce((sum, each) => sum + each.count, 0) ?? 0,
          })}
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
            {t('tab-common.countOf', { label: outcomeWords(each.outcome), count: each.count })}
          </Button>
        ))}
      </fieldset>
      {error !== undefined && <ErrorState error={error} />}
      {page && page.entries.length === 0 && (
        <Text block>
          {search || outcome ? t('tab-uploads.outcomes.noMatch') : t('tab-uploads.outcomes.nothingYet')}
        </Text>
      )}
      {page && page.entries.length > 0 && (
        <Table aria-label={t('tab-uploads.outcomes.table')} size="small" className={st.table}>
          <TableHeader className={st.header}>
            <TableRow>
              <TableHeaderCell style={{ width: 60 }}>{t('tab-uploads.line')}</TableHeaderCell>
              <TableHeaderCell style={{ width: 170 }}>{t('tab-uploads.outcomes.outcome')}</TableHeaderCell>
              <TableHeaderCell>{groupWord}</TableHeaderCell>
              {parents ? (
                <TableHeaderCell>{t('tab-uploads.outcomes.parentGroup')}</TableHeaderCell>
              ) : (
                <>
                  <TableHeaderCell>{t('tab-uploads.outcomes.person')}</TableHeaderCell>
                  <TableHeaderCell style={{ width: 80 }}>{t('tab-uploads.outcomes.role')}</TableHeaderCell>
                </>
              )}
              <TableHeaderCell>{t('tab-uploads.outcomes.reason')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody className={st.body}>
            {page.entries.map((e) => (
              <TableRow className={st.row} key={`${e.seq}-${e.part}`}>
                <TableCell className={st.cell} data-label={t('tab-uploads.line')}>
                  {e.line ?? '—'}
                </TableCell>
                <TableCell className={st.cell} data-label={t('tab-uploads.outcomes.outcome')}>
                  <Badge appearance="tint" color={outcomeColor[e.outcome] ?? 'informative'}>
                    {outcomeWords(e.outcome)}
                  </Badge>
                </TableCell>
                <TableCell className={st.cell} data-label={groupWord}>
                  {e.group}
                </TableCell>
                {parents ? (
                  <TableCell className={st.cell} data-label={t('tab-uploads.outcomes.parentGroup')}>
                    {e.parent}
                  </TableCell>
                ) : (
                  <>
                    <TableCell className={st.cell} data-label={t('tab-uploads.outcomes.person')}>
                      {e.name}
                      {e.name && e.phone ? ' · ' : ''}
                      {e.phone && <LeftToRight>{e.phone}</LeftToRight>}
                    </TableCell>
                    <TableCell className={st.cell} data-label={t('tab-uploads.outcomes.role')}>
                      {e.outcome === 'group-created' || !e.role
                        ? ''
                        : t(`tab-uploads.outcomes.role.${e.role}`)}
                    </TableCell>
                  </>
                )}
                <TableCell className={st.cell} data-label={t('tab-uploads.outcomes.reason')}>
                  {/* The job log keeps a failure's code and English words, not its details: the row's own
                      group, phone and line fill the catalogue's words where that is all they need. */}
                  <bdi>{codedWords(e, intl, { group: e.group, phone: e.phone, line: e.line })}</bdi>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {page && <Pager offset={offset} total={total} pageSize={PAGE_SIZE} onOffset={setOffset} />}
    </section>
  );
}
