import {
  Badge,
  Button,
  Field,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { api } from '../api/client';
import type { AddMemberResult } from '../api/types';
import { useStackedTableStyles } from './phone-layout';
import { RegionPicker } from './region-picker';
import { errorText } from './states';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
});

const outcomeBadge: Record<
  AddMemberResult['outcome'],
  { label: string; color: 'success' | 'informative' | 'danger' }
> = {
  added: { label: 'Added', color: 'success' },
  'already-member': { label: 'Already a member', color: 'informative' },
  invalid: { label: 'Invalid', color: 'danger' },
};

/**
 * Add users by phone: one or many numbers, comma-separated. What was typed stays in the box, so
 * the invalid ones can be fixed and sent again.
 */
export function AddUsersPanel({
  groupId,
  defaultRegion,
  onAdded,
}: {
  groupId: string;
  defaultRegion: string;
  onAdded: () => void;
}) {
  const styles = useStyles();
  const t = useStackedTableStyles();
  const [region, setRegion] = useState(defaultRegion);
  const [phones, setPhones] = useState('');
  const [results, setResults] = useState<AddMemberResult[]>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const answer = await api.post<{ results: AddMemberResult[] }>(`/api/v1/groups/${groupId}/members`, {
        phones,
        region,
      });
      setResults(answer.results);
      onAdded();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className={styles.form}
      aria-label="Add users"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className={styles.row}>
        <RegionPicker value={region} onChange={setRegion} />
      </div>
      <Field
        label="Phone numbers"
        hint="One or many, separated by commas, e.g. 9988554401, 9988554402"
        validationMessage={error}
        validationState={error ? 'error' : 'none'}
      >
        <Textarea value={phones} onChange={(_e, d) => setPhones(d.value)} resize="vertical" />
      </Field>
      <div>
        <Button appearance="primary" type="submit" disabled={busy || phones.trim() === ''}>
          Add users
        </Button>
      </div>
      {results && (
        <Table aria-label="Results" size="small" className={t.table}>
          <TableHeader className={t.header}>
            <TableRow>
              <TableHeaderCell>Number</TableHeaderCell>
              <TableHeaderCell>Result</TableHeaderCell>
              <TableHeaderCell>Details</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody className={t.body}>
            {results.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the same text may be typed twice; position is its identity
              <TableRow key={i} className={t.row}>
                <TableCell className={t.lead}>{r.input}</TableCell>
                <TableCell className={t.cell} data-label="Result">
                  <Badge color={outcomeBadge[r.outcome].color}>{outcomeBadge[r.outcome].label}</Badge>
                </TableCell>
                <TableCell className={t.cell} data-label="Details">
                  {r.outcome === 'invalid' ? r.reason : r.phone}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </form>
  );
}
