import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  makeStyles,
  Switch,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { api } from '../api/client';
import type { IssuedLink } from '../api/types';
import { useT } from '../i18n/use-t';
import { useErrorText } from './states';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  // The settings side by side in equal columns (one under another on a phone), the buttons on their own row.
  settings: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  link: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  // Room for most of the link beside Copy, on a phone too.
  url: { flexGrow: 1, flexBasis: '240px', minWidth: '0', maxWidth: '560px' },
});

/**
 * Invite link: Convene keeps only a fingerprint of each link, so a link is shown once, when it is
 * made. "Reset" makes earlier links stop working. A group in an organisation limits its links to
 * the organisation's own Microsoft 365 accounts unless widened (with a warning); any link can make
 * every join a request that an admin approves.
 */
export function InviteLinkPanel({
  groupId,
  organisationName,
}: {
  groupId: string;
  /** The organisation the group belongs to, or null for a personal group. */
  organisationName: string | null;
}) {
  const styles = useStyles();
  const t = useT();
  const intl = useIntl();
  const errorText = useErrorText();
  const organisation = organisationName ?? t('tab-groups.invite.anOrganisation');
  const [days, setDays] = useState('30');
  const [maxUses, setMaxUses] = useState('');
  // An organisation's group links for its accounts unless the admin widens them.
  const [organisationOnly, setOrganisationOnly] = useState(organisationName !== null);
  const [approvalRequired, setApprovalRequired] = useState(false);
  const [issued, setIssued] = useState<IssuedLink>();
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string>();
  // Resetting kills the printed posters' QR codes too: the admin confirms it first.
  const [confirmingReset, setConfirmingReset] = useState(false);

  const issue = async (reset: boolean) => {
    setConfirmingReset(false);
    setError(undefined);
    setCopied(false);
    try {
      setIssued(
        await api.post<IssuedLink>(`/api/v1/groups/${groupId}/invite-links`, {
          expiresInDays: Number(days),
          maxUses: maxUses.trim() === '' ? null : Number(maxUses),
          organisationAccountsOnly: organisationOnly,
          approvalRequired,
          reset,
        }),
      );
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <div className={styles.panel}>
      <div className={styles.settings}>
        <Field label={t('tab-groups.invite.expiresAfter')}>
          <Input type="number" min={1} max={365} value={days} onChange={(_e, d) => setDays(d.value)} />
        </Field>
        <Field label={t('tab-groups.invite.maxUses')} hint={t('tab-groups.invite.maxUses.hint')}>
          <Input type="number" min={1} value={maxUses} onChange={(_e, d) => setMaxUses(d.value)} />
        </Field>
        <Field
          label={t('tab-groups.invite.whoMayJoin')}
          hint={organisationName ? undefined : t('tab-groups.invite.whoMayJoin.personalHint')}
        >
          <Switch
            label={t('tab-groups.invite.organisationOnly', { organisation })}
            checked={organisationOnly}
            disabled={!organisationName}
            onChange={(_e, d) => setOrganisationOnly(d.checked)}
          />
        </Field>
        <Field label={t('tab-groups.invite.approval')}>
          <Switch
            label={t('tab-groups.invite.approval.switch')}
            checked={approvalRequired}
            onChange={(_e, d) => setApprovalRequired(d.checked)}
          />
        </Field>
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => issue(false)}>
          {t('tab-groups.invite.new')}
        </Button>
        <Button onClick={() => setConfirmingReset(true)} disabled={confirmingReset}>
          {t('tab-groups.invite.reset')}
        </Button>
      </div>
      {confirmingReset && (
        <MessageBar intent="warning">
          <MessageBarBody>{t('tab-groups.invite.reset.warning')}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => issue(true)}>{t('tab-groups.invite.reset.confirm')}</Button>
            <Button appearance="transparent" onClick={() => setConfirmingReset(false)}>
              {t('tab-common.cancel')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {organisationName && !organisationOnly && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {t('tab-groups.invite.anyoneWarning', { organisation: organisationName })}
          </MessageBarBody>
        </MessageBar>
      )}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {issued && (
        <div className={styles.link}>
          <Input
            readOnly
            value={issued.url}
            aria-label={t('tab-groups.invite.link')}
            className={styles.url}
          />
          <Button
            onClick={async () => {
              await navigator.clipboard?.writeText(issued.url);
              setCopied(true);
            }}
          >
            {copied ? t('tab-groups.invite.copied') : t('tab-groups.invite.copy')}
          </Button>
          <Text size={200}>
            {t('tab-groups.invite.issued', {
              expires: issued.expiresAt ? 'yes' : 'no',
              until: issued.expiresAt ? intl.formatDate(issued.expiresAt) : '',
              maxUses: issued.maxUses ?? 0,
              organisationOnly: issued.organisationAccountsOnly ? 'yes' : 'no',
              organisation,
              approval: issued.approvalRequired ? 'yes' : 'no',
            })}
          </Text>
        </div>
      )}
    </div>
  );
}
