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
import { useIntl } from 'react-intl';
import type { UnmatchedPersonView } from '../api/types';
import { groupsInWords } from './groups-in-words';
import { LeftToRight } from './left-to-right';
import { useStackedTableStyles } from './phone-layout';

const useStyles = makeStyles({
  select: { width: '44px' },
  secondary: { color: tokens.colorNeutralForeground3 },
  stack: { display: 'flex', flexDirection: 'column' },
});

/** How someone was added, in the words of the page that did it. */
const through: Record<string, string> = {
  manual: 'tab-people.noAccount.through.manual',
  bulk: 'tab-people.noAccount.through.bulk',
  request: 'tab-people.noAccount.through.request',
  link: 'tab-people.noAccount.through.link',
  card: 'tab-people.noAccount.through.card',
  creator: 'tab-people.noAccount.through.creator',
};

const outcomeWords = {
  matched: { id: 'tab-people.noAccount.outcome.matched', color: 'success' },
  'not-found': { id: 'tab-people.noAccount.outcome.notFound', color: 'warning' },
  failed: { id: 'tab-people.noAccount.outcome.failed', color: 'danger' },
} as const;

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
  const intl = useIntl();
  const say = (id: string, values?: Record<string, string>) => intl.formatMessage({ id }, values);
  const day = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium' });
  const column = {
    phone: say('tab-people.column.phone'),
    groups: say('tab-people.column.groups'),
    addedBy: say('tab-people.noAccount.addedBy'),
    since: say('tab-people.column.since'),
    lastLookup: say('tab-people.noAccount.lastLookup'),
    actions: say('tab-people.column.actions'),
  };
  const chosen = people.filter((p) => selected.has(p.personId)).length;
  return (
    <Table aria-label={say('tab-people.noAccount.table')} className={t.table}>
      <TableHeader className={t.header}>
        <TableRow>
          <TableHeaderCell className={styles.select}>
            <Checkbox
              aria-label={say('tab-people.noAccount.selectPage')}
              checked={chosen === 0 ? false : chosen === people.length ? true : 'mixed'}
              onChange={(_e, d) => onTogglePage(d.checked === true)}
            />
          </TableHeaderCell>
          <TableHeaderCell>{say('tab-people.column.person')}</TableHeaderCell>
          <TableHeaderCell>{column.phone}</TableHeaderCell>
          <TableHeaderCell>{column.groups}</TableHeaderCell>
          <TableHeaderCell>{column.addedBy}</TableHeaderCell>
          <TableHeaderCell>{column.since}</TableHeaderCell>
          <TableHeaderCell>{column.lastLookup}</TableHeaderCell>
          <TableHeaderCell>{column.actions}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody className={t.body}>
        {people.map((p) => {
          const outcome = p.lastLookup && outcomeWords[p.lastLookup.outcome];
          return (
            <TableRow key={p.personId} className={t.row}>
              <TableCell className={t.cell} data-label={say('tab-people.noAccount.select')}>
                <Checkbox
                  aria-label={say('tab-people.noAccount.selectPerson', { name: personName(p) })}
                  checked={selected.has(p.personId)}
                  onChange={() => onToggle(p.personId)}
                />
              </TableCell>
              <TableCell className={t.lead}>
                <span className={styles.stack}>
                  <Text weight="semibold">{p.displayName ?? say('tab-people.noName')}</Text>
                  {(p.email || p.employeeId) && (
                    <Text size={200} className={styles.secondary}>
                      {p.email && <LeftToRight>{p.email}</LeftToRight>}
                      {p.email && p.employeeId && ' · '}
                      {p.employeeId && say('tab-people.employeeId', { id: p.employeeId })}
                    </Text>
                  )}
                </span>
              </TableCell>
              <TableCell className={t.cell} data-label={column.phone}>
                <span className={styles.stack}>
                  <Text>
                    <LeftToRight>{p.phone}</LeftToRight>
                  </Text>
                  {p.region && (
                    <Text size={200} className={styles.secondary}>
                      {intl.formatDisplayName(p.region, { type: 'region' }) ?? p.region}
                    </Text>
                  )}
                </span>
              </TableCell>
              <TableCell className={t.cell} data-label={column.groups}>
                {groupsInWords(p.groups, p.groupCount, intl)}
              </TableCell>
              <TableCell className={t.cell} data-label={column.addedBy}>
                {p.addedBy ? p.addedBy.name : say('tab-people.noAccount.notRecorded')}
                {p.addedThrough && (
                  <Text size={200} className={styles.secondary}>
                    {' '}
                    ({through[p.addedThrough] ? say(through[p.addedThrough]!) : p.addedThrough})
                  </Text>
                )}
              </TableCell>
              <TableCell className={t.cell} data-label={column.since}>
                {day(p.since)}
              </TableCell>
              <TableCell className={t.cell} data-label={column.lastLookup}>
                {outcome && p.lastLookup ? (
                  <span className={styles.stack}>
                    <Badge appearance="tint" color={outcome.color}>
                      {say(outcome.id)}
                    </Badge>
                    <Text size={200} className={styles.secondary}>
                      {day(p.lastLookup.at)}
                    </Text>
                  </span>
                ) : (
                  say('tab-people.noAccount.notLookedUp')
                )}
              </TableCell>
              <TableCell className={t.cell} data-label={column.actions}>
                <Button
                  size="small"
                  disabled={busy}
                  aria-label={say('tab-people.noAccount.lookUpPerson', { name: personName(p) })}
                  onClick={() => onLookUp(p)}
                >
                  {say('tab-people.noAccount.lookUp')}
                </Button>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
