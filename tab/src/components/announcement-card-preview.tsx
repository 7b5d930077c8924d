import { makeStyles, Text, tokens } from '@fluentui/react-components';
import * as AdaptiveCards from 'adaptivecards';
import { useEffect, useRef } from 'react';
import { renderAnnouncementCard } from '../../../bot/cards/announcement-card';
import type { AnnouncementCardContent } from '../../../src/infra/delivery/announcement-card-content';

const useStyles = makeStyles({
  pair: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  frame: {
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

/** One card as Teams would draw it, from the same template the bot sends (bot/cards/announcement.json). */
function RenderedCard({ content, dark }: { content: AnnouncementCardContent; dark: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const card = new AdaptiveCards.AdaptiveCard();
    card.hostConfig = hostConfig(dark);
    card.parse(renderAnnouncementCard({ ...content, acknowledgedAt: null }));
    // Buttons do nothing in a preview.
    card.onExecuteAction = () => {};
    const element = card.render();
    host.current?.replaceChildren(...(element ? [element] : []));
  }, [content, dark]);
  return <div ref={host} />;
}

/** The announcement previewed as the real card, in Teams' light and dark themes side by side. */
export function AnnouncementCardPreview({ content }: { content: AnnouncementCardContent }) {
  const styles = useStyles();
  return (
    <div className={styles.pair}>
      {([false, true] as const).map((dark) => (
        <div
          key={String(dark)}
          className={`${styles.frame} ${dark ? styles.dark : styles.light}`}
          aria-label={dark ? 'Preview, dark theme' : 'Preview, light theme'}
          role="figure"
        >
          <Text size={200} style={{ color: dark ? '#adadad' : '#616161' }}>
            {dark ? 'Dark' : 'Light'}
          </Text>
          <RenderedCard content={content} dark={dark} />
        </div>
      ))}
    </div>
  );
}
