import { app, authentication } from '@microsoft/teams-js';

export type HostTheme = 'default' | 'dark' | 'contrast';

export interface Host {
  /** True inside Teams (or another Microsoft 365 host); false in a plain browser. */
  inTeams: boolean;
  theme: HostTheme;
  /** The user's language as Teams reports it (`app.locale`, e.g. `hi-IN`); the browser's outside Teams. */
  locale: string | undefined;
  /** The user's time zone (the device's; Teams' context carries none): dates are shown in it. */
  timeZone: string | undefined;
  /** Teams SSO token for the API, or undefined outside Teams. */
  getToken(): Promise<string | undefined>;
  onThemeChange(handler: (theme: HostTheme) => void): void;
}

/**
 * teams-js rejects at once on a top-level page but waits a full minute when framed by a page that
 * is not Teams, so the host check races a short timer.
 */
const HOST_DETECT_TIMEOUT_MS = 3000;

const asTheme = (theme: string | undefined): HostTheme =>
  theme === 'dark' || theme === 'contrast' ? theme : 'default';

/** A language forced with ?lang=hi|ar|en, for previewing outside Teams. */
const localeFromAddress = (): string | undefined =>
  new URLSearchParams(window.location.search).get('lang') ?? undefined;

const browserTimeZone = (): string | undefined => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** A theme forced with ?theme=dark|contrast, for previewing outside Teams. */
function themeFromAddress(): HostTheme | undefined {
  const wanted = new URLSearchParams(window.location.search).get('theme') ?? undefined;
  return wanted ? asTheme(wanted) : undefined;
}

const outsideTeams = (): Host => ({
  inTeams: false,
  theme: themeFromAddress() ?? 'default',
  locale: localeFromAddress() ?? navigator.language,
  timeZone: browserTimeZone(),
  getToken: async () => undefined,
  onThemeChange: () => undefined,
});

export async function detectHost(): Promise<Host> {
  if (window.parent === window) return outsideTeams();
  try {
    await Promise.race([
      app.initialize(),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error('no Teams host')), HOST_DETECT_TIMEOUT_MS),
      ),
    ]);
    const context = await app.getContext();
    app.notifySuccess();
    return {
      inTeams: true,
      theme: asTheme(context.app.theme),
      locale: localeFromAddress() ?? context.app.locale,
      timeZone: browserTimeZone(),
      getToken: () => authentication.getAuthToken(),
      onThemeChange: (handler) => app.registerOnThemeChangeHandler((theme) => handler(asTheme(theme))),
    };
  } catch {
    return outsideTeams();
  }
}

/**
 * Opens a Teams link (a team, a chat): inside Teams the host goes there itself; in a browser a new
 * tab opens it (Teams on the web, or the desktop app if the browser hands it over).
 */
export async function openTeamsLink(url: string): Promise<void> {
  if (app.isInitialized()) await app.openLink(url);
  else window.open(url, '_blank', 'noopener');
}
