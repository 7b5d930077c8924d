import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Spinner,
  Text,
  Title2,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { type IntlShape, useIntl } from 'react-intl';
import { useParams } from 'react-router-dom';
import { api } from '../api/client';
import type { GroupChangeOutcome, ManagedGroups, PersonDetail, PersonMembershipView } from '../api/types';
import { useAction } from '../api/use-action';
import { useApi } from '../api/use-api';
import { AccountBadge } from '../components/account-badge';
import { AddToGroupsDialog } from '../components/add-to-groups-dialog';
import { isolatedIn, LeftToRight } from '../components/left-to-right';
import { PersonGroupsTable } from '../components/person-groups-table';
import { phoneWidth } from '../components/phone-layout';
import { ErrorState } from '../components/states';
import { userName } from '../components/users-table';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  back: { alignSelf: 'flex-start' },
  heading: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXS,
    '& h1': { margin: 0 },
  },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
    [phoneWidth]: { gridTemplateColumns: 'minmax(0, 1fr)' },
    '& dt': { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightSemibold },
    '& dd': { margin: 0, overflowWrap: 'anywhere', [phoneWidth]: { marginBottom: tokens.spacingVerticalS } },
  },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

const lookupWords = {
  matched: 'tab-people.person.lookup.matched',
  'not-found': 'tab-people.person.lookup.notFound',
  failed: 'tab-people.person.lookup.failed',
};
const when = (iso: string, intl: IntlShape) =>
  intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });

const doneWords: Partial<Record<GroupChangeOutcome['outcome'], string>> = {
  added: 'tab-people.outcome.added',
  'already-member': 'tab-people.outcome.alreadyMember',
  removed: 'tab-people.outcome.removed',
  resent: 'tab-people.outcome.resent',
  'not-needed': 'tab-people.outcome.notNeeded',
};

/** What a change did, group by group, in words: one line per kind of outcome, refusals with their reason. */
function Outcomes({ outcomes, names }: { outcomes: GroupChangeOutcome[]; names: Map<string, string> }) {
  const intl = useIntl();
  const name = (id: string) => names.get(id) ?? intl.formatMessage({ id: 'tab-people.outcome.aGroup' });
  const refused = outcomes.filter((o) => o.outcome === 'refused');
  const lines = Object.entries(doneWords).flatMap(([kind, id]) => {
    const groups = outcomes.filter((o) => o.outcome === kind).map((o) => isolatedIn(intl)(name(o.groupId)));
    return groups.length > 0
      ? [intl.formatMessage({ id }, { groups: intl.formatList(groups, { type: 'unit', style: 'short' }) })]
      : [];
  });
  return (
    <MessageBar intent={refused.length > 0 ? 'warning' : 'success'} role="status">
      <MessageBarBody>
        <MessageBarTitle>
          {intl.formatMessage({
            id: refused.length > 0 ? 'tab-people.outcome.partlyDone' : 'tab-people.outcome.done',
          })}
        </MessageBarTitle>
        {lines.map((line) => (
          <Text block key={line}>
            {line}
          </Text>
        ))}
        {refused.map((o) => (
          <Text block key={o.groupId}>
            {intl.formatMessage(
              { id: 'tab-people.outcome.refused' },
              { group: name(o.groupId), reason: 'reason' in o ? o.reason : '' },
            )}
          </Text>
        ))}
        {outcomes.length === 0 && (
          <Text block>{intl.formatMessage({ id: 'tab-people.outcome.nothing' })}</Text>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * A person page (Users): who they are, their account and last directory lookup, their groups with role,
 * invitation and invite card; add to groups, remove from one or all, resend invites. What the viewer
 * may do is the server's answer, checked again on every change.
 */
export default function PersonPage() {
  const styles = useStyles();
  const intl = useIntl();
  const say = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const { id = '' } = useParams();
  const path = `/api/v1/portal/users/${encodeURIComponent(id)}`;
  const person = useApi<PersonDetail>(path);
  const managed = useApi<ManagedGroups>('/api/v1/portal/groups');
  const [outcomes, setOutcomes] = useState<GroupChangeOutcome[]>();
  const [busy, setBusy] = useState(false);
  const [confirmAll, setConfirmAll] = useState(false);
  const { error, run } = useAction(person.reload);
  const change = (work: () => Promise<GroupChangeOutcome[]>) =>
    run(async () => {
      setBusy(true);
      setOutcomes(undefined);
      try {
        setOutcomes(await work());
      } finally {
        setBusy(false);
      }
    });

  const p = person.data;
  if (person.error !== undefined)
    return (
      <div className={styles.page}>
        <Link className={styles.back} href="#/users">
          {say('tab-people.person.back')}
        </Link>
        <ErrorState error={person.error} />
      </div>
    );
  if (!p) return <Spinner label={say('tab-people.person.loading')} />;

  const name = userName(p.person, intl);
  const names = new Map<string, string>([
    ...(managed.data?.groups ?? []).map((g) => [g.id, g.name] as [string, string]),
    ...p.groups.map((g) => [g.groupId, g.groupName] as [string, string]),
  ]);
  const theirs = new Set(p.groups.map((g) => g.groupId));
  const addable = (managed.data?.groups ?? []).filter((g) => !theirs.has(g.id));
  const pending = p.groups.filter((g) => g.allowed.resendInvite);
  const removable = p.groups.filter((g) => g.allowed.remove);
  const post = (suffix: string, body: unknown) =>
    api.post<{ outcomes: GroupChangeOutcome[] }>(`${path}${suffix}`, body).then((a) => a.outcomes);
  const removeOne = (g: PersonMembershipView) =>
    change(async () => {
      await api.del(`${path}/groups/${encodeURIComponent(g.groupId)}`);
      return [{ groupId: g.groupId, outcome: 'removed' }];
    });

  return (
    <div className={styles.page}>
      <Link className={styles.back} href="#/users">
        {say('tab-people.person.back')}
      </Link>
      <div className={styles.heading}>
        <Title2 as="h1">
          {/* A person known only by their number is named by it, which reads left to right. */}
          <bdi dir={p.person.displayName ? undefined : 'ltr'}>{name}</bdi>
        </Title2>
        <AccountBadge account={p.account} />
      </div>
      <dl className={styles.facts} aria-label={say('tab-people.person.about')}>
        <dt>{say('tab-people.person.phone')}</dt>
        <dd>
          {p.person.phone ? <LeftToRight>{p.person.phone}</LeftToRight> : say('tab-people.person.notKnown')}
        </dd>
        <dt>{say('tab-people.person.email')}</dt>
        <dd>
          {p.person.email ? <LeftToRight>{p.person.email}</LeftToRight> : say('tab-people.person.notGiven')}
        </dd>
        <dt>{say('tab-people.person.employeeId')}</dt>
        <dd>{p.person.employeeId ?? say('tab-people.person.notGiven')}</dd>
        <dt>{say('tab-people.person.signInName')}</dt>
        <dd>
          {p.person.userPrincipalName ? (
            <LeftToRight>{p.person.userPrincipalName}</LeftToRight>
          ) : (
            say('tab-people.person.notKnownYet')
          )}
        </dd>
        <dt>{say('tab-people.person.lastLookup')}</dt>
        <dd>
          {p.lastLookup
            ? say(lookupWords[p.lastLookup.outcome], { at: when(p.lastLookup.at, intl) })
            : say(
                p.account === 'no-account'
                  ? 'tab-people.person.notLookedUp'
                  : 'tab-people.person.lookupNotNeeded',
              )}
        </dd>
      </dl>
      <div className={styles.toolbar} role="toolbar" aria-label={say('tab-people.person.actions', { name })}>
        <AddToGroupsDialog
          personName={name}
          groups={addable}
          canAddAdmins={p.scope === 'organisation'}
          onAdd={(groupIds, role) => change(() => post('/groups', { groupIds, role }))}
        />
        <Button
          disabled={busy || pending.length === 0}
          onClick={() => change(() => post('/invites/resend', {}))}
        >
          {say('tab-people.person.resendInvites', { count: pending.length })}
        </Button>
        <Dialog open={confirmAll} onOpenChange={(_e, d) => setConfirmAll(d.open)}>
          <DialogTrigger disableButtonEnhancement>
            <Button disabled={busy || removable.length === 0}>{say('tab-people.person.removeAll')}</Button>
          </DialogTrigger>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>{say('tab-people.person.removeAll.title', { name })}</DialogTitle>
              <DialogContent>
                {say('tab-people.person.removeAll.text', { count: p.groupTotal })}
              </DialogContent>
              <DialogActions>
                <DialogTrigger disableButtonEnhancement>
                  <Button>{say('tab-people.cancel')}</Button>
                </DialogTrigger>
                <Button
                  appearance="primary"
                  onClick={() => {
                    setConfirmAll(false);
                    change(() =>
                      api.del<{ outcomes: GroupChangeOutcome[] }>(`${path}/groups`).then((a) => a.outcomes),
                    );
                  }}
                >
                  {say('tab-people.remove')}
                </Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      </div>
      {error !== undefined && <ErrorState error={error} title={say('tab-people.thatFailed')} />}
      {outcomes && <Outcomes outcomes={outcomes} names={names} />}
      <section aria-label={say('tab-people.person.theirGroups')}>
        <Title3 as="h2">
          {p.groupTotal > p.groups.length
            ? say('tab-people.person.groupsHeadingFirst', { total: p.groupTotal, shown: p.groups.length })
            : say('tab-people.person.groupsHeading', { total: p.groupTotal })}
        </Title3>
        {p.groups.length === 0 ? (
          <Text block>{say('tab-people.person.noGroups')}</Text>
        ) : (
          <PersonGroupsTable
            groups={p.groups}
            personName={name}
            busy={busy}
            onResend={(g) => change(() => post('/invites/resend', { groupIds: [g.groupId] }))}
            onRemove={removeOne}
          />
        )}
      </section>
    </div>
  );
}
