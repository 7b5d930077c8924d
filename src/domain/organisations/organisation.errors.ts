import { DomainError } from '../shared/domain-error';

export class OrganisationNotFound extends DomainError {
  readonly code = 'ORGANISATION_NOT_FOUND';
  readonly kind = 'not-found';
  constructor(id: string) {
    super('That organisation does not exist.', { id });
  }
}

export class OrganisationAccountRequired extends DomainError {
  readonly code = 'ORGANISATION_ACCOUNT_REQUIRED';
  readonly kind = 'unauthenticated';
  constructor() {
    super('Sign in with your Microsoft 365 work account first.');
  }
}

export class LanguageUnsupported extends DomainError {
  readonly code = 'LANGUAGE_UNSUPPORTED';
  readonly kind = 'invalid';
  constructor(language: string, supported: readonly string[]) {
    super(`Convene prints in ${supported.join(', ')}; "${language}" is not one of them.`, {
      language,
      supported: [...supported],
    });
  }
}
