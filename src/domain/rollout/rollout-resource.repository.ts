import type { RolloutResource } from './rollout-resource';

/** Custom rollout resources of each organisation, and who may see them. */
export interface RolloutResourceRepository {
  insert(resource: RolloutResource): Promise<void>;
  findById(id: string): Promise<RolloutResource | undefined>;
  findBySha256(organisationId: string, sha256: string): Promise<RolloutResource | undefined>;
  /** Newest first. */
  listForOrganisation(organisationId: string): Promise<RolloutResource[]>;
  delete(id: string): Promise<void>;
  /** Whether the person is a champ of at least one of the organisation's groups. */
  isChampInOrganisation(organisationId: string, personId: string): Promise<boolean>;
}
