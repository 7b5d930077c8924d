import { Badge } from '@fluentui/react-components';
import { useIntl } from 'react-intl';
import type { AccountState } from '../api/types';

const words = {
  matched: { id: 'tab-people.account.matched', color: 'success' },
  'no-account': { id: 'tab-people.account.noAccount', color: 'warning' },
  external: { id: 'tab-people.account.external', color: 'informative' },
} as const;

/** Where a person's account stands for the organisation, as Users and the person page show it. */
export function AccountBadge({ account }: { account: AccountState }) {
  const intl = useIntl();
  return (
    <Badge appearance="tint" color={words[account].color}>
      {intl.formatMessage({ id: words[account].id })}
    </Badge>
  );
}
