import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  makeStyles,
  ProgressBar,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import type { AccountCreationReport } from '../../../src/domain/accounts/account-creation-report';
import type { DryRunView } from '../../../src/domain/accounts/create-accounts';
import { api } from '../api/client';
import { accountReasonWords } from '../i18n/account-setting-words';
import { LeftToRight } from './left-to-right';
import { ErrorState } from './states';

/** Reasons whose stored words carry what Entra answered (English, as Graph said it): kept beside ours. */
const withEntraText = new Set([
  'ACCOUNT_REFUSED',
  'PHONE_METHOD_REFUSED',
  'SMS_SIGN_IN_CONFLICT',
  'SMS_SIGN_IN_REFUSED',
  'LICENCE_GROUP_REFUSED',
]);

const BASE = '/api/v1/portal/account-creation';

const useStyles = makeStyles({
  surface: { maxWidth: '960px', width: '95vw' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  scroll: { maxHeight: '50vh', overflowY: 'auto' },
  // Columns as wide as what they hold: sign-in names are long, usage locations two letters.
  fit: { tableLayout: 'auto' },
});

const planWords = {
  create: 'tab-people.createAccounts.plan.create',
  'needs-name': 'tab-people.createAccounts.plan.needsName',
  'needs-latin-name': 'tab-people.createAccounts.plan.needsLatinName',
} as const;

const outcomeWords = {
  created: 'tab-people.createAccounts.outcome.created',
  partial: 'tab-people.createAccounts.outcome.partial',
  failed: 'tab-people.createAccounts.outcome.failed',
  skipped: 'tab-people.createAccounts.outcome.skipped',
} as const;

/** The most people a dry run lists (the server's MAX_PEOPLE_PER_RUN), said when it cut the list short. */
const DRY_RUN_SHOWN = 5000;

const outcomeColour = {
  created: 'success',
  partial: 'warning',
  failed: 'danger',
  skipped: 'informative',
} as const;

/**
 * Create accounts for the chosen people (or everyone without one): a dry run lists who would get an
 * account under which names, then Create starts the job and shows its progress and per-person report.
 */
export function CreateAccountsDialog({
  personIds,
  onFinished,
}: {
  personIds: string[] | 'all';
  /** Called once the job has finished (the page lists who still has no account). */
  onFinished?: () => void;
}) {
  const styles = useStyles();
  const intl = useIntl();
  const say = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const selection = personIds === 'all' ? { all: true } : { personIds };
  const [dryRun, setDryRun] = useState<DryRunView>();
  const [jobId, setJobId] = useState<string>();
  const [report, setReport] = useState<AccountCreationReport>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new callback from the page must not restart polling
  useEffect(() => {
    if (!jobId) return;
    let live = true;
    const poll = async () => {
      try {
        const next = await api.get<AccountCreationReport>(`${BASE}/jobs/${jobId}`);
        if (!live) return;
        setReport(next);
        if (next.status === 'queued' || next.status === 'running') setTimeout(poll, 1000);
        else onFinished?.();
      } catch (e) {
        if (live) setError(e);
      }
    };
    void poll();
    return () => {
      live = false;
    };
  }, [jobId]);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await work();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const toCreate = dryRun?.people.filter((p) => p.status === 'create').length ?? 0;

  return (
    <Dialog>
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="primary">
          {personIds === 'all'
            ? say('tab-people.createAccounts.openAll')
            : say('tab-people.createAccounts.openSome', { count: personIds.length })}
        </Button>
      </DialogTrigger>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{say('tab-people.createAccounts.title')}</DialogTitle>
          <DialogContent className={styles.content}>
            {!dryRun && !jobId && <Text block>{say('tab-people.createAccounts.intro')}</Text>}
            {dryRun && !jobId && (
              <>
                <Text block>
                  {say('tab-people.createAccounts.wouldCreate', { count: toCreate })}
                  {dryRun.notEligible > 0 &&
                    ` ${say('tab-people.createAccounts.notEligible', { count: dryRun.notEligible })}`}
                  {dryRun.truncated &&
                    ` ${say('tab-people.createAccounts.truncated', { shown: DRY_RUN_SHOWN })}`}
                </Text>
                <div className={styles.scroll}>
                  <Table aria-label={say('tab-people.createAccounts.plan')} className={styles.fit}>
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell>{say('tab-people.createAccounts.name')}</TableHeaderCell>
                        <TableHeaderCell>{say('tab-people.column.phone')}</TableHeaderCell>
                        <TableHeaderCell>{say('tab-people.createAccounts.signInName')}</TableHeaderCell>
                        <TableHeaderCell>{say('tab-people.createAccounts.usageLocation')}</TableHeaderCell>
                        <TableHeaderCell>{say('tab-people.createAccounts.whatHappens')}</TableHeaderCell>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {dryRun.people.map((p) => (
                        <TableRow key={p.personId}>
                          <TableCell>{p.displayName ?? '—'}</TableCell>
                          <TableCell>
                            <LeftToRight>{p.phone}</LeftToRight>
                          </TableCell>
                          <TableCell>
                            {p.userPrincipalName ? <LeftToRight>{p.userPrincipalName}</LeftToRight> : '—'}
                          </TableCell>
                          <TableCell>{p.usageLocation}</TableCell>
                          <TableCell>
                            <Badge appearance="tint" color={p.status === 'create' ? 'brand' : 'warning'}>
                              {say(planWords[p.status])}
                            </Badge>
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </div>
              </>
            )}
            {report && (
              <>
                <Field
                  label={
                    report.status === 'succeeded'
                      ? say('tab-people.createAccounts.finished')
                      : report.status === 'failed'
                        ? say('tab-people.createAccounts.stopped')
                        : say('tab-people.createAccounts.creating')
                  }
                  validationState={report.status === 'failed' ? 'error' : 'none'}
                  validationMessage={
                    report.lastError
                      ? say('tab-people.createAccounts.progressWithError', {
                          done: report.progress.done,
                          total: report.progress.total,
                          error: report.lastError,
                        })
                      : say('tab-people.createAccounts.progress', {
                          done: report.progress.done,
                          total: report.progress.total,
                        })
                  }
                >
                  <ProgressBar
                    aria-label={say('tab-people.createAccounts.progressLabel')}
                    thickness="large"
                    value={report.progress.total === 0 ? 0 : report.progress.done / report.progress.total}
                    color={
                      report.status === 'failed'
                        ? 'error'
                        : report.status === 'succeeded'
                          ? 'success'
                          : 'brand'
                    }
                  />
                </Field>
                <Text>{say('tab-people.createAccounts.counts', { ...report.counts })}</Text>
                <div className={styles.scroll}>
                  <Table aria-label={say('tab-people.createAccounts.report')} className={styles.fit}>
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell>{say('tab-people.createAccounts.name')}</TableHeaderCell>
                        <TableHeaderCell>{say('tab-people.createAccounts.signInName')}</TableHeaderCell>
                        <TableHeaderCell>{say('tab-people.createAccounts.outcome')}</TableHeaderCell>
                        <TableHeaderCell>{say('tab-people.createAccounts.why')}</TableHeaderCell>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {report.people.map((p) => (
                        <TableRow key={p.personId}>
                          <TableCell>{p.displayName || p.phone}</TableCell>
                          <TableCell>
                            {p.userPrincipalName ? <LeftToRight>{p.userPrincipalName}</LeftToRight> : '—'}
                          </TableCell>
                          <TableCell>
                            {p.outcome ? (
                              <Badge appearance="tint" color={outcomeColour[p.outcome]}>
                                {say(outcomeWords[p.outcome])}
                              </Badge>
                            ) : (
                              say('tab-people.createAccounts.working')
                            )}
                          </TableCell>
                          <TableCell>
                            {p.reasonCode &&
                              (accountReasonWords(p.reasonCode, intl) ?? (
                                <bdi>{`${p.reasonCode}: ${p.reason}`}</bdi>
                              ))}
                            {p.reasonCode && withEntraText.has(p.reasonCode) && p.reason && (
                              <>
                                {' '}
                                <bdi>{p.reason}</bdi>
                              </>
                            )}
                          </TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </div>
              </>
            )}
            {error !== undefined && (
              <ErrorState error={error} title={say('tab-people.createAccounts.failed')} />
            )}
          </DialogContent>
          <DialogActions>
            {!jobId && (
              <Button
                disabled={busy}
                onClick={() =>
                  act(async () => setDryRun(await api.post<DryRunView>(`${BASE}/dry-run`, selection)))
                }
              >
                {say(dryRun ? 'tab-people.createAccounts.dryRunAgain' : 'tab-people.createAccounts.dryRun')}
              </Button>
            )}
            {dryRun && !jobId && (
              <Button
                appearance="primary"
                disabled={busy || toCreate === 0}
                onClick={() =>
                  act(async () =>
                    setJobId((await api.post<{ jobId: string }>(`${BASE}/jobs`, selection)).jobId),
                  )
                }
              >
                {say('tab-people.createAccounts.create', { count: toCreate })}
              </Button>
            )}
            <DialogTrigger disableButtonEnhancement>
              <Button>{say('tab-people.createAccounts.close')}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
