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
import { useParams } from 'react-router-dom';
import { api } from '../api/client';
import type { GroupChangeOutcome, ManagedGroups, PersonDetail, PersonMembershipView } from '../api/types';
import { useAction } from '../api/use-action';
import { useApi } from '../api/use-api';
import { AccountBadge } from '../components/account-badge';
import { AddToGroupsDialog } from '../components/add-to-groups-dialog';
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
  matched: 'account found',
  'not-found': 'no account found',
  failed: 'the lookup failed',
};
const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const doneWords: Partial<Record<GroupChangeOutcome['outcome'], string>> = {
  added: 'Added to',
  'already-member': 'Already in',
  removed: 'Removed from',
  resent: 'Invite sent again for',
  'not-needed': 'Nothing to send for',
};

/** What a change did, group by group, in words: one line per kind of outcome, refusals with their reason. */
function Outcomes({ outcomes, names }: { outcomes: GroupChangeOutcome[]; names: Map<string, string> }) {
  const name = (id: string) => names.get(id) ?? 'a group';
  const refused = outcomes.filter((o) => o.outcome === 'refused');
  const lines = Object.entries(doneWords).flatMap(([kind, words]) => {
    const groups = outcomes.filter((o) => o.outcome === kind).map((o) => name(o.groupId));
    return groups.length > 0 ? [`${words} ${groups.join(', ')}.`] : [];
  });
  return (
    <MessageBar intent={refused.length > 0 ? 'warning' : 'success'} role="status">
      <MessageBarBody>
        <MessageBarTitle>{refused.length > 0 ? 'Partly done' : 'Done'}</MessageBarTitle>
        {lines.map((line) => (
          <Text block key={line}>
            {line}
          </Text>
        ))}
        {refused.map((o) => (
          <Text block key={o.groupId}>
            Not {name(o.groupId)}: {'reason' in o ? o.reason : ''}
          </Text>
        ))}
        {outcomes.length === 0 && <Text block>There was nothing to change.</Text>}
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
          ← All users
        </Link>
        <ErrorState error={person.error} />
      </div>
    );
  if (!p) return <Spinner label="Loading…" />;

  const name = userName(p.person);
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
        ← All users
      </Link>
      <div className={styles.heading}>
        <Title2 as="h1">{name}</Title2>
        <AccountBadge account={p.account} />
      </div>
      <dl className={styles.facts} aria-label="About them">
        <dt>Phone</dt>
        <dd>{p.person.phone ?? 'Not known'}</dd>
        <dt>E-mail</dt>
        <dd>{p.person.email ?? 'Not given'}</dd>
        <dt>Employee ID</dt>
        <dd>{p.person.employeeId ?? 'Not given'}</dd>
        <dt>Sign-in name</dt>
        <dd>{p.person.userPrincipalName ?? 'Not known yet'}</dd>
        <dt>Last directory lookup</dt>
        <dd>
          {p.lastLookup
            ? `${when(p.lastLookup.at)}: ${lookupWords[p.lastLookup.outcome]}`
            : p.account === 'no-account'
              ? 'Not looked up yet'
              : 'Not needed: their account is known'}
        </dd>
      </dl>
      <div className={styles.toolbar} role="toolbar" aria-label={`Actions on ${name}`}>
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
          Resend invites ({pending.length})
        </Button>
        <Dialog open={confirmAll} onOpenChange={(_e, d) => setConfirmAll(d.open)}>
          <DialogTrigger disableButtonEnhancement>
            <Button disabled={busy || removable.length === 0}>Remove from all groups</Button>
          </DialogTrigger>
          <DialogSurface>
            <DialogBody>
              <DialogTitle>Remove {name} from all groups?</DialogTitle>
              <DialogContent>
                They leave {p.groupTotal === 1 ? 'the group' : `the ${p.groupTotal} groups`} you can see. A
                group whose only admin they are keeps them: promote someone else there first.
              </DialogContent>
              <DialogActions>
                <DialogTrigger disableButtonEnhancement>
                  <Button>Cancel</Button>
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
                  Remove
                </Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      </div>
      {error !== undefined && <ErrorState error={error} title="That did not work" />}
      {outcomes && <Outcomes outcomes={outcomes} names={names} />}
      <section aria-label="Their groups">
        <Title3 as="h2">
          Groups ({p.groupTotal}
          {p.groupTotal > p.groups.length ? `, the first ${p.groups.length} shown` : ''})
        </Title3>
        {p.groups.length === 0 ? (
          <Text block>They are in none of the groups you can see.</Text>
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
