import { afterEach, describe, expect, it, vi } from 'vitest';
import { request } from '../api.ts';
import { answered, cachedRead, clearReads } from './readCache.ts';

afterEach(() => {
  clearReads();
  vi.unstubAllGlobals();
});

const deferred = <T>() => {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

describe('the read cache', () => {
  it('shares one request per key while it is in flight and once answered', async () => {
    const d = deferred<number>();
    const load = vi.fn(() => d.promise);
    const a = cachedRead('k', load);
    const b = cachedRead('k', load);
    expect(answered('k')).toBeUndefined();
    d.resolve(7);
    expect(await a).toBe(7);
    expect(await b).toBe(7);
    expect(await cachedRead('k', load)).toBe(7);
    expect(load).toHaveBeenCalledTimes(1);
    expect(answered<[number]>('k')).toEqual([7]);
    expect(answered('k', 'other')).toBeUndefined();
  });

  it('never keeps a failure: the next read asks again', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce('ok');
    await expect(cachedRead('k', load)).rejects.toThrow('offline');
    expect(await cachedRead('k', load)).toBe('ok');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('forgets everything at any write through the API, but not at a read', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{}', { status: 200 })),
    );
    const load = vi.fn(async () => 1);
    await cachedRead('k', load);
    await request('/api/v1/x');
    await cachedRead('k', load);
    expect(load).toHaveBeenCalledTimes(1);
    await request('/api/v1/x', { method: 'POST', body: {} });
    await cachedRead('k', load);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
