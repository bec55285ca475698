import { describe, expect, it } from 'vitest';
import { SessionQueue, type QueueStorage } from '../src/session/queue';
import { NetworkError, ProblemError } from '../src/api/problem';
import type { SessionCompletion } from '../src/api/types';

class MemoryStorage implements QueueStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) { return this.items.get(key) ?? null; }
  setItem(key: string, value: string) { this.items.set(key, value); }
}

const session = (id: string): SessionCompletion => ({
  sessionId: id, startedAt: '2026-12-05T08:00:00+01:00', timeZone: 'Europe/Berlin', phases: ['release'], exercises: ['couch-stretch'], sides: 'both',
});

describe('the offline session queue', () => {
  it('keeps a session finished offline, across a reload, and sends it once back online under the same id', async () => {
    const storage = new MemoryStorage();
    let online = false;
    const sent: string[] = [];
    const send = async (s: SessionCompletion) => {
      if (!online) throw new NetworkError(new TypeError('offline'));
      sent.push(s.sessionId);
    };
    const first = new SessionQueue(storage, send);
    first.add(session('s-1'));
    expect(await first.flush()).toEqual({ sent: [], kept: ['s-1'], refused: [] });

    const afterReload = new SessionQueue(storage, send);
    expect(afterReload.pending().map((s) => s.sessionId)).toEqual(['s-1']);
    online = true;
    expect((await afterReload.flush()).sent).toEqual(['s-1']);
    expect(sent).toEqual(['s-1']);
    expect(afterReload.pending()).toEqual([]);
    expect((await afterReload.flush()).sent).toEqual([]);
  });

  it('tells the page each time what waits changes, so the page can say how many sessions wait', async () => {
    let online = false;
    const queue = new SessionQueue(new MemoryStorage(), async () => { if (!online) throw new NetworkError(new TypeError('offline')); });
    const seen: number[] = [];
    queue.onChange(() => seen.push(queue.pending().length));
    queue.add(session('s-1'));
    await queue.flush();
    expect(seen).toEqual([1]);
    online = true;
    await queue.flush();
    expect(seen).toEqual([1, 0]);
  });

  it('sends a session whose answer was lost again with the same body, which the service treats as the same session', async () => {
    const storage = new MemoryStorage();
    const bodies: string[] = [];
    let loseAnswer = true;
    const queue = new SessionQueue(storage, async (s) => {
      bodies.push(JSON.stringify(s));
      if (loseAnswer) {
        loseAnswer = false;
        throw new NetworkError(new TypeError('connection reset'));
      }
    });
    queue.add(session('s-2'));
    await queue.flush();
    await queue.flush();
    expect(bodies).toHaveLength(2);
    expect(bodies[0]).toBe(bodies[1]);
    expect(queue.pending()).toEqual([]);
  });

  it('keeps the order and stops at the first session that cannot go yet', async () => {
    const storage = new MemoryStorage();
    const attempts: string[] = [];
    const queue = new SessionQueue(storage, async (s) => {
      attempts.push(s.sessionId);
      if (s.sessionId === 'b') throw new ProblemError({ type: 'about:blank', title: 'Service Unavailable', status: 503 }, 2);
    });
    ['a', 'b', 'c'].forEach((id) => queue.add(session(id)));
    const result = await queue.flush();
    expect(attempts).toEqual(['a', 'b']);
    expect(result).toEqual({ sent: ['a'], kept: ['b', 'c'], refused: [] });
  });

  it('drops a session the service refuses for good, with its problem, so the rest still go', async () => {
    const storage = new MemoryStorage();
    const queue = new SessionQueue(storage, async (s) => {
      if (s.sessionId === 'bad') throw new ProblemError({ type: 'about:blank', title: 'Invalid request', status: 400, errors: [{ field: 'exercises[0]', message: 'is not an exercise of the catalog' }] });
    });
    queue.add(session('bad'));
    queue.add(session('good'));
    const result = await queue.flush();
    expect(result.sent).toEqual(['good']);
    expect(result.refused.map((r) => [r.sessionId, r.problem.status])).toEqual([['bad', 400]]);
    expect(queue.pending()).toEqual([]);
  });

  it('never has a session in flight twice: a flush while one runs joins it', async () => {
    const storage = new MemoryStorage();
    let release: () => void = () => undefined;
    let calls = 0;
    const queue = new SessionQueue(storage, () => { calls += 1; return new Promise<void>((r) => { release = r; }); });
    queue.add(session('once'));
    const a = queue.flush();
    const b = queue.flush();
    release();
    expect(await a).toEqual(await b);
    expect(calls).toBe(1);
  });

  it('keeps each person\'s sessions apart on a shared device', async () => {
    const storage = new MemoryStorage();
    const sentByBo: string[] = [];
    new SessionQueue(storage, async () => { throw new NetworkError(new TypeError('offline')); }, 'ana').add(session('ana-1'));
    const bo = new SessionQueue(storage, async (s) => { sentByBo.push(s.sessionId); }, 'bo');
    expect(bo.pending()).toEqual([]);
    await bo.flush();
    expect(sentByBo).toEqual([]);
    expect(new SessionQueue(storage, async () => undefined, 'ana').pending().map((s) => s.sessionId)).toEqual(['ana-1']);
  });

  it('replaces a session added again under the same id instead of queueing it twice', () => {
    const queue = new SessionQueue(new MemoryStorage(), async () => undefined);
    queue.add(session('x'));
    queue.add({ ...session('x'), painAfter: 2 });
    expect(queue.pending()).toEqual([{ ...session('x'), painAfter: 2 }]);
  });
});
