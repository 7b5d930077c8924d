import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Card,
  Link,
  makeStyles,
  Spinner,
  Text,
  Title2,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useNavigate } from 'react-router-dom';
import type { GroupDetail, ManagedGroup, ManagedGroups, MemberPage } from '../api/types';
import { useApi } from '../api/use-api';
import { ChampsPanel } from '../components/champs-panel';
import { EmptyState, ErrorState, memberCountLabel } from '../components/states';

const useStyles = makeStyles({
  duties: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(220px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  list: {
    marginTop: tokens.spacingVerticalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  // Beside a long group name on a phone the count keeps its words on one line.
  count: { whiteSpace: 'nowrap', flexShrink: 0 },
  header: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
  champNames: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  panel: { padding: `${tokens.spacingVerticalS} 0 ${tokens.spacingVerticalL}` },
});

const duties = [
  {
    title: 'User engagement',
    text: 'Welcome newcomers, send the invite card again to those who have not joined, share training material and post announcements.',
  },
  {
    title: 'Content moderation',
    text: 'Keep the group on topic and respectful, following your organisation’s guidelines; remove what does not belong.',
  },
  {
    title: 'Helping users',
    text: 'Show people how to join and post their first message; pass technical problems to IT.',
  },
  {
    title: 'User management',
    text: 'Add people who should be in the group and remove those who left; keep the member list true.',
  },
];

/** "Champs: Chandra, +91 99885 54405", or that there is none: what a group's header says about its champs. */
const champLine = (group: ManagedGroup): string =>
  group.champs.length === 0
    ? 'No champ yet'
    : `${group.champs.length === 1 ? 'Champ' : 'Champs'}: ${group.champs
        .map((c) => c.displayName ?? `${c.phone ?? 'someone'} (name once they sign in)`)
        .join(', ')}`;

/** One group's champs, loaded when its panel is opened. */
function GroupChamps({ groupId, onChanged }: { groupId: string; onChanged: () => void }) {
  const detail = useApi<GroupDetail>(`/api/v1/groups/${groupId}`);
  // The first 500 (admins first) are the candidates offered; a group's champs are usually its admins.
  const members = useApi<MemberPage>(`/api/v1/groups/${groupId}/members?limit=500`);
  if (detail.error !== undefined) return <ErrorState error={detail.error} onRetry={detail.reload} />;
  if (!detail.data) return <Spinner size="tiny" label="Loading champs…" />;
  return (
    <ChampsPanel
      groupId={groupId}
      champs={detail.data.champs}
      members={members.data?.members ?? []}
      mayAssign={detail.data.allowed['assign-champs']}
      onChanged={() => {
        detail.reload();
        onChanged();
      }}
    />
  );
}

/** Champs: what a champ does, and for each group who its champs are, assigned and unassigned in place. */
export default function ChampsPage() {
  const styles = useStyles();
  const navigate = useNavigate();
  const portal = useApi<ManagedGroups>('/api/v1/portal/groups');
  const groups = (portal.data?.groups ?? []).filter((g) => g.organisationId);
  return (
    <>
      <Title2 as="h1">Champs</Title2>
      <Text block>Champs are the stewards of a group. They look after four things:</Text>
      <div className={styles.duties}>
        {duties.map((d) => (
          <Card key={d.title}>
            <Title3 as="h2">{d.title}</Title3>
            <Text>{d.text}</Text>
          </Card>
        ))}
      </div>
      <div className={styles.list}>
        <Title3 as="h2">Champs per group</Title3>
        {portal.loading && !portal.data && <Spinner label="Loading groups…" />}
        {portal.error !== undefined && <ErrorState error={portal.error} onRetry={portal.reload} />}
        {portal.data && groups.length === 0 && (
          <EmptyState title="No organisation groups yet">
            Create groups first, then pick their champs.
          </EmptyState>
        )}
        <Accordion collapsible multiple>
          {groups.map((g) => (
            <AccordionItem key={g.id} value={g.id}>
              <AccordionHeader>
                <span className={styles.header}>
                  <Text weight="semibold">{g.name}</Text>
                  <Badge appearance="outline" className={styles.count}>
                    {memberCountLabel(g.memberCount)}
                  </Badge>
                  <Text size={200} className={styles.champNames} data-testid="champ-line">
                    {champLine(g)}
                  </Text>
                </span>
              </AccordionHeader>
              <AccordionPanel className={styles.panel}>
                <GroupChamps groupId={g.id} onChanged={portal.reload} />
                <Link onClick={() => navigate(`/groups/${g.id}`)}>Open the group</Link>
              </AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      </div>
    </>
  );
}
