import { DomainError } from '../shared/domain-error';

/** Why a join-page sign-in was refused; each reason has its own stable code. Nothing is joined. */
export type SignInProblem =
  | 'cross-site'
  | 'session-missing'
  | 'state-mismatch'
  | 'state-replayed'
  | 'code-rejected'
  | 'token-invalid'
  | 'audience'
  | 'issuer'
  | 'nonce'
  | 'tenant'
  | 'denied';

const details: Record<SignInProblem, { code: string; message: string }> = {
  'cross-site': {
    code: 'SIGN_IN_CROSS_SITE',
    message: 'That sign-in did not start on this page. Open the invite link again and press Sign in.',
  },
  'session-missing': {
    code: 'SIGN_IN_SESSION_MISSING',
    message: 'Your sign-in took too long or cookies are blocked. Open the invite link again and sign in.',
  },
  'state-mismatch': {
    code: 'SIGN_IN_STATE_MISMATCH',
    message: 'That sign-in answer does not belong to this browser. Open the invite link again and sign in.',
  },
  'state-replayed': {
    code: 'SIGN_IN_STATE_REPLAYED',
    message: 'That sign-in has already been used. Open the invite link again and sign in.',
  },
  'code-rejected': {
    code: 'SIGN_IN_CODE_REJECTED',
    message: 'Microsoft did not confirm your sign-in. Open the invite link again and sign in.',
  },
  'token-invalid': {
    code: 'SIGN_IN_TOKEN_INVALID',
    message: 'Your sign-in could not be checked. Open the invite link again and sign in.',
  },
  audience: { code: 'SIGN_IN_TOKEN_AUDIENCE', message: 'That sign-in was meant for another application.' },
  issuer: { code: 'SIGN_IN_TOKEN_ISSUER', message: 'That sign-in was not issued by your organisation.' },
  nonce: {
    code: 'SIGN_IN_NONCE_MISMATCH',
    message: 'That sign-in does not belong to this browser. Open the invite link again and sign in.',
  },
  tenant: {
    code: 'SIGN_IN_TENANT_NOT_ALLOWED',
    message: 'Your organisation is not allowed to use this Convene deployment.',
  },
  denied: {
    code: 'SIGN_IN_CANCELLED',
    message: 'Sign-in was cancelled. You can try again, open Teams, or ask to join instead.',
  },
};

export class SignInRefused extends DomainError {
  readonly code: string;
  readonly kind = 'unauthenticated';
  constructor(readonly problem: SignInProblem) {
    super(details[problem].message, { problem });
    this.code = details[problem].code;
  }
}
