import { createRoot } from 'react-dom/client';
import { setTokenSource } from './api/client';
import { App } from './app';
import { detectHost } from './host/teams-host';

/** Finds out whether we run inside Teams (quickly, see teams-host.ts), then renders the portal. */
async function start(): Promise<void> {
  const host = await detectHost();
  if (host.inTeams) setTokenSource(host.getToken);
  createRoot(document.getElementById('root')!).render(<App host={host} />);
}

void start();
