import type { TurnContext } from 'botbuilder';
import type { DomainContext } from '../../src/domain/shared/unit-of-work.port';

/** Where the invite-card middleware leaves the domain context for `handleInviteCardAction`. */
const DOMAIN_CONTEXT = Symbol('convene.domainContext');

export function setDomainContext(turn: TurnContext, ctx: DomainContext): void {
  turn.turnState.set(DOMAIN_CONTEXT, ctx);
}

export function domainContextOf(turn: TurnContext): DomainContext {
  const ctx = turn.turnState.get(DOMAIN_CONTEXT) as DomainContext | undefined;
  if (!ctx) throw new Error('The invite-card middleware is not installed on the adapter.');
  return ctx;
}
