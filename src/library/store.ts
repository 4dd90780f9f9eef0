// The library in IndexedDB (extension origin, through idb). One object store of articles keyed by
// URL, one of small values (settings, speaker overrides, repair notes), and one quarantine for
// entries that could not be read, so nothing is ever dropped silently. Runs in the background;
// tests run it on fake-indexeddb.
import { type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames } from 'idb';
import { parseImport } from './export';
import {
  DEFAULT_LIBRARY_SETTINGS,
  mayKeep,
  mergeArticles,
  mergeSpeakers,
  splitSpeaker,
  validateArticle,
  validateOverrides,
  validateSettings,
  withoutSpeaker,
} from './model';
import type { ArticleRecord, LibraryChange, LibrarySettings, LibrarySnapshot, SpeakerOverrides } from './types';

export const DB_NAME = 'quotelens-library';
/**
 * 1: the first shape (articles only; `read` as an ISO date, quotes without role or id).
 * 2: readAt index, meta and quarantine stores, quotes with role and quoteId.
 */
export const DB_VERSION = 2;
const ARTICLES = 'articles';
const META = 'meta';
const QUARANTINE = 'quarantine';
const KEY_SETTINGS = 'settings';
const KEY_OVERRIDES = 'overrides';
const KEY_REPAIRS = 'repairs';
/** Repair notes kept for the reader: enough to explain, not a log that grows for ever. */
const MAX_REPAIR_NOTES = 50;

interface Schema {
  [ARTICLES]: { key: string; value: unknown; indexes: { readAt: number } };
  [META]: { key: string; value: unknown };
  [QUARANTINE]: { key: number; value: { at: number; why: string; raw: unknown } };
}
type Db = IDBPDatabase<Schema>;
type UpgradeTx = IDBPTransaction<Schema, StoreNames<Schema>[], 'versionchange'>;

/** A version-1 entry in the current shape (`read` → `readAt`); validateArticle fills the rest. */
export function migrateV1Article(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const r = raw as Record<string, unknown>;
  return { ...r, readAt: r.readAt ?? r.read };
}

async function upgrade(db: Db, oldVersion: number, tx: UpgradeTx): Promise<void> {
  if (oldVersion < 1) db.createObjectStore(ARTICLES, { keyPath: 'url' });
  if (oldVersion < 2) {
    const articles = tx.objectStore(ARTICLES);
    articles.createIndex('readAt', 'readAt');
    db.createObjectStore(META);
    db.createObjectStore(QUARANTINE, { autoIncrement: true });
    const notes: string[] = [];
    let migrated = 0;
    for (let cursor = await articles.openCursor(); cursor; cursor = await cursor.continue()) {
      const { value, problems } = validateArticle(migrateV1Article(cursor.value));
      if (value && value.url === cursor.key) {
        await cursor.update(value);
        migrated++;
      } else {
        await tx.objectStore(QUARANTINE).add({ at: Date.now(), why: problems.join('; '), raw: cursor.value });
        await cursor.delete();
        notes.push(`an entry could not be migrated and was set aside: ${problems.join('; ')}`);
      }
    }
    if (oldVersion >= 1) notes.unshift(`library migrated from version ${oldVersion}: ${migrated} articles`);
    if (notes.length > 0) await tx.objectStore(META).put(notes.slice(0, MAX_REPAIR_NOTES), KEY_REPAIRS);
  }
}

export class LibraryStore {
  /**
   * The last snapshot, while nothing has changed since: opening the library page again costs no
   * database read. Only this store writes the database, so its own writes are all that invalidate it.
   */
  private cached: LibrarySnapshot | null = null;

  private constructor(
    private readonly db: Db,
    /** Problems met while opening (a newer database read as it is). */
    private readonly openProblems: string[],
    /** Keep the last snapshot: only for the one writer (the background); a reader elsewhere reads afresh. */
    private readonly caching: boolean,
  ) {}

  static async open(name: string = DB_NAME, options: { cache?: boolean } = {}): Promise<LibraryStore> {
    let db: Db | undefined;
    // Another context (the library page, the background) may hold the database open: give way to
    // a newer version's upgrade instead of blocking it.
    const blocking = () => db?.close();
    const problems: string[] = [];
    try {
      db = await openDB<Schema>(name, DB_VERSION, {
        upgrade: (d, oldVersion, _n, tx) => upgrade(d, oldVersion, tx),
        blocking,
      });
    } catch (err) {
      // A newer Quotelens wrote this database (a downgrade): read it as it is rather than lose it.
      if (!(err instanceof Error) || err.name !== 'VersionError') throw err;
      db = await openDB<Schema>(name, undefined, { blocking });
      problems.push('the library was written by a newer Quotelens; it is read as it is');
    }
    return new LibraryStore(db, problems, options.cache ?? true);
  }

  close(): void {
    this.db.close();
  }

  async settings(): Promise<LibrarySettings> {
    return validateSettings((await this.db.get(META, KEY_SETTINGS)) ?? DEFAULT_LIBRARY_SETTINGS);
  }

  private async overrides(): Promise<SpeakerOverrides> {
    return validateOverrides(await this.db.get(META, KEY_OVERRIDES));
  }

  /**
   * Keeps an article (replacing the entry of the same URL), unless keeping is paused for it, then
   * drops the oldest articles over the limit. Returns whether it was kept.
   */
  async keep(raw: unknown): Promise<boolean> {
    const { value: record } = validateArticle(raw);
    if (!record || record.quotes.length === 0) return false;
    const settings = await this.settings();
    if (!mayKeep(settings, record.url)) return false;
    this.cached = null;
    await this.db.put(ARTICLES, record);
    await this.enforceLimit(settings.maxArticles);
    return true;
  }

  private async enforceLimit(max: number): Promise<void> {
    const count = await this.db.count(ARTICLES);
    if (count <= max) return;
    const tx = this.db.transaction(ARTICLES, 'readwrite');
    let over = count - max;
    // Oldest read first, through the readAt index.
    for (
      let cursor = await tx.store.index('readAt').openCursor();
      cursor && over > 0;
      cursor = await cursor.continue()
    ) {
      await cursor.delete();
      over--;
    }
    await tx.done;
  }

  /**
   * Everything, read and checked: an entry that no longer validates is repaired in place, or set
   * aside in the quarantine store when nothing of it is usable; each repair is noted for the reader.
   */
  async snapshot(): Promise<LibrarySnapshot> {
    if (this.cached) return this.cached;
    const raws = await this.db.getAll(ARTICLES);
    const keys = await this.db.getAllKeys(ARTICLES);
    const articles: ArticleRecord[] = [];
    const notes: string[] = [];
    const tx = this.db.transaction([ARTICLES, QUARANTINE], 'readwrite');
    for (const [i, raw] of raws.entries()) {
      const { value, problems } = validateArticle(raw);
      if (value && value.url === keys[i] && value.quotes.length > 0) {
        articles.push(value);
        if (problems.length > 0) {
          await tx.objectStore(ARTICLES).put(value);
          notes.push(`repaired: ${problems.join('; ')}`);
        }
      } else {
        await tx.objectStore(QUARANTINE).add({ at: Date.now(), why: problems.join('; ') || 'no quotes', raw });
        await tx.objectStore(ARTICLES).delete(keys[i]!);
        notes.push(`set aside an unreadable entry (${problems.join('; ') || 'no usable quotes'})`);
      }
    }
    await tx.done;
    if (notes.length > 0) await this.note(notes);
    const repairs = (await this.db.get(META, KEY_REPAIRS)) as unknown;
    const problems = [
      ...this.openProblems,
      ...(Array.isArray(repairs) ? repairs.filter((r): r is string => typeof r === 'string') : []),
    ];
    const quarantined = await this.db.count(QUARANTINE);
    if (quarantined > 0) problems.push(`${quarantined} unreadable entries are set aside (kept, not shown)`);
    const snapshot = { articles, overrides: await this.overrides(), settings: await this.settings(), problems };
    if (this.caching) this.cached = snapshot;
    return snapshot;
  }

  private async note(notes: string[]): Promise<void> {
    const old = (await this.db.get(META, KEY_REPAIRS)) as unknown;
    const prior = Array.isArray(old) ? old.filter((r): r is string => typeof r === 'string') : [];
    await this.db.put(META, [...notes, ...prior].slice(0, MAX_REPAIR_NOTES), KEY_REPAIRS);
  }

  /** Applies one change from the library page (already known to come from an extension page). */
  async apply(change: LibraryChange): Promise<void> {
    try {
      await this.applyOne(change);
    } finally {
      this.cached = null;
    }
  }

  private async applyOne(change: LibraryChange): Promise<void> {
    switch (change.kind) {
      case 'deleteArticle':
        if (typeof change.url !== 'string') throw new Error('bad url');
        await this.db.delete(ARTICLES, change.url);
        return;
      case 'deleteSpeaker': {
        if (typeof change.key !== 'string') throw new Error('bad key');
        const { articles, overrides } = await this.snapshot();
        const { changed, removed } = withoutSpeaker(articles, overrides, change.key);
        const tx = this.db.transaction(ARTICLES, 'readwrite');
        await Promise.all([...changed.map((a) => tx.store.put(a)), ...removed.map((url) => tx.store.delete(url))]);
        await tx.done;
        return;
      }
      case 'deleteAll': {
        const tx = this.db.transaction([ARTICLES, META, QUARANTINE], 'readwrite');
        await Promise.all([
          tx.objectStore(ARTICLES).clear(),
          tx.objectStore(QUARANTINE).clear(),
          tx.objectStore(META).delete(KEY_OVERRIDES),
          tx.objectStore(META).delete(KEY_REPAIRS),
        ]);
        await tx.done;
        return;
      }
      case 'merge':
      case 'split': {
        const { articles, overrides } = await this.snapshot();
        const next =
          change.kind === 'merge'
            ? mergeSpeakers(articles, overrides, String(change.from), String(change.into))
            : splitSpeaker(articles, overrides, String(change.key), String(change.name));
        await this.db.put(META, next, KEY_OVERRIDES);
        return;
      }
      case 'settings': {
        const settings = validateSettings(change.settings);
        await this.db.put(META, settings, KEY_SETTINGS);
        await this.enforceLimit(settings.maxArticles);
        return;
      }
      case 'import': {
        const parsed = parseImport(change.data);
        const { articles, overrides, settings } = await this.snapshot();
        const { articles: merged } = mergeArticles(articles, parsed.articles);
        const tx = this.db.transaction([ARTICLES, META], 'readwrite');
        const ours = new Map(articles.map((a) => [a.url, a]));
        await Promise.all(merged.filter((a) => ours.get(a.url) !== a).map((a) => tx.objectStore(ARTICLES).put(a)));
        // Their hand-made merges apply where we have made none of our own for the same name.
        await tx.objectStore(META).put({ ...parsed.overrides, ...overrides }, KEY_OVERRIDES);
        await tx.done;
        if (parsed.problems.length > 0) await this.note(parsed.problems.map((p) => `import: ${p}`));
        await this.enforceLimit(settings.maxArticles);
        return;
      }
      default:
        throw new Error('unknown library change');
    }
  }
}
