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
import { useFittedSelectStyles } from './phone-layout';
import { errorText } from './states';

/** Create group: a name and, optionally, the parent it hangs under. */
export function CreateGroupDialog({
  groups,
  onCreated,
}: {
  groups: ManagedGroup[];
  onCreated: (id: string) => void;
}) {
  const fitted = useFittedSelectStyles();
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
        <Button appearance="primary">Create group</Button>
      </DialogTrigger>
      <DialogSurface>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <DialogBody>
            <DialogTitle>Create a group</DialogTitle>
            <DialogContent style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
              <Field
                label="Group name"
                required
                validationMessage={error}
                validationState={error ? 'error' : 'none'}
              >
                <Input value={name} onChange={(_e, d) => setName(d.value)} maxLength={100} autoFocus />
              </Field>
              <Field label="Parent group (optional)" className={fitted.field}>
                <Select
                  className={fitted.select}
                  select={{ className: fitted.select }}
                  value={parentId}
                  onChange={(_e, d) => setParentId(d.value)}
                >
                  <option value="">No parent (top level)</option>
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
                <Button appearance="secondary">Cancel</Button>
              </DialogTrigger>
              <Button appearance="primary" type="submit" disabled={busy || name.trim() === ''}>
                Create
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
