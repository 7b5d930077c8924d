import {
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  Select,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { Audience } from '../../../src/domain/announcements/announcement';
import { api } from '../api/client';
import { AnnouncementCardPreview } from './announcement-card-preview';
import { ErrorState } from './states';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '720px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'end' },
});

/** The sender's own time zone: schedules are written and shown in it. */
const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** `datetime-local` value (the sender's wall clock) → ISO 8601 with the sender's offset. */
function withOffset(local: string): string {
  const at = new Date(local);
  const offset = -at.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  return `${local.length === 16 ? `${local}:00` : local}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

export interface AudienceChoice {
  label: string;
  audience: Audience;
}

/**
 * Compose an announcement: title, text, optional https:// button and Acknowledge, who it goes to (with
 * the number of people it reaches, from the server), now or later in the sender's time zone, previewed
 * as the real card in light and dark.
 */
export function ComposeAnnouncementPanel({
  choices,
  onSent,
}: {
  choices: AudienceChoice[];
  onSent: (id: string) => void;
}) {
  const styles = useStyles();
  const [choice, setChoice] = useState(0);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [linkUrl, setLinkUrl] = useState('');
  const [linkLabel, setLinkLabel] = useState('');
  const [acknowledge, setAcknowledge] = useState(true);
  const [when, setWhen] = useState('');
  const [reach, setReach] = useState<number>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const audience = choices[choice]?.audience;

  useEffect(() => {
    if (!audience) return;
    let live = true;
    setReach(undefined);
    api.post<{ people: number }>('/api/v1/announcements/audience', { audience }).then(
      (r) => live && setReach(r.people),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [audience]);

  const preview = useMemo(
    () => ({
      deliveryId: 'preview',
      title: title || 'Title',
      body: body || 'Your text, as people will read it.',
      senderName: 'You',
      groupName: choices[choice]?.label ?? '',
      link: linkUrl ? { url: linkUrl, label: linkLabel || 'Open' } : null,
      acknowledge,
      reminder: false,
    }),
    [title, body, linkUrl, linkLabel, acknowledge, choice, choices],
  );

  if (choices.length === 0) return <Text>There is no group you may send announcements to.</Text>;
  const send = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await api.post<{ announcement: { id: string } }>('/api/v1/announcements', {
        audience,
        title,
        body,
        linkUrl,
        linkLabel,
        acknowledge,
        sendAt: when ? withOffset(when) : null,
        timeZone,
      });
      onSent(result.announcement.id);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={styles.form}>
      <Field label="Send to">
        <Select value={String(choice)} onChange={(_e, d) => setChoice(Number(d.value))}>
          {choices.map((c, i) => (
            <option key={c.label} value={i}>
              {c.label}
            </option>
          ))}
        </Select>
      </Field>
      <Text aria-live="polite">
        {reach === undefined ? 'Counting people…' : `Reaches ${reach.toLocaleString()} people (each once).`}
      </Text>
      <Field label="Title" required>
        <Input value={title} maxLength={120} onChange={(_e, d) => setTitle(d.value)} />
      </Field>
      <Field
        label="Text"
        hint="**bold**, _italic_, - lists and [links](https://…) as in Teams cards"
        required
      >
        <Textarea value={body} rows={5} onChange={(_e, d) => setBody(d.value)} />
      </Field>
      <div className={styles.row}>
        <Field label="Button link (https://, optional)">
          <Input value={linkUrl} onChange={(_e, d) => setLinkUrl(d.value)} />
        </Field>
        <Field label="Button label">
          <Input value={linkLabel} maxLength={40} onChange={(_e, d) => setLinkLabel(d.value)} />
        </Field>
      </div>
      <Checkbox
        checked={acknowledge}
        onChange={(_e, d) => setAcknowledge(d.checked === true)}
        label='Ask people to acknowledge ("I have read this")'
      />
      <Field label={`Send at (${timeZone}); empty: now`}>
        <Input type="datetime-local" value={when} onChange={(_e, d) => setWhen(d.value)} />
      </Field>
      <Text weight="semibold">Preview</Text>
      <AnnouncementCardPreview content={preview} />
      {error !== undefined && <ErrorState error={error} title="Not sent" />}
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={send}>
          {when ? 'Schedule' : 'Send now'}
        </Button>
      </div>
    </div>
  );
}
