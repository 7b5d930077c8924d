import {
  Button,
  Card,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Radio,
  RadioGroup,
  Text,
  Title2,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { ArrowDownloadRegular, DocumentArrowUpRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import { api, download } from '../api/client';
import type { Job, UploadAnswer } from '../api/types';
import { useJobPolling } from '../api/use-job-polling';
import { useMe } from '../api/use-me';
import { JobProgress } from '../components/job-progress';
import { ProblemsPanel } from '../components/problems-panel';
import { RegionPicker } from '../components/region-picker';
import { useErrorText } from '../components/states';
import { useT } from '../i18n/use-t';

const useStyles = makeStyles({
  grid: { display: 'grid', gap: tokens.spacingVerticalL, marginTop: tokens.spacingVerticalM },
  card: { padding: tokens.spacingHorizontalL },
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: tokens.spacingVerticalXXL,
    textAlign: 'center',
    cursor: 'pointer',
    width: '100%',
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    font: 'inherit',
  },
  dropActive: {
    border: `2px dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', alignItems: 'flex-end' },
});

type Kind = 'user-group-mapping' | 'parent-group-mapping';

/** The groups a checked file will create (or, once applied, is creating), named before anything changes. */
function GroupsToCreate({
  groups,
  applied,
}: {
  groups: { count: number; names: string[] };
  applied: boolean;
}) {
  const t = useT();
  const intl = useIntl();
  const more = groups.count - groups.names.length;
  return (
    <MessageBar intent="info">
      <MessageBarBody>
        <MessageBarTitle>
          {t(applied ? 'tab-uploads.groupsToCreate.created' : 'tab-uploads.groupsToCreate.willBe', {
            count: groups.count,
          })}
        </MessageBarTitle>
        {t('tab-uploads.groupsToCreate.names', { names: intl.formatList(groups.names), more })}
      </MessageBarBody>
    </MessageBar>
  );
}

/** Bulk upload: templates, choose a file, see every problem, then apply it and watch the job. */
export default function UploadPage() {
  const styles = useStyles();
  const navigate = useNavigate();
  const t = useT();
  const errorText = useErrorText();
  const me = useMe();
  const input = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<Kind>('user-group-mapping');
  const [region, setRegion] = useState<string>();
  const [file, setFile] = useState<File>();
  const [dragging, setDragging] = useState(false);
  const [answer, setAnswer] = useState<UploadAnswer>();
  const [applied, setApplied] = useState<Job>();
  const [validRowsOnly, setValidRowsOnly] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const job = useJobPolling(applied);
  const effectiveRegion = region ?? me.data?.organisation?.defaultRegion ?? 'US';

  const choose = (chosen: File | undefined) => {
    setFile(chosen);
    setAnswer(undefined);
    setApplied(undefined);
    setError(undefined);
    setValidRowsOnly(false);
  };

  const validate = async () => {
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      const form = new FormData();
      // The server reads the fields before the file, so they go first.
      form.append('kind', kind);
      form.append('region', effectiveRegion);
      form.append('file', file, file.name);
      setAnswer(await api.post<UploadAnswer>('/api/v1/uploads', form));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (!answer) return;
    setConfirming(false);
    setBusy(true);
    setError(undefined);
    try {
      const result = await api.post<{ job: Job }>(`/api/v1/uploads/${answer.job.id}/apply`, {
        validRowsOnly,
      });
      setApplied(result.job);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const hasErrors = (answer?.job.errorCount ?? 0) > 0;
  const canApply =
    answer !== undefined && !applied && (!hasErrors || (validRowsOnly && answer.job.rowsValid > 0));

  return (
    <>
      <Title2 as="h1">{t('tab-uploads.title')}</Title2>
      <div className={styles.grid}>
        <Card className={styles.card}>
          <Title3 as="h2">{t('tab-uploads.step1')}</Title3>
          <Text>{t('tab-uploads.step1.text')}</Text>
          <div className={styles.row}>
            <Button
              icon={<ArrowDownloadRegular />}
              onClick={() => download('/api/v1/templates/user-group-mapping.csv', 'user-group-mapping.csv')}
            >
              {t('tab-uploads.template.userGroupMapping')}
            </Button>
            <Button
              icon={<ArrowDownloadRegular />}
              onClick={() =>
                download('/api/v1/templates/parent-group-mapping.csv', 'parent-group-mapping.csv')
              }
            >
              {t('tab-uploads.template.parentGroupMapping')}
            </Button>
          </div>
        </Card>

        <Card className={styles.card}>
          <Title3 as="h2">{t('tab-uploads.step2')}</Title3>
          <div className={styles.row}>
            <Field label={t('tab-uploads.whatIsInTheFile')}>
              <RadioGroup value={kind} onChange={(_e, d) => setKind(d.value as Kind)} layout="horizontal">
                <Radio value="user-group-mapping" label={t('tab-uploads.kind.userGroupMapping')} />
                <Radio value="parent-group-mapping" label={t('tab-uploads.kind.parentGroupMapping')} />
              </RadioGroup>
            </Field>
            {kind === 'user-group-mapping' && <RegionPicker value={effectiveRegion} onChange={setRegion} />}
          </div>
          <button
            type="button"
            className={`${styles.drop} ${dragging ? styles.dropActive : ''}`}
            onClick={() => input.current?.click()}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(e) => {
              e.preventDefault();
              setDragging(false);
              choose(e.dataTransfer.files[0]);
            }}
          >
            <DocumentArrowUpRegular fontSize={32} />
            <Text block>
              {file
                ? t('tab-uploads.chosenFile', { name: file.name, kilobytes: Math.ceil(file.size / 1024) })
                : t('tab-uploads.drop')}
            </Text>
          </button>
          <input
            ref={input}
            type="file"
            accept=".csv,text/csv"
            hidden
            data-testid="upload-file"
            onChange={(e) => choose(e.target.files?.[0])}
          />
          <div>
            <Button appearance="primary" disabled={!file || busy} onClick={validate}>
              {t('tab-uploads.check')}
            </Button>
          </div>
          {error && (
            <MessageBar intent="error" role="alert">
              <MessageBarBody>{error}</MessageBarBody>
            </MessageBar>
          )}
        </Card>

        {answer && (
          <Card className={styles.card}>
            <Title3 as="h2">{t('tab-uploads.step3')}</Title3>
            {applied ? null : hasErrors ? (
              <MessageBar intent="error">
                <MessageBarBody>
                  <MessageBarTitle>
                    {t('tab-uploads.problems.title', { count: answer.job.errorCount })}
                  </MessageBarTitle>
                  {t('tab-uploads.problems.text', { valid: answer.job.rowsValid })}
                </MessageBarBody>
              </MessageBar>
            ) : (
              <MessageBar intent="success">
                <MessageBarBody>
                  <MessageBarTitle>{t('tab-uploads.ready.title')}</MessageBarTitle>
                  {t('tab-uploads.ready.text', {
                    rows: answer.job.rowsTotal,
                    warnings: answer.job.warningCount,
                  })}
                </MessageBarBody>
              </MessageBar>
            )}
            {answer.job.groupsToCreate && answer.job.groupsToCreate.count > 0 && (
              <GroupsToCreate groups={answer.job.groupsToCreate} applied={applied !== undefined} />
            )}
            {answer.totals.length > 0 && (
              <ProblemsPanel
                title={t('tab-uploads.problems.inTheFile')}
                path={`/api/v1/uploads/${answer.job.id}/problems`}
                totals={answer.totals}
                entriesKey="problems"
              />
            )}
            {hasErrors && !applied && (
              <Checkbox
                checked={validRowsOnly}
                onChange={(_e, d) => setValidRowsOnly(Boolean(d.checked))}
                label={t('tab-uploads.validRowsOnly', {
                  valid: answer.job.rowsValid,
                  invalid: answer.job.rowsInvalid,
                })}
              />
            )}
            <div>
              <Button
                appearance="primary"
                disabled={!canApply || busy}
                onClick={() => (validRowsOnly ? setConfirming(true) : apply())}
              >
                {t('tab-uploads.upload')}
              </Button>
            </div>
          </Card>
        )}

        {job && (
          <Card className={styles.card}>
            <Title3 as="h2">{t('tab-uploads.step4')}</Title3>
            <JobProgress job={job} />
            <Link onClick={() => navigate(`/jobs/${job.id}`)}>{t('tab-uploads.openLog')}</Link>
          </Card>
        )}
      </div>

      <Dialog open={confirming} onOpenChange={(_e, d) => setConfirming(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('tab-uploads.confirm.title')}</DialogTitle>
            <DialogContent>
              {t('tab-uploads.confirm.text', { invalid: answer?.job.rowsInvalid ?? 0 })}
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setConfirming(false)}>{t('tab-common.cancel')}</Button>
              <Button appearance="primary" onClick={apply}>
                {t('tab-uploads.confirm.apply', { valid: answer?.job.rowsValid ?? 0 })}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
