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
import type { Upload } from '../../../src/domain/uploads/upload';
import type { ProblemTotal, UploadLogEntry } from '../../../src/domain/uploads/upload.repository';
import type { Problem } from '../../../src/domain/uploads/upload-problem';

export type {
  AddMemberResult,
  CardInviteListing,
  JoinDecisionResult,
  JoinRequestView,
  LookupView,
  ManagedGroup,
  ManagedGroups,
  MemberPage,
  MemberView,
  OrgAdminsPanel,
  OrgAdminView,
  Person,
  Problem,
  ProblemTotal,
  UnmatchedPeoplePage,
  UnmatchedPersonView,
  Upload,
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
