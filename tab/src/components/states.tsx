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
import { ApiError } from '../api/client';

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

/** The words of an API error (coded errors carry their own message). */
export const errorText = (error: unknown): string =>
  error instanceof ApiError
    ? error.message
    : error instanceof Error
      ? error.message
      : 'Something went wrong.';

/** "1 person", "12 people": a count with its noun in the right number (the plural is noun + "s" unless given). */
export const countOf = (count: number, noun: string, plural = `${noun}s`): string =>
  `${count.toLocaleString()} ${count === 1 ? noun : plural}`;

/** "1 member", "12 members": a group's size as its badges show it. */
export const memberCountLabel = (count: number): string => countOf(count, 'member');

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
  const code = error instanceof ApiError ? error.code : undefined;
  const refused = error instanceof ApiError && error.status === 403;
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>
          {refused || code === 'NOT_ALLOWED' ? 'Not allowed' : (title ?? 'Could not load this')}
        </MessageBarTitle>
        {errorText(error)}
        {onRetry && !refused && (
          <Button appearance="transparent" onClick={onRetry}>
            Try again
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
