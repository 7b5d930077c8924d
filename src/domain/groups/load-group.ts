import type { Repositories } from '../shared/unit-of-work.port';
import type { Group } from './group';
import { GroupNotFound } from './group.errors';

export async function loadGroup(repos: Repositories, groupId: string): Promise<Group> {
  const group = await repos.groups.findById(groupId);
  if (!group) throw new GroupNotFound(groupId);
  return group;
}
