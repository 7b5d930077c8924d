import { NotAllowed } from '../../src/domain/access/permissions';
import { GroupAlreadyMapped } from '../../src/domain/groups/group.errors';
import { mapGroupToOrganisation } from '../../src/domain/groups/map-group-to-organisation';
import { viewGroup } from '../../src/domain/groups/view-group';
import { describeActor } from '../../src/domain/organisations/describe-actor';
import {
  type OrganisationDraft,
  organisationNameFor,
} from '../../src/domain/organisations/ensure-organisation';
import { identifyTeamsUser, type TeamsIdentity } from '../../src/domain/people/identify-teams-user';
import type { GroupRef, Session } from '../session';
import { MAP_SIGN_IN_DIALOG } from '../sign-in/map-sign-in-dialog';
import type { TokenClaims } from '../sign-in/token-claims';
import { openGroupReply } from './group-handlers';
import { type Reply, textReply } from './reply';

/**
 * `add <group> to organisation` and Add to organisation: asks first, because a mapping can't be
 * undone. Nothing is asked of someone who may not map the group.
 */
export async function mapReply(session: Session, ref: GroupRef): Promise<Reply> {
  const groupId = await session.groupId(ref);
  const actor = await session.actor();
  const view = await mappableGroup(session, groupId);
  const known = (await describeActor(session.deps.ctx, actor)).organisation;
  const organisationName =
    known?.displayName ??
    (session.deps.localOrganisation?.tenantId === session.identity.tenantId
      ? session.deps.localOrganisation.name
      : session.words.t('bot.map.yourOrganisation'));
  return session.card(
    'map-confirm',
    { groupId, groupName: view.group.name, organisationName },
    session.words.t('bot.map.confirmAck', { group: view.group.name, organisation: organisationName }),
  );
}

/** Cancel on the confirmation: the group's card again, nothing changed. */
export const cancelMapReply = (session: Session, groupId: string): Promise<Reply> =>
  openGroupReply(session, groupId);

async function mappableGroup(session: Session, groupId: string) {
  // Refuse before asking anyone to confirm or sign in for nothing.
  const view = await viewGroup(session.deps.ctx, groupId, await session.actor());
  if (view.group.organisationId) throw new GroupAlreadyMapped(view.group.name);
  if (!view.allowed['map-to-organisation']) throw new NotAllowed('map-to-organisation', view.group.name);
  return view;
}

/**
 * Confirm: in local mode the Teams user on the activity is the signed-in
 * identity; in tenant mode the sender signs in first and the token's tenant decides.
 */
export async function confirmMapReply(session: Session, groupId: string): Promise<Reply> {
  const view = await mappableGroup(session, groupId);
  const signIn = session.deps.signIn;
  if (!signIn) return mapAs(session, groupId, session.identity, null);
  const dialogs = await signIn.dialogs.createContext(session.turn);
  await dialogs.cancelAllDialogs();
  const result = await dialogs.beginDialog(MAP_SIGN_IN_DIALOG, { groupId });
  return result.status === 'complete'
    ? { ack: session.words.t('bot.map.addedAck', { group: view.group.name }) }
    : { ack: session.words.t('bot.map.signInAck', { group: view.group.name }) };
}

/** Maps the group as the proven identity (after sign-in in tenant mode) and confirms with a card. */
export async function mapAs(
  session: Session,
  groupId: string,
  proven: TeamsIdentity,
  userPrincipalName: string | null,
): Promise<Reply> {
  const actor = await identifyTeamsUser(session.deps.ctx, proven);
  const { group, organisation } = await mapGroupToOrganisation(
    session.deps.ctx,
    { groupId, organisation: organisationDraft(session, proven.tenantId, userPrincipalName) },
    actor,
  );
  return session.card(
    'mapped',
    { groupId, groupName: group.name, organisationName: organisation.displayName },
    session.words.t('bot.map.mappedAck', { group: group.name, organisation: organisation.displayName }),
  );
}

/** After tenant-mode sign-in: the token must be the sender's own account. */
export async function mapAfterSignIn(session: Session, groupId: string, claims: TokenClaims): Promise<Reply> {
  if (claims.objectId !== session.identity.aadObjectId) {
    return textReply(session.words.t('bot.map.wrongAccount'));
  }
  return mapAs(
    session,
    groupId,
    { tenantId: claims.tenantId, aadObjectId: claims.objectId, displayName: session.identity.displayName },
    claims.userPrincipalName,
  );
}

/** The organisation a first mapping creates; an existing organisation keeps its own name. */
function organisationDraft(session: Session, tenantId: string, upn: string | null): OrganisationDraft {
  const local = session.deps.localOrganisation;
  const displayName = local && local.tenantId === tenantId ? local.name : organisationNameFor(tenantId, upn);
  return { tenantId, displayName, defaultRegion: session.deps.defaultRegion };
}
