import { DomainError } from '../../domain/shared/domain-error';

/** Why a Teams SSO token was refused; each reason has its own stable code. */
export type SsoProblem =
  | 'missing'
  | 'malformed'
  | 'signature'
  | 'algorithm'
  | 'expired'
  | 'not-yet-valid'
  | 'audience'
  | 'issuer'
  | 'tenant'
  | 'scope'
  | 'claims'
  | 'keys-unavailable';

const details: Record<SsoProblem, { code: string; message: string }> = {
  missing: {
    code: 'SSO_TOKEN_MISSING',
    message: 'Sign in with Microsoft 365: the request carries no bearer token.',
  },
  malformed: { code: 'SSO_TOKEN_MALFORMED', message: 'The sign-in token is not a valid JWT.' },
  signature: {
    code: 'SSO_TOKEN_SIGNATURE',
    message: 'The sign-in token was not signed by Microsoft Entra ID.',
  },
  algorithm: {
    code: 'SSO_TOKEN_ALGORITHM',
    message: 'The sign-in token uses an algorithm Convene does not accept.',
  },
  expired: {
    code: 'SSO_TOKEN_EXPIRED',
    message: 'Your sign-in has expired. Reload Convene to sign in again.',
  },
  'not-yet-valid': { code: 'SSO_TOKEN_NOT_YET_VALID', message: 'The sign-in token is not valid yet.' },
  audience: { code: 'SSO_TOKEN_AUDIENCE', message: 'The sign-in token was issued for another application.' },
  issuer: { code: 'SSO_TOKEN_ISSUER', message: 'The sign-in token was not issued by your organisation.' },
  tenant: {
    code: 'SSO_TENANT_NOT_ALLOWED',
    message: 'Your organisation is not allowed to use this Convene deployment.',
  },
  scope: {
    code: 'SSO_SCOPE_MISSING',
    message: 'The sign-in token does not grant Convene access on your behalf.',
  },
  claims: { code: 'SSO_TOKEN_CLAIMS', message: 'The sign-in token lacks the user and tenant it must name.' },
  'keys-unavailable': {
    code: 'SSO_KEYS_UNAVAILABLE',
    message:
      'Convene could not fetch Microsoft Entra ID signing keys to check your sign-in. Try again shortly.',
  },
};

export class SsoTokenRejected extends DomainError {
  readonly code: string;
  readonly kind = 'unauthenticated';
  constructor(readonly problem: SsoProblem) {
    super(details[problem].message, { problem });
    this.code = details[problem].code;
  }
}
