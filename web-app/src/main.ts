import './styles.css';
import { loadConfig } from './config';
import { oidcAuth } from './auth';
import { Services } from './api/services';
import { SessionQueue } from './session/queue';
import { shell, show } from './app';
import type { Context } from './context';
import { TEXT } from './words';

async function start(): Promise<void> {
  const config = await loadConfig();
  const auth = oidcAuth(config);
  const returnTo = await auth.completeSignIn(new URL(window.location.href)).catch(() => null);
  if (returnTo) window.location.hash = returnTo;
  const services = new Services(config, () => auth.accessToken());
  const signedIn = await auth.user();
  const queue = new SessionQueue(window.localStorage, (s) => services.recordSession(s), signedIn?.subject);
  const ctx: Context = {
    services, auth, queue, storage: window.localStorage, signedIn,
    navigate: (hash) => { window.location.hash = hash; },
    now: () => new Date(),
    newId: () => crypto.randomUUID(),
  };
  const { root, main, status } = shell(ctx);
  document.body.replaceChildren(root);
  const render = () => void show(ctx, main, window.location.hash || '#/');
  window.addEventListener('hashchange', render);
  render();

  const showQueue = () => {
    const waiting = queue.pending().length;
    status.textContent = [navigator.onLine ? '' : TEXT.offline, waiting ? TEXT.queued(waiting) : ''].filter(Boolean).join(' ');
  };
  queue.onChange(showQueue);
  const flush = () => { if (ctx.signedIn) void queue.flush(); };
  window.addEventListener('online', () => { showQueue(); flush(); });
  window.addEventListener('offline', showQueue);
  flush();
  showQueue();

  if ('serviceWorker' in navigator && import.meta.env.PROD) {
    navigator.serviceWorker.register('./sw.js').catch(() => undefined);
  }
}

void start();
