import type { Request, Response, Server } from 'restify';
import { InviteNotFound } from '../../domain/invites/invite.errors';
import { extractInviteToken, inviteUrl as inviteUrlOf } from '../../domain/invites/invite-link';
import { joinWithWorkAccount } from '../../domain/invites/join-with-work-account';
import { parseRegion, toE164 } from '../../domain/people/phone-number';
import { SignInRefused } from '../../domain/people/sign-in.errors';
import type { DeveloperSignIn } from '../../infra/directory/developer-sign-in';
import { HttpProblem } from '../http-errors';
import type { JoinHttp } from '../join/join-http';
import { deadLinkPage, developerSignInPage, outcomePage } from '../join/join-pages';
import { newSignIn } from '../join/join-session';
import { botChatLink } from '../join/teams-links';

const DEVELOPER_SIGN_IN = '/join/developer-sign-in';

/**
 * Signing in with a work account to join. Joining starts with the page's POST (same origin only),
 * which seals the state, PKCE verifier and nonce into a cookie and sends the browser to sign in; the
 * callback is that POST's continuation: only the browser holding the cookie, bringing back the same
 * state, gets a code redeemed. Then "You're in" is one redirect away (post/redirect/get).
 */
export function registerJoinSignInRoutes(server: Server, http: JoinHttp): void {
  const { services, deps } = http;

  // Registered before `/join/:token` so these names are never read as tokens.
  server.get('/join/callback', async (req: Request, res: Response) => {
    let token: string | undefined;
    try {
      const query = (req.query ?? {}) as Record<string, unknown>;
      const state = typeof query.state === 'string' ? query.state : undefined;
      const session = await services.sessions.finishSignIn(req, res, state);
      token = session.token;
      if (typeof query.error === 'string') throw new SignInRefused('denied');
      if (typeof query.code !== 'string') throw new SignInRefused('code-rejected');
      const account = await services.signIn.redeem({
        tenant: session.tenant,
        code: query.code,
        codeVerifier: session.codeVerifier,
        nonce: session.nonce,
        redirectUri: http.callbackUrl(),
      });
      const joined = await joinWithWorkAccount(deps.ctx, { token: session.token, account });
      // Without a team yet, Convene's chat with `join ‹link›` ready to send: it answers with the group's card.
      const openUrl =
        joined.teamUrl ??
        (services.botAppId
          ? botChatLink(services.botAppId, `join ${inviteUrlOf(http.base(), session.token)}`)
          : null);
      await services.sessions.setJoined(res, {
        token: session.token,
        group: joined.group.name,
        outcome: joined.outcome,
        openUrl,
      });
      http.redirect(res, `/join/${session.token}/welcome`);
    } catch (error) {
      http.refuse(req, res, error, token);
    }
  });

  if (services.developerSignIn) registerDeveloperSignIn(server, http, services.developerSignIn);

  server.post('/join/:token/sign-in', async (req: Request, res: Response) => {
    const token = extractInviteToken(req.params.token ?? '');
    try {
      http.assertSameOrigin(req);
      const found = await http.facts(token, true);
      if (!found || !token) throw new InviteNotFound();
      if (found.status !== 'active') {
        http.page(req, res, 410, (frame) => deadLinkPage(frame, found));
        return;
      }
      const tenant = services.signIn.tenantFor(
        found.organisationAccountsOnly ? found.organisation?.tenantId : undefined,
      );
      const { session, codeChallenge } = newSignIn(token, tenant);
      const location = await services.signIn.authorizeUrl({
        state: session.state,
        nonce: session.nonce,
        codeChallenge,
        redirectUri: http.callbackUrl(),
        tenant,
      });
      await services.sessions.startSignIn(res, session);
      http.redirect(res, location);
    } catch (error) {
      http.refuse(req, res, error, token);
    }
  });

  server.get('/join/:token/welcome', async (req: Request, res: Response) => {
    const token = extractInviteToken(req.params.token ?? '');
    try {
      const joined = token ? await services.sessions.joined(req, token) : undefined;
      if (!joined) {
        http.redirect(res, token ? `/join/${token}` : '/');
        return;
      }
      const { group, outcome, openUrl } = joined;
      http.page(req, res, 200, (frame) => outcomePage(frame, { group, outcome, openUrl }));
    } catch (error) {
      http.refuse(req, res, error, token);
    }
  });
}

/** Local mode's authorize endpoint: the developer sign-in page and its answer (a one-time code). */
function registerDeveloperSignIn(server: Server, http: JoinHttp, developer: DeveloperSignIn): void {
  const { deps } = http;
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
  const checkRequest = (p: ReturnType<typeof params>) => {
    if (p.redirect_uri !== http.callbackUrl() || !p.state || !p.nonce || !p.code_challenge)
      throw new HttpProblem(400, 'SIGN_IN_REQUEST_INVALID', 'That sign-in request is not one Convene made.');
  };

  server.get(DEVELOPER_SIGN_IN, async (req: Request, res: Response) => {
    try {
      const hidden = params((req.query ?? {}) as Record<string, unknown>);
      checkRequest(hidden);
      const people = developer.standIns();
      http.page(req, res, 200, (frame) =>
        developerSignInPage(frame, { action: DEVELOPER_SIGN_IN, hidden, people }),
      );
    } catch (error) {
      http.refuse(req, res, error, undefined);
    }
  });

  server.post(DEVELOPER_SIGN_IN, async (req: Request, res: Response) => {
    try {
      http.assertSameOrigin(req);
      const p = params((req.body ?? {}) as Record<string, unknown>);
      checkRequest(p);
      const name = (http.formField(req, 'name') ?? '').trim().slice(0, 100);
      if (!name) throw new HttpProblem(400, 'NAME_REQUIRED', 'Type a name for the stand-in person.');
      const phone = toE164(http.formField(req, 'phone') ?? '', parseRegion(deps.defaultRegion));
      const code = developer.issueCode(
        { codeChallenge: p.code_challenge, nonce: p.nonce, redirectUri: p.redirect_uri },
        { name, phone },
      );
      http.redirect(res, `${p.redirect_uri}?${new URLSearchParams({ code, state: p.state })}`);
    } catch (error) {
      http.refuse(req, res, error, undefined);
    }
  });
}
