import type { Auth } from './auth';
import type { Services } from './api/services';
import type { SessionQueue } from './session/queue';

/** What every screen gets: the services, sign-in, the offline session queue, and how to move on. */
export interface Context {
  services: Services;
  auth: Auth;
  queue: SessionQueue;
  /** the device's storage for what must survive a reload (local storage in the browser) */
  storage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
  signedIn: { subject: string; name: string } | null;
  navigate(hash: string): void;
  now(): Date;
  newId(): string;
}
