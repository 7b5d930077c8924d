import type { Request, Response, Server } from 'restify';
import { InviteNotFound } from '../../domain/invites/invite.errors';
import { extractInviteToken } from '../../domain/invites/invite-link';
import { requestToJoin } from '../../domain/join-requests/request-to-join';
import { DomainError } from '../../domain/shared/domain-error';
import { errorWords } from '../../i18n/error-words';
import type { JoinHttp } from '../join/join-http';
import { outcomePage } from '../join/join-pages';
import { anonymousAnswer, requesterKeyOf } from './join-requests.routes';

/** Ask to join from the page: its form (urlencoded), no sign-in; the group's admins decide. */
export function registerJoinAskRoutes(server: Server, http: JoinHttp): void {
  const { deps } = http;
  server.post('/join/:token/requests', async (req: Request, res: Response) => {
    const token = extractInviteToken(req.params.token ?? '');
    try {
      http.assertSameOrigin(req);
      if (!token) throw new InviteNotFound();
      const asked = await requestToJoin(deps.ctx, {
        token,
        displayName: http.formField(req, 'name') ?? '',
        phone: http.formField(req, 'phone') ?? '',
        region: http.formField(req, 'region') || undefined,
        requesterKey: requesterKeyOf(req),
      });
      if (http.wantsJson(req)) {
        res.send(202, anonymousAnswer(asked));
        return;
      }
      const group = asked.groupName;
      http.page(req, res, 200, (frame) => outcomePage(frame, { group, outcome: 'requested', openUrl: null }));
    } catch (error) {
      // A mistyped name or number: the form comes back as it was typed, with the reason above it.
      if (error instanceof DomainError && error.kind === 'invalid' && token && !http.wantsJson(req)) {
        const found = await http.facts(token, true).catch(() => undefined);
        if (found?.status === 'active') {
          http.validPage(req, res, 400, token, found, {
            name: http.formField(req, 'name') ?? '',
            phone: http.formField(req, 'phone') ?? '',
            region: http.formField(req, 'region') ?? '',
            problem: errorWords(error, http.translator(req)),
          });
          return;
        }
      }
      http.refuse(req, res, error, token, 'join.askToJoin.failed');
    }
  });
}
