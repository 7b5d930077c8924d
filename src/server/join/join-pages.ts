import type { InviteLinkFacts } from '../../domain/invites/describe-invite-link';
import type { Translator } from '../../i18n/translator';
import { joinLayout, ltr, type PreviewMeta, say, text } from './join-layout';

/** Where the page's buttons go; absent ways are not offered. */
export interface JoinWays {
  signIn: string;
  /** Teams deep link to the bot's chat with `join <link>` ready to send; null without a bot app id. */
  openInTeams: string | null;
  inviteUrl: string;
  askToJoin: string | null;
  /** Regions to read the number in, when the group has no organisation to take one from. */
  regions: Array<{ code: string; label: string }> | null;
}

/** What every join page is made with: the reader's words and the language switcher. */
export interface PageFrame {
  t: Translator;
  /** This page's address parameters for the language switcher; absent on pages a GET can't show again. */
  switcher?: URLSearchParams;
}

export const GET_TEAMS = {
  android: 'https://play.google.com/store/apps/details?id=com.microsoft.teams',
  ios: 'https://apps.apple.com/app/microsoft-teams/id1113153706',
  desktop: 'https://www.microsoft.com/microsoft-teams/download-app',
} as const;

/** A link's last day, in the reader's language (its calendar, digits and month names). */
const day = (t: Translator, iso: string): string => t.date(new Date(iso), { dateStyle: 'long' });

function getTeams(t: Translator): string {
  const links = (['android', 'ios', 'desktop'] as const)
    .map((k) => `<li><a href="${GET_TEAMS[k]}" rel="noopener">${say(t, `join.getTeams.${k}`)}</a></li>`)
    .join('');
  return `<section class="card" aria-labelledby="get-teams"><h2 id="get-teams">${say(t, 'join.getTeams.title')}</h2><ul class="get">${links}</ul></section>`;
}

function factsList(t: Translator, facts: InviteLinkFacts): string {
  const rows: Array<[string, string]> = [];
  const value = (v: string) => `<bdi>${text(v)}</bdi>`;
  if (facts.group.parentName) rows.push([say(t, 'join.facts.partOf'), value(facts.group.parentName)]);
  rows.push([
    say(t, 'join.facts.organisation'),
    facts.organisation ? value(facts.organisation.name) : say(t, 'join.facts.personal'),
  ]);
  if (facts.sharedBy) rows.push([say(t, 'join.facts.sharedBy'), value(facts.sharedBy)]);
  rows.push([
    say(t, 'join.facts.people'),
    say(t, 'join.facts.peopleCount', { count: facts.group.memberCount }),
  ]);
  if (facts.status === 'active' && facts.expiresAt)
    rows.push([say(t, 'join.facts.validUntil'), text(day(t, facts.expiresAt))]);
  if (facts.status === 'active' && facts.usesLeft !== null)
    rows.push([say(t, 'join.facts.usesLeft'), say(t, 'join.facts.usesLeftCount', { count: facts.usesLeft })]);
  return `<dl>${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

/** Ask to join refused for what was typed: the form comes back filled in, with the reason above it. */
export interface AskAgain {
  name: string;
  phone: string;
  region: string;
  /**
   * The reason, in the reader's language (English while the catalogue lacks its code: the page lays
   * it out by its own words, `dir="auto"`).
   */
  problem: string;
}

/** "2. Already using Teams?": the way's number and title, in the reader's digits. */
const wayHeading = (t: Translator, id: string, number: number, title: Parameters<typeof say>[1]): string =>
  `<h2 id="${id}">${say(t, 'join.wayHeading', { number, title: t.t(title) })}</h2>`;

/** The page for a link that works: the group, who shared it, and the three ways to join. */
export function validLinkPage(
  frame: PageFrame,
  input: {
    facts: InviteLinkFacts;
    ways: JoinWays;
    developerSignIn: boolean;
    preview: PreviewMeta;
    /** Ask to join sent back: what the person typed, kept, and what was wrong with it. */
    ask?: AskAgain;
  },
): string {
  const { t } = frame;
  const { facts, ways } = input;
  const typed = input.ask;
  const value = (field: string | undefined) => (field ? ` value="${text(field)}"` : '');
  const group = facts.group.name;
  const approval = facts.approvalRequired;
  const lead = facts.sharedBy ? say(t, 'join.invitedBy', { name: facts.sharedBy }) : say(t, 'join.invited');
  const orgOnly =
    (facts.organisationAccountsOnly && facts.organisation
      ? `<p class="note" role="note">${say(t, approval ? 'join.organisationOnlyApproval' : 'join.organisationOnly', { organisation: facts.organisation.name })}</p>`
      : '') + (approval ? `<p class="note" role="note">${say(t, 'join.approvalRequired')}</p>` : '');
  const signIn =
    `<section class="card" aria-labelledby="way-sign-in">${wayHeading(t, 'way-sign-in', 1, 'join.signIn.title')}` +
    `<p>${say(t, approval ? 'join.signIn.approvalText' : 'join.signIn.text')}</p>` +
    (input.developerSignIn ? `<p class="note">${say(t, 'join.signIn.developerNote')}</p>` : '') +
    `<form method="post" action="${text(ways.signIn)}"><button type="submit">${say(t, approval ? 'join.signIn.approvalButton' : 'join.signIn.button')}</button></form></section>`;
  const teams =
    `<section class="card" aria-labelledby="way-teams">${wayHeading(t, 'way-teams', 2, 'join.openInTeams.title')}` +
    (ways.openInTeams
      ? `<p>${say(t, 'join.openInTeams.text')}</p><a class="button secondary" href="${text(ways.openInTeams)}" rel="noopener">${say(t, 'join.openInTeams.button')}</a>`
      : // The command is typed to the bot as it is: `join` stays English, the link left to right.
        `<p>${say(t, 'join.openInTeams.noBot', { command: ltr(`join ${ways.inviteUrl}`) })}</p>`) +
    '</section>';
  const ask = ways.askToJoin
    ? `<section class="card" aria-labelledby="way-ask">${wayHeading(t, 'way-ask', 3, 'join.askToJoin.title')}` +
      `<p>${say(t, 'join.askToJoin.text')}</p>` +
      (typed ? `<p class="note" role="alert" id="ask-error" dir="auto">${text(typed.problem)}</p>` : '') +
      // The fragment brings a phone back to this form when it returns with a problem to fix.
      `<form method="post" action="${text(ways.askToJoin)}#way-ask">` +
      `<label for="ask-name">${say(t, 'join.askToJoin.name')}</label><input id="ask-name" name="name" autocomplete="name" required maxlength="100" dir="auto"${value(typed?.name)}>` +
      `<label for="ask-phone">${say(t, 'join.askToJoin.phone')}</label><input id="ask-phone" name="phone" type="tel" dir="ltr" autocomplete="tel" required maxlength="32"${value(typed?.phone)}${typed ? ' aria-describedby="ask-error"' : ''}>` +
      (ways.regions
        ? `<label for="ask-region">${say(t, 'join.askToJoin.region')}</label><select id="ask-region" name="region" aria-describedby="ask-region-hint"><option value="">–</option>${ways.regions
            .map(
              (r) =>
                `<option value="${r.code}"${typed?.region === r.code ? ' selected' : ''}>${text(r.label)}</option>`,
            )
            .join(
              '',
            )}</select><p id="ask-region-hint"><small>${say(t, 'join.askToJoin.regionHint')}</small></p>`
        : '') +
      `<button type="submit">${say(t, 'join.askToJoin.button')}</button></form></section>`
    : '';
  // Decorative beside the group's name (the heading says whose it is), so its text alternative is empty.
  const photo = facts.group.photoEtag
    ? `<img class="group-photo" src="${text(`${ways.inviteUrl}/photo?v=${facts.group.photoEtag}`)}" alt="" width="96" height="96">`
    : '';
  const body =
    `${photo}<p>${lead}</p><h1>${say(t, 'join.title', { group })}</h1>` +
    `<section class="card" aria-label="${text(group)}">${factsList(t, facts)}</section>${orgOnly}` +
    `<h2>${say(t, 'join.waysTitle', { count: ask ? 3 : 2 })}</h2>${signIn}${teams}${ask}${getTeams(t)}`;
  return joinLayout({ ...frame, title: input.preview.title, body, preview: input.preview });
}

/** The words for a link that no longer works (or never did), as plain text (the JSON's `message`). */
export function deadLinkWords(
  t: Translator,
  facts: InviteLinkFacts | undefined,
): { title: string; text: string } {
  const words = (title: Parameters<Translator['t']>[0], sentence: string) => ({
    title: t.t(title),
    text: sentence,
  });
  if (!facts) return words('join.unknown.title', t.t('join.unknown.text'));
  if (facts.status === 'expired')
    return words(
      'join.expired.title',
      facts.expiresAt
        ? t.t('join.expired.textSince', { date: day(t, facts.expiresAt) })
        : t.t('join.expired.text'),
    );
  if (facts.status === 'revoked')
    return words(
      'join.revoked.title',
      facts.revokedAt
        ? t.t('join.revoked.textSince', { date: day(t, facts.revokedAt) })
        : t.t('join.revoked.text'),
    );
  return words(
    'join.usedUp.title',
    facts.maxUses === null ? t.t('join.usedUp.text') : t.t('join.usedUp.textOf', { maxUses: facts.maxUses }),
  );
}

/** An expired, reset, used-up or unknown link: what happened and what to do next. */
export function deadLinkPage(frame: PageFrame, facts: InviteLinkFacts | undefined): string {
  const { t } = frame;
  const state = deadLinkWords(t, facts);
  const group = facts ? `<p>${say(t, 'join.title', { group: facts.group.name })}</p>` : '';
  const sharer = facts?.sharedBy
    ? say(t, 'join.askSharerBy', { sharedBy: facts.sharedBy })
    : say(t, 'join.askSharer');
  const body = `${group}<h1>${text(state.title)}</h1><div class="card"><p>${text(state.text)}</p><p>${sharer}</p></div>`;
  return joinLayout({ ...frame, title: state.title, body });
}

/** After signing in: joined, already a member, or the request sent to the admins. */
export function outcomePage(
  frame: PageFrame,
  input: {
    group: string;
    outcome: 'joined' | 'already-member' | 'requested';
    /** The team's link, else a deep link to the bot's chat; null when neither exists. */
    openUrl: string | null;
  },
): string {
  const { t } = frame;
  const { group } = input;
  const state = {
    joined: ['join.joined.title', 'join.joined.text'],
    'already-member': ['join.alreadyMember.title', 'join.alreadyMember.text'],
    requested: ['join.requested.title', 'join.requested.text'],
  } as const;
  const [title, sentence] = state[input.outcome];
  const open =
    input.openUrl && input.outcome !== 'requested'
      ? `<a class="button" href="${text(input.openUrl)}" rel="noopener">${say(t, 'join.openInTeams.button')}</a>`
      : '';
  const body = `<h1>${say(t, title, { group })}</h1><div class="card"><p>${say(t, sentence, { group })}</p>${open}</div>${getTeams(t)}`;
  return joinLayout({ ...frame, title: t.t(title, { group }), body });
}

/** A sign-in or join that was refused: the reason in plain words, and the way back to the invite. */
export function refusedPage(
  frame: PageFrame,
  input: {
    /** The page's heading, in the reader's language; "We couldn't sign you in" unless said otherwise. */
    title?: string;
    /** The reason, in the reader's language. */
    message: string;
    code: string;
    backTo: string | null;
  },
): string {
  const { t } = frame;
  const back = input.backTo
    ? `<a class="button secondary" href="${text(input.backTo)}">${say(t, 'join.tryAgain')}</a>`
    : '';
  const title = input.title ?? t.t('join.signInFailed');
  // The code is for whoever helps them: always the same, left to right.
  const body = `<h1>${text(title)}</h1><div class="card"><p dir="auto">${text(input.message)}</p><p><small><bdi dir="ltr">${text(
    input.code,
  )}</bdi></small></p>${back}</div>`;
  return joinLayout({ ...frame, title, body });
}

/** Local mode's stand-in for Microsoft's sign-in page, marked as such on every line that matters. */
export function developerSignInPage(
  frame: PageFrame,
  input: { action: string; hidden: Record<string, string>; people: Array<{ name: string; phone: string }> },
): string {
  const { t } = frame;
  const hidden = Object.entries(input.hidden)
    .map(([k, v]) => `<input type="hidden" name="${text(k)}" value="${text(v)}">`)
    .join('');
  const choices = input.people
    .map(
      (p) =>
        `<form method="post" action="${text(input.action)}">${hidden}<input type="hidden" name="name" value="${text(p.name)}"><input type="hidden" name="phone" value="${text(p.phone)}"><button type="submit" class="button secondary">${say(t, 'join.developer.choose', { name: p.name, phone: ltr(p.phone) })}</button></form>`,
    )
    .join('');
  const body =
    `<h1>${say(t, 'join.developer.title')}</h1><p class="note" role="note">${say(t, 'join.developer.warning')}</p>` +
    (choices ? `<div class="card">${choices}</div>` : '') +
    `<form class="card" method="post" action="${text(input.action)}">${hidden}<h2>${say(t, choices ? 'join.developer.orType' : 'join.developer.type')}</h2>` +
    `<label for="dev-name">${say(t, 'join.developer.name')}</label><input id="dev-name" name="name" autocomplete="name" required maxlength="100" dir="auto">` +
    `<label for="dev-phone">${say(t, 'join.developer.phone')}</label><input id="dev-phone" name="phone" type="tel" dir="ltr" autocomplete="tel" required maxlength="32">` +
    `<button type="submit">${say(t, 'join.developer.button')}</button></form>`;
  return joinLayout({ ...frame, title: t.t('join.developer.title'), body });
}
