import type { Request, Response } from 'restify';
import { describeInviteLink, type InviteLinkFacts } from '../../domain/invites/describe-invite-link';
import { InviteNotFound } from '../../domain/invites/invite.errors';
import { inviteUrl as inviteUrlOf } from '../../domain/invites/invite-link';
import { supportedRegions } from '../../domain/people/phone-number';
import { SignInRefused } from '../../domain/people/sign-in.errors';
import type { WorkAccountSignIn } from '../../domain/people/work-account-sign-in.port';
import { errorWords } from '../../i18n/error-words';
import type { Locale } from '../../i18n/locales';
import type { Translator } from '../../i18n/translator';
import type { DeveloperSignIn } from '../../infra/directory/developer-sign-in';
import type { ApiDeps } from '../api-deps';
import { errorLocaleOf, toHttpError } from '../http-errors';
import { joinLanguageOf, rememberLanguage } from './join-language';
import { JOIN_STYLE_SOURCE } from './join-layout';
import { type AskAgain, type JoinWays, type PageFrame, refusedPage, validLinkPage } from './join-pages';
import type { JoinSessions } from './join-session';
import { LinkFactsCache } from './link-facts-cache';
import { acceptsGzip, gzipPage } from './page-encoding';
import type { PreviewImages } from './preview-images';
import { RenderedPages } from './rendered-pages';
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

const regions = new Map<Locale, Array<{ code: string; label: string }>>();

/**
 * Sends a join page under the join pages' CSP (its one inline style allowed by hash), in the reader's
 * language (see `joinLanguageOf`), gzipped for browsers that take it: its forms post to this origin and
 * `formOrigins` (the sign-in's) only. `headers` adds to the page's own (e.g. `Retry-After`). A GET's page
 * carries the language switcher (links back to itself with `?lang=`); with `remember`, a `?lang=` choice
 * is kept in a cookie.
 */
export function sendJoinPage(
  req: Request,
  res: Response,
  status: number,
  render: (frame: PageFrame) => string,
  options: {
    formOrigins?: string[];
    headers?: Record<string, string>;
    /** Remember a `?lang=` choice in a cookie (`Secure` when the public address is https). */
    remember?: { secure: boolean };
    /** False where the address must not be repeated in links (the sign-in callback's carries a code). */
    switcher?: boolean;
  } = {},
): void {
  const formAction = ["'self'", ...(options.formOrigins ?? [])].join(' ');
  const { translator: t, chosen } = joinLanguageOf(req);
  if (chosen && options.remember) rememberLanguage(res, chosen, options.remember.secure);
  // A POST's answer can't be asked for again by a link: it has no switcher (the choice made before stays).
  const switcher =
    req.method === 'GET' && options.switcher !== false
      ? new URL(req.url ?? '/', 'http://page').searchParams
      : undefined;
  const html = render({ t, switcher });
  const gzip = acceptsGzip(req.headers['accept-encoding']);
  res.writeHead(status, {
    ...options.headers,
    'Content-Type': 'text/html; charset=utf-8',
    ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    // The words follow the browser's languages and the remembered choice: a cache must tell them apart.
    Vary: 'Accept-Language, Cookie, Accept-Encoding',
    'Content-Security-Policy': `default-src 'none'; style-src ${JOIN_STYLE_SOURCE}; img-src 'self'; form-action ${formAction}; base-uri 'none'; frame-ancestors 'none'`,
    'X-Content-Type-Options': 'nosniff',
    // The address holds the invite token: never hand it to the sites the page links to (same-origin
    // still lets the page's own forms carry their Origin, which the POSTs check).
    'Referrer-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  });
  res.end(gzip ? gzipPage(html) : html);
}

/**
 * What every join route shares: the reader's language, how a page is sent (its CSP and headers), how a
 * refusal reads, the link's facts and ways, and the same-origin rule for the pages' forms.
 */
export class JoinHttp {
  private readonly linkFacts: LinkFactsCache;
  private readonly rendered = new RenderedPages();

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

  /** The reader's language for this request (what the page will speak). */
  translator(req: Request): Translator {
    return joinLanguageOf(req).translator;
  }

  /** Sends a page under the join pages' CSP, in the reader's language. */
  page(
    req: Request,
    res: Response,
    status: number,
    render: (frame: PageFrame) => string,
    switcher = true,
  ): void {
    sendJoinPage(req, res, status, render, {
      formOrigins: this.services.signInOrigins,
      remember: { secure: this.base().startsWith('https:') },
      switcher,
    });
  }

  /** The page of a working link, with its preview tags; `ask` sends Ask to join back filled in. */
  validPage(
    req: Request,
    res: Response,
    status: number,
    token: string,
    found: InviteLinkFacts,
    ask?: AskAgain,
  ): void {
    const developerSignIn = this.services.signIn.developer;
    this.page(req, res, status, (frame) => {
      const render = () => this.validPageHtml(frame, token, found, developerSignIn, ask);
      // A page filled in for one person, or one whose address carries anything but the language it
      // speaks, is made anew: odd addresses can't push the pages phones share out of the cache.
      const params = [...(frame.switcher ?? [])];
      const plain = !ask && params.every(([name, value]) => name === 'lang' && value === frame.t.locale);
      if (!plain) return render();
      return this.rendered.page(found, `${token}\n${frame.t.locale}\n${frame.switcher ?? ''}`, render);
    });
  }

  /** A working link's page, with its preview tags in the reader's words. */
  private validPageHtml(
    frame: PageFrame,
    token: string,
    found: InviteLinkFacts,
    developerSignIn: boolean,
    ask: AskAgain | undefined,
  ): string {
    const { t } = frame;
    const ways = this.ways(token, found, t);
    const group = found.group.name;
    const organisation = found.organisation?.name;
    // The preview's words are the reader's too: a chat app's fetch sends its user's Accept-Language.
    const invitedTo = organisation ? t.t('join.preview.groupOfOrganisation', { group, organisation }) : group;
    const preview = {
      title: t.t('join.preview.title', { group }),
      description: found.sharedBy
        ? t.t('join.preview.descriptionSharedBy', { group: invitedTo, sharedBy: found.sharedBy })
        : t.t('join.preview.description', { group: invitedTo }),
      url: ways.inviteUrl,
      image: `${ways.inviteUrl}/preview.png`,
      imageAlt: t.t('join.preview.alt', { group }),
    };
    return validLinkPage(frame, { facts: found, ways, developerSignIn, preview, ask });
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
  refuse(
    req: Request,
    res: Response,
    error: unknown,
    token: string | undefined,
    title?: 'join.askToJoin.failed',
  ): void {
    const { status, body, unexpected } = toHttpError(error, errorLocaleOf(req));
    if (unexpected) this.deps.logger.error({ err: error }, 'join failed');
    if (res.headersSent) return;
    if (this.wantsJson(req)) {
      res.send(status, body);
      return;
    }
    const backTo = token ? `/join/${token}` : null;
    const { code } = body.error;
    // The callback's address holds the sign-in's code: its refusal links back to the invite instead.
    const atCallback = req.getPath() === new URL(this.callbackUrl()).pathname;
    this.page(
      req,
      res,
      status,
      (frame) =>
        refusedPage(frame, {
          title: title && frame.t.t(title),
          message: errorWords(body.error, frame.t),
          code,
          backTo,
        }),
      !atCallback,
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

  /** The page's ways on; `t` names the regions of Ask to join in the reader's language. */
  ways(token: string, found: InviteLinkFacts, t?: Translator): JoinWays {
    const inviteUrl = inviteUrlOf(this.base(), token);
    const { botAppId } = this.services;
    return {
      signIn: `/join/${token}/sign-in`,
      openInTeams: botAppId ? botChatLink(botAppId, `join ${inviteUrl}`) : null,
      inviteUrl,
      // Every link takes requests, organisation-only ones too: an admin decides on each.
      askToJoin: `/join/${token}/requests`,
      regions: found.organisation || !t ? null : this.regionChoices(t.locale),
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
  private regionChoices(locale: Locale): Array<{ code: string; label: string }> {
    let choices = regions.get(locale);
    if (!choices) {
      const names = new Intl.DisplayNames([locale], { type: 'region' });
      // The calling code is digits and a plus whatever the language: isolated so it stays "+91".
      choices = supportedRegions()
        .map((r) => ({
          code: r.code,
          label: `${names.of(r.code) ?? r.code} (\u2066+${r.callingCode}\u2069)`,
        }))
        .sort((a, b) => a.label.localeCompare(b.label, locale));
      regions.set(locale, choices);
    }
    return choices;
  }
}
