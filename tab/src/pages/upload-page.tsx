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
import { useNavigate } from 'react-router-dom';
import { api, download } from '../api/client';
import type { Job, UploadAnswer } from '../api/types';
import { useJobPolling } from '../api/use-job-polling';
import { useMe } from '../api/use-me';
import { JobProgress } from '../components/job-progress';
import { ProblemsPanel } from '../components/problems-panel';
import { RegionPicker } from '../components/region-picker';
import { errorText } from '../components/states';

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
  const more = groups.count - groups.names.length;
  return (
    <MessageBar intent="info">
      <MessageBarBody>
        <MessageBarTitle>
          {groups.count} {groups.count === 1 ? 'group' : 'groups'}{' '}
          {applied ? 'created by this file' : 'will be created'}
        </MessageBarTitle>
        {groups.names.join(', ')}
        {more > 0 ? ` and ${more} more` : ''}.
      </MessageBarBody>
    </MessageBar>
  );
}

/** Bulk upload: templates, choose a file, see every problem, then apply it and watch the job. */
export default function UploadPage() {
  const styles = useStyles();
  const navigate = useNavigate();
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
      <Title2 as="h1">Bulk upload</Title2>
      <div className={styles.grid}>
        <Card className={styles.card}>
          <Title3 as="h2">1. Start from a template</Title3>
          <Text>
            The User Group Mapping file lists group name, phone number and user type; the Parent Group Mapping
            file sets up the hierarchy. Open them in Excel, keep the header row, and save as CSV.
          </Text>
          <div className={styles.row}>
            <Button
              icon={<ArrowDownloadRegular />}
              onClick={() => download('/api/v1/templates/user-group-mapping.csv', 'user-group-mapping.csv')}
            >
              User Group Mapping template
            </Button>
            <Button
              icon={<ArrowDownloadRegular />}
              onClick={() =>
                download('/api/v1/templates/parent-group-mapping.csv', 'parent-group-mapping.csv')
              }
            >
              Parent Group Mapping template
            </Button>
          </div>
        </Card>

        <Card className={styles.card}>
          <Title3 as="h2">2. Choose your file</Title3>
          <div className={styles.row}>
            <Field label="What is in the file">
              <RadioGroup value={kind} onChange={(_e, d) => setKind(d.value as Kind)} layout="horizontal">
                <Radio value="user-group-mapping" label="User Group Mapping" />
                <Radio value="parent-group-mapping" label="Parent Group Mapping" />
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
                ? `${file.name} (${Math.ceil(file.size / 1024)} KB)`
                : 'Drop a CSV file here, or choose one'}
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
              Check the file
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
            <Title3 as="h2">3. Problems</Title3>
            {applied ? null : hasErrors ? (
              <MessageBar intent="error">
                <MessageBarBody>
                  <MessageBarTitle>
                    {answer.job.errorCount} {answer.job.errorCount === 1 ? 'problem needs' : 'problems need'}{' '}
                    fixing
                  </MessageBarTitle>
                  Nothing has been changed. Fix the file and check it again, or apply only the{' '}
                  {answer.job.rowsValid} valid rows.
                </MessageBarBody>
              </MessageBar>
            ) : (
              <MessageBar intent="success">
                <MessageBarBody>
                  <MessageBarTitle>The file is ready</MessageBarTitle>
                  {answer.job.rowsTotal} rows checked
                  {answer.job.warningCount > 0
                    ? `, with ${answer.job.warningCount} warnings worth a look`
                    : ''}
                  . Nothing has been changed yet.
                </MessageBarBody>
              </MessageBar>
            )}
            {answer.job.groupsToCreate && answer.job.groupsToCreate.count > 0 && (
              <GroupsToCreate groups={answer.job.groupsToCreate} applied={applied !== undefined} />
            )}
            {answer.totals.length > 0 && (
              <ProblemsPanel
                title="Problems in the file"
                path={`/api/v1/uploads/${answer.job.id}/problems`}
                totals={answer.totals}
                entriesKey="problems"
              />
            )}
            {hasErrors && !applied && (
              <Checkbox
                checked={validRowsOnly}
                onChange={(_e, d) => setValidRowsOnly(Boolean(d.checked))}
                label={`Apply the ${answer.job.rowsValid} valid rows only and leave out the ${answer.job.rowsInvalid} with errors`}
              />
            )}
            <div>
              <Button
                appearance="primary"
                disabled={!canApply || busy}
                onClick={() => (validRowsOnly ? setConfirming(true) : apply())}
              >
                Upload
              </Button>
            </div>
          </Card>
        )}

        {job && (
          <Card className={styles.card}>
            <Title3 as="h2">4. Job</Title3>
            <JobProgress job={job} />
            <Link onClick={() => navigate(`/jobs/${job.id}`)}>Open the job’s detailed log</Link>
          </Card>
        )}
      </div>

      <Dialog open={confirming} onOpenChange={(_e, d) => setConfirming(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Apply valid rows only?</DialogTitle>
            <DialogContent>
              {answer?.job.rowsInvalid} rows with errors will be left out. You can fix them and upload them
              later.
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setConfirming(false)}>Cancel</Button>
              <Button appearance="primary" onClick={apply}>
                Apply {answer?.job.rowsValid} rows
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
