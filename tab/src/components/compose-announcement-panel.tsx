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
import { useIntl } from 'react-intl';
import type { Announcement, Audience } from '../../../src/domain/announcements/announcement';
import { api } from '../api/client';
import { AnnouncementCardPreview } from './announcement-card-preview';
import { ErrorState, useErrorText } from './states';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '720px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'end' },
});

/** The sender's own time zone: schedules are written and shown in it. */
const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');

/** `datetime-local` value (the sender's wall clock) → ISO 8601 with the sender's offset. */
function withOffset(local: string): string {
  const at = new Date(local);
  const offset = -at.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return `${local.length === 16 ? `${local}:00` : local}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

/** An instant → the `datetime-local` value of the sender's wall clock (to edit a scheduled time). */
function localValue(iso: string): string {
  const at = new Date(iso);
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

export interface AudienceChoice {
  label: string;
  audience: Audience;
}

const sameAudience = (a: Audience, b: Audience) =>
  a.kind === b.kind &&
  (a.kind === 'organisation'
    ? a.organisationId === (b as { organisationId?: string }).organisationId
    : a.groupId === (b as { groupId?: string }).groupId);

/**
 * Compose an announcement: title, text, optional https:// button and Acknowledge, who it goes to (with
 * the number of people it reaches, from the server), now or later in the sender's time zone, previewed
 * as the real card in light and dark. Given `editing` (a scheduled announcement), the form starts filled
 * in, its audience stays as it was, and saving rewrites it through `PUT` (refused once it started).
 */
export function ComposeAnnouncementPanel({
  choices,
  onSent,
  editing,
  onClose,
}: {
  choices: AudienceChoice[];
  onSent: (id: string) => void;
  editing?: Announcement;
  onClose?: () => void;
}) {
  const styles = useStyles();
  const intl = useIntl();
  const w = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const fixed = editing
    ? (choices.find((c) => sameAudience(c.audience, editing.audience)) ?? {
        label: '',
        audience: editing.audience,
      })
    : undefined;
  const [choice, setChoice] = useState(0);
  const [title, setTitle] = useState(editing?.title ?? '');
  const [body, setBody] = useState(editing?.body ?? '');
  const [linkUrl, setLinkUrl] = useState(editing?.link?.url ?? '');
  const [linkLabel, setLinkLabel] = useState(editing?.link?.label ?? '');
  const [acknowledge, setAcknowledge] = useState(editing?.acknowledge ?? true);
  const [postInChannel, setPostInChannel] = useState(editing?.postInChannel ?? false);
  const [when, setWhen] = useState(editing ? localValue(editing.sendAt) : '');
  const [imageId, setImageId] = useState(editing?.image?.path ?? '');
  const [uploading, setUploading] = useState(false);
  /** A refused picture is told beside the picture field, where the sender is looking, not under "Not sent". */
  const [imageError, setImageError] = useState<unknown>();
  const imageErrorText = useErrorText();
  const [reach, setReach] = useState<number>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const picked = fixed ?? choices[choice];
  const audience = picked?.audience;

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
      title: title || intl.formatMessage({ id: 'tab-announcements.compose.previewTitle' }),
      body: body || intl.formatMessage({ id: 'tab-announcements.compose.previewBody' }),
      senderName: intl.formatMessage({ id: 'tab-announcements.compose.previewSender' }),
      groupName: picked?.label ?? '',
      imagePath: null,
      link: linkUrl
        ? {
            url: linkUrl,
            label: linkLabel || intl.formatMessage({ id: 'tab-announcements.compose.linkLabelDefault' }),
          }
        : null,
      acknowledge,
      reminder: false,
    }),
    [title, body, linkUrl, linkLabel, acknowledge, picked, intl],
  );

  // The picture goes up on its own as soon as it is chosen: the server checks and re-encodes it.
  const uploadImage = async (file: File) => {
    if (!audience) return;
    setUploading(true);
    setImageError(undefined);
    const where =
      audience.kind === 'organisation'
        ? `kind=organisation&organisationId=${encodeURIComponent(audience.organisationId)}`
        : `kind=${audience.kind}&groupId=${encodeURIComponent(audience.groupId)}`;
    try {
      const result = await api.post<{ imageId: string }>(`/api/v1/announcements/images?${where}`, file);
      setImageId(result.imageId);
    } catch (e) {
      setImageError(e);
    } finally {
      setUploading(false);
    }
  };

  if (!picked) return <Text>{w('tab-announcements.compose.noGroup')}</Text>;
  const send = async () => {
    setBusy(true);
    setError(undefined);
    const content = {
      title,
      body,
      linkUrl,
      linkLabel,
      acknowledge,
      postInChannel,
      sendAt: when ? withOffset(when) : null,
      timeZone,
      imageId: imageId || null,
    };
    try {
      if (editing) {
        await api.put(`/api/v1/announcements/${editing.id}`, content);
        onSent(editing.id);
      } else {
        const result = await api.post<{ announcement: { id: string } }>('/api/v1/announcements', {
          audience,
          ...content,
        });
        onSent(result.announcement.id);
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className={styles.form}
      aria-label={w(editing ? 'tab-announcements.compose.editForm' : 'tab-announcements.compose.newForm')}
      onSubmit={(e) => e.preventDefault()}
    >
      {fixed ? (
        <Text>{w('tab-announcements.compose.sendingTo', { audience: fixed.label })}</Text>
      ) : (
        <Field label={w('tab-announcements.compose.sendTo')}>
          <Select value={String(choice)} onChange={(_e, d) => setChoice(Number(d.value))}>
            {choices.map((c, i) => (
              <option key={c.label} value={i}>
                {c.label}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Text aria-live="polite">
        {reach === undefined
          ? w('tab-announcements.compose.counting')
          : w('tab-announcements.compose.reaches', { count: reach })}
      </Text>
      <Field label={w('tab-announcements.compose.title')} required>
        <Input value={title} maxLength={120} onChange={(_e, d) => setTitle(d.value)} />
      </Field>
      <Field
        label={w('tab-announcements.compose.text')}
        hint={w('tab-announcements.compose.textHint')}
        required
      >
        <Textarea value={body} rows={5} onChange={(_e, d) => setBody(d.value)} />
      </Field>
      <div className={styles.row}>
        <Field label={w('tab-announcements.compose.link')}>
          <Input value={linkUrl} onChange={(_e, d) => setLinkUrl(d.value)} />
        </Field>
        <Field label={w('tab-announcements.compose.linkLabel')}>
          <Input value={linkLabel} maxLength={40} onChange={(_e, d) => setLinkLabel(d.value)} />
        </Field>
      </div>
      <Checkbox
        checked={acknowledge}
        onChange={(_e, d) => setAcknowledge(d.checked === true)}
        label={w('tab-announcements.compose.acknowledge')}
      />
      <Checkbox
        checked={postInChannel}
        onChange={(_e, d) => setPostInChannel(d.checked === true)}
        label={w('tab-announcements.compose.postInChannel')}
      />
      <Field
        label={w('tab-announcements.compose.image')}
        validationState={imageError !== undefined ? 'error' : 'none'}
        validationMessage={imageError !== undefined ? imageErrorText(imageError) : undefined}
        hint={
          uploading
            ? w('tab-announcements.compose.imageUploading')
            : imageId
              ? w('tab-announcements.compose.imageAdded')
              : undefined
        }
      >
        <div className={styles.row}>
          <input
            type="file"
            accept="image/png,image/jpeg,image/webp"
            aria-label={w('tab-announcements.compose.imageFile')}
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void uploadImage(file);
            }}
          />
          {imageId && (
            <Button
              size="small"
              onClick={() => {
                setImageId('');
                setImageError(undefined);
              }}
            >
              {w('tab-announcements.compose.imageRemove')}
            </Button>
          )}
        </div>
      </Field>
      <Field label={w('tab-announcements.compose.sendAt', { timeZone })}>
        <Input type="datetime-local" value={when} onChange={(_e, d) => setWhen(d.value)} />
      </Field>
      <Text weight="semibold">{w('tab-announcements.compose.preview')}</Text>
      <AnnouncementCardPreview content={preview} imageId={imageId || undefined} />
      {error !== undefined && (
        <ErrorState
          error={error}
          title={w(editing ? 'tab-announcements.compose.notSaved' : 'tab-announcements.compose.notSent')}
        />
      )}
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={send}>
          {editing
            ? w('tab-announcements.compose.save')
            : when
              ? w('tab-announcements.compose.schedule')
              : w('tab-announcements.compose.sendNow')}
        </Button>
        {onClose && <Button onClick={onClose}>{w('tab-announcements.compose.close')}</Button>}
      </div>
    </form>
  );
}
