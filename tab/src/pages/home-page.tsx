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
import { useT } from '../i18n/use-t';

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

/** The three steps, by their catalogue ids (`tab-shell.home.stepN.title|text|action`), and where each leads. */
const steps = [
  { id: 'tab-shell.home.step1', to: '/groups' },
  { id: 'tab-shell.home.step2', to: '/upload' },
  { id: 'tab-shell.home.step3', to: '/resources' },
];

/** Getting started in three steps, then how adoption is going. */
export default function HomePage() {
  const styles = useStyles();
  const navigate = useNavigate();
  const t = useT();
  const portal = useApi<ManagedGroups>('/api/v1/portal/groups');
  return (
    <>
      <Title2 as="h1">{t('tab-shell.home.title')}</Title2>
      <div className={styles.section}>
        <div className={styles.steps}>
          {steps.map((step) => (
            <Card key={step.id}>
              <CardHeader header={<Title3 as="h2">{t(`${step.id}.title`)}</Title3>} />
              <Text>{t(`${step.id}.text`)}</Text>
              <Button appearance="secondary" onClick={() => navigate(step.to)}>
                {t(`${step.id}.action`)}
              </Button>
            </Card>
          ))}
        </div>
      </div>
      <section className={styles.section} aria-labelledby="adoption-title">
        <Title3 as="h2" id="adoption-title">
          {t('tab-shell.home.adoption')}
        </Title3>
        {portal.loading && <Spinner size="small" label={t('tab-shell.home.loadingAdoption')} />}
        {portal.error !== undefined && <ErrorState error={portal.error} onRetry={portal.reload} />}
        {portal.data?.groups.every((g) => g.memberCount === 0 && g.adoption.invited === 0) && (
          <EmptyState title={t('tab-shell.home.noneInvited.title')}>
            {t('tab-shell.home.noneInvited.text')}
          </EmptyState>
        )}
        {portal.data?.scope === 'none' && (
          <EmptyState title={t('tab-shell.home.nothingToManage.title')}>
            {t('tab-shell.home.nothingToManage.text')}
          </EmptyState>
        )}
        {portal.data?.groups.some((g) => g.memberCount > 0) && <AdoptionChart groups={portal.data.groups} />}
      </section>
    </>
  );
}
