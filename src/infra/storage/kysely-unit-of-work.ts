import type { Kysely } from 'kysely';
import type { Repositories, UnitOfWork } from '../../domain/shared/unit-of-work.port';
import { type DeliveriesQueued, noticeQueuedDeliveries } from './deliveries-queued-signal';
import { SqlAccountCreationRepository } from './repositories/account-creation.repository.sql';
import { SqlAnnouncementRepository } from './repositories/announcement.repository.sql';
import { SqlAuditRepository } from './repositories/audit.repository.sql';
import { SqlBulkWrites } from './repositories/bulk-writes.sql';
import { SqlCardInviteRepository } from './repositories/card-invite.repository.sql';
import { SqlGroupRepository } from './repositories/group.repository.sql';
import { SqlGroupPhotoRepository } from './repositories/group-photo.repository.sql';
import { SqlGroupProvisioningRepository } from './repositories/group-provisioning.repository.sql';
import { SqlInviteLinkRepository } from './repositories/invite-link.repository.sql';
import { SqlJobRepository } from './repositories/job.repository.sql';
import { SqlJoinRequestRepository } from './repositories/join-request.repository.sql';
import { SqlMembershipRepository } from './repositories/membership.repository.sql';
import { SqlOrganisationRepository } from './repositories/organisation.repository.sql';
import { SqlPersonRepository } from './repositories/person.repository.sql';
import { SqlRoleRepository } from './repositories/role.repository.sql';
import { SqlRolloutResourceRepository } from './repositories/rollout-resource.repository.sql';
import { SqlUnmatchedPeopleQueries } from './repositories/unmatched-people.queries.sql';
import { SqlUploadRepository } from './repositories/upload.repository.sql';
import { SqlUploadOutcomeRepository } from './repositories/upload-outcome.repository.sql';
import { SqlUserQueries } from './repositories/user.queries.sql';
import type { Database } from './schema';

/** All repositories bound to one connection or transaction. */
export function repositoriesFor(db: Kysely<Database>): Repositories {
  return {
    organisations: new SqlOrganisationRepository(db),
    groups: new SqlGroupRepository(db),
    people: new SqlPersonRepository(db),
    memberships: new SqlMembershipRepository(db),
    inviteLinks: new SqlInviteLinkRepository(db),
    roles: new SqlRoleRepository(db),
    audit: new SqlAuditRepository(db),
    cardInvites: new SqlCardInviteRepository(db),
    rolloutResources: new SqlRolloutResourceRepository(db),
    uploads: new SqlUploadRepository(db),
    uploadOutcomes: new SqlUploadOutcomeRepository(db),
    jobs: new SqlJobRepository(db),
    groupProvisioning: new SqlGroupProvisioningRepository(db),
    joinRequests: new SqlJoinRequestRepository(db),
    bulk: new SqlBulkWrites(db),
    unmatchedPeople: new SqlUnmatchedPeopleQueries(db),
    accountCreation: new SqlAccountCreationRepository(db),
    users: new SqlUserQueries(db),
    groupPhotos: new SqlGroupPhotoRepository(db),
    announcements: new SqlAnnouncementRepository(db),
  };
}

/** Each unit of work is one database transaction: it commits whole or rolls back whole. */
export class KyselyUnitOfWork implements UnitOfWork {
  /** Repositories on the plain connection (pool), built once: reads need no transaction of their own. */
  private readonly outsideTransaction: Repositories;

  constructor(
    private readonly db: Kysely<Database>,
    /** Wakes the delivery worker when a committed transaction queued cards (its poll is the fallback). */
    private readonly deliveriesQueued?: DeliveriesQueued,
  ) {
    this.outsideTransaction = repositoriesFor(db);
  }

  async run<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    const signal = this.deliveriesQueued;
    if (!signal) return this.db.transaction().execute((trx) => work(repositoriesFor(trx)));
    let queued = false;
    const result = await this.db
      .transaction()
      .execute((trx) => work(noticeQueuedDeliveries(repositoriesFor(trx), () => (queued = true))));
    if (queued) signal();
    return result;
  }

  read<T>(work: (repos: Repositories) => Promise<T>): Promise<T> {
    return work(this.outsideTransaction);
  }
}
