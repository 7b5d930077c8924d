import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'restify';
import { describeInviteLink, type InviteLinkFacts } from '../../domain/invites/describe-invite-link';
import { InviteNotFound } from '../../domain/invites/invite.errors';
import { inviteUrl as inviteUrlOf } from '../../domain/invites/invite-link';
import { supportedRegions } from '../../domain/people/phone-number';
import { SignInRefused } from '../../domain/people/sign-in.errors';
import type { WorkAccountSignIn } from '../../domain/people/work-account-sign-in.port';
import type { DeveloperSignIn } from '../../infra/directory/developer-sign-in';
import type { ApiDeps } from '../api-deps';
import { toHttpError } from '../http-errors';
import { type AskAgain, type JoinWays, refusedPage, validLinkPage } from './join-pages';
import type { JoinSessions } from './join-session';
import { englishJoinWords, type JoinWords } from './join-words';
import { LinkFactsCache } from './link-facts-cache';
import type { PreviewImages } from './preview-images';
import { botChatLink } from './teams-links';

/** What the composition root gives the join routes. */
export interface JoinRouteServices {
  signIn: WorkAccountSignIn;
  /** Local mode only: the developer sign-in page's code issuer. */
  developerSignIn?: DeveloperSignIn;
  sessions: JoinSessions;
  previews: PreviewImages;
  /** The bot's app id, for Teams deep links to its chat; none locally without a bot registration. */
  botAppId: string | undefined;
  /** Hosts the sign-in form may be redirected to (CSP form-action), e.g. login.microsoftonline.com. */
  signInOrigins: string[];
}

let regions: Array<{ code: string; label: string }> | undefined;

/**
 * Sends a join page made with a fresh nonce under the join pages' CSP: its forms post to this origin and
 * `formOrigins` (the sign-in's) only. `headers` adds to the page's own (e.g. `Retry-After`).
 */
export function sendJoinPage(
  res: Response,
  status: number,
  render: (nonce: string) => string,
  options: { formOrigins?: string[]; headers?: Record<string, string> } = {},
): void {
  const nonce = randomBytes(16).toString('base64');
  const formAction = ["'self'", ...(options.formOrigins ?? [])].join(' ');
  const html = render(nonce);
  res.writeHead(status, {
    ...options.headers,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': `default-src 'none'; style-src 'nonce-${nonce}'; img-src 'self'; form-action ${formAction}; base-uri 'none'; frame-ancestors 'none'`,
    'X-Content-Type-Options': 'nosniff',
    // The address holds the invite token: never hand it to the sites the page links to (same-origin
    // still lets the page's own forms carry their Origin, which the POSTs check).
    'Referrer-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  });
  res.end(html);
}

/**
 * What every join route shares: the words, how a page is sent (its CSP and headers), how a refusal
 * reads, the link's facts and ways, and the same-origin rule for the pages' forms.
 */
export class JoinHttp {
  readonly words: JoinWords = englishJoinWords;
  private readonly linkFacts: LinkFactsCache;

  constructor(
    readonly deps: ApiDeps,
    readonly services: JoinRouteServices,
  ) {
    this.linkFacts = new LinkFactsCache(deps.ctx);
  }

  base(): string {
    return this.deps.publicBaseUrl();
  }

  /** The redirect URI registered for sign-in. */
  callbackUrl(): string {
    return `${this.base()}/join/callback`;
  }

  /** Sends a page made with a fresh nonce, under the join pages' CSP. */
  page(res: Response, status: number, render: (nonce: string) => string): void {
    sendJoinPage(res, status, render, { formOrigins: this.services.signInOrigins });
  }

  /** The page of a working link, with its preview tags; `ask` sends Ask to join back filled in. */
  validPage(res: Response, status: number, token: string, found: InviteLinkFacts, ask?: AskAgain): void {
    const { words } = this;
    const ways = this.ways(token, found);
    const group = found.group.name;
    const preview = {
      title: words.previewTitle(group),
      description: words.previewDescription({
        group,
        sharedBy: found.sharedBy,
        organisation: found.organisation?.name ?? null,
      }),
      url: ways.inviteUrl,
      image: `${ways.inviteUrl}/preview.png`,
      imageAlt: words.previewAlt(group),
    };
    const developerSignIn = this.services.signIn.developer;
    this.page(res, status, (nonce) =>
      validLinkPage({ words, nonce, facts: found, ways, developerSignIn, preview, ask }),
    );
  }

  /** A redirect that no cache keeps. */
  redirect(res: Response, location: string): void {
    res.writeHead(303, { Location: location, 'Cache-Control': 'no-store' });
    res.end();
  }

  wantsJson(req: Request): boolean {
    const accept = String(req.headers.accept ?? '');
    return accept.includes('application/json') && !accept.includes('text/html');
  }

  /** A refusal as a page in plain words (or the shared JSON error body), with the way back to the invite. */
  refuse(req: Request, res: Response, error: unknown, token: string | undefined, title?: string): void {
    const { status, body, unexpected } = toHttpError(error);
    if (unexpected) this.deps.logger.error({ err: error }, 'join failed');
    if (res.headersSent) return;
    if (this.wantsJson(req)) {
      res.send(status, body);
      return;
    }
    const backTo = token ? `/join/${token}` : null;
    const { message, code } = body.error;
    this.page(res, status, (nonce) =>
      refusedPage({ words: this.words, nonce, title, message, code, backTo }),
    );
  }

  /** The page's facts (reused for a second across views), or a fresh read before anything is started. */
  async facts(token: string | undefined, fresh = false): Promise<InviteLinkFacts | undefined> {
    if (!token) return undefined;
    if (!fresh) return this.linkFacts.get(token);
    try {
      return await describeInviteLink(this.deps.ctx, { token });
    } catch (error) {
      if (error instanceof InviteNotFound) return undefined;
      throw error;
    }
  }

  ways(token: string, found: InviteLinkFacts): JoinWays {
    const inviteUrl = inviteUrlOf(this.base(), token);
    const { botAppId } = this.services;
    return {
      signIn: `/join/${token}/sign-in`,
      openInTeams: botAppId ? botChatLink(botAppId, `join ${inviteUrl}`) : null,
      inviteUrl,
      // Every link takes requests, organisation-only ones too: an admin decides on each.
      askToJoin: `/join/${token}/requests`,
      regions: found.organisation ? null : this.regionChoices(),
    };
  }

  /** Forms on these pages post to this origin only: a POST from another site is refused. */
  assertSameOrigin(req: Request): void {
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin') throw new SignInRefused('cross-site');
    const origin = req.headers.origin ?? req.headers.referer;
    if (typeof origin !== 'string') throw new SignInRefused('cross-site');
    let from: string;
    try {
      from = new URL(origin).origin;
    } catch {
      throw new SignInRefused('cross-site');
    }
    if (from !== new URL(this.base()).origin) throw new SignInRefused('cross-site');
  }

  /** A field of the page's urlencoded form. */
  formField(req: Request, name: string): string | undefined {
    const value = (req.body as Record<string, unknown> | undefined)?.[name];
    return typeof value === 'string' ? value : undefined;
  }

  /** "India (+91)"…, by name, for people whose group has no organisation to take a region from. */
  private regionChoices(): Array<{ code: string; label: string }> {
    if (!regions) {
      const names = new Intl.DisplayNames([this.words.lang], { type: 'region' });
      regions = supportedRegions()
        .map((r) => ({ code: r.code, label: `${names.of(r.code) ?? r.code} (+${r.callingCode})` }))
        .sort((a, b) => a.label.localeCompare(b.label, this.words.lang));
    }
    return regions;
  }
}
