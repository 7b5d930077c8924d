import {
  Button,
  Card,
  CardHeader,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  makeStyles,
  Select,
  Spinner,
  Text,
  Textarea,
  Title2,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { api, authHeaders, download } from '../api/client';
import type { ManagedGroups } from '../api/types';
import { useApi } from '../api/use-api';
import { useFittedSelectStyles } from '../components/phone-layout';
import { langQuery, PrintLanguagePicker } from '../components/print-language-picker';
import { EmptyState, ErrorState, errorText } from '../components/states';
import { useT } from '../i18n/use-t';

interface Catalogue {
  organisation: { id: string; name: string };
  canManage: boolean;
  builtIn: Array<{ id: string; title: string; description: string; perGroup: boolean; formats: string[] }>;
  custom: Array<{
    id: string;
    title: string;
    fileName: string;
    type: string;
    sizeBytes: number;
    url: string;
  }>;
  maxUploadBytes: number;
}

/** A guide as the server reads it out, in the language asked for. */
interface ReadGuide {
  title: string;
  html: string;
  language: string;
  dir: 'ltr' | 'rtl';
}

/** The built-in resources the tab has words for (tab-resources.builtIn.<id>.*); others show the server's. */
const KNOWN_BUILT_IN = new Set([
  'generic-poster',
  'group-poster',
  'message-templates',
  'employee-guide',
  'champ-guidelines',
  'group-admin-poster',
  'activation-desk-poster',
  'activation-desk-table-tent',
  'activation-desk-faq',
  'slideshow',
]);

interface FilledTemplates {
  inviteUrl: string;
  templates: Array<{ id: string; channel: string; title: string; subject?: string; text: string }>;
}

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(300px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  actions: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
    marginTop: tokens.spacingVerticalS,
  },
  section: {
    marginTop: tokens.spacingVerticalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  guide: {
    // A guide in another direction than the page's (Hindi inside the Arabic tab) starts on its own side.
    textAlign: 'start',
    backgroundColor: tokens.colorNeutralBackground1,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
  },
});

/** Fetches a POST download (a poster may issue the group's standing invite link, so it is never a GET). */
async function postDownload(path: string, fileName: string, failed: string): Promise<void> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { ...(await authHeaders()), 'content-type': 'application/json' },
    body: '{}',
  });
  if (!response.ok) throw new Error((await response.json()).error?.message ?? failed);
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Rollout resources: posters, message templates, training, the lobby slideshow and the organisation's own files. */
export default function ResourcesPage() {
  const styles = useStyles();
  const t = useT();
  const fitted = useFittedSelectStyles();
  const catalogue = useApi<Catalogue>('/api/v1/rollout/resources');
  const portal = useApi<ManagedGroups>('/api/v1/portal/groups');
  const [groupId, setGroupId] = useState('');
  const [lang, setLang] = useState('');
  const [templates, setTemplates] = useState<FilledTemplates>();
  const [guide, setGuide] = useState<ReadGuide>();
  // Each answer is shown where it was asked for (the card, the list, the add form), not at the top of the page.
  const [message, setMessage] = useState<{ at: string; text: string }>();
  const [error, setError] = useState<{ at: string; text: string }>();
  const fileInput = useRef<HTMLInputElement>(null);
  const [title, setTitle] = useState('');

  const runAt = async (at: string, work: () => Promise<void>) => {
    setError(undefined);
    setMessage(undefined);
    try {
      await work();
    } catch (e) {
      setError({ at, text: errorText(e) });
    }
  };
  const answersAt = (at: string) => (
    <>
      {error?.at === at && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{error.text}</MessageBarBody>
        </MessageBar>
      )}
      {message?.at === at && (
        <MessageBar intent="success">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
  const groupName = portal.data?.groups.find((g) => g.id === groupId)?.name ?? 'group';
  // The guides, templates and slideshow come in the chosen language too (the organisation's by default).
  const withLang = (path: string): string => {
    const query = langQuery(lang);
    return query ? `${path}${path.includes('?') ? '&' : '?'}${query}` : path;
  };

  if (catalogue.error !== undefined) return <ErrorState error={catalogue.error} onRetry={catalogue.reload} />;
  if (!catalogue.data) return <Spinner label={t('tab-resources.loading')} />;
  const data = catalogue.data;

  const actionsFor = (id: string) => {
    const run = (work: () => Promise<void>) => runAt(id, work);
    switch (id) {
      case 'generic-poster':
        return (
          <>
            <Button
              onClick={() =>
                run(() =>
                  download(
                    `/api/v1/rollout/posters/generic?format=pdf&${langQuery(lang)}`,
                    'convene-poster.pdf',
                  ),
                )
              }
            >
              PDF
            </Button>
            <Button
              onClick={() =>
                run(() =>
                  download(
                    `/api/v1/rollout/posters/generic?format=png&${langQuery(lang)}`,
                    'convene-poster.png',
                  ),
                )
              }
            >
              PNG
            </Button>
          </>
        );
      case 'group-admin-poster':
      case 'activation-desk-poster':
      case 'activation-desk-table-tent':
        return (id === 'activation-desk-table-tent' ? ['pdf'] : ['pdf', 'png']).map((format) => (
          <Button
            key={format}
            onClick={() =>
              run(() =>
                download(`/api/v1/rollout/kit/${id}?format=${format}&${langQuery(lang)}`, `${id}.${format}`),
              )
            }
          >
            {format.toUpperCase()}
          </Button>
        ));
      case 'group-poster':
        return ['pdf', 'png'].map((format) => (
          <Button
            key={format}
            disabled={!groupId}
            onClick={() =>
              run(() =>
                postDownload(
                  `/api/v1/groups/${groupId}/rollout/poster?format=${format}&${langQuery(lang)}`,
                  `${groupName}-poster.${format}`,
                  t('tab-resources.downloadFailed'),
                ),
              )
            }
          >
            {format.toUpperCase()}
          </Button>
        ));
      case 'message-templates':
        return (
          <Button
            disabled={!groupId}
            onClick={() =>
              run(async () =>
                setTemplates(
                  await api.post<FilledTemplates>(withLang(`/api/v1/groups/${groupId}/rollout/templates`)),
                ),
              )
            }
          >
            {t('tab-resources.templates.fill')}
          </Button>
        );
      case 'slideshow':
        return (
          <Button
            disabled={!groupId}
            onClick={() =>
              run(async () => {
                const link = await api.post<{ url: string }>(`/api/v1/groups/${groupId}/rollout/slideshow`);
                const url = withLang(link.url);
                window.open(url, '_blank', 'noopener');
                setMessage({ at: id, text: t('tab-resources.slideshow.address', { url }) });
              })
            }
          >
            {t('tab-resources.slideshow.open')}
          </Button>
        );
      default:
        return (
          <>
            <Button
              onClick={() =>
                run(async () => setGuide(await api.get(withLang(`/api/v1/rollout/guides/${id}`))))
              }
            >
              {t('tab-resources.guide.read')}
            </Button>
            <Button
              onClick={() =>
                run(() => download(withLang(`/api/v1/rollout/guides/${id}/download?format=pdf`), `${id}.pdf`))
              }
            >
              PDF
            </Button>
          </>
        );
    }
  };

  return (
    <>
      <Title2 as="h1">{t('tab-resources.title')}</Title2>
      <Field
        className={fitted.field}
        label={t('tab-resources.group.label')}
        hint={t('tab-resources.group.hint', { days: 90 })}
      >
        <Select
          className={fitted.select}
          select={{ className: fitted.select }}
          value={groupId}
          onChange={(_e, d) => setGroupId(d.value)}
        >
          <option value="">{t('tab-resources.group.choose')}</option>
          {portal.data?.groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </Select>
      </Field>
      <PrintLanguagePicker value={lang} onChange={setLang} />
      <div className={styles.section}>
        <div className={styles.grid}>
          {data.builtIn.map((r) => (
            <Card key={r.id}>
              <CardHeader
                header={
                  <Text weight="semibold">
                    {KNOWN_BUILT_IN.has(r.id) ? t(`tab-resources.builtIn.${r.id}.title`) : r.title}
                  </Text>
                }
              />
              <Text>
                {KNOWN_BUILT_IN.has(r.id) ? t(`tab-resources.builtIn.${r.id}.description`) : r.description}
              </Text>
              <div className={styles.actions}>{actionsFor(r.id)}</div>
              {answersAt(r.id)}
            </Card>
          ))}
        </div>
      </div>
      {templates && (
        <section className={styles.section} aria-label={t('tab-resources.templates.title')}>
          <Title3 as="h2">{t('tab-resources.templates.title')}</Title3>
          {templates.templates.map((template) => (
            <Field
              key={template.id}
              label={
                template.subject
                  ? t('tab-resources.templates.withSubject', {
                      title: template.title,
                      subject: template.subject,
                    })
                  : template.title
              }
            >
              {/* The text is in the language it was made in, which may not be the tab's. */}
              <Textarea readOnly value={template.text} rows={5} dir="auto" />
              <Button onClick={() => navigator.clipboard?.writeText(template.text)}>
                {t('tab-resources.templates.copy')}
              </Button>
            </Field>
          ))}
        </section>
      )}
      {guide && (
        <section className={styles.section} aria-label={guide.title} lang={guide.language} dir={guide.dir}>
          <Title3 as="h2">{guide.title}</Title3>
          {/* The guides are Convene's own text, rendered to HTML by the server. */}
          {/* biome-ignore lint/security/noDangerouslySetInnerHtml: trusted, server-rendered built-in content */}
          <div className={styles.guide} dangerouslySetInnerHTML={{ __html: guide.html }} />
        </section>
      )}
      <section className={styles.section} aria-label={t('tab-resources.own.label')}>
        <Title3 as="h2">{t('tab-resources.own.title', { organisation: data.organisation.name })}</Title3>
        {data.custom.length === 0 && (
          <EmptyState title={t('tab-resources.own.none')}>
            {data.canManage ? t('tab-resources.own.noneManage') : t('tab-resources.own.noneSee')}
          </EmptyState>
        )}
        {answersAt('own')}
        {data.custom.map((r) => (
          <div key={r.id} className={styles.actions}>
            <Text>
              {t('tab-resources.own.file', {
                title: r.title,
                type: r.type.toUpperCase(),
                kilobytes: Math.ceil(r.sizeBytes / 1024),
              })}
            </Text>
            <Button size="small" onClick={() => runAt('own', () => download(r.url, r.fileName))}>
              {t('tab-resources.own.download')}
            </Button>
            {data.canManage && (
              <Button
                size="small"
                appearance="subtle"
                onClick={() =>
                  runAt('own', async () => {
                    await api.del(`/api/v1/rollout/resources/${r.id}`);
                    catalogue.reload();
                  })
                }
              >
                {t('tab-resources.own.remove')}
              </Button>
            )}
          </div>
        ))}
        {data.canManage && (
          <div className={styles.actions}>
            <Field label={t('tab-resources.own.titleLabel')}>
              <Input value={title} onChange={(_e, d) => setTitle(d.value)} />
            </Field>
            <input
              ref={fileInput}
              type="file"
              accept=".pdf,.png,.jpg,.jpeg,.pptx"
              aria-label={t('tab-resources.own.fileLabel')}
            />
            <Button
              onClick={() =>
                runAt('add', async () => {
                  const file = fileInput.current?.files?.[0];
                  if (!file) throw new Error(t('tab-resources.own.chooseFile'));
                  const query = new URLSearchParams({ fileName: file.name, title: title || file.name });
                  const response = await fetch(`/api/v1/rollout/resources?${query}`, {
                    method: 'POST',
                    headers: { ...(await authHeaders()), 'content-type': 'application/octet-stream' },
                    body: file,
                  });
                  if (!response.ok)
                    throw new Error(
                      (await response.json()).error?.message ?? t('tab-resources.own.uploadFailed'),
                    );
                  setTitle('');
                  catalogue.reload();
                })
              }
            >
              {t('tab-resources.own.add')}
            </Button>
          </div>
        )}
        {answersAt('add')}
      </section>
    </>
  );
}
