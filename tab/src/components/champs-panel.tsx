import { Button, Field, Input, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { api } from '../api/client';
import type { MemberView, Person } from '../api/types';
import { useAction } from '../api/use-action';
import { useLeftToRight } from './left-to-right';
import { phoneWidth, useFittedSelectStyles } from './phone-layout';
import { ErrorState } from './states';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: '12px' },
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
  const intl = useIntl();
  const ltr = useLeftToRight();
  const say = (id: string, values?: Record<string, string>) => intl.formatMessage({ id }, values);
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
    <div className={styles.panel}>
      {champs.length === 0 ? (
        <Text>{say('tab-champs.panel.none')}</Text>
      ) : (
        <ul className={styles.list} aria-label={say('tab-champs.panel.list')}>
          {champs.map((c) => (
            <li key={c.id} className={styles.item}>
              <Text>
                {c.displayName ??
                  say('tab-champs.panel.unnamed', {
                    phone: c.phone ? ltr(c.phone) : say('tab-champs.someone'),
                  })}
              </Text>
              {mayAssign && (
                <Button
                  size="small"
                  onClick={() => sendKit(c.id)}
                  disabled={kit?.personId === c.id && !kit.sentTo && !kit.error}
                >
                  {say('tab-champs.panel.sendKit')}
                </Button>
              )}
              {mayAssign && (
                <Button
                  size="small"
                  appearance="subtle"
                  onClick={() => act(() => api.del(`/api/v1/groups/${groupId}/champs/${c.id}`))}
                >
                  {say('tab-champs.panel.unassign')}
                </Button>
              )}
              {kit?.personId === c.id && kit.sentTo && (
                <Text size={200} role="status">
                  {say('tab-champs.panel.sentTo', { name: kit.sentTo })}
                </Text>
              )}
              {kit?.personId === c.id && kit.error !== undefined && (
                <ErrorState error={kit.error} title={say('tab-champs.panel.notSent')} />
              )}
            </li>
          ))}
        </ul>
      )}
      {error !== undefined && <ErrorState error={error} />}
      {mayAssign && (
        <div className={styles.row}>
          <Field label={say('tab-champs.panel.pick')} className={fitted.field}>
            <Select
              className={fitted.select}
              select={{ className: fitted.select }}
              value={pick}
              onChange={(_e, d) => setPick(d.value)}
            >
              <option value="">{say('tab-champs.panel.choose')}</option>
              {candidates.map((m) => (
                <option key={m.personId} value={m.personId}>
                  {m.person.displayName ?? (m.person.phone && ltr(m.person.phone))}
                </option>
              ))}
            </Select>
          </Field>
          <Button
            disabled={!pick}
            onClick={() => act(() => api.post(`/api/v1/groups/${groupId}/champs`, { personId: pick }))}
          >
            {say('tab-champs.panel.assign')}
          </Button>
          <Field label={say('tab-champs.panel.phone')}>
            <Input type="tel" dir="ltr" value={phone} onChange={(_e, d) => setPhone(d.value)} />
          </Field>
          <Button
            disabled={!phone.trim()}
            onClick={() => act(() => api.post(`/api/v1/groups/${groupId}/champs`, { phone }))}
          >
            {say('tab-champs.panel.assignByPhone')}
          </Button>
        </div>
      )}
    </div>
  );
}
