import type { Translator } from '../../src/i18n/translator';
import type { AnnounceCardWords, AnnounceDraft } from '../cards/announce-card-data';

/** Keeps a link or a zone name left to right inside a right-to-left sentence (Unicode isolates). */
const ltr = (value: string): string => `\u2066${value}\u2069`;

/** "Tuesday 8 December 2026, 09:00" on the sender's clock, in their language. */
const whenText = (tr: Translator, iso: string): string =>
  tr.date(new Date(iso), { dateStyle: 'full', timeStyle: 'short' });

const base = (tr: Translator, w: Record<string, string>): AnnounceCardWords => ({
  rtl: tr.dir === 'rtl',
  w,
});

/**
 * The `announce` cards' words in the sender's language (the catalogue's `announce.bot.*`): templates
 * hold no English, only `${w.…}`.
 */
export const announceWords = {
  compose(tr: Translator, draft: AnnounceDraft, reach: number): AnnounceCardWords {
    return base(tr, {
      heading: tr.t('announce.bot.compose.heading', { group: draft.groupName }),
      reach: tr.t('announce.bot.reach', { count: reach }),
      sendTo: tr.t('announce.bot.compose.sendTo'),
      groupTree: tr.t('announce.bot.compose.groupTree', { group: draft.groupName }),
      title: tr.t('announce.bot.compose.title'),
      titleMissing: tr.t('announce.bot.compose.titleMissing'),
      text: tr.t('announce.bot.compose.text'),
      textMissing: tr.t('announce.bot.compose.textMissing'),
      link: tr.t('announce.bot.compose.link'),
      acknowledge: tr.t('announce.bot.compose.acknowledge'),
      postInChannel: tr.t('announce.bot.compose.postInChannel'),
      sendDate: tr.t('announce.bot.compose.sendDate'),
      sendTime: tr.t('announce.bot.compose.sendTime'),
      whenHint: tr.t('announce.bot.compose.whenHint', { timeZone: ltr(draft.timeZone) }),
      preview: tr.t('announce.bot.compose.preview'),
    });
  },

  preview(
    tr: Translator,
    draft: AnnounceDraft,
    reach: number,
    sendAt: string | undefined,
  ): AnnounceCardWords {
    return base(tr, {
      headline: tr.t('announce.bot.preview.headline'),
      button: tr.t('announce.bot.preview.button', { url: ltr(draft.linkUrl) }),
      withAcknowledge: tr.t('announce.bot.preview.withAcknowledge'),
      withChannelPost: tr.t('announce.bot.preview.withChannelPost'),
      when: sendAt
        ? tr.t('announce.bot.preview.goesOutAt', {
            when: whenText(tr, sendAt),
            timeZone: ltr(draft.timeZone),
          })
        : tr.t('announce.bot.preview.goesOutNow'),
      reach: tr.t('announce.bot.reach', { count: reach }),
      send: tr.t(sendAt ? 'announce.bot.preview.schedule' : 'announce.bot.preview.sendNow'),
      edit: tr.t('announce.bot.preview.edit'),
      cancel: '',
    });
  },

  confirmation(
    tr: Translator,
    draft: AnnounceDraft,
    audienceCount: number,
    sendAt: string | undefined,
  ): AnnounceCardWords {
    return base(tr, {
      headline: tr.t(sendAt ? 'announce.bot.scheduled.headline' : 'announce.bot.sent.headline', {
        title: draft.title,
      }),
      when: sendAt
        ? tr.t('announce.bot.preview.goesOutAt', {
            when: whenText(tr, sendAt),
            timeZone: ltr(draft.timeZone),
          })
        : '',
      reach: tr.t(sendAt ? 'announce.bot.scheduled.reach' : 'announce.bot.sent.reach', {
        count: audienceCount,
      }),
      cancel: tr.t('announce.bot.scheduled.cancel'),
    });
  },

  cancelled(tr: Translator, draft: AnnounceDraft): AnnounceCardWords {
    return base(tr, {
      headline: tr.t('announce.bot.cancelled.headline', { title: draft.title }),
      when: '',
      reach: tr.t('announce.bot.cancelled.reach'),
    });
  },
};
