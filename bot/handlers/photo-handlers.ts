import { assertMayChangePhoto, setGroupPhoto } from '../../src/domain/group-photos/set-group-photo';
import type { GroupRef, Session } from '../session';
import { openGroupReply } from './group-handlers';
import type { Reply } from './reply';

/**
 * `photo <group>` with a picture pasted into the same message: the picture becomes the group's photo
 * (the same use case as the portal's upload), and the group's card comes back showing it.
 */
export async function photoReply(session: Session, ref: GroupRef): Promise<Reply> {
  const groupId = await session.groupId(ref);
  const actor = await session.actor();
  const { ctx, groupPhotos } = session.deps;
  // Asked first, so nobody makes the bot fetch a picture for a group they may not change.
  await assertMayChangePhoto(ctx, groupId, actor);
  const bytes = await groupPhotos.downloads.download(session.turn.activity);
  await setGroupPhoto({ ...ctx, photos: groupPhotos.photos }, { groupId, bytes, via: 'bot' }, actor);
  return openGroupReply(session, groupId, session.words.t('bot.group.photoChanged'));
}
