import type { InviteLinkFacts } from '../../domain/invites/describe-invite-link';
import { posterDate } from '../../domain/rollout/content/posters';
import { joinLayout, type PreviewMeta, text } from './join-layout';
import type { JoinWords } from './join-words';

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

export const GET_TEAMS = {
  android: 'https://play.google.com/store/apps/details?id=com.microsoft.teams',
  ios: 'https://apps.apple.com/app/microsoft-teams/id1113153706',
  desktop: 'https://www.microsoft.com/microsoft-teams/download-app',
} as const;

function getTeams(words: JoinWords): string {
  const links = (['android', 'ios', 'desktop'] as const)
    .map((k) => `<li><a href="${GET_TEAMS[k]}" rel="noopener">${text(words.getTeams[k])}</a></li>`)
    .join('');
  return `<section class="card" aria-labelledby="get-teams"><h2 id="get-teams">${text(words.getTeams.title)}</h2><ul class="get">${links}</ul></section>`;
}

function factsList(words: JoinWords, facts: InviteLinkFacts): string {
  const rows: Array<[string, string]> = [];
  if (facts.group.parentName) rows.push([words.facts.partOf, facts.group.parentName]);
  rows.push([words.facts.organisation, facts.organisation?.name ?? words.facts.personal]);
  if (facts.sharedBy) rows.push([words.facts.sharedBy, facts.sharedBy]);
  rows.push([words.facts.people, words.facts.peopleCount(facts.group.memberCount)]);
  if (facts.status === 'active' && facts.expiresAt)
    rows.push([words.facts.validUntil, posterDate(facts.expiresAt)]);
  if (facts.status === 'active' && facts.usesLeft !== null)
    rows.push([words.facts.usesLeft, String(facts.usesLeft)]);
  return `<dl>${rows.map(([k, v]) => `<dt>${text(k)}</dt><dd>${text(v)}</dd>`).join('')}</dl>`;
}

/** Ask to join refused for what was typed: the form comes back filled in, with the reason above it. */
export interface AskAgain {
  name: string;
  phone: string;
  region: string;
  problem: string;
}

/** The page for a link that works: the group, who shared it, and the three ways to join. */
export function validLinkPage(input: {
  words: JoinWords;
  nonce: string;
  facts: InviteLinkFacts;
  ways: JoinWays;
  developerSignIn: boolean;
  preview: PreviewMeta;
  /** Ask to join sent back: what the person typed, kept, and what was wrong with it. */
  ask?: AskAgain;
}): string {
  const { words, facts, ways } = input;
  const typed = input.ask;
  const value = (field: string | undefined) => (field ? ` value="${text(field)}"` : '');
  const group = facts.group.name;
  const lead = facts.sharedBy ? words.invitedBy(facts.sharedBy) : words.invited;
  const orgOnly =
    (facts.organisationAccountsOnly && facts.organisation
      ? `<p class="note" role="note">${text(words.organisationOnly(facts.organisation.name, facts.approvalRequired))}</p>`
      : '') +
    (facts.approvalRequired ? `<p class="note" role="note">${text(words.approvalRequired)}</p>` : '');
  const signIn =
    `<section class="card" aria-labelledby="way-sign-in"><h2 id="way-sign-in">1. ${text(words.signIn.title)}</h2>` +
    `<p>${text(facts.approvalRequired ? words.signIn.approvalText : words.signIn.text)}</p>` +
    (input.developerSignIn ? `<p class="note">${text(words.signIn.developerNote)}</p>` : '') +
    `<form method="post" action="${text(ways.signIn)}"><button type="submit">${text(facts.approvalRequired ? words.signIn.approvalButton : words.signIn.button)}</button></form></section>`;
  const teams =
    `<section class="card" aria-labelledby="way-teams"><h2 id="way-teams">2. ${text(words.openInTeams.title)}</h2>` +
    (ways.openInTeams
      ? `<p>${text(words.openInTeams.text)}</p><a class="button secondary" href="${text(ways.openInTeams)}" rel="noopener">${text(words.openInTeams.button)}</a>`
      : `<p>${text(words.openInTeams.noBot(ways.inviteUrl))}</p>`) +
    '</section>';
  const ask = ways.askToJoin
    ? `<section class="card" aria-labelledby="way-ask"><h2 id="way-ask">3. ${text(words.askToJoin.title)}</h2>` +
      `<p>${text(words.askToJoin.text)}</p>` +
      (typed ? `<p class="note" role="alert" id="ask-error">${text(typed.problem)}</p>` : '') +
      // The fragment brings a phone back to this form when it returns with a problem to fix.
      `<form method="post" action="${text(ways.askToJoin)}#way-ask">` +
      `<label for="ask-name">${text(words.askToJoin.name)}</label><input id="ask-name" name="name" autocomplete="name" required maxlength="100"${value(typed?.name)}>` +
      `<label for="ask-phone">${text(words.askToJoin.phone)}</label><input id="ask-phone" name="phone" type="tel" autocomplete="tel" required maxlength="32"${value(typed?.phone)}${typed ? ' aria-describedby="ask-error"' : ''}>` +
      (ways.regions
        ? `<label for="ask-region">${text(words.askToJoin.region)}</label><select id="ask-region" name="region" aria-describedby="ask-region-hint"><option value="">–</option>${ways.regions
            .map(
              (r) =>
                `<option value="${r.code}"${typed?.region === r.code ? ' selected' : ''}>${text(r.label)}</option>`,
            )
            .join('')}</select><p id="ask-region-hint"><small>${text(words.askToJoin.regionHint)}</small></p>`
        : '') +
      `<button type="submit">${text(words.askToJoin.button)}</button></form></section>`
    : '';
  // Decorative beside the group's name (the heading says whose it is), so its text alternative is empty.
  const photo = facts.group.photoEtag
    ? `<img class="group-photo" src="${text(`${ways.inviteUrl}/photo?v=${facts.group.photoEtag}`)}" alt="" width="96" height="96">`
    : '';
  const body =
    `${photo}<p>${text(lead)}</p><h1>${text(words.joinTitle(group))}</h1>` +
    `<section class="card" aria-label="${text(group)}">${factsList(words, facts)}</section>${orgOnly}` +
    `<h2>${text(words.waysTitle(ask ? 3 : 2))}</h2>${signIn}${teams}${ask}${getTeams(words)}`;
  return joinLayout({
    words,
    nonce: input.nonce,
    title: words.previewTitle(group),
    body,
    preview: input.preview,
  });
}

/** The words for a link that no longer works (or never did). */
export function deadLinkWords(
  words: JoinWords,
  facts: InviteLinkFacts | undefined,
): { title: string; text: string } {
  if (!facts) return words.states.unknown;
  if (facts.status === 'expired') return words.states.expired(facts.expiresAt);
  if (facts.status === 'revoked') return words.states.revoked(facts.revokedAt);
  return words.states.usedUp(facts.maxUses);
}

/** An expired, reset, used-up or unknown link: what happened and what to do next. */
export function deadLinkPage(input: {
  words: JoinWords;
  nonce: string;
  facts: InviteLinkFacts | undefined;
}): string {
  const { words, facts } = input;
  const state = deadLinkWords(words, facts);
  const group = facts ? `<p>${text(words.joinTitle(facts.group.name))}</p>` : '';
  const body = `${group}<h1>${text(state.title)}</h1><div class="card"><p>${text(state.text)}</p><p>${text(
    words.askSharer(facts?.sharedBy ?? null),
  )}</p></div>`;
  return joinLayout({ words, nonce: input.nonce, title: state.title, body });
}

/** After signing in: joined, already a member, or the request sent to the admins. */
export function outcomePage(input: {
  words: JoinWords;
  nonce: string;
  group: string;
  outcome: 'joined' | 'already-member' | 'requested';
  /** The team's link, else a deep link to the bot's chat; null when neither exists. */
  openUrl: string | null;
}): string {
  const { words } = input;
  const state =
    input.outcome === 'joined'
      ? words.joined(input.group)
      : input.outcome === 'already-member'
        ? words.alreadyMember(input.group)
        : words.requested(input.group);
  const open =
    input.openUrl && input.outcome !== 'requested'
      ? `<a class="button" href="${text(input.openUrl)}" rel="noopener">${text(words.openTeam)}</a>`
      : '';
  const body = `<h1>${text(state.title)}</h1><div class="card"><p>${text(state.text)}</p>${open}</div>${getTeams(words)}`;
  return joinLayout({ words, nonce: input.nonce, title: state.title, body });
}

/** A sign-in or join that was refused: the reason in plain words, and the way back to the invite. */
export function refusedPage(input: {
  words: JoinWords;
  nonce: string;
  /** The page's heading; "We couldn't sign you in" unless said otherwise. */
  title?: string;
  message: string;
  code: string;
  backTo: string | null;
}): string {
  const { words } = input;
  const back = input.backTo
    ? `<a class="button secondary" href="${text(input.backTo)}">${text(words.tryAgain)}</a>`
    : '';
  const title = input.title ?? words.signInFailed;
  const body = `<h1>${text(title)}</h1><div class="card"><p>${text(input.message)}</p><p><small>${text(
    input.code,
  )}</small></p>${back}</div>`;
  return joinLayout({ words, nonce: input.nonce, title, body });
}

/** Local mode's stand-in for Microsoft's sign-in page, marked as such on every line that matters. */
export function developerSignInPage(input: {
  words: JoinWords;
  nonce: string;
  action: string;
  hidden: Record<string, string>;
  people: Array<{ name: string; phone: string }>;
}): string {
  const { words } = input;
  const d = words.developer;
  const hidden = Object.entries(input.hidden)
    .map(([k, v]) => `<input type="hidden" name="${text(k)}" value="${text(v)}">`)
    .join('');
  const choices = input.people
    .map(
      (p) =>
        `<form method="post" action="${text(input.action)}">${hidden}<input type="hidden" name="name" value="${text(p.name)}"><input type="hidden" name="phone" value="${text(p.phone)}"><button type="submit" class="button secondary">${text(d.choose)} ${text(p.name)} (${text(p.phone)})</button></form>`,
    )
    .join('');
  const body =
    `<h1>${text(d.title)}</h1><p class="note" role="note">${text(d.warning)}</p>` +
    (choices ? `<div class="card">${choices}</div>` : '') +
    `<form class="card" method="post" action="${text(input.action)}">${hidden}<h2>${text(choices ? d.orType : d.type)}</h2>` +
    `<label for="dev-name">${text(d.name)}</label><input id="dev-name" name="name" autocomplete="name" required maxlength="100">` +
    `<label for="dev-phone">${text(d.phone)}</label><input id="dev-phone" name="phone" type="tel" autocomplete="tel" required maxlength="32">` +
    `<button type="submit">${text(d.button)}</button></form>`;
  return joinLayout({ words, nonce: input.nonce, title: d.title, body });
}
