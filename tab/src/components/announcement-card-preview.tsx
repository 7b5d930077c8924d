import { makeStyles, Text, tokens } from '@fluentui/react-components';
import * as AdaptiveCards from 'adaptivecards';
import { useEffect, useRef, useState } from 'react';
import { useIntl } from 'react-intl';
import type { AnnouncementCardContent } from '../../../src/infra/delivery/announcement-card-content';
import { api } from '../api/client';
import { errorText } from './states';

const useStyles = makeStyles({
  pair: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  frame: {
    margin: 0,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  light: { backgroundColor: '#ffffff', color: '#242424' },
  dark: { backgroundColor: '#292929', color: '#ffffff' },
});

/** Teams' card colours, enough for a faithful preview of text, subtle text and buttons. */
const hostConfig = (dark: boolean) =>
  new AdaptiveCards.HostConfig({
    fontFamily: 'Segoe UI, system-ui, sans-serif',
    containerStyles: {
      default: {
        backgroundColor: dark ? '#292929' : '#ffffff',
        foregroundColors: {
          default: { default: dark ? '#ffffff' : '#242424', subtle: dark ? '#adadad' : '#616161' },
          good: { default: dark ? '#92c353' : '#237b4b', subtle: dark ? '#92c353' : '#237b4b' },
          attention: { default: dark ? '#f9526b' : '#c4314b', subtle: dark ? '#f9526b' : '#c4314b' },
        },
      },
    },
  });

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The part of the card markdown Teams draws that the preview needs: bold, italic and line breaks, after
 * escaping every tag the writer typed (the preview never runs what was written as HTML).
 */
AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = escapeHtml(text)
    .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|\W)_(.+?)_(?=\W|$)/g, '$1<em>$2</em>')
    .replace(/\n/g, '<br>');
  result.didProcess = true;
};

/** One card as Teams would draw it, from the same template the bot sends (bot/cards/announcement.json). */
function RenderedCard({ card: json, dark }: { card: Record<string, unknown>; dark: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const card = new AdaptiveCards.AdaptiveCard();
    card.hostConfig = hostConfig(dark);
    card.parse(json);
    // Buttons do nothing in a preview.
    card.onExecuteAction = () => {};
    const element = card.render();
    host.current?.replaceChildren(...(element ? [element] : []));
  }, [json, dark]);
  return <div ref={host} />;
}

/**
 * The announcement previewed as the real card, in Teams' light and dark themes side by side. The server
 * expands the bot's own template (bot/cards/announcement.json) with what was written, so the preview is
 * the card members get; a problem with the text (a bad link) shows instead.
 */
export function AnnouncementCardPreview({
  content,
  imageId,
}: {
  content: AnnouncementCardContent;
  /** An uploaded picture's id; the server turns it into the card's public address. */
  imageId?: string;
}) {
  const styles = useStyles();
  const intl = useIntl();
  const [card, setCard] = useState<Record<string, unknown>>();
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      api
        .post<{ card: Record<string, unknown> }>(
          // The card's own words in the sender's tab language (the members get theirs in their own).
          `/api/v1/announcements/preview?groupName=${encodeURIComponent(content.groupName)}&lang=${encodeURIComponent(intl.locale)}`,
          {
            title: content.title,
            body: content.body,
            linkUrl: content.link?.url ?? '',
            linkLabel: content.link?.label ?? '',
            acknowledge: content.acknowledge,
            imageId: imageId ?? null,
          },
        )
        .then(
          (r) => {
            if (!live) return;
            setCard(r.card);
            setProblem(undefined);
          },
          (e: unknown) => live && setProblem(errorText(e)),
        );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [content, imageId, intl.locale]);
  if (problem) return <Text>{problem}</Text>;
  if (!card) return <Text>{intl.formatMessage({ id: 'tab-announcements.preview.preparing' })}</Text>;
  return (
    <div className={styles.pair}>
      {([false, true] as const).map((dark) => (
        <figure
          key={String(dark)}
          className={`${styles.frame} ${dark ? styles.dark : styles.light}`}
          aria-label={intl.formatMessage({
            id: dark ? 'tab-announcements.preview.darkFigure' : 'tab-announcements.preview.lightFigure',
          })}
        >
          <Text size={200} style={{ color: dark ? '#adadad' : '#616161' }}>
            {intl.formatMessage({
              id: dark ? 'tab-announcements.preview.dark' : 'tab-announcements.preview.light',
            })}
          </Text>
          <RenderedCard card={card} dark={dark} />
        </figure>
      ))}
    </div>
  );
}
