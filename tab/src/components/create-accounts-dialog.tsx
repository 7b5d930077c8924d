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
import type { AccountCreationReport } from '../../../src/domain/accounts/account-creation-report';
import type { DryRunView } from '../../../src/domain/accounts/create-accounts';
import { api } from '../api/client';
import { countOf, ErrorState } from './states';

const BASE = '/api/v1/portal/account-creation';

const useStyles = makeStyles({
  surface: { maxWidth: '960px', width: '95vw' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  scroll: { maxHeight: '50vh', overflowY: 'auto' },
  // Columns as wide as what they hold: sign-in names are long, usage locations two letters.
  fit: { tableLayout: 'auto' },
});

const planWords = {
  create: 'Will be created',
  'needs-name': 'Needs a name',
  'needs-latin-name': 'Needs a name in Latin letters',
} as const;

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
            ? 'Create accounts for everyone without one…'
            : `Create accounts (${personIds.length})…`}
        </Button>
      </DialogTrigger>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>Create Microsoft 365 accounts</DialogTitle>
          <DialogContent className={styles.content}>
            {!dryRun && !jobId && (
              <Text block>
                First see who would get an account, and under which names. Nothing changes until you press
                Create.
              </Text>
            )}
            {dryRun && !jobId && (
              <>
                <Text block>
                  {toCreate} account{toCreate === 1 ? '' : 's'} would be created.
                  {dryRun.notEligible > 0 &&
                    ` ${dryRun.notEligible} of the chosen people already have an account or no phone number.`}
                  {dryRun.truncated && ' Only the first 5,000 are shown; run again afterwards for the rest.'}
                </Text>
                <div className={styles.scroll}>
                  <Table aria-label="Who would get an account" className={styles.fit}>
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell>Name</TableHeaderCell>
                        <TableHeaderCell>Phone</TableHeaderCell>
                        <TableHeaderCell>Sign-in name</TableHeaderCell>
                        <TableHeaderCell>Usage location</TableHeaderCell>
                        <TableHeaderCell>What happens</TableHeaderCell>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {dryRun.people.map((p) => (
                        <TableRow key={p.personId}>
                          <TableCell>{p.displayName ?? '—'}</TableCell>
                          <TableCell>{p.phone}</TableCell>
                          <TableCell>{p.userPrincipalName ?? '—'}</TableCell>
                          <TableCell>{p.usageLocation}</TableCell>
                          <TableCell>
                            <Badge appearance="tint" color={p.status === 'create' ? 'brand' : 'warning'}>
                              {planWords[p.status]}
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
                      ? 'Finished'
                      : report.status === 'failed'
                        ? 'Stopped'
                        : 'Creating accounts…'
                  }
                  validationState={report.status === 'failed' ? 'error' : 'none'}
                  validationMessage={`${report.progress.done} of ${countOf(report.progress.total, 'person', 'people')}${report.lastError ? ` — ${report.lastError}` : ''}`}
                >
                  <ProgressBar
                    aria-label="Account creation progress"
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
                <Text>
                  Created {report.counts.created} · with problems {report.counts.partial} · failed{' '}
                  {report.counts.failed} · skipped {report.counts.skipped}
                </Text>
                <div className={styles.scroll}>
                  <Table aria-label="Per-person report" className={styles.fit}>
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell>Name</TableHeaderCell>
                        <TableHeaderCell>Sign-in name</TableHeaderCell>
                        <TableHeaderCell>Outcome</TableHeaderCell>
                        <TableHeaderCell>Why</TableHeaderCell>
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {report.people.map((p) => (
                        <TableRow key={p.personId}>
                          <TableCell>{p.displayName || p.phone}</TableCell>
                          <TableCell>{p.userPrincipalName ?? '—'}</TableCell>
                          <TableCell>
                            {p.outcome ? (
                              <Badge appearance="tint" color={outcomeColour[p.outcome]}>
                                {p.outcome}
                              </Badge>
                            ) : (
                              'working…'
                            )}
                          </TableCell>
                          <TableCell>{p.reasonCode ? `${p.reasonCode}: ${p.reason}` : ''}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </div>
              </>
            )}
            {error !== undefined && <ErrorState error={error} title="Could not create the accounts" />}
          </DialogContent>
          <DialogActions>
            {!jobId && (
              <Button
                disabled={busy}
                onClick={() =>
                  act(async () => setDryRun(await api.post<DryRunView>(`${BASE}/dry-run`, selection)))
                }
              >
                {dryRun ? 'Dry run again' : 'Dry run'}
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
                Create {toCreate} account{toCreate === 1 ? '' : 's'}
              </Button>
            )}
            <DialogTrigger disableButtonEnhancement>
              <Button>Close</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
