/** Organisation-level roles: org admins (IT) and champs (stewards of particular groups). */
export interface RoleRepository {
  isOrgAdmin(organisationId: string, personId: string): Promise<boolean>;
  addOrgAdmin(organisationId: string, personId: string): Promise<void>;
  isChamp(groupId: string, personId: string): Promise<boolean>;
  addChamp(groupId: string, personId: string): Promise<void>;
  removeChamp(groupId: string, personId: string): Promise<void>;
  listChamps(groupId: string): Promise<string[]>;
  /** The groups a person stewards as a champ. */
  listGroupsOfChamp(personId: string): Promise<string[]>;
}
