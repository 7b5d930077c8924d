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
import { useT } from '../i18n/use-t';
import { useErrorText } from './states';

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
  const t = useT();
  const errorText = useErrorText();
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

  const label = t('tab-groups.createTeams.button', { count: waiting });
  return (
    <Dialog open={open} onOpenChange={(_e, data) => setOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button>{label}</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('tab-groups.createTeams.title', { count: waiting })}</DialogTitle>
          <DialogContent>
            {t('tab-groups.createTeams.text', { organisation: organisationName })}
            {error && (
              <MessageBar intent="error">
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            )}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button>{t('tab-common.cancel')}</Button>
            </DialogTrigger>
            <Button appearance="primary" onClick={confirm} disabled={busy}>
              {t('tab-groups.createTeams')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
