import type { Client } from '@microsoft/microsoft-graph-client';
import type { AccountCreator, SettingsCheckItem } from '../../domain/accounts/account-creator.port';

/** Each needed permission, and the application permissions that grant at least as much. */
const PERMISSIONS: ReadonlyArray<{ id: string; grantedBy: string[] }> = [
  { id: 'User.ReadWrite.All', grantedBy: ['User.ReadWrite.All', 'Directory.ReadWrite.All'] },
  {
    id: 'UserAuthenticationMethod.ReadWrite.All',
    grantedBy: ['UserAuthenticationMethod.ReadWrite.All', 'UserAuthMethod-Phone.ReadWrite.All'],
  },
  {
    id: 'GroupMember.ReadWrite.All',
    grantedBy: ['GroupMember.ReadWrite.All', 'Group.ReadWrite.All', 'Directory.ReadWrite.All'],
  },
  {
    id: 'Domain.Read.All',
    grantedBy: ['Domain.Read.All', 'Domain.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  },
];

/** The `roles` claim of an app-only access token, or undefined when the token cannot be read as a JWT. */
export function tokenRoles(token: string): string[] | undefined {
  const payload = token.split('.')[1];
  if (!payload || token.split('.').length !== 3) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { roles?: unknown };
    return Array.isArray(claims.roles) ? claims.roles.map(String) : [];
  } catch {
    return undefined;
  }
}

/**
 * What can be verified without changing anything: the permissions granted to the app (the token's
 * `roles` claim), that the domain is verified and the licensing group exists (harmless reads), and
 * whether SMS is usable for sign-in in the authentication methods policy (readable only with
 * Policy.Read.All; otherwise it is left for the admin to look at in Entra).
 */
export async function checkAccountCreationAccess(
  creator: AccountCreator,
  client: Client,
  token: () => Promise<string>,
  tenantId: string,
  settings: { domain: string; licenceGroupId: string | null },
): Promise<SettingsCheckItem[]> {
  const checks: SettingsCheckItem[] = [];
  const roles = tokenRoles(await token());
  for (const permission of PERMISSIONS) {
    const granted = roles?.some((role) => permission.grantedBy.includes(role));
    checks.push({
      id: `permission:${permission.id}`,
      label: `Graph application permission ${permission.id}`,
      state: roles === undefined ? 'unknown' : granted ? 'ok' : 'missing',
      code:
        roles === undefined ? 'PERMISSION_UNKNOWN' : granted ? 'PERMISSION_GRANTED' : 'PERMISSION_MISSING',
      details: { permission: permission.id, grantedBy: permission.grantedBy },
      detail:
        roles === undefined
          ? 'The access token does not say which permissions are granted; check the app registration in Entra.'
          : granted
            ? 'Granted (admin consent given).'
            : `Not granted: add it to the app registration and grant admin consent (any of ${permission.grantedBy.join(', ')}).`,
    });
  }
  checks.push(
    await readCheck('domain', 'Domain of the sign-in names', async () => {
      if (!settings.domain)
        return { state: 'missing', code: 'DOMAIN_NOT_CHOSEN', details: {}, detail: 'No domain chosen yet.' };
      const verified = await creator.verifiedDomains(tenantId);
      return verified.includes(settings.domain)
        ? {
            state: 'ok',
            code: 'DOMAIN_VERIFIED',
            details: { domain: settings.domain },
            detail: `${settings.domain} is a verified domain.`,
          }
        : {
            state: 'missing',
            code: 'DOMAIN_NOT_VERIFIED',
            details: { domain: settings.domain, verified },
            detail: `${settings.domain} is not among the verified domains (${verified.join(', ')}).`,
          };
    }),
  );
  checks.push(
    await readCheck('licence-group', 'Licensing group', async () => {
      if (!settings.licenceGroupId)
        return {
          state: 'unknown',
          code: 'LICENCE_GROUP_NOT_CHOSEN',
          details: {},
          detail: 'No licensing group chosen: new accounts get no licence from Convene.',
        };
      return (await creator.groupExists(tenantId, settings.licenceGroupId))
        ? {
            state: 'ok',
            code: 'LICENCE_GROUP_EXISTS',
            details: {},
            detail: 'The group exists. Its licences are assigned by Entra (group-based licensing).',
          }
        : {
            state: 'missing',
            code: 'LICENCE_GROUP_NOT_FOUND',
            details: { groupId: settings.licenceGroupId },
            detail: `No group ${settings.licenceGroupId} in the directory.`,
          };
    }),
  );
  checks.push(
    await readCheck('sms-sign-in-policy', 'SMS sign-in in the authentication methods policy', async () => {
      const sms = (await client
        .api('/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/sms')
        .get()) as { state?: string; includeTargets?: Array<{ isUsableForSignIn?: boolean }> };
      const usable = sms.state === 'enabled' && (sms.includeTargets ?? []).some((t) => t.isUsableForSignIn);
      return usable
        ? {
            state: 'ok',
            code: 'SMS_SIGN_IN_ON',
            details: {},
            detail: 'SMS is on and usable for sign-in (for the targets the policy names).',
          }
        : {
            state: 'missing',
            code: 'SMS_SIGN_IN_OFF',
            details: {},
            detail: 'Turn SMS on and allow "Use for sign-in" in Entra › Authentication methods › SMS.',
          };
    }),
  );
  return checks;
}

/** A check whose read Graph may refuse (403 without the permission): refused means "could not tell". */
async function readCheck(
  id: string,
  label: string,
  read: () => Promise<Pick<SettingsCheckItem, 'state' | 'code' | 'details' | 'detail'>>,
): Promise<SettingsCheckItem> {
  try {
    return { id, label, ...(await read()) };
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode;
    return {
      id,
      label,
      state: 'unknown',
      code: 'UNREADABLE',
      details: { status: status === 403 ? 'forbidden' : (status ?? 'none') },
      detail: `Convene could not read this (${status === 403 ? 'no permission to read it' : `Graph answered ${status ?? 'nothing'}`}); check it in Entra.`,
    };
  }
}
