import { createRoot } from 'react-dom/client';
import { setTokenSource } from './api/client';
import { App } from './app';
import { detectHost } from './host/teams-host';
import { loadLanguage } from './i18n/tab-messages';

/**
 * Finds out whether we run inside Teams (quickly, see teams-host.ts) and in which language, then renders
 * the portal in it.
 */
async function start(): Promise<void> {
  const host = await detectHost();
  if (host.inTeams) setTokenSource(host.getToken);
  const language = await loadLanguage(host.locale);
  document.documentElement.lang = language.locale;
  document.documentElement.dir = language.dir;
  createRoot(document.getElementById('root')!).render(<App host={host} language={language} />);
}

void start();
