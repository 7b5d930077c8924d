import { Button, Link, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { Announcement } from '../../../src/domain/announcements/announcement';
import type { AnnouncementCounts } from '../../../src/domain/announcements/announcement.repository';
import { useApi } from '../api/use-api';
import { AnnouncementReportPanel } from './announcement-report-panel';
import { type AudienceChoice, ComposeAnnouncementPanel } from './compose-announcement-panel';
import { ErrorState } from './states';

const useStyles = makeStyles({
  list: { display: 'grid', gap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalM },
});

/**
 * Announcements to some groups (or an organisation): a New announcement form, the list, and one
 * announcement's report. Used by the Announcements page and on each group's page.
 */
export function AnnouncementsPanel({
  choices,
  groupIds,
  organisationIds,
}: {
  choices: AudienceChoice[];
  groupIds: string[];
  organisationIds: string[];
}) {
  const styles = useStyles();
  const [composing, setComposing] = useState(false);
  const [open, setOpen] = useState<string>();
  const [editing, setEditing] = useState<Announcement>();
  const intl = useIntl();
  const query = `groupIds=${groupIds.join(',')}&organisationIds=${organisationIds.join(',')}`;
  const list = useApi<{ announcements: Array<Announcement & { totals: AnnouncementCounts }> }>(
    `/api/v1/announcements?${query}`,
  );
  return (
    <div>
      {!composing && !editing && (
        <Button appearance="primary" onClick={() => setComposing(true)}>
          {intl.formatMessage({ id: 'tab-announcements.new' })}
        </Button>
      )}
      {(composing || editing) && (
        <ComposeAnnouncementPanel
          // A fresh form for each announcement edited, filled from that one.
          key={editing?.id ?? 'new'}
          choices={choices}
          editing={editing}
          onClose={() => {
            setComposing(false);
            setEditing(undefined);
          }}
          onSent={(id) => {
            setComposing(false);
            setEditing(undefined);
            setOpen(id);
            list.reload();
          }}
        />
      )}
      {list.error !== undefined && <ErrorState error={list.error} onRetry={list.reload} />}
      {!list.data && list.error === undefined && <Spinner size="tiny" />}
      <div className={styles.list}>
        {list.data?.announcements.length === 0 && (
          <Text>{intl.formatMessage({ id: 'tab-announcements.none' })}</Text>
        )}
        {list.data?.announcements.map((a) => (
          <div key={a.id}>
            <Link onClick={() => setOpen(open === a.id ? undefined : a.id)}>{a.title}</Link>{' '}
            <Text size={200}>
              {intl.formatMessage(
                { id: 'tab-announcements.listTotals' },
                {
                  state: a.state,
                  sent: a.totals.sent,
                  read: a.totals.read,
                  acknowledged: a.totals.acknowledged,
                },
              )}
            </Text>
            {open === a.id && (
              <AnnouncementReportPanel
                // Remounted after an edit so the report shows the new words and time.
                key={`${a.id}:${a.title}:${a.sendAt}`}
                id={a.id}
                onEdit={(announcement) => {
                  setComposing(false);
                  setEditing(announcement);
                }}
              />
            )}
          </div>
        ))}
      </div>
    </div>
  );
}
