// Page text is only ever text; no HTML sinks or eval in src; messages are validated and only the
// extension itself may drive it; the manifest asks for little; test hooks stay out of real builds.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import type { Quote } from '../../src/core/types';
import { App } from '../../src/popup/App';
import { defaultState, mockConnector } from '../../src/popup/connector';
import { BACKGROUND_METHODS, type BackgroundApi, CONTENT_METHODS, isMessage } from '../../src/shared/messages';
import { type MessageListener, type MessageSender, type RuntimeLike, serve } from '../../src/shared/rpc';
import { isExtensionPageSender, isOwnExtensionSender } from '../../src/shared/senders';
import { COMFORT_OUT, CORRECTION_UI_OUT, chunkResources, DECLUTTER_OUT, manifestFor } from '../../vite.config';

const XSS = '<img src=x onerror="window.__pwned=1">';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('page text is rendered as text', () => {
  it('a quote, speaker, role, title and hidden text with markup show literally in the popup', async () => {
    const quote: Quote = {
      id: 'q0',
      text: `quote ${XSS}`,
      speaker: `Ana ${XSS}`,
      mention: XSS,
      cue: 'said',
      rule: 'cue-name',
      kind: 'direct',
      block: 0,
      start: 0,
      end: 10,
    };
    const state = defaultState({
      title: `Title ${XSS}`,
      site: `site ${XSS}`,
      quotes: [quote],
      speakers: [
        { name: `Ana ${XSS}`, role: `role ${XSS}`, aliases: [XSS], quotes: 1, quoteIds: ['q0'], type: 'person' },
      ],
      hidden: [{ kind: 'ad', text: `ad ${XSS}`, reason: XSS }],
      notes: [XSS],
    });
    const host = document.createElement('div');
    document.body.append(host);
    await act(async () => {
      render(h(App, { connector: mockConnector({ kind: 'page', state, siteEnabled: true }) }), host);
    });
    await act(async () => {});
    expect(host.querySelector('img')).toBeNull();
    expect(host.textContent).toContain(`quote ${XSS}`);
    expect(host.textContent).toContain(`Ana ${XSS}`);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    render(null, host);
    host.remove();
  });
});

describe('no HTML sinks or code from strings in src/', () => {
  const sinks: [string, RegExp][] = [
    ['innerHTML', /\binnerHTML\b/],
    ['outerHTML =', /\bouterHTML\s*=/],
    ['insertAdjacentHTML', /\binsertAdjacentHTML\b/],
    ['eval(', /\beval\s*\(/],
    ['new Function', /\bnew\s+Function\b/],
    ['document.write', /\bdocument\.write(ln)?\s*\(/],
    ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
    ['setTimeout with a string', /setTimeout\(\s*['"`]/],
    ['remote script', /<script[^>]+src=["']https?:/i],
  ];
  const files = filesUnder('src').filter((f) => /\.(ts|tsx|html)$/.test(f));

  it('src/ has files to check', () => {
    expect(files.length).toBeGreaterThan(20);
  });
  it.each(sinks)('no %s', (_name, pattern) => {
    const offenders = files.filter((f) => pattern.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
  it('no network calls from src/ (fetch, XMLHttpRequest, WebSocket, sendBeacon)', () => {
    const offenders = files.filter((f) =>
      /\bfetch\s*\(|XMLHttpRequest|new WebSocket|sendBeacon|EventSource/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});

describe('messages', () => {
  it.each([
    ['null', null],
    ['a string', 'getSettings'],
    ['an array', ['quotelens/v1', 'getSettings', []]],
    ['wrong channel', { channel: 'other', method: 'getSettings', args: [] }],
    ['unknown method', { channel: 'quotelens/v1', method: 'toString', args: [] }],
    ['prototype key', { channel: 'quotelens/v1', method: '__proto__', args: [] }],
    ['args not an array', { channel: 'quotelens/v1', method: 'getSettings', args: { length: 0 } }],
    ['too many args', { channel: 'quotelens/v1', method: 'getSettings', args: [1, 2, 3, 4, 5] }],
    ['method not a string', { channel: 'quotelens/v1', method: ['getSettings'], args: [] }],
  ])('isMessage rejects %s', (_name, value) => {
    expect(isMessage<BackgroundApi>(value, BACKGROUND_METHODS)).toBe(false);
  });
  it('isMessage rejects a background method sent to the content script', () => {
    expect(isMessage({ channel: 'quotelens/v1', method: 'saveSettings', args: [] }, CONTENT_METHODS)).toBe(false);
  });

  const ORIGIN = 'chrome-extension://abcdefghijklmnop/';
  it('settings writes: only extension pages', () => {
    expect(isExtensionPageSender({ id: 'x', url: `${ORIGIN}src/popup/index.html` }, ORIGIN)).toBe(true);
    expect(isExtensionPageSender({ id: 'x', url: `${ORIGIN}src/options/index.html`, tab: { id: 3 } }, ORIGIN)).toBe(
      true,
    );
    // A content script's sender carries the page's URL and tab.
    expect(isExtensionPageSender({ id: 'x', url: 'https://news.example/story', tab: { id: 3 } }, ORIGIN)).toBe(false);
    expect(isExtensionPageSender({ id: 'x', url: `https://evil.example/${ORIGIN}` }, ORIGIN)).toBe(false);
    expect(isExtensionPageSender({ id: 'x', url: 'chrome-extension://abcdefghijklmnopq/x' }, ORIGIN)).toBe(false);
    expect(isExtensionPageSender({ id: 'x' }, ORIGIN)).toBe(false);
    // A broken origin (empty getURL) must not make every URL an extension page.
    expect(isExtensionPageSender({ id: 'x', url: 'https://news.example/' }, '')).toBe(false);
  });
  it('the content script: only the background and extension pages', () => {
    expect(isOwnExtensionSender({ id: 'x' }, ORIGIN)).toBe(true);
    expect(isOwnExtensionSender({ id: 'x', url: `${ORIGIN}src/popup/index.html` }, ORIGIN)).toBe(true);
    expect(isOwnExtensionSender({ id: 'x', url: 'https://news.example/', tab: { id: 1 } }, ORIGIN)).toBe(false);
  });

  /** A fake runtime: serve() over it, then deliver messages as the browser would. */
  function fakeRuntime(): { runtime: RuntimeLike; deliver(msg: unknown, sender: MessageSender): Promise<unknown> } {
    let listener: MessageListener | undefined;
    const runtime: RuntimeLike = {
      id: 'self',
      getURL: (p) => `${ORIGIN}${p}`,
      sendMessage: async () => undefined,
      onMessage: { addListener: (fn) => (listener = fn), removeListener: () => (listener = undefined) },
    };
    return {
      runtime,
      deliver: (msg, sender) =>
        new Promise((resolve) => {
          const handled = listener?.(msg, sender, resolve);
          if (handled !== true) resolve('ignored');
        }),
    };
  }

  it('serve() ignores other extensions, refused senders and malformed messages', async () => {
    const { runtime, deliver } = fakeRuntime();
    let writes = 0;
    serve<Pick<BackgroundApi, 'getSettings'>>(
      runtime,
      ['getSettings'],
      {
        getSettings: () => {
          writes++;
          return {} as never;
        },
      },
      { accept: (s) => isOwnExtensionSender(s, ORIGIN) },
    );
    const msg = { channel: 'quotelens/v1', method: 'getSettings', args: [] };
    expect(await deliver(msg, { id: 'other-extension' })).toBe('ignored');
    expect(await deliver(msg, { id: 'self', url: 'https://news.example/', tab: { id: 1 } })).toBe('ignored');
    expect(await deliver({ ...msg, method: 'nope' }, { id: 'self' })).toBe('ignored');
    expect(writes).toBe(0);
    expect(await deliver(msg, { id: 'self' })).toEqual({ ok: true, value: {} });
    expect(writes).toBe(1);
  });

  it('the background routes settings writes through the extension-page check', () => {
    const text = readFileSync('src/background/index.ts', 'utf8');
    expect(text).toMatch(/saveSettings: \(sender[^)]*\) =>\s*\n?\s*fromExtensionPage\(sender\)/);
    expect(text).toMatch(
      /setSiteEnabled: async \(sender[^)]*\) => \{\s*\n\s*if \(!fromExtensionPage\(sender\)\) refuse/,
    );
    expect(text).toMatch(/isExtensionPageSender\(sender, browser\.runtime\.getURL\(''\)\)/);
  });

  it('the background lets only extension pages grant, list and undo corrections; a page stores one only under a grant', () => {
    const text = readFileSync('src/background/index.ts', 'utf8');
    for (const method of ['allowCorrections', 'removeCorrection'])
      expect(text).toMatch(
        new RegExp(
          `${method}: async \\(sender[^)]*\\) => \\{\\s*\\n\\s*if \\(!fromExtensionPage\\(sender\\)\\) refuse`,
        ),
      );
    expect(text).toMatch(/getCorrections: \(sender\) =>\s*\n?\s*fromExtensionPage\(sender\)/);
    // The grant check (tab, top frame, web page, live grant) comes before anything is read or written.
    expect(text).toMatch(
      /addCorrection: async \(sender, request\) => \{\s*\n\s*const host = correctionHost\(sender, await readGrants\(\), Date\.now\(\)\);\s*\n\s*const \{ list, correction \} = checkCorrectionRequest\(request\);/,
    );
  });

  it('the content script listens to no page-driven channel outside e2e builds', () => {
    const text = readFileSync('src/content/index.ts', 'utf8');
    expect(text).not.toMatch(/addEventListener\(\s*['"]message['"]/);
    // The only DOM-event hook is compiled in behind __E2E__.
    const hook = text.indexOf("'quotelens-e2e-open-popup'");
    expect(hook).toBeGreaterThan(-1);
    expect(text.lastIndexOf('if (__E2E__)', hook)).toBeGreaterThan(-1);
    expect(text).toMatch(/accept: \(sender\) => isOwnExtensionSender\(sender, extensionOrigin\)/);
  });
});

describe('manifest: least privilege', () => {
  const built = existsSync('dist/chrome/manifest.json');
  const manifests: [string, Record<string, unknown>][] = built
    ? (['chrome', 'firefox'] as const)
        .filter((t) => existsSync(`dist/${t}/manifest.json`))
        .map((t) => [`dist/${t}`, JSON.parse(readFileSync(`dist/${t}/manifest.json`, 'utf8'))])
    : [
        ['manifestFor(chrome)', manifestFor('chrome')],
        ['manifestFor(firefox)', manifestFor('firefox')],
      ];

  it.each(manifests)('%s: strict CSP, no tabs, no host permissions, one web-accessible module', (name, m) => {
    const csp = (m.content_security_policy as { extension_pages?: string } | undefined)?.extension_pages ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
    const permissions = (m.permissions as string[] | undefined) ?? [];
    expect(permissions).not.toContain('tabs');
    expect(permissions).not.toContain('<all_urls>');
    expect(permissions.every((p) => ['storage', 'contextMenus', 'activeTab', 'scripting'].includes(p))).toBe(true);
    expect(m.host_permissions ?? []).toEqual([]);
    expect(m.optional_host_permissions ?? []).toEqual([]);
    // The web-accessible files are the correction UI's, reader comfort's and the declutter modules, for the content
    // script's pages only, and in Chrome only at a per-session URL (vite.config.ts chunkResources).
    if (name.startsWith('dist/')) {
      const target = name.endsWith('chrome') ? 'chrome' : 'firefox';
      expect(m.web_accessible_resources).toEqual(chunkResources(target));
      const [entry] = m.web_accessible_resources as { resources: string[]; use_dynamic_url?: boolean }[];
      expect(entry!.resources).toEqual([CORRECTION_UI_OUT, COMFORT_OUT, DECLUTTER_OUT]);
      expect(entry!.use_dynamic_url).toBe(target === 'chrome' ? true : undefined);
    } else expect(m.web_accessible_resources ?? []).toEqual([]);
    expect(m.externally_connectable).toBeUndefined();
  });

  for (const file of [CORRECTION_UI_OUT, COMFORT_OUT, DECLUTTER_OUT]) {
    it.skipIf(!existsSync(`dist/chrome/${file}`))(
      `the web-accessible ${file} holds no extension API call: a page that imports it gets DOM helpers only`,
      () => {
        const text = readFileSync(`dist/chrome/${file}`, 'utf8');
        for (const call of ['runtime', 'storage', 'sendMessage', 'tabs.', 'fetch(', 'import('])
          expect(text, call).not.toContain(call);
      },
    );
  }

  it.skipIf(!existsSync('dist/chrome'))('the e2e DOM hook is absent from the non-e2e build', () => {
    const files = filesUnder('dist/chrome').filter((f) => /\.(js|html|json)$/.test(f));
    const offenders = files.filter((f) => readFileSync(f, 'utf8').includes('quotelens-e2e-open-popup'));
    expect(offenders).toEqual([]);
  });
});
