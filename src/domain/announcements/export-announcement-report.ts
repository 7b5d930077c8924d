import type { Actor } from '../access/actor';
import type { DomainContext } from '../shared/unit-of-work.port';
import { csvLine } from '../uploads/error-report';
import { loadAnnouncementFor } from './change-announcement';

const PAGE = 1000;

/**
 * The per-person report as CSV (BOM for Excel, spreadsheet-safe cells), streamed a page at a time
 * so an organisation-wide announcement never sits in memory whole.
 */
export async function exportAnnouncementReport(
  ctx: DomainContext,
  id: string,
  actor: Actor,
): Promise<{ title: string; lines: AsyncIterable<string> }> {
  const announcement = await ctx.uow.read((repos) => loadAnnouncementFor(repos, id, actor));
  async function* lines(): AsyncIterable<string> {
    yield `\uFEFF${csvLine(['Name', 'Phone', 'Group', 'State', 'Reason', 'Sent at', 'Read at', 'Acknowledged at'])}`;
    let after: string | null = null;
    for (;;) {
      const page = await ctx.uow.read((repos) => repos.announcements.recipients(id, { after, limit: PAGE }));
      for (const p of page)
        yield csvLine([
          p.name ?? '',
          p.phone ?? '',
          p.groupName,
          p.state,
          p.failureReason ?? '',
          p.sentAt ?? '',
          p.readAt ?? '',
          p.acknowledgedAt ?? '',
        ]);
      if (page.length < PAGE) return;
      after = page[page.length - 1]!.personId;
    }
  }
  return { title: announcement.title, lines: lines() };
}
