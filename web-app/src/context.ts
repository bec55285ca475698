import type { Auth } from './auth';
import type { Services } from './api/services';
import type { SessionQueue } from './session/queue';

/** What every screen gets: the services, sign-in, the offline session queue, and how to move on. */
export interface Context {
  services: Services;
  auth: Auth;
  queue: SessionQueue;
  signedIn: { subject: string; name: string } | null;
  navigate(hash: string): void;
  now(): Date;
  newId(): string;
}
