import { readFileSync } from 'node:fs';
import { ConfidentialClientApplication, type INetworkModule, LogLevel } from '@azure/msal-node';

export interface EntraAppSettings {
  clientId: string;
  /** The app's home tenant; tokens for other tenants name theirs per request. */
  tenantId: string;
  authorityHost: string;
  clientSecret?: string;
  /** PEM private key file and its certificate's SHA-256 thumbprint (preferred over a secret). */
  certificate?: { privateKeyPath: string; thumbprintSha256: string };
  /** Replaces msal's HTTP client; only tests use it, to reach a loopback authority. */
  networkClient?: INetworkModule;
}

/** Scopes Convene asks for. Graph permissions themselves are granted on the app registration. */
export const GRAPH_DEFAULT_SCOPE = 'https://graph.microsoft.com/.default';
export const BOT_CONNECTOR_SCOPE = 'https://api.botframework.com/.default';
/** The join page only needs to know who signed in: an ID token, no API access. */
const SIGN_IN_SCOPES = ['openid', 'profile'];

/**
 * Convene's one ConfidentialClientApplication for the process: client credentials for app-only
 * Graph and the Bot Connector, On-Behalf-Of when Graph is called as the signed-in user. msal keeps
 * the token cache in this instance, so tokens are reused until shortly before they expire.
 * Tokens are never logged (msal's PII logging stays off).
 */
export class EntraApp {
  private readonly client: ConfidentialClientApplication;
  private readonly inFlight = new Map<string, Promise<string>>();

  constructor(private readonly settings: EntraAppSettings) {
    const host = settings.authorityHost.replace(/\/+$/, '');
    this.client = new ConfidentialClientApplication({
      auth: {
        clientId: settings.clientId,
        authority: `${host}/${settings.tenantId}`,
        ...(settings.certificate
          ? {
              clientCertificate: {
                thumbprintSha256: settings.certificate.thumbprintSha256,
                privateKey: readFileSync(settings.certificate.privateKeyPath, 'utf8'),
              },
            }
          : { clientSecret: settings.clientSecret }),
        knownAuthorities: [new URL(host).host],
      },
      system: {
        ...(settings.networkClient ? { networkClient: settings.networkClient } : {}),
        loggerOptions: {
          logLevel: LogLevel.Warning,
          piiLoggingEnabled: false,
          loggerCallback: () => undefined,
        },
      },
    });
  }

  /**
   * An app-only token for `scope` in `tenantId` (the app must be consented there). Concurrent
   * callers share one request, so a burst of Graph calls does not fetch a token each.
   */
  appToken(scope: string, tenantId = this.settings.tenantId): Promise<string> {
    const key = `${tenantId} ${scope}`;
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.client
        .acquireTokenByClientCredential({
          scopes: [scope],
          authority: `${this.settings.authorityHost.replace(/\/+$/, '')}/${tenantId}`,
        })
        .then((result) => {
          if (!result?.accessToken) throw new Error('Microsoft Entra ID returned no app token.');
          return result.accessToken;
        })
        .finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return pending;
  }

  /** Where to send the browser to sign in (authorization code flow with PKCE, answer in the query). */
  authCodeUrl(request: {
    tenant: string;
    redirectUri: string;
    state: string;
    nonce: string;
    codeChallenge: string;
  }): Promise<string> {
    return this.client.getAuthCodeUrl({
      authority: `${this.settings.authorityHost.replace(/\/+$/, '')}/${request.tenant}`,
      scopes: SIGN_IN_SCOPES,
      redirectUri: request.redirectUri,
      state: request.state,
      nonce: request.nonce,
      codeChallenge: request.codeChallenge,
      codeChallengeMethod: 'S256',
      responseMode: 'query',
      prompt: 'select_account',
    });
  }

  /** Redeems an authorization code with its PKCE verifier; the raw ID token, for the caller to verify. */
  async idTokenByCode(request: {
    tenant: string;
    code: string;
    codeVerifier: string;
    nonce: string;
    redirectUri: string;
  }): Promise<string> {
    // With the nonce on the request, msal checks the ID token's nonce as well.
    const result = await this.client.acquireTokenByCode({
      authority: `${this.settings.authorityHost.replace(/\/+$/, '')}/${request.tenant}`,
      scopes: SIGN_IN_SCOPES,
      code: request.code,
      codeVerifier: request.codeVerifier,
      nonce: request.nonce,
      redirectUri: request.redirectUri,
    });
    if (!result?.idToken) throw new Error('Microsoft Entra ID returned no ID token.');
    return result.idToken;
  }

  /** Exchanges the user's SSO token for a Graph token that acts as them (On-Behalf-Of). */
  async userToken(ssoToken: string, scopes: string[], tenantId: string): Promise<string> {
    const result = await this.client.acquireTokenOnBehalfOf({
      oboAssertion: ssoToken,
      scopes,
      authority: `${this.settings.authorityHost.replace(/\/+$/, '')}/${tenantId}`,
    });
    if (!result?.accessToken) throw new Error('Microsoft Entra ID returned no on-behalf-of token.');
    return result.accessToken;
  }
}
