import type { IntlShape } from 'react-intl';
import { isolatedIn } from './left-to-right';

/** "Kitchen (admin), Depot · invited and 2 more": a person's first groups, and how many are not shown. */
export function groupsInWords(
  groups: ReadonlyArray<{ name: string; role?: string; state?: string }>,
  total: number,
  intl: IntlShape,
): string {
  const isolated = isolatedIn(intl);
  const list = intl.formatList(
    groups.map((g) =>
      intl.formatMessage(
        { id: 'tab-people.users.groupEntry' },
        { name: isolated(g.name), role: g.role ?? 'member', state: g.state ?? 'joined' },
      ),
    ),
    { type: 'unit', style: 'short' },
  );
  return total > groups.length
    ? intl.formatMessage({ id: 'tab-people.andMore' }, { list, more: total - groups.length })
    : list;
}
