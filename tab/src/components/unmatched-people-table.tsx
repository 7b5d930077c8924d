import {
  Badge,
  Button,
  Checkbox,
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
import type { UnmatchedPersonView } from '../api/types';
import { useStackedTableStyles } from './phone-layout';

const useStyles = makeStyles({
  select: { width: '44px' },
  secondary: { color: tokens.colorNeutralForeground3 },
  stack: { display: 'flex', flexDirection: 'column' },
});

const regionNames =
  typeof Intl.DisplayNames === 'function' ? new Intl.DisplayNames(undefined, { type: 'region' }) : undefined;

/** How someone was added, in the words of the page that did it. */
const through: Record<string, string> = {
  manual: 'portal or bot',
  bulk: 'bulk upload',
  request: 'join request',
  link: 'invite link',
  card: 'invite card',
  creator: 'created the group',
};

const outcomeWords = {
  matched: { text: 'Account found', color: 'success' },
  'not-found': { text: 'No account', color: 'warning' },
  failed: { text: 'Lookup failed', color: 'danger' },
} as const;

const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

export const personName = (p: UnmatchedPersonView) => p.displayName ?? p.phone;

/**
 * The people of one page, each with a checkbox (the header's selects the page) and a Look up button.
 * On a phone the rows stack, each cell named by its column.
 */
export function UnmatchedPeopleTable({
  people,
  selected,
  onToggle,
  onTogglePage,
  onLookUp,
  busy,
}: {
  people: UnmatchedPersonView[];
  selected: ReadonlySet<string>;
  onToggle: (personId: string) => void;
  onTogglePage: (select: boolean) => void;
  onLookUp: (person: UnmatchedPersonView) => void;
  busy: boolean;
}) {
  const styles = useStyles();
  const t = useStackedTableStyles();
  const chosen = people.filter((p) => selected.has(p.personId)).length;
  return (
    <Table aria-label="People without an account" className={t.table}>
      <TableHeader className={t.header}>
        <TableRow>
          <TableHeaderCell className={styles.select}>
            <Checkbox
              aria-label="Select everyone on this page"
              checked={chosen === 0 ? false : chosen === people.length ? true : 'mixed'}
              onChange={(_e, d) => onTogglePage(d.checked === true)}
            />
          </TableHeaderCell>
          <TableHeaderCell>Person</TableHeaderCell>
          <TableHeaderCell>Phone</TableHeaderCell>
          <TableHeaderCell>Groups</TableHeaderCell>
          <TableHeaderCell>Added by</TableHeaderCell>
          <TableHeaderCell>Since</TableHeaderCell>
          <TableHeaderCell>Last lookup</TableHeaderCell>
          <TableHeaderCell>Actions</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody className={t.body}>
        {people.map((p) => {
          const outcome = p.lastLookup && outcomeWords[p.lastLookup.outcome];
          return (
            <TableRow key={p.personId} className={t.row}>
              <TableCell className={t.cell} data-label="Select">
                <Checkbox
                  aria-label={`Select ${personName(p)}`}
                  checked={selected.has(p.personId)}
                  onChange={() => onToggle(p.personId)}
                />
              </TableCell>
              <TableCell className={t.lead}>
                <span className={styles.stack}>
                  <Text weight="semibold">{p.displayName ?? 'No name given'}</Text>
                  {(p.email || p.employeeId) && (
                    <Text size={200} className={styles.secondary}>
                      {[p.email, p.employeeId && `ID ${p.employeeId}`].filter(Boolean).join(' · ')}
                    </Text>
                  )}
                </span>
              </TableCell>
              <TableCell className={t.cell} data-label="Phone">
                <span className={styles.stack}>
                  <Text>{p.phone}</Text>
                  {p.region && (
                    <Text size={200} className={styles.secondary}>
                      {regionNames?.of(p.region) ?? p.region}
                    </Text>
                  )}
                </span>
              </TableCell>
              <TableCell className={t.cell} data-label="Groups">
                {p.groups.map((g) => g.name).join(', ')}
                {p.groupCount > p.groups.length && ` and ${p.groupCount - p.groups.length} more`}
              </TableCell>
              <TableCell className={t.cell} data-label="Added by">
                {p.addedBy ? p.addedBy.name : 'Not recorded'}
                {p.addedThrough && (
                  <Text size={200} className={styles.secondary}>
                    {' '}
                    ({through[p.addedThrough] ?? p.addedThrough})
                  </Text>
                )}
              </TableCell>
              <TableCell className={t.cell} data-label="Since">
                {day(p.since)}
              </TableCell>
              <TableCell className={t.cell} data-label="Last lookup">
                {outcome && p.lastLookup ? (
                  <span className={styles.stack}>
                    <Badge appearance="tint" color={outcome.color}>
                      {outcome.text}
                    </Badge>
                    <Text size={200} className={styles.secondary}>
                      {day(p.lastLookup.at)}
                    </Text>
                  </span>
                ) : (
                  'Not looked up yet'
                )}
              </TableCell>
              <TableCell className={t.cell} data-label="Actions">
                <Button
                  size="small"
                  disabled={busy}
                  aria-label={`Look up ${personName(p)} again`}
                  onClick={() => onLookUp(p)}
                >
                  Look up
                </Button>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
