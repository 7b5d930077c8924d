import {
  Button,
  Card,
  CardHeader,
  makeStyles,
  Spinner,
  Text,
  Title2,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useNavigate } from 'react-router-dom';
import type { ManagedGroups } from '../api/types';
import { useApi } from '../api/use-api';
import { AdoptionChart } from '../components/adoption-chart';
import { EmptyState, ErrorState } from '../components/states';

const useStyles = makeStyles({
  steps: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  section: {
    marginTop: tokens.spacingVerticalXXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
});

const steps = [
  {
    title: '1. Move your groups',
    text: 'Group admins open the Convene bot in Teams, say "create group", and share the invite link in their old chat group.',
    action: { label: 'See groups', to: '/groups' },
  },
  {
    title: '2. Create work groups',
    text: 'Build your organisation’s groups and hierarchy here, or upload thousands of people at once from a CSV file.',
    action: { label: 'Bulk upload', to: '/upload' },
  },
  {
    title: '3. Invite and follow up',
    text: 'People get an invite card in Teams and join with one tap. Champs help each group along; posters help everyone find it.',
    action: { label: 'Rollout resources', to: '/resources' },
  },
];

/** Getting started in three steps, then how adoption is going. */
export default function HomePage() {
  const styles = useStyles();
  const navigate = useNavigate();
  const portal = useApi<ManagedGroups>('/api/v1/portal/groups');
  return (
    <>
      <Title2 as="h1">Bring your work chat to Teams</Title2>
      <div className={styles.section}>
        <div className={styles.steps}>
          {steps.map((step) => (
            <Card key={step.title}>
              <CardHeader header={<Title3 as="h2">{step.title}</Title3>} />
              <Text>{step.text}</Text>
              <Button appearance="secondary" onClick={() => navigate(step.action.to)}>
                {step.action.label}
              </Button>
            </Card>
          ))}
        </div>
      </div>
      <section className={styles.section} aria-labelledby="adoption-title">
        <Title3 as="h2" id="adoption-title">
          Adoption
        </Title3>
        {portal.loading && <Spinner size="small" label="Loading adoption…" />}
        {portal.error !== undefined && <ErrorState error={portal.error} onRetry={portal.reload} />}
        {portal.data?.groups.every((g) => g.memberCount === 0 && g.adoption.invited === 0) && (
          <EmptyState title="No one invited yet">
            Once people are added to groups, you will see here how many have joined.
          </EmptyState>
        )}
        {portal.data?.scope === 'none' && (
          <EmptyState title="Nothing to manage yet">
            The portal is for org admins and champs. Ask your Teams admin to make you a champ of a group.
          </EmptyState>
        )}
        {portal.data?.groups.some((g) => g.memberCount > 0) && <AdoptionChart groups={portal.data.groups} />}
      </section>
    </>
  );
}
