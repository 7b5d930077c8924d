import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config';

const tenantEnv = {
  CONVENE_MODE: 'tenant',
  MICROSOFT_APP_ID: 'app-id',
  MICROSOFT_APP_PASSWORD: 'app-secret',
  MICROSOFT_APP_TENANT_ID: 'tenant-id',
  PUBLIC_BASE_URL: 'https://convene.contoso.com/',
  DATABASE_URL: 'postgres://convene@db/convene',
};

describe('configuration', () => {
  test('when nothing is set, then Convene runs locally on loopback with SQLite under ./data', () => {
    const config = loadConfig({});
    expect(config.mode).toBe('local');
    expect(config.host).toBe('127.0.0.1');
    expect(config.port).toBe(3978);
    expect(config.dataDir).toBe(path.resolve('data'));
    expect(config.databaseUrl).toBeUndefined();
    expect(config.bot.appId).toBeUndefined();
  });

  test('when tenant mode lacks settings, then start-up is refused naming every missing setting', () => {
    expect(() => loadConfig({ CONVENE_MODE: 'tenant' })).toThrow(ConfigError);
    try {
      loadConfig({ CONVENE_MODE: 'tenant', MICROSOFT_APP_ID: 'x' });
    } catch (error) {
      const message = (error as ConfigError).message;
      expect(message).toContain('MICROSOFT_APP_PASSWORD is required in tenant mode');
      expect(message).toContain('DATABASE_URL is required in tenant mode');
      expect(message).not.toContain('MICROSOFT_APP_ID is required');
    }
  });

  test('when tenant mode has bot authentication configured, then it listens on all interfaces', () => {
    const config = loadConfig(tenantEnv);
    expect(config.mode).toBe('tenant');
    expect(config.host).toBe('0.0.0.0');
    expect(config.publicBaseUrl).toBe('https://convene.contoso.com');
  });

  test.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must be a postgres:// URL'],
    [{ CONVENE_MODE: 'cloud' }, 'CONVENE_MODE'],
    [{ DEFAULT_REGION: 'India' }, 'DEFAULT_REGION must be a two-letter ISO 3166 code'],
  ])('when %j is set, then the error names %s', (env, expected) => {
    expect(() => loadConfig(env)).toThrow(expected);
  });

  test('when a bot id is given without the rest of its registration, then start-up is refused naming the missing settings', () => {
    expect(() => loadConfig({ MICROSOFT_APP_ID: 'app-id' })).toThrow(
      'MICROSOFT_APP_TENANT_ID is required with MICROSOFT_APP_ID for a SingleTenant bot; MICROSOFT_APP_PASSWORD is required with MICROSOFT_APP_ID for a SingleTenant bot',
    );
    expect(() => loadConfig({ MICROSOFT_APP_ID: 'app-id', MICROSOFT_APP_TYPE: 'UserAssignedMSI' })).toThrow(
      'MICROSOFT_APP_TENANT_ID is required with MICROSOFT_APP_ID for a UserAssignedMSI bot',
    );
    expect(loadConfig({ MICROSOFT_APP_ID: 'app-id', MICROSOFT_APP_TYPE: 'MultiTenant' }).bot.appId).toBe(
      'app-id',
    );
    expect(
      loadConfig({
        MICROSOFT_APP_ID: 'app-id',
        MICROSOFT_APP_PASSWORD: 'secret',
        MICROSOFT_APP_TENANT_ID: 't',
      }).bot.appId,
    ).toBe('app-id');
  });

  test('when local mode is asked to listen beyond loopback, then start-up is refused unless it is allowed explicitly', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow('ALLOW_LOCAL_MODE_ON_NETWORK=true');
    expect(() => loadConfig({ HOST: '192.168.1.20', ALLOW_LOCAL_MODE_ON_NETWORK: 'false' })).toThrow(
      ConfigError,
    );
    expect(loadConfig({ HOST: 'localhost' }).http.localModeOnNetwork).toBe(false);
    const allowed = loadConfig({ HOST: '0.0.0.0', ALLOW_LOCAL_MODE_ON_NETWORK: 'true' });
    expect(allowed.host).toBe('0.0.0.0');
    expect(allowed.http.localModeOnNetwork).toBe(true);
    expect(loadConfig({ ...tenantEnv, HOST: '0.0.0.0' }).http.localModeOnNetwork).toBe(false);
  });

  test('when nothing is said about public pages, then each address may open 300 a minute and no proxy is trusted', () => {
    expect(loadConfig({}).http.publicRequestsPerMinute).toBe(300);
    expect(loadConfig({}).http.trustProxy).toEqual([]);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).http.trustProxy).toEqual([
      'loopback',
      '10.0.0.0/8',
    ]);
    expect(loadConfig({ PUBLIC_RATE_LIMIT_PER_MINUTE: '600' }).http.publicRequestsPerMinute).toBe(600);
  });

  test('when the join page’s cookie secret is set, then it must be long; without one, tenant mode seals with the app’s secret', () => {
    expect(() => loadConfig({ JOIN_COOKIE_SECRET: 'too-short' })).toThrow(
      /JOIN_COOKIE_SECRET must be at least 32/,
    );
    expect(loadConfig(tenantEnv).join.cookieSecret).toBe('app-secret');
    const secret = 'a-join-cookie-secret-of-forty-characters';
    expect(loadConfig({ ...tenantEnv, JOIN_COOKIE_SECRET: secret }).join.cookieSecret).toBe(secret);
    expect(loadConfig({}).join.cookieSecret).toBeUndefined();
  });

  test('when configuration is loaded, then it cannot be changed afterwards', () => {
    const config = loadConfig(tenantEnv);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.bot)).toBe(true);
  });
});
