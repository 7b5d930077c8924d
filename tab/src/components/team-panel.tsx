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
import { useIntl } from 'react-intl';
import { api } from '../api/client';
import type { GroupDetail } from '../api/types';
import { useReloadWhile } from '../api/use-reload-while';
import { openTeamsLink } from '../host/teams-host';
import { useT } from '../i18n/use-t';
import { isolatedIn } from './left-to-right';
import { useErrorText } from './states';

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
  const t = useT();
  const intl = useIntl();
  const errorText = useErrorText();
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
          <MessageBarTitle>{t('tab-groups.team.personal.title')}</MessageBarTitle>
          {t('tab-groups.team.personal.text', { group: group.name })}
        </MessageBarBody>
      </MessageBar>
    );
  } else if (provisioning.state === 'not-provisioned') {
    state = (
      <MessageBar intent="info">
        <MessageBarBody>
          <MessageBarTitle>{t('tab-groups.team.none.title')}</MessageBarTitle>
          {allowed.provision
            ? t('tab-groups.team.none.mayCreate', { organisation: organisation.displayName })
            : t('tab-groups.team.none.askAdmin')}
        </MessageBarBody>
        {action(t('tab-groups.team.create'))}
      </MessageBar>
    );
  } else if (provisioning.state === 'provisioning') {
    state = (
      <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
        <Spinner size="tiny" labelPosition="after" label={t('tab-groups.team.creating')} />
        {provisioning.lastError && (
          <Text size={200}>
            {t('tab-groups.team.retrying', { error: isolatedIn(intl)(provisioning.lastError) })}
          </Text>
        )}
      </div>
    );
  } else if (provisioning.state === 'failed') {
    state = (
      <MessageBar intent="error">
        <MessageBarBody>
          <MessageBarTitle>{t('tab-groups.team.failed.title')}</MessageBarTitle>
          <bdi>{provisioning.reason}</bdi>
        </MessageBarBody>
        {action(t('tab-common.tryAgain'))}
      </MessageBar>
    );
  } else {
    state = (
      <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
        <MessageBar intent="success">
          <MessageBarBody>
            <MessageBarTitle>{t('tab-groups.team.ready.title')}</MessageBarTitle>
            {provisioning.target === 'local'
              ? t('tab-groups.team.ready.local')
              : t('tab-groups.team.ready.text')}
          </MessageBarBody>
          {provisioning.teamUrl && (
            <MessageBarActions>
              <Button appearance="primary" onClick={() => openTeamsLink(provisioning.teamUrl!)}>
                {t('tab-groups.team.open')}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
        {provisioning.lastError && (
          <MessageBar intent="warning">
            <MessageBarBody>
              <MessageBarTitle>{t('tab-groups.team.syncFailed.title')}</MessageBarTitle>
              <bdi>{provisioning.lastError}</bdi>
            </MessageBarBody>
            {action(t('tab-groups.team.syncNow'))}
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
