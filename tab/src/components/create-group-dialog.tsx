import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  Select,
} from '@fluentui/react-components';
import { useState } from 'react';
import { api } from '../api/client';
import type { ManagedGroup } from '../api/types';
import { useT } from '../i18n/use-t';
import { useFittedSelectStyles } from './phone-layout';
import { useErrorText } from './states';

/** Create group: a name and, optionally, the parent it hangs under. */
export function CreateGroupDialog({
  groups,
  onCreated,
}: {
  groups: ManagedGroup[];
  onCreated: (id: string) => void;
}) {
  const fitted = useFittedSelectStyles();
  const t = useT();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const { group } = await api.post<{ group: { id: string } }>('/api/v1/groups', {
        name,
        parentId: parentId || null,
      });
      setOpen(false);
      setName('');
      setParentId('');
      onCreated(group.id);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onOpenChange={(_e, data) => setOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="primary">{t('tab-groups.create')}</Button>
      </DialogTrigger>
      <DialogSurface>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <DialogBody>
            <DialogTitle>{t('tab-groups.create.title')}</DialogTitle>
            <DialogContent style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
              <Field
                label={t('tab-groups.create.name')}
                required
                validationMessage={error}
                validationState={error ? 'error' : 'none'}
              >
                <Input value={name} onChange={(_e, d) => setName(d.value)} maxLength={100} autoFocus />
              </Field>
              <Field label={t('tab-groups.create.parent')} className={fitted.field}>
                <Select
                  className={fitted.select}
                  select={{ className: fitted.select }}
                  value={parentId}
                  onChange={(_e, d) => setParentId(d.value)}
                >
                  <option value="">{t('tab-groups.noParent')}</option>
                  {groups.map((g) => (
                    <option key={g.id} value={g.id}>
                      {g.name}
                    </option>
                  ))}
                </Select>
              </Field>
            </DialogContent>
            <DialogActions>
              <DialogTrigger disableButtonEnhancement>
                <Button appearance="secondary">{t('tab-common.cancel')}</Button>
              </DialogTrigger>
              <Button appearance="primary" type="submit" disabled={busy || name.trim() === ''}>
                {t('tab-groups.create.submit')}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
