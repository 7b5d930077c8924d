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
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { LogEntry, ProblemTotal } from '../api/types';
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
  pager: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
    marginTop: tokens.spacingVerticalS,
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
  const t = useStackedTableStyles();
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
        {totals.map((t) => (
          <Button
            key={`${t.code}-${t.severity}`}
            size="small"
            appearance={code === t.code ? 'primary' : 'outline'}
            aria-pressed={code === t.code}
            onClick={() => {
              setOffset(0);
              setCode(code === t.code ? undefined : t.code);
            }}
          >
            <Badge
              color={severityColor[t.severity as keyof typeof severityColor] ?? 'informative'}
              size="small"
            />
            &nbsp;{t.code}: {t.count}
          </Button>
        ))}
      </div>
      {error !== undefined && <ErrorState error={error} />}
      {page && page.rows.length > 0 && (
        <Table aria-label={`${title} table`} size="small" className={t.table}>
          <TableHeader className={t.header}>
            <TableRow>
              <TableHeaderCell style={{ width: 70 }}>Line</TableHeaderCell>
              <TableHeaderCell style={{ width: 140 }}>Column</TableHeaderCell>
              <TableHeaderCell style={{ width: 90 }}>Severity</TableHeaderCell>
              <TableHeaderCell style={{ width: 230 }}>Code</TableHeaderCell>
              <TableHeaderCell>Message</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody className={t.body}>
            {page.rows.map((p) => (
              <TableRow className={t.row} key={`${p.phase}-${p.seq}-${p.code}-${p.line}-${p.column}`}>
                <TableCell className={t.cell} data-label="Line">
                  {p.line ?? '—'}
                </TableCell>
                <TableCell className={t.cell} data-label="Column">
                  {p.column ?? '—'}
                </TableCell>
                <TableCell className={t.cell} data-label="Severity">
                  <Badge appearance="tint" color={severityColor[p.severity] ?? 'informative'}>
                    {p.severity}
                  </Badge>
                </TableCell>
                <TableCell className={t.cell} data-label="Code">
                  <code>{p.code}</code>
                </TableCell>
                <TableCell className={t.cell} data-label="Message">
                  {p.message}
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
