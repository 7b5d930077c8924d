import { announceReply } from '../handlers/announce-handlers';
import { askGroupNameReply, createGroupReply, listGroupsReply } from '../handlers/group-handlers';
import { helpReply, regionReply } from '../handlers/help-handlers';
import { inviteReply, joinReply } from '../handlers/invite-handlers';
import { joinRequestsReply } from '../handlers/join-request-handlers';
import { mapReply } from '../handlers/map-handlers';
import { addMembersReply, changeRoleReply, membersReply, removeReply } from '../handlers/member-handlers';
import { photoReply } from '../handlers/photo-handlers';
import { posterReply } from '../handlers/poster-handlers';
import { type Reply, textReply } from '../handlers/reply';
import { slipsReply } from '../handlers/slips-handlers';
import type { Session } from '../session';
import { type Command, shown } from './command';

/** Answers one chat command by calling its handler. */
export function runCommand(session: Session, command: Command): Promise<Reply> | Reply {
  switch (command.kind) {
    case 'help':
      return helpReply(session.identity.displayName, session.words);
    case 'create-group':
      return command.name === null ? askGroupNameReply(session) : createGroupReply(session, command.name);
    case 'groups':
      return listGroupsReply(session);
    case 'invite':
      return inviteReply(session, { name: command.group });
    case 'join':
      return joinReply(session, command.link);
    case 'add':
      return addMembersReply(session, { name: command.group }, command.phones, command.role);
    case 'remove':
      return removeReply(session, { name: command.group }, { phone: command.phone });
    case 'promote':
    case 'demote':
      return changeRoleReply(
        session,
        { name: command.group },
        { phone: command.phone },
        command.kind === 'promote' ? 'admin' : 'member',
      );
    case 'members':
      return membersReply(session, { name: command.group });
    case 'requests':
      return joinRequestsReply(session, { name: command.group });
    case 'map':
      return mapReply(session, { name: command.group });
    case 'poster':
      return posterReply(session, { name: command.group });
    case 'slips':
      return slipsReply(session, { name: command.group });
    case 'photo':
      return photoReply(session, { name: command.group });
    case 'announce':
      return announceReply(session, { name: command.group });
    case 'region':
      return regionReply(session, command.region);
    case 'incomplete':
      return textReply(session.words.t('bot.command.incomplete', { usage: shown(command.usage) }));
    case 'unknown':
      return textReply(
        command.suggestion && command.suggestion !== 'help'
          ? session.words.t('bot.command.suggest', { suggestion: shown(command.suggestion) })
          : session.words.t('bot.command.unknown'),
      );
  }
}
