import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  MessageBar,
  MessageBarBody,
} from '@fluentui/react-components';
import { useState } from 'react';
import { api } from '../api/client';
import { errorText } from './states';

/**
 * "Create teams" for the whole organisation (org admins): groups made in the portal or by a bulk
 * upload get no Microsoft 365 group and team by themselves, so the count and a confirmation come
 * first. `waiting` is how many organisation groups have none (or a failed attempt).
 */
export function CreateTeamsDialog({
  waiting,
  organisationName,
  onStarted,
}: {
  waiting: number;
  organisationName: string;
  onStarted: (started: number) => void;
}) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const { started } = await api.post<{ started: number }>('/api/v1/portal/teams');
      setOpen(false);
      onStarted(started);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const label = `Create teams (${waiting} ${waiting === 1 ? 'group' : 'groups'})`;
  return (
    <Dialog open={open} onOpenChange={(_e, data) => setOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button>{label}</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>
            Create {waiting} Microsoft 365 {waiting === 1 ? 'team' : 'teams'}?
          </DialogTitle>
          <DialogContent>
            Every group of {organisationName} without a team gets a Microsoft 365 group and team: its admins
            become owners, and members with work accounts join (the others as soon as they sign in). They are
            created one after another; each group's page shows how far it got.
            {error && (
              <MessageBar intent="error">
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button>Cancel</Button>
            </DialogTrigger>
            <Button appearance="primary" onClick={confirm} disabled={busy}>
              Create teams
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
