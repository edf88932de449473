import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiskCache } from '../../../src/verify/index';

const day = 24 * 3600_000;
const now = Date.now();

/** Caches `url` with a body of `size` bytes through `cache`. */
async function put(cache: DiskCache, url: string, size: number): Promise<void> {
  await cache.put({ url, finalUrl: url, status: 200, contentType: 'text/html', storedAt: now }, new Uint8Array(size).fill(65));
}

/** The key of the entry that holds `url` in the folder (the name of its files without extension). */
function keyOf(dir: string, url: string): string {
  const name = readdirSync(dir).find((n) => n.endsWith('.json') && (JSON.parse(readFileSync(join(dir, n), 'utf8')) as { url: string }).url === url);
  assert.ok(name, `${url} is cached`);
  return name.slice(0, -'.json'.length);
}

/** Sets the last use of the entry that holds `url` to `at` (ms since the epoch). */
function lastUsed(dir: string, url: string, at: number): void {
  const key = keyOf(dir, url);
  for (const file of [`${key}.json`, `${key}.body`]) utimesSync(join(dir, file), new Date(at), new Date(at));
}

/** The addresses cached in the folder, sorted. */
function cachedUrls(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => (JSON.parse(readFileSync(join(dir, name), 'utf8')) as { url: string }).url)
    .sort();
}

describe('verify: the source cache on disk', () => {
  let dir: string;
  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'claimlens-cache-')), 'sources');
  });
  afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  it('tells its folder, entries and size; a folder not there yet is empty', async () => {
    const cache = new DiskCache(dir);
    assert.deepEqual(await cache.info(), { dir, entries: 0, bytes: 0 });
    await put(cache, 'https://example.org/a', 1000);
    await put(cache, 'https://example.org/b', 3000);
    const files = readdirSync(dir).map((name) => statSync(join(dir, name)).size);
    assert.equal(files.length, 4);
    assert.deepEqual(await cache.info(), { dir, entries: 2, bytes: files.reduce((n, b) => n + b, 0) });
  });

  it('removes the entries unused for longer than the age limit, and only those', async () => {
    const writer = new DiskCache(dir);
    await put(writer, 'https://example.org/old', 100);
    await put(writer, 'https://example.org/recent', 100);
    lastUsed(dir, 'https://example.org/old', now - 31 * day);
    lastUsed(dir, 'https://example.org/recent', now - 29 * day);
    // A later run, which used neither.
    const result = await new DiskCache(dir).prune({ maxBytes: 1e9, maxUnusedMs: 30 * day, now });
    assert.equal(result.removed, 1);
    assert.deepEqual(cachedUrls(dir), ['https://example.org/recent']);
    assert.equal(result.entries, 1);
  });

  it('over the size cap, removes the least recently used first, until it is under', async () => {
    const writer = new DiskCache(dir);
    for (const [i, name] of ['a', 'b', 'c', 'd'].entries()) {
      await put(writer, `https://example.org/${name}`, 10_000);
      lastUsed(dir, `https://example.org/${name}`, now - (10 - i) * 3600_000);
    }
    const entryBytes = (await writer.info()).bytes / 4;
    // Room for two entries and a half: the two used last stay.
    const result = await new DiskCache(dir).prune({ maxBytes: Math.floor(entryBytes * 2.5), maxUnusedMs: 30 * day, now });
    assert.deepEqual(cachedUrls(dir), ['https://example.org/c', 'https://example.org/d']);
    assert.equal(result.removed, 2);
    assert.equal(result.freed, entryBytes * 2);
    assert.ok(result.bytes <= entryBytes * 2.5);
  });

  it('counts a read as a use: an old entry read again is kept over one written later', async () => {
    const writer = new DiskCache(dir);
    await put(writer, 'https://example.org/first', 10_000);
    await put(writer, 'https://example.org/second', 10_000);
    lastUsed(dir, 'https://example.org/first', now - 5 * day);
    lastUsed(dir, 'https://example.org/second', now - 2 * day);
    const reader = new DiskCache(dir);
    assert.ok(await reader.get('https://example.org/first'));
    const entryBytes = (await reader.info()).bytes / 2;
    await new DiskCache(dir).prune({ maxBytes: entryBytes, maxUnusedMs: 30 * day });
    assert.deepEqual(cachedUrls(dir), ['https://example.org/first']);
  });

  it('never removes what the current run read or wrote, whatever its age or the cap', async () => {
    const earlier = new DiskCache(dir);
    await put(earlier, 'https://example.org/earlier', 5_000);
    const run = new DiskCache(dir);
    await put(run, 'https://example.org/written', 5_000);
    await put(earlier, 'https://example.org/read', 5_000);
    assert.ok(await run.get('https://example.org/read'));
    for (const url of ['https://example.org/earlier', 'https://example.org/written', 'https://example.org/read']) lastUsed(dir, url, now - 90 * day);
    const result = await run.prune({ maxBytes: 1, maxUnusedMs: 30 * day, now });
    assert.deepEqual(cachedUrls(dir), ['https://example.org/read', 'https://example.org/written']);
    assert.equal(result.removed, 1);
    assert.equal(result.entries, 2);
  });

  it('leaves files it did not write, and removes temporary files a stopped run left behind', async () => {
    const cache = new DiskCache(dir);
    await put(cache, 'https://example.org/a', 100);
    const key = keyOf(dir, 'https://example.org/a');
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    writeFileSync(join(dir, `${key}.body.4242.7.tmp`), 'half');
    writeFileSync(join(dir, `${'f'.repeat(40)}.json.4242.8.tmp`), 'fresh');
    utimesSync(join(dir, `${key}.body.4242.7.tmp`), new Date(now - 2 * 3600_000), new Date(now - 2 * 3600_000));
    await new DiskCache(dir).prune({ maxBytes: 1e9, maxUnusedMs: 30 * day, now });
    assert.deepEqual(readdirSync(dir).filter((name) => !/^[0-9a-f]{40}\.(?:json|body)$/u.test(name)).sort(), [`${'f'.repeat(40)}.json.4242.8.tmp`, 'notes.txt']);
    assert.deepEqual(cachedUrls(dir), ['https://example.org/a']);
  });

  it('clears every entry, those it used too, and nothing else', async () => {
    const cache = new DiskCache(dir);
    await put(cache, 'https://example.org/a', 2_000);
    await put(cache, 'https://example.org/b', 2_000);
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const before = (await cache.info()).bytes;
    const result = await cache.clear();
    assert.deepEqual(readdirSync(dir), ['notes.txt']);
    assert.deepEqual(result, { dir, entries: 0, bytes: 0, removed: 2, freed: before });
    assert.equal(await cache.get('https://example.org/a'), undefined);
  });
});
