import { Badge } from '@fluentui/react-components';
import type { AccountState } from '../api/types';

const words = {
  matched: { text: 'Microsoft 365 account', color: 'success' },
  'no-account': { text: 'No account', color: 'warning' },
  external: { text: 'External account', color: 'informative' },
} as const;

/** Where a person's account stands for the organisation, as Users and the person page show it. */
export function AccountBadge({ account }: { account: AccountState }) {
  return (
    <Badge appearance="tint" color={words[account].color}>
      {words[account].text}
    </Badge>
  );
}
