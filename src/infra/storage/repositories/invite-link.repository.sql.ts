import type { Kysely, Selectable } from 'kysely';
import type { InviteLink } from '../../../domain/invites/invite-link';
import type { InviteLinkRepository } from '../../../domain/invites/invite-link.repository';
import type { Database, InviteLinksTable } from '../schema';

const toInviteLink = (row: Selectable<InviteLinksTable>): InviteLink => ({
  id: row.id,
  groupId: row.group_id,
  tokenHash: row.token_hash,
  createdBy: row.created_by,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  maxUses: row.max_uses === null ? null : Number(row.max_uses),
  uses: Number(row.uses),
  revokedAt: row.revoked_at,
  organisationAccountsOnly: Number(row.organisation_accounts_only) === 1,
  approvalRequired: Number(row.approval_required) === 1,
  standing: Number(row.standing) === 1,
});

export class SqlInviteLinkRepository implements InviteLinkRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(link: InviteLink): Promise<void> {
    await this.db
      .insertInto('invite_links')
      .values({
        id: link.id,
        group_id: link.groupId,
        token_hash: link.tokenHash,
        created_by: link.createdBy,
        created_at: link.createdAt,
        expires_at: link.expiresAt,
        max_uses: link.maxUses,
        uses: link.uses,
        revoked_at: link.revokedAt,
        organisation_accounts_only: link.organisationAccountsOnly ? 1 : 0,
        approval_required: link.approvalRequired ? 1 : 0,
        standing: link.standing ? 1 : 0,
      })
      .execute();
  }

  async findByTokenHash(tokenHash: string): Promise<InviteLink | undefined> {
    const row = await this.db
      .selectFrom('invite_links')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row && toInviteLink(row);
  }

  async findCurrent(groupId: string): Promise<InviteLink | undefined> {
    const row = await this.db
      .selectFrom('invite_links')
      .selectAll()
      .where('group_id', '=', groupId)
      .where('revoked_at', 'is', null)
      .orderBy('created_at', 'desc')
      .executeTakeFirst();
    return row && toInviteLink(row);
  }

  async findStanding(groupId: string): Promise<InviteLink | undefined> {
    const row = await this.db
      .selectFrom('invite_links')
      .selectAll()
      .where('group_id', '=', groupId)
      .where('standing', '=', 1)
      .where('revoked_at', 'is', null)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirst();
    return row && toInviteLink(row);
  }

  async revokeAll(groupId: string, at: string): Promise<void> {
    await this.db
      .updateTable('invite_links')
      .set({ revoked_at: at })
      .where('group_id', '=', groupId)
      .where('revoked_at', 'is', null)
      .execute();
  }

  async consumeUse(id: string): Promise<boolean> {
    const result = await this.db
      .updateTable('invite_links')
      .set((eb) => ({ uses: eb('uses', '+', 1) }))
      .where('id', '=', id)
      .where((eb) => eb.or([eb('max_uses', 'is', null), eb('uses', '<', eb.ref('max_uses'))]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
