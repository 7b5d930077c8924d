import {
  Badge,
  Button,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { api } from '../api/client';
import type { LogEntry, ProblemTotal } from '../api/types';
import { codedWords } from '../i18n/coded-words';
import { useT } from '../i18n/use-t';
import { Pager } from './pager';
import { useStackedTableStyles } from './phone-layout';
import { ErrorState } from './states';

const PAGE_SIZE = 50;

const useStyles = makeStyles({
  totals: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    margin: `${tokens.spacingVerticalS} 0`,
  },
});

const severityColor = { error: 'danger', warning: 'warning', info: 'informative' } as const;

/**
 * Every problem in a file before anything is applied: totals per code, then a paged table of
 * line, column and message. `path` pages the entries (`?offset=&limit=`).
 */
export function ProblemsPanel({
  path,
  totals,
  entriesKey,
  title,
}: {
  path: string;
  totals: ProblemTotal[];
  entriesKey: 'problems' | 'entries';
  title: string;
}) {
  const styles = useStyles();
  const st = useStackedTableStyles();
  const t = useT();
  const intl = useIntl();
  const [offset, setOffset] = useState(0);
  const [code, setCode] = useState<string>();
  const [page, setPage] = useState<{ total: number; rows: LogEntry[] }>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    let live = true;
    const query = new URLSearchParams({ offset: String(offset), limit: String(PAGE_SIZE) });
    if (code) query.set('code', code);
    api.get<{ total: number } & Record<string, LogEntry[]>>(`${path}?${query}`).then(
      (answer) => live && setPage({ total: answer.total, rows: answer[entriesKey] ?? [] }),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [path, offset, code, entriesKey]);

  const total = page?.total ?? 0;
  return (
    <section aria-label={title}>
      <div className={styles.totals}>
        {totals.map((each) => (
          <Button
            key={`${each.code}-${each.severity}`}
            size="small"
            appearance={code === each.code ? 'primary' : 'outline'}
            aria-pressed={code === each.code}
            onClick={() => {
              setOffset(0);
              setCode(code === each.code ? undefined : each.code);
            }}
          >
            <Badge
              color={severityColor[each.severity as keyof typeof severityColor] ?? 'informative'}
              size="small"
            />
            &nbsp;{t('tab-common.countOf', { label: each.code, count: each.count })}
          </Button>
        ))}
      </div>
      {error !== undefined && <ErrorState error={error} />}
      {page && page.rows.length > 0 && (
        <Table aria-label={t('tab-uploads.problems.table', { title })} size="small" className={st.table}>
          <TableHeader className={st.header}>
            <TableRow>
              <TableHeaderCell style={{ width: 70 }}>{t('tab-uploads.line')}</TableHeaderCell>
              <TableHeaderCell style={{ width: 140 }}>{t('tab-uploads.column')}</TableHeaderCell>
              <TableHeaderCell style={{ width: 90 }}>{t('tab-uploads.severity')}</TableHeaderCell>
              <TableHeaderCell style={{ width: 230 }}>{t('tab-uploads.code')}</TableHeaderCell>
              <TableHeaderCell>{t('tab-uploads.message')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody className={st.body}>
            {page.rows.map((p) => (
              <TableRow className={st.row} key={`${p.phase}-${p.seq}-${p.code}-${p.line}-${p.column}`}>
                <TableCell className={st.cell} data-label={t('tab-uploads.line')}>
                  {p.line === null || p.line === undefined ? '—' : intl.formatNumber(p.line)}
                </TableCell>
                <TableCell className={st.cell} data-label={t('tab-uploads.column')}>
                  {p.column ?? '—'}
                </TableCell>
                <TableCell className={st.cell} data-label={t('tab-uploads.severity')}>
                  <Badge appearance="tint" color={severityColor[p.severity] ?? 'informative'}>
                    {severityColor[p.severity] ? t(`tab-uploads.severity.${p.severity}`) : p.severity}
                  </Badge>
                </TableCell>
                <TableCell className={st.cell} data-label={t('tab-uploads.code')}>
                  <code>{p.code}</code>
                </TableCell>
                <TableCell className={st.cell} data-label={t('tab-uploads.message')}>
                  <bdi>{codedWords(p, intl, { line: p.line, column: p.column })}</bdi>
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
