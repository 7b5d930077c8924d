import { checkAnnouncementContent } from '../../src/domain/announcements/announcement';
import {
  composeAnnouncement,
  countAnnouncementAudience,
} from '../../src/domain/announcements/compose-announcement';
import { loadGroup } from '../../src/domain/groups/load-group';
import { text } from '../card-actions/card-text';
import type { AnnounceDraft } from '../cards/card-data';
import type { GroupRef, Session } from '../session';
import { cardReply, type Reply } from './reply';

const people = (n: number) => (n === 1 ? '1 person' : `${n.toLocaleString('en-US')} people`);

/** What the card's inputs (merged into the button's data by Teams) say, as strings. */
async function draftFrom(session: Session, data: Record<string, unknown>): Promise<AnnounceDraft> {
  const groupId = text(data.groupId);
  const scope = data.scope === 'group-tree' ? 'group-tree' : 'group';
  const { ctx } = session.deps;
  const reach = await countAnnouncementAudience(ctx, { kind: scope, groupId }, await session.actor());
  const group = await ctx.uow.read((repos) => loadGroup(repos, groupId));
  return {
    groupId,
    groupName: group.name,
    scope,
    title: text(data.title).slice(0, 200),
    body: text(data.body).slice(0, 5000),
    linkUrl: text(data.linkUrl).slice(0, 2100),
    acknowledge: data.acknowledge === 'false' || data.acknowledge === false ? 'false' : 'true',
    reachText: `Reaches ${people(reach)} (each once), in their chat with Convene.`,
  };
}

/** `announce <group>`: the compose card (who may send is checked now, and again on every step). */
export async function announceReply(session: Session, ref: GroupRef): Promise<Reply> {
  const groupId = await session.groupId(ref);
  const draft = await draftFrom(session, { groupId, scope: 'group', acknowledge: 'true' });
  return cardReply('announce-compose', draft);
}

/** Back from the preview to the compose card, with what was written. */
export async function editAnnouncementReply(session: Session, data: Record<string, unknown>): Promise<Reply> {
  return cardReply('announce-compose', await draftFrom(session, data));
}

/** The preview: the text checked as the portal and the API check it, shown as members will read it. */
export async function previewAnnouncementReply(
  session: Session,
  data: Record<string, unknown>,
): Promise<Reply> {
  const draft = await draftFrom(session, data);
  checkAnnouncementContent({ ...draft, acknowledge: draft.acknowledge === 'true' });
  return cardReply('announce-preview', {
    ...draft,
    headline: 'Preview: this is what people will get',
    sent: false,
  });
}

/** Send now, from the preview. */
export async function sendAnnouncementReply(session: Session, data: Record<string, unknown>): Promise<Reply> {
  const draft = await draftFrom(session, data);
  const { audienceCount } = await composeAnnouncement(
    session.deps.ctx,
    {
      audience: { kind: draft.scope, groupId: draft.groupId },
      title: draft.title,
      body: draft.body,
      linkUrl: draft.linkUrl,
      acknowledge: draft.acknowledge === 'true',
    },
    await session.actor(),
  );
  return cardReply(
    'announce-preview',
    {
      ...draft,
      headline: `Sent: “${draft.title}”`,
      reachText: `On its way to ${people(audienceCount)}. Follow reads and acknowledgements in the Convene tab (Announcements).`,
      sent: true,
    },
    'Announcement sent.',
  );
}
