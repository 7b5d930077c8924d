import { Button, Field, Input, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { api } from '../api/client';
import type { MemberView, Person } from '../api/types';
import { useAction } from '../api/use-action';
import { phoneWidth, useFittedSelectStyles } from './phone-layout';
import { ErrorState } from './states';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
    listStyle: 'none',
  },
  item: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', flexWrap: 'wrap' },
  row: {
    display: 'flex',
    gap: tokens.spacingHorizontalM,
    alignItems: 'flex-end',
    flexWrap: 'wrap',
    // On a phone each picker sits above its own button.
    [phoneWidth]: { flexDirection: 'column', alignItems: 'stretch' },
  },
});

/** The group's champs; org admins assign a member, or anyone by phone number, and unassign. */
export function ChampsPanel({
  groupId,
  champs,
  members,
  mayAssign,
  onChanged,
}: {
  groupId: string;
  champs: Person[];
  members: MemberView[];
  mayAssign: boolean;
  onChanged: () => void;
}) {
  const styles = useStyles();
  const fitted = useFittedSelectStyles();
  const [pick, setPick] = useState('');
  const [phone, setPhone] = useState('');
  const { error, run: act } = useAction(() => {
    setPick('');
    setPhone('');
    onChanged();
  });
  const candidates = members.filter((m) => !champs.some((c) => c.id === m.personId));
  // The kit's answer (sent, or why not) is shown beside the champ it was sent to.
  const [kit, setKit] = useState<{ personId: string; sentTo?: string; error?: unknown }>();
  const sendKit = async (personId: string) => {
    setKit({ personId });
    try {
      const { sentTo } = await api.post<{ sentTo: string }>(
        `/api/v1/groups/${groupId}/champs/${personId}/kit`,
      );
      setKit({ personId, sentTo });
    } catch (error) {
      setKit({ personId, error });
    }
  };
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      {champs.length === 0 ? (
        <Text>No champ yet. A champ keeps the group lively, helps people and keeps membership tidy.</Text>
      ) : (
        <ul className={styles.list} aria-label="Champs">
          {champs.map((c) => (
            <li key={c.id} className={styles.item}>
              <Text>{c.displayName ?? `${c.phone ?? 'Someone'} (their name shows once they sign in)`}</Text>
              {mayAssign && (
                <Button
                  size="small"
                  onClick={() => sendKit(c.id)}
                  disabled={kit?.personId === c.id && !kit.sentTo && !kit.error}
                >
                  Send guidelines and training
                </Button>
              )}
              {mayAssign && (
                <Button
                  size="small"
                  appearance="subtle"
                  onClick={() => act(() => api.del(`/api/v1/groups/${groupId}/champs/${c.id}`))}
                >
                  Unassign
                </Button>
              )}
              {kit?.personId === c.id && kit.sentTo && (
                <Text size={200} role="status">
                  Sent to {kit.sentTo}’s chat with Convene.
                </Text>
              )}
              {kit?.personId === c.id && kit.error !== undefined && (
                <ErrorState error={kit.error} title="Not sent" />
              )}
            </li>
          ))}
        </ul>
      )}
      {error !== undefined && <ErrorState error={error} />}
      {mayAssign && (
        <div className={styles.row}>
          <Field label="Make a member champ" className={fitted.field}>
            <Select
              className={fitted.select}
              select={{ className: fitted.select }}
              value={pick}
              onChange={(_e, d) => setPick(d.value)}
            >
              <option value="">Choose a member…</option>
              {candidates.map((m) => (
                <option key={m.personId} value={m.personId}>
                  {m.person.displayName ?? m.person.phone}
                </option>
              ))}
            </Select>
          </Field>
          <Button
            disabled={!pick}
            onClick={() => act(() => api.post(`/api/v1/groups/${groupId}/champs`, { personId: pick }))}
          >
            Assign
          </Button>
          <Field label="…or by phone number">
            <Input value={phone} onChange={(_e, d) => setPhone(d.value)} />
          </Field>
          <Button
            disabled={!phone.trim()}
            onClick={() => act(() => api.post(`/api/v1/groups/${groupId}/champs`, { phone }))}
          >
            Assign by phone
          </Button>
        </div>
      )}
    </div>
  );
}
