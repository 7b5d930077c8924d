import { type RawBuilder, sql } from 'kysely';
import type { Audience } from '../../../domain/announcements/announcement';

/** Far deeper than any real organisation chart; a guard, since the hierarchy refuses loops already. */
const MAX_DEPTH = 64;

/**
 * The ids of the groups an audience covers. A group and its sub-groups is one recursive query (the same
 * text on SQLite and PostgreSQL): each level joins the groups whose parent is in the level above, and
 * `UNION` (not `UNION ALL`) keeps each group once.
 */
export function audienceGroups(audience: Audience): RawBuilder<{ id: string }> {
  if (audience.kind === 'group') return sql`SELECT id FROM groups WHERE id = ${audience.groupId}`;
  if (audience.kind === 'organisation')
    return sql`SELECT id FROM groups WHERE organisation_id = ${audience.organisationId}`;
  return sql`WITH RECURSIVE tree(id, depth) AS (
      SELECT id, 0 FROM groups WHERE id = ${audience.groupId}
      UNION
      SELECT g.id, t.depth + 1 FROM groups g JOIN tree t ON g.parent_id = t.id WHERE t.depth < ${MAX_DEPTH}
    ) SELECT id FROM tree`;
}

/**
 * Each person the audience reaches, once, with one group they are reached through (the earliest made,
 * ids being time-ordered): members who have not declined, of every covered group.
 */
export function audiencePeople(audience: Audience): RawBuilder<{ person_id: string; group_id: string }> {
  return sql`SELECT m.person_id AS person_id, min(m.group_id) AS group_id
    FROM memberships m
    WHERE m.group_id IN (${audienceGroups(audience)}) AND m.state <> 'declined'
    GROUP BY m.person_id`;
}
