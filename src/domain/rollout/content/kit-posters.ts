import type { Translator } from '../../../i18n/translator';
import type { PosterSpec } from '../rollout.ports';

/**
 * The rollout kit's printed material beyond the join posters: one for group admins (bring your group
 * across and add it to the organisation) and one for the activation desk, where people without a work
 * account get one. The desk's table tent prints the desk poster twice, folded.
 */
export type KitPosterId = 'group-admin-poster' | 'activation-desk-poster';

/** The steps a group admin follows in the bot; the commands are the bot's own words (`bot/commands`). */
export function groupAdminPosterSpec(organisationName: string | null, t: Translator): PosterSpec {
  return {
    locale: t.locale,
    dir: t.dir,
    kicker: organisationName ?? t.t('print.kicker.default'),
    headline: t.t('print.poster.groupAdmin.headline'),
    intro: t.t('print.poster.groupAdmin.intro'),
    steps: [
      t.t('print.poster.groupAdmin.step1'),
      t.t('print.poster.groupAdmin.step2'),
      t.t('print.poster.groupAdmin.step3', {
        organisation: organisationName ?? t.t('print.poster.groupAdmin.yourOrganisation'),
      }),
    ],
    footer: t.t('print.poster.groupAdmin.footer'),
  };
}

/** The activation desk's poster: what to bring and what happens there. */
export function activationDeskPosterSpec(organisationName: string | null, t: Translator): PosterSpec {
  return {
    locale: t.locale,
    dir: t.dir,
    kicker: organisationName ?? t.t('print.kicker.default'),
    headline: t.t('print.poster.desk.headline'),
    intro: t.t('print.poster.desk.intro'),
    steps: [t.t('print.poster.desk.step1'), t.t('print.poster.desk.step2'), t.t('print.poster.desk.step3')],
    footer: t.t('print.poster.desk.footer'),
  };
}

export const kitPosterSpecs: Readonly<
  Record<KitPosterId, (organisationName: string | null, t: Translator) => PosterSpec>
> = {
  'group-admin-poster': groupAdminPosterSpec,
  'activation-desk-poster': activationDeskPosterSpec,
};
