import { type Activity, ConfigurationBotFrameworkAuthentication, StatusCodes } from 'botbuilder';
import { type AuthenticateRequestResult, AuthenticationError } from 'botframework-connector';

/**
 * botbuilder's own token checks, with one difference: a token its signature check throws on (a
 * forged signature, `alg: none`) escapes as a plain error, which the adapter answers with a 500 and
 * a stack trace. Every failure to prove the caller is an authentication failure: 401.
 */
export class StrictBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  override async authenticateRequest(
    activity: Activity,
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new AuthenticationError(`Unauthorized: ${reason}`, StatusCodes.UNAUTHORIZED);
    }
  }
}
