import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  makeStyles,
  SearchBox,
  Select,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { ManagedGroup } from '../api/types';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    maxHeight: '280px',
    overflowY: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalXS,
    margin: 0,
    minWidth: 0,
  },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** Most groups one change may name (the server's MAX_GROUPS_PER_CHANGE). */
const MAX_CHOSEN = 50;

/**
 * Add to groups: the groups the viewer manages that the person is not in yet, filtered by name, and
 * the role (org admins may add admins). The server checks each group again.
 */
export function AddToGroupsDialog({
  personName,
  groups,
  canAddAdmins,
  onAdd,
}: {
  personName: string;
  groups: ManagedGroup[];
  canAddAdmins: boolean;
  onAdd: (groupIds: string[], role: 'member' | 'admin') => Promise<void>;
}) {
  const styles = useStyles();
  const intl = useIntl();
  const say = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [role, setRole] = useState<'member' | 'admin'>('member');
  const [find, setFind] = useState('');
  const [busy, setBusy] = useState(false);
  const shown = groups.filter((g) =>
    g.name.toLocaleLowerCase(intl.locale).includes(find.trim().toLocaleLowerCase(intl.locale)),
  );
  const toggle = (id: string) =>
    setChosen((c) => {
      const next = new Set(c);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const submit = async () => {
    setBusy(true);
    try {
      await onAdd([...chosen], role);
      setOpen(false);
      setChosen(new Set());
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} onOpenChange={(_e, d) => setOpen(d.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="primary" disabled={groups.length === 0}>
          {say('tab-people.addToGroups.button')}
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{say('tab-people.addToGroups.title', { name: personName })}</DialogTitle>
          <DialogContent className={styles.body}>
            <Field label={say('tab-people.addToGroups.find')}>
              <SearchBox value={find} maxLength={100} onChange={(_e, d) => setFind(d.value)} />
            </Field>
            <fieldset className={styles.list} aria-label={say('tab-people.addToGroups.list')}>
              {shown.map((g) => (
                <Checkbox
                  key={g.id}
                  label={g.name}
                  checked={chosen.has(g.id)}
                  disabled={!chosen.has(g.id) && chosen.size >= MAX_CHOSEN}
                  onChange={() => toggle(g.id)}
                />
              ))}
              {shown.length === 0 && <Text>{say('tab-people.addToGroups.noMatch')}</Text>}
            </fieldset>
            {canAddAdmins && (
              <Field label={say('tab-people.addToGroups.role')}>
                <Select value={role} onChange={(_e, d) => setRole(d.value as 'member' | 'admin')}>
                  <option value="member">{say('tab-people.personGroups.member')}</option>
                  <option value="admin">{say('tab-people.personGroups.admin')}</option>
                </Select>
              </Field>
            )}
            <Text>{say('tab-people.addToGroups.note')}</Text>
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button>{say('tab-people.cancel')}</Button>
            </DialogTrigger>
            <Button appearance="primary" disabled={chosen.size === 0 || busy} onClick={submit}>
              {say('tab-people.addToGroups.submit', { count: chosen.size })}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
