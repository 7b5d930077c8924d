import { DomainError } from '../shared/domain-error';

/** How a person stands towards one group. A person can hold several relations at once. */
export type GroupRelation = 'member' | 'group-admin' | 'champ' | 'org-admin';

export type GroupAction =
  | 'view'
  | 'manage-members'
  | 'manage-admins'
  | 'invite'
  | 'map-to-organisation'
  | 'arrange-hierarchy'
  | 'assign-champs'
  | 'provision'
  | 'print-slips'
  | 'change-photo'
  | 'announce';

/**
 * Who may do what. Champs steward a group's people (engagement, help, membership) but do not
 * appoint admins; mapping a group to an organisation is its own admin's decision; the hierarchy
 * and champs are the organisation's business; an organisation group's admins and the org admins may
 * have its Microsoft 365 group and team created or brought up to date; whoever may invite to a group may
 * print its onboarding slips (names and sign-in names, for the activation desk), plain members may not;
 * a group's picture is its admins' or the org admins' choice.
 */
export const permissions: Readonly<Record<GroupAction, readonly GroupRelation[]>> = {
  view: ['member', 'group-admin', 'champ', 'org-admin'],
  'manage-members': ['group-admin', 'champ', 'org-admin'],
  'manage-admins': ['group-admin', 'org-admin'],
  invite: ['group-admin', 'champ', 'org-admin'],
  'map-to-organisation': ['group-admin'],
  'arrange-hierarchy': ['org-admin'],
  'assign-champs': ['org-admin'],
  provision: ['group-admin', 'org-admin'],
  'print-slips': ['group-admin', 'champ', 'org-admin'],
  'change-photo': ['group-admin', 'org-admin'],
  // Telling a group something is stewardship (engagement, guidelines): its admins, champs and org admins.
  announce: ['group-admin', 'champ', 'org-admin'],
};

export const may = (relations: ReadonlySet<GroupRelation>, action: GroupAction): boolean =>
  permissions[action].some((relation) => relations.has(relation));

/**
 * A refusal. It names the group only to someone who holds a relation to it (and so knows it); to
 * anyone else `group` is null and the answer says nothing about the group (see `assertMay`).
 */
export class NotAllowed extends DomainError {
  readonly code = 'NOT_ALLOWED';
  readonly kind = 'forbidden';
  constructor(action: GroupAction | 'create-organisation-group', group: string | null) {
    const doing = action.replace(/-/g, ' ');
    super(
      group === null
        ? `You are not allowed to ${doing} in that group.`
        : `You are not allowed to ${doing} in "${group}".`,
      group === null ? { action } : { action, group },
    );
  }
}

/**
 * Refuses unless one of the actor's relations allows the action. Someone with no relation to the
 * group at all (another organisation, a stranger holding its id) learns nothing about it: not its
 * name, nor anything else the group's people would see.
 */
export function assertMay(
  relations: ReadonlySet<GroupRelation>,
  action: GroupAction,
  groupName: string,
): void {
  if (!may(relations, action)) throw new NotAllowed(action, relations.size > 0 ? groupName : null);
}
