import type { SessionCompletion } from '../api/types';
import { NetworkError, ProblemError } from '../api/problem';

/** Where finished sessions wait until the service has them: survives a reload and an offline day. */
export interface QueueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export type FlushResult = { sent: string[]; kept: string[]; refused: { sessionId: string; problem: ProblemError }[] };

/**
 * Sessions finished on this device, sent in the order they were finished. Each keeps the session id it got when it
 * began, so sending it again after a lost answer is the same session to the service, never a second one.
 */
export class SessionQueue {
  private flushing: Promise<FlushResult> | null = null;

  private readonly key: string;

  private readonly listeners: (() => void)[] = [];

  /**
   * @param person whose sessions these are: each person on a shared device has a queue of their own, so a session is
   *        only ever sent with its own person's token
   */
  constructor(private readonly storage: QueueStorage, private readonly send: (s: SessionCompletion) => Promise<void>, person = 'anonymous') {
    this.key = `hipflex.pending-sessions.${person}`;
  }

  /** Called after every change of what waits, so the page can say how many sessions wait to be sent. */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  pending(): SessionCompletion[] {
    try {
      const stored = JSON.parse(this.storage.getItem(this.key) ?? '[]');
      return Array.isArray(stored) ? stored : [];
    } catch {
      return [];
    }
  }

  add(session: SessionCompletion): void {
    const others = this.pending().filter((s) => s.sessionId !== session.sessionId);
    this.save([...others, session]);
  }

  /** Sends what waits; one flush at a time, so a session is never in flight twice from this tab. */
  flush(): Promise<FlushResult> {
    if (!this.flushing) {
      this.flushing = this.sendAll().finally(() => {
        this.flushing = null;
      });
    }
    return this.flushing;
  }

  private async sendAll(): Promise<FlushResult> {
    const result: FlushResult = { sent: [], kept: [], refused: [] };
    for (const session of this.pending()) {
      try {
        await this.send(session);
        result.sent.push(session.sessionId);
        this.remove(session.sessionId);
      } catch (e) {
        if (e instanceof NetworkError || (e instanceof ProblemError && (e.status >= 500 || e.status === 401 || e.status === 429))) {
          // Offline, the service away, or signed out: try again later, in order.
          result.kept.push(...this.pending().map((s) => s.sessionId).filter((id) => !result.sent.includes(id)));
          return result;
        }
        if (e instanceof ProblemError) {
          // The service refuses this session for good (invalid, or its id taken by another body): keeping it would block the rest.
          result.refused.push({ sessionId: session.sessionId, problem: e });
          this.remove(session.sessionId);
          continue;
        }
        throw e;
      }
    }
    return result;
  }

  private remove(sessionId: string): void {
    this.save(this.pending().filter((s) => s.sessionId !== sessionId));
  }

  private save(sessions: SessionCompletion[]): void {
    this.storage.setItem(this.key, JSON.stringify(sessions));
    this.listeners.forEach((listener) => listener());
  }
}
