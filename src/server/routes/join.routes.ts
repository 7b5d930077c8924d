import { randomBytes } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { describeInviteLink, type InviteLinkFacts } from '../../domain/invites/describe-invite-link';
import { InviteNotFound } from '../../domain/invites/invite.errors';
import { extractInviteToken } from '../../domain/invites/invite-link';
import { joinWithWorkAccount } from '../../domain/invites/join-with-work-account';
import { requestToJoin } from '../../domain/join-requests/request-to-join';
import { parseRegion, supportedRegions, toE164 } from '../../domain/people/phone-number';
import { SignInRefused } from '../../domain/people/sign-in.errors';
import type { WorkAccountSignIn } from '../../domain/people/work-account-sign-in.port';
import type { DeveloperSignIn } from '../../infra/directory/developer-sign-in';
import type { ApiDeps } from '../api-deps';
import { HttpProblem, toHttpError } from '../http-errors';
import {
  deadLinkPage,
  deadLinkWords,
  developerSignInPage,
  type JoinWays,
  outcomePage,
  refusedPage,
  validLinkPage,
} from '../join/join-pages';
import { type JoinSessions, newSignIn } from '../join/join-session';
import { englishJoinWords } from '../join/join-words';
import { LinkFactsCache } from '../join/link-facts-cache';
import type { PreviewImages } from '../join/preview-images';
import { botChatLink } from '../join/teams-links';
import { requesterKeyOf } from './join-requests.routes';

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

const words = englishJoinWords;

let regions: Array<{ code: string; label: string }> | undefined;
/** "India (+91)"…, by name, for people whose group has no organisation to take a region from. */
function regionChoices(): Array<{ code: string; label: string }> {
  if (!regions) {
    const names = new Intl.DisplayNames([words.lang], { type: 'region' });
    regions = supportedRegions()
      .map((r) => ({ code: r.code, label: `${names.of(r.code) ?? r.code} (+${r.callingCode})` }))
      .sort((a, b) => a.label.localeCompare(b.label, words.lang));
  }
  return regions;
}

/**
 * The employee's side of an invite: the join page (HTML or JSON), its preview image, and signing in
 * with a work account to join. A GET never uses a link: joining starts with the page's POST and
 * finishes at the callback, which only a sign-in started by that POST (its sealed cookie and state) can
 * complete.
 */
export function registerJoinRoutes(server: Server, deps: ApiDeps, join: JoinRouteServices): void {
  const base = () => deps.publicBaseUrl();
  const callbackUrl = () => `${base()}/join/callback`;
  const developerUrl = '/join/developer-sign-in';

  const send = (res: Response, status: number, html: string, nonce: string) => {
    const formAction = ["'self'", ...join.signInOrigins].join(' ');
    res.writeHead(status, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': `default-src 'none'; style-src 'nonce-${nonce}'; img-src 'self'; form-action ${formAction}; base-uri 'none'; frame-ancestors 'none'`,
      'X-Content-Type-Options': 'nosniff',
      // The address holds the invite token: never hand it to the sites the page links to (same-origin
      // still lets the page's own forms carry their Origin, which the POSTs check).
      'Referrer-Policy': 'same-origin',
      'Cache-Control': 'no-store',
    });
    res.end(html);
  };
  const nonce = () => randomBytes(16).toString('base64');
  const wantsJson = (req: Request) => {
    const accept = String(req.headers.accept ?? '');
    return accept.includes('application/json') && !accept.includes('text/html');
  };

  /** A refusal as a page in plain words (or the shared JSON error body), with the way back. */
  const refuse = (req: Request, res: Response, error: unknown, token: string | undefined) => {
    const { status, body, unexpected } = toHttpError(error);
    if (unexpected) deps.logger.error({ err: error }, 'join failed');
    if (res.headersSent) return;
    if (wantsJson(req)) {
      res.send(status, body);
      return;
    }
    const n = nonce();
    const backTo = token ? `/join/${token}` : null;
    send(
      res,
      status,
      refusedPage({ words, nonce: n, message: body.error.message, code: body.error.code, backTo }),
      n,
    );
  };

  const linkFacts = new LinkFactsCache(deps.ctx);
  /** The page's facts (reused for a second across views); a fresh read before anything is started. */
  const facts = async (token: string | undefined, fresh = false): Promise<InviteLinkFacts | undefined> => {
    if (!token) return undefined;
    if (!fresh) return linkFacts.get(token);
    try {
      return await describeInviteLink(deps.ctx, { token });
    } catch (error) {
      if (error instanceof InviteNotFound) return undefined;
      throw error;
    }
  };

  const ways = (token: string, found: InviteLinkFacts): JoinWays => {
    const inviteUrl = `${base()}/join/${token}`;
    return {
      signIn: `/join/${token}/sign-in`,
      openInTeams: join.botAppId ? botChatLink(join.botAppId, `join ${inviteUrl}`) : null,
      inviteUrl,
      // A phone number proves no organisation account: such links take signed-in people only.
      askToJoin: found.organisationAccountsOnly ? null : `/join/${token}/requests`,
      regions: found.organisation ? null : regionChoices(),
    };
  };

  /** Forms on these pages post to this origin only: a POST from another site is refused. */
  const assertSameOrigin = (req: Request) => {
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
    if (from !== new URL(base()).origin) throw new SignInRefused('cross-site');
  };

  const formField = (req: Request, name: string): string | undefined => {
    const value = (req.body as Record<string, unknown> | undefined)?.[name];
    return typeof value === 'string' ? value : undefined;
  };

  // Registered before `/join/:token` so these names are never read as tokens.
  server.get('/join/callback', async (req: Request, res: Response) => {
    let token: string | undefined;
    try {
      const query = (req.query ?? {}) as Record<string, unknown>;
      const state = typeof query.state === 'string' ? query.state : undefined;
      const session = await join.sessions.finishSignIn(req, res, state);
      token = session.token;
      if (typeof query.error === 'string') throw new SignInRefused('denied');
      if (typeof query.code !== 'string') throw new SignInRefused('code-rejected');
      const account = await join.signIn.redeem({
        tenant: session.tenant,
        code: query.code,
        codeVerifier: session.codeVerifier,
        nonce: session.nonce,
        redirectUri: callbackUrl(),
      });
      const joined = await joinWithWorkAccount(deps.ctx, { token: session.token, account });
      const openUrl = joined.teamUrl ?? (join.botAppId ? botChatLink(join.botAppId) : null);
      await join.sessions.setJoined(res, {
        token: session.token,
        group: joined.group.name,
        outcome: joined.outcome,
        openUrl,
      });
      res.writeHead(303, { Location: `/join/${session.token}/welcome`, 'Cache-Control': 'no-store' });
      res.end();
    } catch (error) {
      refuse(req, res, error, token);
    }
  });

  if (join.developerSignIn) {
    const developer = join.developerSignIn;
    const params = (source: Record<string, unknown>) => {
      const pick = (k: string) => (typeof source[k] === 'string' ? (source[k] as string) : '');
      return {
        redirect_uri: pick('redirect_uri'),
        state: pick('state'),
        nonce: pick('nonce'),
        code_challenge: pick('code_challenge'),
      };
    };
    // Only Convene's own callback may receive a code: the page never redirects anywhere else.
    const checkRedirect = (p: ReturnType<typeof params>) => {
      if (p.redirect_uri !== callbackUrl() || !p.state || !p.nonce || !p.code_challenge)
        throw new HttpProblem(
          400,
          'SIGN_IN_REQUEST_INVALID',
          'That sign-in request is not one Convene made.',
        );
    };
    server.get(developerUrl, async (req: Request, res: Response) => {
      try {
        const p = params((req.query ?? {}) as Record<string, unknown>);
        checkRedirect(p);
        const n = nonce();
        send(
          res,
          200,
          developerSignInPage({
            words,
            nonce: n,
            action: developerUrl,
            hidden: p,
            people: developer.standIns(),
          }),
          n,
        );
      } catch (error) {
        refuse(req, res, error, undefined);
      }
    });
    server.post(developerUrl, async (req: Request, res: Response) => {
      try {
        assertSameOrigin(req);
        const p = params((req.body ?? {}) as Record<string, unknown>);
        checkRedirect(p);
        const name = (formField(req, 'name') ?? '').trim().slice(0, 100);
        if (!name) throw new HttpProblem(400, 'NAME_REQUIRED', 'Type a name for the stand-in person.');
        const phone = toE164(formField(req, 'phone') ?? '', parseRegion(deps.defaultRegion));
        const code = developer.issueCode(
          { codeChallenge: p.code_challenge, nonce: p.nonce, redirectUri: p.redirect_uri },
          { name, phone },
        );
        const query = new URLSearchParams({ code, state: p.state });
        res.writeHead(303, { Location: `${p.redirect_uri}?${query}`, 'Cache-Control': 'no-store' });
        res.end();
      } catch (error) {
        refuse(req, res, error, undefined);
      }
    });
  }

  server.get('/join/:token', async (req: Request, res: Response) => {
    try {
      const token = extractInviteToken(req.params.token ?? '');
      const found = await facts(token);
      const status = !found ? 404 : found.status === 'active' ? 200 : 410;
      if (wantsJson(req)) {
        res.send(status, found && token ? factsJson(found, token) : toHttpError(new InviteNotFound()).body);
        return;
      }
      const n = nonce();
      if (found && token && found.status === 'active') {
        const w = ways(token, found);
        const preview = {
          title: words.previewTitle(found.group.name),
          description: words.previewDescription({
            group: found.group.name,
            sharedBy: found.sharedBy,
            organisation: found.organisation?.name ?? null,
          }),
          url: w.inviteUrl,
          image: `${w.inviteUrl}/preview.png`,
          imageAlt: words.previewAlt(found.group.name),
        };
        send(
          res,
          200,
          validLinkPage({
            words,
            nonce: n,
            facts: found,
            ways: w,
            developerSignIn: join.signIn.developer,
            preview,
          }),
          n,
        );
      } else {
        send(res, status, deadLinkPage({ words, nonce: n, facts: found }), n);
      }
    } catch (error) {
      refuse(req, res, error, undefined);
    }
  });

  /** The same facts the page shows, for programs (`Accept: application/json`). */
  function factsJson(found: InviteLinkFacts, token: string) {
    const { organisation, linkId: _linkId, ...rest } = found;
    const w = ways(token, found);
    return {
      ...rest,
      organisation: organisation ? { name: organisation.name } : null,
      ...(found.status === 'active'
        ? {
            ways: {
              signIn: `${base()}${w.signIn}`,
              openInTeams: w.openInTeams,
              askToJoin: w.askToJoin && `${base()}${w.askToJoin}`,
            },
          }
        : { message: deadLinkWords(words, found) }),
    };
  }

  server.get('/join/:token/preview.png', async (req: Request, res: Response) => {
    try {
      const token = extractInviteToken(req.params.token ?? '');
      const found = await facts(token);
      if (!found || !token) throw new InviteNotFound();
      const inviteUrl = `${base()}/join/${token}`;
      const image = join.previews.get(found.linkId, () => ({
        title: words.previewTitle(found.group.name),
        lines: [
          found.organisation?.name ?? words.facts.personal,
          ...(found.sharedBy ? [`${words.facts.sharedBy}: ${found.sharedBy}`] : []),
        ],
        inviteUrl,
      }));
      const png = await image.png;
      res.writeHead(200, {
        'Content-Type': 'image/png',
        'Content-Length': String(png.length),
        'Cache-Control': 'public, max-age=3600',
        'X-Content-Type-Options': 'nosniff',
        'X-Preview-Cache': image.cached ? 'hit' : 'miss',
      });
      res.end(png);
    } catch (error) {
      refuse(req, res, error, undefined);
    }
  });

  server.post('/join/:token/sign-in', async (req: Request, res: Response) => {
    const token = extractInviteToken(req.params.token ?? '');
    try {
      assertSameOrigin(req);
      const found = await facts(token, true);
      if (!found || !token) throw new InviteNotFound();
      if (found.status !== 'active') {
        const n = nonce();
        send(res, 410, deadLinkPage({ words, nonce: n, facts: found }), n);
        return;
      }
      const tenant = join.signIn.tenantFor(
        found.organisationAccountsOnly ? found.organisation?.tenantId : undefined,
      );
      const { session, codeChallenge } = newSignIn(token, tenant);
      const location = await join.signIn.authorizeUrl({
        state: session.state,
        nonce: session.nonce,
        codeChallenge,
        redirectUri: callbackUrl(),
        tenant,
      });
      await join.sessions.startSignIn(res, session);
      res.writeHead(303, { Location: location, 'Cache-Control': 'no-store' });
      res.end();
    } catch (error) {
      refuse(req, res, error, token);
    }
  });

  // Ask to join: the page's form (urlencoded), no sign-in; the group's admins decide.
  server.post('/join/:token/requests', async (req: Request, res: Response) => {
    const token = extractInviteToken(req.params.token ?? '');
    try {
      assertSameOrigin(req);
      if (!token) throw new InviteNotFound();
      const region = formField(req, 'region');
      const asked = await requestToJoin(deps.ctx, {
        token,
        displayName: formField(req, 'name') ?? '',
        phone: formField(req, 'phone') ?? '',
        region: region || undefined,
        requesterKey: requesterKeyOf(req),
      });
      if (wantsJson(req)) {
        res.send(202, asked);
        return;
      }
      const n = nonce();
      send(
        res,
        200,
        outcomePage({ words, nonce: n, group: asked.groupName, outcome: 'requested', openUrl: null }),
        n,
      );
    } catch (error) {
      const { status, body, unexpected } = toHttpError(error);
      if (unexpected) deps.logger.error({ err: error }, 'join request failed');
      if (wantsJson(req)) {
        res.send(status, body);
        return;
      }
      const n = nonce();
      const page = refusedPage({
        words,
        nonce: n,
        title: words.askToJoin.failed,
        message: body.error.message,
        code: body.error.code,
        backTo: token ? `/join/${token}` : null,
      });
      send(res, status, page, n);
    }
  });

  server.get('/join/:token/welcome', async (req: Request, res: Response) => {
    const token = extractInviteToken(req.params.token ?? '');
    try {
      const joined = token ? await join.sessions.joined(req, token) : undefined;
      if (!joined) {
        res.writeHead(303, { Location: token ? `/join/${token}` : '/', 'Cache-Control': 'no-store' });
        res.end();
        return;
      }
      const n = nonce();
      send(
        res,
        200,
        outcomePage({
          words,
          nonce: n,
          group: joined.group,
          outcome: joined.outcome,
          openUrl: joined.openUrl,
        }),
        n,
      );
    } catch (error) {
      refuse(req, res, error, token);
    }
  });
}
