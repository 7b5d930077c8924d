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
import { type IntlShape, useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import type { GroupDetail, ManagedGroup, ManagedGroups, MemberPage } from '../api/types';
import { useApi } from '../api/use-api';
import { ChampsPanel } from '../components/champs-panel';
import { isolatedIn, leftToRightIn } from '../components/left-to-right';
import { EmptyState, ErrorState } from '../components/states';

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

/** The four duties, each a title and a text in the catalogue (`tab-champs.duty.<duty>.title|text`). */
const duties = ['engagement', 'moderation', 'helping', 'management'];

/** "Champs: Chandra, +91 99885 54405", or that there is none: what a group's header says about its champs. */
const champLine = (group: ManagedGroup, intl: IntlShape): string =>
  group.champs.length === 0
    ? intl.formatMessage({ id: 'tab-champs.line.none' })
    : intl.formatMessage(
        { id: 'tab-champs.line' },
        {
          count: group.champs.length,
          names: intl.formatList(
            group.champs.map(
              (c) =>
                (c.displayName && isolatedIn(intl)(c.displayName)) ??
                intl.formatMessage(
                  { id: 'tab-champs.line.unnamed' },
                  {
                    phone: c.phone
                      ? leftToRightIn(intl)(c.phone)
                      : intl.formatMessage({ id: 'tab-champs.someone' }),
                  },
                ),
            ),
            { type: 'unit', style: 'short' },
          ),
        },
      );

/** One group's champs, loaded when its panel is opened. */
function GroupChamps({ groupId, onChanged }: { groupId: string; onChanged: () => void }) {
  const intl = useIntl();
  const detail = useApi<GroupDetail>(`/api/v1/groups/${groupId}`);
  // The first 500 (admins first) are the candidates offered; a group's champs are usually its admins.
  const members = useApi<MemberPage>(`/api/v1/groups/${groupId}/members?limit=500`);
  if (detail.error !== undefined) return <ErrorState error={detail.error} onRetry={detail.reload} />;
  if (!detail.data)
    return <Spinner size="tiny" label={intl.formatMessage({ id: 'tab-champs.loadingChamps' })} />;
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
  const intl = useIntl();
  const say = (id: string) => intl.formatMessage({ id });
  const portal = useApi<ManagedGroups>('/api/v1/portal/groups');
  const groups = (portal.data?.groups ?? []).filter((g) => g.organisationId);
  return (
    <>
      <Title2 as="h1">{say('tab-champs.title')}</Title2>
      <Text block>{say('tab-champs.intro')}</Text>
      <div className={styles.duties}>
        {duties.map((d) => (
          <Card key={d}>
            <Title3 as="h2">{say(`tab-champs.duty.${d}.title`)}</Title3>
            <Text>{say(`tab-champs.duty.${d}.text`)}</Text>
          </Card>
        ))}
      </div>
      <div className={styles.list}>
        <Title3 as="h2">{say('tab-champs.perGroup')}</Title3>
        {portal.loading && !portal.data && <Spinner label={say('tab-champs.loadingGroups')} />}
        {portal.error !== undefined && <ErrorState error={portal.error} onRetry={portal.reload} />}
        {portal.data && groups.length === 0 && (
          <EmptyState title={say('tab-champs.noGroups.title')}>{say('tab-champs.noGroups.text')}</EmptyState>
        )}
        <Accordion collapsible multiple>
          {groups.map((g) => (
            <AccordionItem key={g.id} value={g.id}>
              <AccordionHeader>
                <span className={styles.header}>
                  <Text weight="semibold">{g.name}</Text>
                  <Badge appearance="outline" className={styles.count}>
                    {intl.formatMessage({ id: 'common.members' }, { count: g.memberCount })}
                  </Badge>
                  <Text size={200} className={styles.champNames} data-testid="champ-line">
                    {champLine(g, intl)}
                  </Text>
                </span>
              </AccordionHeader>
              <AccordionPanel className={styles.panel}>
                <GroupChamps groupId={g.id} onChanged={portal.reload} />
                <Link onClick={() => navigate(`/groups/${g.id}`)}>{say('tab-champs.openGroup')}</Link>
              </AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      </div>
    </>
  );
}
