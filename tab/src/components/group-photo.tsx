import { Avatar, type AvatarProps, Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import { api, authHeaders } from '../api/client';
import { useT } from '../i18n/use-t';
import { useErrorText } from './states';

/**
 * A group's photo as an object URL. Inside Teams the API wants the SSO token, which an `<img src>`
 * cannot send, so the picture is fetched with the same headers as every API call. The etag in the
 * address makes a changed photo a new address; an unchanged one is answered 304 from the browser's cache.
 */
function usePhotoUrl(groupId: string, etag: string | null): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!etag) {
      setUrl(undefined);
      return;
    }
    let objectUrl: string | undefined;
    let cancelled = false;
    (async () => {
      const response = await fetch(`/api/v1/groups/${groupId}/photo?v=${encodeURIComponent(etag)}`, {
        headers: await authHeaders(),
      });
      if (!response.ok || cancelled) return;
      objectUrl = URL.createObjectURL(await response.blob());
      if (cancelled) URL.revokeObjectURL(objectUrl);
      else setUrl(objectUrl);
    })().catch(() => undefined);
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [groupId, etag]);
  return url;
}

/** The group's photo as an avatar; its initials until (or unless) there is a photo. */
export function GroupPhoto({
  groupId,
  etag,
  name,
  size,
}: {
  groupId: string;
  etag: string | null;
  name: string;
  size: AvatarProps['size'];
}) {
  const url = usePhotoUrl(groupId, etag);
  return (
    <Avatar
      shape="square"
      size={size}
      name={name}
      color="colorful"
      image={url ? { src: url, alt: '' } : undefined}
      aria-hidden
    />
  );
}

const useStyles = makeStyles({
  panel: { display: 'flex', gap: tokens.spacingHorizontalL, alignItems: 'center', flexWrap: 'wrap' },
  side: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, alignItems: 'start' },
});

/**
 * The group page's photo: shown to everyone who sees the group; its admins and the org admins may
 * choose a new one (PNG, JPEG or WebP; the server checks the content and makes it a square).
 */
export function GroupPhotoPanel({
  groupId,
  name,
  etag,
  mayChange,
  maxBytes,
  onChanged,
}: {
  groupId: string;
  name: string;
  etag: string | null;
  mayChange: boolean;
  maxBytes: number;
  onChanged: () => void;
}) {
  const styles = useStyles();
  const t = useT();
  const intl = useIntl();
  const errorText = useErrorText();
  const megabytes = intl.formatNumber(Math.round(maxBytes / 1024 / 1024));
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [done, setDone] = useState<string>();

  const upload = async (file: File) => {
    setProblem(undefined);
    setDone(undefined);
    if (file.size > maxBytes) {
      setProblem(t('tab-groups.photo.tooBig', { megabytes }));
      return;
    }
    setBusy(true);
    try {
      await api.put(`/api/v1/groups/${groupId}/photo`, file);
      setDone(etag ? t('tab-groups.photo.changed') : t('tab-groups.photo.added'));
      onChanged();
    } catch (e) {
      setProblem(errorText(e));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <div className={styles.panel}>
      <GroupPhoto groupId={groupId} etag={etag} name={name} size={96} />
      <div className={styles.side}>
        <Text>{etag ? t('tab-groups.photo.shownWhere') : t('tab-groups.photo.none')}</Text>
        {mayChange && (
          <>
            <input
              ref={input}
              type="file"
              accept="image/png,image/jpeg,image/webp"
              hidden
              aria-label={t('tab-groups.photo.file')}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void upload(file);
              }}
            />
            <Button appearance="primary" disabled={busy} onClick={() => input.current?.click()}>
              {busy
                ? t('tab-groups.photo.uploading')
                : etag
                  ? t('tab-groups.photo.change')
                  : t('tab-groups.photo.add')}
            </Button>
            <Text size={200}>{t('tab-groups.photo.hint', { megabytes })}</Text>
          </>
        )}
        {problem && (
          <Text role="alert" style={{ color: tokens.colorPaletteRedForeground1 }}>
            {problem}
          </Text>
        )}
        {done && <Text role="status">{done}</Text>}
      </div>
    </div>
  );
}
