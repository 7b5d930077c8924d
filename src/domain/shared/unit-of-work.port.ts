import type { RoleRepository } from '../access/role.repository';
import type { AccountCreationRepository } from '../accounts/account-creation.repository';
import type { AnnouncementRepository } from '../announcements/announcement.repository';
import type { AuditRepository } from '../audit/audit.repository';
import type { GroupPhotoRepository } from '../group-photos/group-photo';
import type { GroupRepository } from '../groups/group.repository';
import type { CardInviteRepository } from '../invites/card-invite.repository';
import type { InviteLinkRepository } from '../invites/invite-link.repository';
import type { JobRepository } from '../jobs/job';
import type { JoinRequestRepository } from '../join-requests/join-request.repository';
import type { MembershipRepository } from '../memberships/membership.repository';
import type { OrganisationRepository } from '../organisations/organisation.repository';
import type { PersonRepository } from '../people/person.repository';
import type { GroupProvisioningRepository } from '../provisioning/group-provisioning';
import type { RolloutResourceRepository } from '../rollout/rollout-resource.repository';
import type { UnmatchedPeopleQueries } from '../unmatched-people/unmatched-people.queries';
import type { BulkWrites } from '../uploads/bulk-writes.port';
import type { UploadRepository } from '../uploads/upload.repository';
import type { UploadOutcomeRepository } from '../uploads/upload-outcomes.repository';
import type { UserQueries } from '../users/users.queries';
import type { Clock } from './clock.port';

export interface Repositories {
  organisations: OrganisationRepository;
  groups: GroupRepository;
  people: PersonRepository;
  memberships: MembershipRepository;
  inviteLinks: InviteLinkRepository;
  roles: RoleRepository;
  audit: AuditRepository;
  cardInvites: CardInviteRepository;
  rolloutResources: RolloutResourceRepository;
  uploads: UploadRepository;
  uploadOutcomes: UploadOutcomeRepository;
  jobs: JobRepository;
  groupProvisioning: GroupProvisioningRepository;
  joinRequests: JoinRequestRepository;
  bulk: BulkWrites;
  unmatchedPeople: UnmatchedPeopleQueries;
  accountCreation: AccountCreationRepository;
  users: UserQueries;
  groupPhotos: GroupPhotoRepository;
  announcements: AnnouncementRepository;
}

/** Runs work in one transaction: everything it wrote commits together, or nothing does. */
export interface UnitOfWork {
  run<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
  /**
   * Runs reads outside a transaction, each statement on its own: for a lookup on the hot path
   * that needs no consistent view across statements. Writes belong in `run`.
   */
  read<T>(work: (repos: Repositories) => Promise<T>): Promise<T>;
}

/** What every use case needs from the outside world. */
export interface DomainContext {
  uow: UnitOfWork;
  clock: Clock;
}
