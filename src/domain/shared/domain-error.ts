/**
 * Every rule the domain refuses is a DomainError with a stable code. Transports turn the code into
 * words and an HTTP status; the same code appears in logs, the API and upload logs.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  /** How a transport should classify the refusal. */
  abstract readonly kind:
    | 'invalid'
    | 'not-found'
    | 'conflict'
    | 'forbidden'
    | 'gone'
    | 'unauthenticated'
    | 'rate-limited'
    | 'too-large';
  readonly details: Record<string, unknown>;

  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}
