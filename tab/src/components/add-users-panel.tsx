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
import { useIntl } from 'react-intl';
import { api } from '../api/client';
import { codedErrorWords } from '../api/error-words';
import type { AddMemberResult } from '../api/types';
import { useT } from '../i18n/use-t';
import { LeftToRight } from './left-to-right';
import { useStackedTableStyles } from './phone-layout';
import { RegionPicker } from './region-picker';
import { useErrorText } from './states';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'flex-end', flexWrap: 'wrap' },
});

const outcomeBadge: Record<
  AddMemberResult['outcome'],
  { label: string; color: 'success' | 'informative' | 'danger' }
> = {
  added: { label: 'tab-groups.addUsers.outcome.added', color: 'success' },
  'already-member': { label: 'tab-groups.addUsers.outcome.alreadyMember', color: 'informative' },
  invalid: { label: 'tab-groups.addUsers.outcome.invalid', color: 'danger' },
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
  const st = useStackedTableStyles();
  const t = useT();
  const intl = useIntl();
  const errorText = useErrorText();
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
      aria-label={t('tab-groups.addUsers')}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className={styles.row}>
        <RegionPicker value={region} onChange={setRegion} />
      </div>
      <Field
        label={t('tab-groups.addUsers.phones')}
        hint={t('tab-groups.addUsers.phones.hint', { example: '9988554401, 9988554402' })}
        validationMessage={error}
        validationState={error ? 'error' : 'none'}
      >
        <Textarea value={phones} onChange={(_e, d) => setPhones(d.value)} resize="vertical" />
      </Field>
      <div>
        <Button appearance="primary" type="submit" disabled={busy || phones.trim() === ''}>
          {t('tab-groups.addUsers')}
        </Button>
      </div>
      {results && (
        <Table aria-label={t('tab-groups.addUsers.results')} size="small" className={st.table}>
          <TableHeader className={st.header}>
            <TableRow>
              <TableHeaderCell>{t('tab-groups.addUsers.number')}</TableHeaderCell>
              <TableHeaderCell>{t('tab-groups.addUsers.result')}</TableHeaderCell>
              <TableHeaderCell>{t('tab-groups.addUsers.details')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody className={st.body}>
            {results.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the same text may be typed twice; position is its identity
              <TableRow key={i} className={st.row}>
                <TableCell className={st.lead}>
                  <LeftToRight>{r.input}</LeftToRight>
                </TableCell>
                <TableCell className={st.cell} data-label={t('tab-groups.addUsers.result')}>
                  <Badge color={outcomeBadge[r.outcome].color}>{t(outcomeBadge[r.outcome].label)}</Badge>
                </TableCell>
                <TableCell className={st.cell} data-label={t('tab-groups.addUsers.details')}>
                  {r.outcome === 'invalid' ? (
                    <bdi>
                      {codedErrorWords({ code: r.code, message: r.reason, details: r.details }, intl)}
                    </bdi>
                  ) : (
                    <LeftToRight>{r.phone}</LeftToRight>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </form>
  );
}
