import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { type IntlShape, useIntl } from 'react-intl';
import { ApiError } from '../api/client';
import { apiErrorWords } from '../api/error-words';

const useStyles = makeStyles({
  empty: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalXL,
    backgroundColor: tokens.colorNeutralBackground1,
    borderRadius: tokens.borderRadiusLarge,
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
  },
});

/**
 * The words of an error, in the reader's language when given their `intl` (see `apiErrorWords`); without
 * it, the API's own English message.
 */
export const errorText = (error: unknown, intl?: IntlShape): string =>
  intl ? apiErrorWords(error, intl) : error instanceof Error ? error.message : 'Something went wrong.';

/** `errorText` in the reader's language, for handlers that keep an error's words to show later. */
export function useErrorText(): (error: unknown) => string {
  const intl = useIntl();
  return (error) => apiErrorWords(error, intl);
}

/**
 * "1 person", "12 people" in English only: the catalogue's plurals (`{count, plural, …}`) replace it
 * wherever a page has been moved into the catalogue.
 */
export const countOf = (count: number, noun: string, plural = `${noun}s`): string =>
  `${count.toLocaleString()} ${count === 1 ? noun : plural}`;

/** "1 member", "12 members": a group's size as its badges show it (the catalogue's plural, given `intl`). */
export const memberCountLabel = (count: number, intl?: IntlShape): string =>
  intl ? intl.formatMessage({ id: 'common.members' }, { count }) : countOf(count, 'member');

/**
 * A failed load (or, with a `title`, a failed change), with what went wrong and a way to try again.
 * A refusal (403) is an answer, not a hiccup: asking again gets the same no, so it offers no retry.
 */
export function ErrorState({
  error,
  onRetry,
  title,
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  const intl = useIntl();
  const code = error instanceof ApiError ? error.code : undefined;
  const refused = error instanceof ApiError && error.status === 403;
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>
          {refused || code === 'NOT_ALLOWED'
            ? intl.formatMessage({ id: 'tab-common.notAllowed' })
            : (title ?? intl.formatMessage({ id: 'tab-common.couldNotLoad' }))}
        </MessageBarTitle>
        {apiErrorWords(error, intl)}
        {onRetry && !refused && (
          <Button appearance="transparent" onClick={onRetry}>
            {intl.formatMessage({ id: 'tab-common.tryAgain' })}
          </Button>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

/** What to show when there is nothing yet, and what to do about it. */
export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children: ReactNode;
  action?: ReactNode;
}) {
  const styles = useStyles();
  return (
    <section className={styles.empty} aria-label={title}>
      <Text weight="semibold" size={400}>
        {title}
      </Text>
      <Text>{children}</Text>
      {action}
    </section>
  );
}
