// What both stores ask for, checked against the files: icon sizes and padding, screenshot and tile
// sizes, the manifests' keys (icons, shortcuts, add-on id, Android), listing texts in three
// languages, and that the permission page and privacy policy agree with the manifest.
import { existsSync, readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bundledPackages, THIRD_PARTY_FILE, thirdPartyText } from '../../scripts/third-party';
import { ADDON_ID, manifestFor } from '../../vite.config';

const ICON_SIZES = [16, 32, 48, 64, 96, 128];
/** Chrome Web Store: the 128 px icon is 96 px of artwork in 16 px of transparent padding. */
const PADDING_128 = 16;
const SCREENSHOTS = [
  'store/screenshots/1-article.png',
  'store/screenshots/2-popup.png',
  'store/screenshots/3-first-run.png',
];
const TILE = 'store/screenshots/tile-440x280.png';
/** Chrome's limit for the summary ("short description"); AMO allows 250. */
const MAX_SUMMARY = 132;
const LANGS = ['en', 'de', 'fr'];

interface Png {
  width: number;
  height: number;
  /** RGBA, row by row. */
  rgba: Buffer;
}

/** Decodes the 8-bit RGBA, unfiltered PNGs that scripts/make-icons.ts writes. */
function decodeIcon(path: string): Png {
  const buf = readFileSync(path);
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  const idat: Buffer[] = [];
  for (let at = 8; at < buf.length; ) {
    const len = buf.readUInt32BE(at);
    if (buf.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(buf.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = 1 + width * 4;
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * stride], `${path}: row ${y} filter`).toBe(0);
    raw.copy(rgba, y * width * 4, y * stride + 1, (y + 1) * stride);
  }
  return { width, height, rgba };
}

function pngSize(path: string): { width: number; height: number } {
  const head = readFileSync(path).subarray(0, 24);
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

/** The bounding box of pixels that are not fully transparent. */
function artworkBox({ width, height, rgba }: Png): { left: number; top: number; right: number; bottom: number } {
  let left = width;
  let top = height;
  let right = -1;
  let bottom = -1;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if (rgba[(y * width + x) * 4 + 3]! > 0) {
        left = Math.min(left, x);
        right = Math.max(right, x);
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      }
  return { left, top, right, bottom };
}

function listing(lang: string): { name: string; summary: string; description: string } {
  const text = readFileSync(`store/listing/${lang}.md`, 'utf8');
  const name = /^# (.+)$/m.exec(text)?.[1] ?? '';
  const summary = /^## Summary\n\n(.+)$/m.exec(text)?.[1] ?? '';
  const description = text.split(/^## Description\n/m)[1]?.trim() ?? '';
  return { name, summary, description };
}

describe('icons', () => {
  const source = JSON.parse(readFileSync('manifest.json', 'utf8')) as { icons: Record<string, string> };

  it.each(ICON_SIZES)('%i px: named in the manifest, that size, in its padding', (size) => {
    const file = `public/${source.icons[String(size)]}`;
    expect(existsSync(file), file).toBe(true);
    const png = decodeIcon(file);
    expect([png.width, png.height]).toEqual([size, size]);
    const pad = (PADDING_128 * size) / 128;
    const box = artworkBox(png);
    // The artwork fills the box inside the padding (to the pixel), and nothing is drawn in it.
    expect(box.left, 'left padding').toBe(Math.round(pad));
    expect(box.top, 'top padding').toBe(Math.round(pad));
    expect(size - 1 - box.right, 'right padding').toBe(Math.round(pad));
    expect(size - 1 - box.bottom, 'bottom padding').toBe(Math.round(pad));
  });

  it('the manifest names every size and nothing else', () => {
    expect(Object.keys(source.icons).map(Number)).toEqual(ICON_SIZES);
  });
});

describe('store images', () => {
  it.each(SCREENSHOTS)('%s is 1280×800', (file) => {
    expect(pngSize(file)).toEqual({ width: 1280, height: 800 });
  });
  it('the small promo tile is 440×280', () => {
    expect(pngSize(TILE)).toEqual({ width: 440, height: 280 });
  });
});

describe('manifests', () => {
  const chrome = manifestFor('chrome');
  const firefox = manifestFor('firefox');

  it('both: the popup and site shortcuts, with suggested keys (Chrome takes at most four)', () => {
    for (const m of [chrome, firefox]) {
      const commands = m.commands as Record<string, { suggested_key?: { default?: string }; description?: string }>;
      expect(Object.keys(commands).sort()).toEqual([
        '_execute_action',
        'toggle-focus',
        'toggle-highlights',
        'toggle-site',
      ]);
      const keys = Object.values(commands).map((c) => c.suggested_key?.default);
      expect(keys.every((k) => /^Alt\+Shift\+[A-Z]$/.test(k ?? ''))).toBe(true);
      expect(new Set(keys).size).toBe(keys.length);
      for (const c of Object.values(commands)) expect(c.description).toMatch(/^__MSG_\w+__$/);
    }
  });

  it('Firefox: the final add-on id, desktop and Android minimum versions, no data collected', () => {
    const settings = firefox.browser_specific_settings as {
      gecko: { id: string; strict_min_version: string; data_collection_permissions: { required: string[] } };
      gecko_android: { strict_min_version: string };
    };
    expect(ADDON_ID).toBe('quotelens@quotelens.app');
    expect(settings.gecko.id).toBe(ADDON_ID);
    expect(settings.gecko.id).not.toMatch(/\.example$|\.test$|\.invalid$|localhost/);
    expect(settings.gecko.strict_min_version).toBe('140.0');
    expect(settings.gecko.data_collection_permissions.required).toEqual(['none']);
    expect(settings.gecko_android.strict_min_version).toBe('142.0');
  });

  it('built manifests (when dist/ exists) keep the icons and shortcuts', () => {
    for (const target of ['chrome', 'firefox']) {
      const file = `dist/${target}/manifest.json`;
      if (!existsSync(file)) continue;
      const built = JSON.parse(readFileSync(file, 'utf8')) as { icons: object; commands: object };
      expect(Object.keys(built.icons).map(Number)).toEqual(ICON_SIZES);
      expect(Object.keys(built.commands)).toContain('_execute_action');
    }
  });
});

describe('listing, policy and permissions', () => {
  it.each(LANGS)('%s: a name, a summary within 132 characters, a description', (lang) => {
    const { name, summary, description } = listing(lang);
    expect(name).toMatch(/^Quotelens/);
    expect(summary.length).toBeGreaterThan(40);
    expect(summary.length).toBeLessThanOrEqual(MAX_SUMMARY);
    expect(description.length).toBeGreaterThan(500);
    // The shortcuts the listing promises are the manifest's.
    for (const key of ['L', 'O', 'Q', 'F']) expect(description).toMatch(new RegExp(`Alt\\+[^+]+\\+${key}\\b`));
  });

  it('the permission page justifies every permission and content-script match of the manifest', () => {
    const text = readFileSync('store/permissions.md', 'utf8');
    const source = JSON.parse(readFileSync('manifest.json', 'utf8')) as {
      permissions: string[];
      content_scripts: { matches: string[] }[];
    };
    for (const p of source.permissions) expect(text, p).toContain(`\`${p}\``);
    for (const m of source.content_scripts.flatMap((c) => c.matches)) expect(text, m).toContain(`\`${m}\``);
  });

  it('the privacy policy says what SECURITY.md proves: no network requests, settings only, the same permissions', () => {
    const policy = readFileSync('store/privacy-policy.md', 'utf8');
    const security = readFileSync('SECURITY.md', 'utf8');
    expect(security).toMatch(/no network calls/);
    expect(policy).toMatch(/makes no network requests/);
    expect(policy).toContain('storage.sync');
    for (const p of ['storage', 'contextMenus']) {
      expect(security).toContain(`\`${p}\``);
      expect(policy).toContain(`\`${p}\``);
    }
    expect(policy).toContain('No `tabs`');
    expect(security).toMatch(/no `tabs`/);
    const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
    expect(policy).toContain(`version ${version}`);
  });
});

describe('licences', () => {
  it('LICENSE is the MIT licence package.json names', () => {
    expect(readFileSync('LICENSE', 'utf8')).toMatch(/^MIT License/);
    expect((JSON.parse(readFileSync('package.json', 'utf8')) as { license: string }).license).toBe('MIT');
  });

  it(`${THIRD_PARTY_FILE} is current: every bundled package at its installed version (npm run third-party)`, () => {
    expect(bundledPackages().map((p) => p.name)).toEqual(['@mozilla/readability', 'idb', 'preact', 'webextension-polyfill']);
    expect(readFileSync(THIRD_PARTY_FILE, 'utf8')).toBe(thirdPartyText());
  });
});
