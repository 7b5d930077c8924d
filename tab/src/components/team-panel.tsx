import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
} from '@fluentui/react-components';
import { type ReactElement, useState } from 'react';
import { api } from '../api/client';
import type { GroupDetail } from '../api/types';
import { useReloadWhile } from '../api/use-reload-while';
import { openTeamsLink } from '../host/teams-host';
import { errorText } from './states';

/** How often the page looks again while the team is being created (it takes seconds to minutes). */
const WATCH_MS = 2000;

/**
 * Where the group stands in Microsoft Teams: a personal group has no team until its admin adds it
 * to the organisation; an organisation group gets its Microsoft 365 group and team on request;
 * while they are created the panel keeps watching; a ready team opens in Teams; a failure says why
 * and offers to try again (as does a member sync that failed).
 */
export function TeamPanel({
  detail,
  onChanged,
}: {
  detail: GroupDetail;
  /** Reloads the group (the panel shows what the server says, never a guess). */
  onChanged: () => void;
}) {
  const { group, organisation, provisioning, allowed } = detail;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  useReloadWhile(provisioning.state === 'provisioning', onChanged, WATCH_MS);

  const start = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.post(`/api/v1/groups/${group.id}/provisioning`);
      onChanged();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const action = (label: string) =>
    allowed.provision ? (
      <MessageBarActions>
        <Button onClick={start} disabled={busy}>
          {label}
        </Button>
      </MessageBarActions>
    ) : undefined;

  let state: ReactElement;
  if (!organisation) {
    state = (
      <MessageBar intent="info">
        <MessageBarBody>
          <MessageBarTitle>Personal group</MessageBarTitle>
          It gets a Microsoft 365 group and team once its admin adds it to the organisation: they tell the
          Convene bot “add {group.name} to organisation” and sign in with their work account.
        </MessageBarBody>
      </MessageBar>
    );
  } else if (provisioning.state === 'not-provisioned') {
    state = (
      <MessageBar intent="info">
        <MessageBarBody>
          <MessageBarTitle>No team yet</MessageBarTitle>
          {allowed.provision
            ? `Create its Microsoft 365 group and team in ${organisation.displayName}; members with work accounts are added, the others as soon as they sign in.`
            : 'A group admin or an org admin can create its Microsoft 365 group and team.'}
        </MessageBarBody>
        {action('Create team')}
      </MessageBar>
    );
  } else if (provisioning.state === 'provisioning') {
    state = (
      <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
        <Spinner size="tiny" labelPosition="after" label="Creating the Microsoft 365 group and team…" />
        {provisioning.lastError && <Text size={200}>Trying again after: {provisioning.lastError}</Text>}
      </div>
    );
  } else if (provisioning.state === 'failed') {
    state = (
      <MessageBar intent="error">
        <MessageBarBody>
          <MessageBarTitle>The team could not be created</MessageBarTitle>
          {provisioning.reason}
        </MessageBarBody>
        {action('Try again')}
      </MessageBar>
    );
  } else {
    state = (
      <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>Team ready</MessageBarTitle>
            {provisioning.target === 'local'
              ? 'Made by the local stand-in (this instance runs without a Microsoft 365 tenant).'
              : 'New members are added to it as they join.'}
          </MessageBarBody>
          {provisioning.teamUrl && (
            <MessageBarActions>
              <Button appearance="primary" onClick={() => openTeamsLink(provisioning.teamUrl!)}>
                Open in Teams
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
        {provisioning.lastError && (
          <MessageBar intent="warning">
            <MessageBarBody>
              <MessageBarTitle>The last member sync failed</MessageBarTitle>
              {provisioning.lastError}
            </MessageBarBody>
            {action('Sync members now')}
          </MessageBar>
        )}
      </div>
    );
  }

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
      {state}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
