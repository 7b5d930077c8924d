import { randomUUID } from 'node:crypto';
import type { Actor } from '../../src/domain/access/actor';
import { ensureOrganisationAdmin } from '../../src/domain/organisations/ensure-organisation-admin';
import type { Organisation } from '../../src/domain/organisations/organisation';
import { identifyTeamsUser } from '../../src/domain/people/identify-teams-user';
import type { DomainContext } from '../../src/domain/shared/unit-of-work.port';
import type { Storage } from '../../src/infra/storage/database';
import { KyselyUnitOfWork } from '../../src/infra/storage/kysely-unit-of-work';
import { ManualClock } from '../fakes/manual-clock';

export const CONTOSO_TENANT = '11111111-1111-1111-1111-111111111111';
export const FABRIKAM_TENANT = '22222222-2222-2222-2222-222222222222';

/** A domain context over real storage, with helpers to make people and organisations. */
export class DomainWorld {
  readonly clock = new ManualClock();
  readonly ctx: DomainContext;

  constructor(storage: Storage) {
    this.ctx = { uow: new KyselyUnitOfWork(storage.db), clock: this.clock };
  }

  /** A Teams user of the given tenant (Contoso by default), known to Convene from now on. */
  person(name: string, tenantId: string = CONTOSO_TENANT): Promise<Actor> {
    return identifyTeamsUser(this.ctx, { tenantId, aadObjectId: randomUUID(), displayName: name });
  }

  /** An org admin of the tenant's organisation, creating the organisation if needed. */
  async orgAdmin(
    name: string,
    tenantId: string = CONTOSO_TENANT,
  ): Promise<{ actor: Actor; organisation: Organisation }> {
    const aadObjectId = randomUUID();
    const organisation = await ensureOrganisationAdmin(
      this.ctx,
      { tenantId, displayName: tenantId === CONTOSO_TENANT ? 'Contoso' : 'Fabrikam', defaultRegion: 'IN' },
      { tenantId, aadObjectId, displayName: name },
    );
    const actor = await identifyTeamsUser(this.ctx, { tenantId, aadObjectId, displayName: name });
    return { actor, organisation };
  }
}
