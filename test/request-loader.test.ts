import { describe, expect, it } from 'vitest';
import { RequestLoader } from '../src/loaders/factory';

/** A batch that records the keys it was asked for and answers `value:key`. */
function recording() {
  const batches: number[][] = [];
  const batch = async (keys: readonly number[]) => {
    batches.push([...keys]);
    return keys.map((key) => `value:${key}`);
  };
  return { batches, batch };
}

describe('RequestLoader', () => {
  it('answers at once for primed and loaded keys, and with a promise for the rest, in one batch', async () => {
    const { batches, batch } = recording();
    const loader = new RequestLoader<number, string>(batch);
    loader.prime(1, 'primed');
    expect(loader.get(1)).toBe('primed');
    const pending = [loader.get(2), loader.get(3)];
    expect(pending.every((value) => value instanceof Promise)).toBe(true);
    expect(await Promise.all(pending)).toEqual(['value:2', 'value:3']);
    expect(loader.get(2)).toBe('value:2');
    expect(await loader.load(1)).toBe('primed');
    expect(batches).toEqual([[2, 3]]);
  });

  it('keeps what it loaded over a later prime, and forgets a cleared key', async () => {
    const { batches, batch } = recording();
    const loader = new RequestLoader<number, string>(batch);
    const loading = loader.get(5);
    loader.prime(5, 'too late');
    expect(await loading).toBe('value:5');
    expect(loader.get(5)).toBe('value:5');
    loader.clear(5).prime(5, 'fresh');
    expect(loader.get(5)).toBe('fresh');
    loader.clearAll();
    expect(await loader.get(5)).toBe('value:5');
    expect(batches).toEqual([[5], [5]]);
  });

  it('never answers from memory without a cache, nor for a key whose load failed', async () => {
    const uncached = new RequestLoader<number, string>(recording().batch, { cache: false });
    await uncached.load(1);
    uncached.prime(1, 'ignored');
    expect(uncached.get(1)).toBeInstanceOf(Promise);
    const failing = new RequestLoader<number, string>(async (keys) => keys.map(() => new Error('gone')));
    await expect(failing.get(1)).rejects.toThrow('gone');
    const again = failing.get(1);
    expect(again).toBeInstanceOf(Promise);
    await expect(again).rejects.toThrow('gone');
  });
});
