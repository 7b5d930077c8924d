/**
 * The API's answer shapes, taken from the server's own types (type-only: nothing from the server is
 * bundled), so the portal and the API cannot drift apart silently.
 */
import type { ManagedGroup, ManagedGroups } from '../../../src/domain/groups/list-managed-groups';
import type { GroupView } from '../../../src/domain/groups/view-group';
import type { CardInviteListing } from '../../../src/domain/invites/list-card-invites';
import type { JoinDecisionResult } from '../../../src/domain/join-requests/decide-join-requests';
import type { JoinRequestView } from '../../../src/domain/join-requests/list-join-requests';
import type { AddMemberResult } from '../../../src/domain/memberships/add-members-by-phone';
import type { MemberPage, ListedMember as MemberView } from '../../../src/domain/memberships/list-members';
import type { ActorProfile } from '../../../src/domain/organisations/describe-actor';
import type { OrgAdminsPanel, OrgAdminView } from '../../../src/domain/organisations/manage-org-admins';
import type { Person } from '../../../src/domain/people/person';
import type { LookupView } from '../../../src/domain/unmatched-people/look-up-again';
import type {
  UnmatchedPeoplePage,
  UnmatchedPersonView,
} from '../../../src/domain/unmatched-people/unmatched-people';
import type { OutcomeTotal, OutcomeView, RowOutcomeKind } from '../../../src/domain/uploads/row-outcome';
import type { Upload } from '../../../src/domain/uploads/upload';
import type { ProblemTotal, UploadLogEntry } from '../../../src/domain/uploads/upload.repository';
import type { OutcomePage as OutcomePageAnswer } from '../../../src/domain/uploads/upload-outcomes';
import type { Problem } from '../../../src/domain/uploads/upload-problem';
import type {
  AccountState,
  GroupChangeOutcome,
  PersonDetail,
  PersonMembershipView,
  UsersPage,
  UserView,
} from '../../../src/domain/users/users';

export type {
  AccountState,
  AddMemberResult,
  CardInviteListing,
  GroupChangeOutcome,
  JoinDecisionResult,
  JoinRequestView,
  LookupView,
  ManagedGroup,
  ManagedGroups,
  MemberPage,
  MemberView,
  OrgAdminsPanel,
  OrgAdminView,
  OutcomeTotal,
  OutcomeView,
  Person,
  PersonDetail,
  PersonMembershipView,
  Problem,
  ProblemTotal,
  RowOutcomeKind,
  UnmatchedPeoplePage,
  UnmatchedPersonView,
  Upload,
  UsersPage,
  UserView,
};

export interface Me extends ActorProfile {
  mode: 'local' | 'tenant';
  developerIdentity: boolean;
}

export interface GroupDetail extends GroupView {
  champs: Person[];
  /** The largest picture the photo upload takes. */
  maxPhotoBytes: number;
}

export interface IssuedLink {
  url: string;
  expiresAt: string | null;
  maxUses: number | null;
  organisationAccountsOnly: boolean;
  approvalRequired: boolean;
}

export interface Job extends Upload {
  progress: { done: number; total: number };
}

/** A log entry as the API sends it (without the row's cells). */
export type LogEntry = Omit<UploadLogEntry, 'cells'>;

export interface UploadAnswer {
  job: Job;
  totals: ProblemTotal[];
  problems: LogEntry[];
}

export interface ProblemPage {
  total: number;
  totals: ProblemTotal[];
  offset: number;
  problems: LogEntry[];
}

export interface LogPage {
  total: number;
  totals: ProblemTotal[];
  offset: number;
  entries: LogEntry[];
}

/** A page of a job's per-row log as the API sends it. */
export interface OutcomePage extends OutcomePageAnswer {
  offset: number;
}
