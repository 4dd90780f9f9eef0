import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { Quote, Speaker } from '../../src/core/types';
import { Options } from '../../src/options/Options';
import { App } from '../../src/popup/App';
import { defaultState, mockConnector, type TabView } from '../../src/popup/connector';
import { type Comfort, DEFAULT_COMFORT } from '../../src/shared/comfort';
import { type CorrectionList, type Corrections, withoutCorrection } from '../../src/shared/corrections';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';

function quote(id: string, text: string, speaker: string | null): Quote {
  return {
    id,
    text,
    speaker,
    mention: null,
    cue: null,
    rule: speaker ? 'cue-name' : 'none',
    kind: 'direct',
    block: 0,
    start: 0,
    end: text.length,
  };
}
function speaker(name: string, role: string | null, ids: string[]): Speaker {
  return { name, role, aliases: [name.split(' ').pop()!, 'she'], quotes: ids.length, quoteIds: ids, type: 'person' };
}

const quotes = [
  quote('q0', 'We will rebuild the bridge by spring', 'Ana Ortiz'),
  quote('q1', 'Nobody asked us', 'Ben Cole'),
  quote('q2', 'The budget is tight', 'Ana Ortiz'),
  quote('q3', 'once in a generation', null),
];
const richView: TabView = {
  kind: 'page',
  siteEnabled: true,
  state: defaultState({
    title: 'Bridge plan approved',
    quotes,
    speakers: [speaker('Ana Ortiz', 'Mayor of Riverton', ['q0', 'q2']), speaker('Ben Cole', null, ['q1'])],
    hidden: [
      { kind: 'ad', text: 'Advertisement', reason: '' },
      { kind: 'ad', text: 'Advertisement', reason: '' },
      { kind: 'trending', text: 'Trending', reason: '' },
    ],
  }),
};

let host: HTMLElement;
afterEach(() => {
  render(null, host);
  host.remove();
});

async function mount(view: TabView) {
  const connector = mockConnector(view);
  host = document.createElement('div');
  document.body.appendChild(host);
  await act(async () => {
    render(<App connector={connector} />, host);
  });
  await act(async () => {});
  return connector;
}

describe('popup', () => {
  it('lists speakers most quoted first with role and count', async () => {
    await mount(richView);
    const cards = [...host.querySelectorAll('li.card')];
    expect(cards.map((c) => c.querySelector('.name')?.textContent)).toEqual(['Ana Ortiz', 'Ben Cole', 'Unattributed']);
    expect(cards[0]?.querySelector('.role')?.textContent).toBe('Mayor of Riverton');
    expect(cards[0]?.querySelector('.count')?.textContent).toBe('2 quotes');
    expect(cards[1]?.querySelector('.count')?.textContent).toBe('1 quote');
    expect(cards[0]?.textContent).toContain('Also called: Ortiz, she');
  });

  it('shows the reading time, and reader comfort only in focus mode, where each choice is sent at once', async () => {
    const view: TabView = {
      ...richView,
      state: { ...richView.state, report: { ...richView.state.report!, readingMinutes: 4 } },
    };
    const connector = await mount(view);
    expect(host.querySelector('[data-reading-minutes]')?.textContent).toBe('4 min read');
    expect(host.querySelector('[data-comfort]')).toBeNull();
    const focus = [...host.querySelectorAll<HTMLInputElement>('.switch input')][3]!;
    expect(connector.calls).not.toContain('loadComfort');
    await act(async () => focus.click());
    // The controls' module is imported when focus mode is on: wait for it.
    for (let i = 0; i < 50 && !host.querySelector('[data-comfort]'); i++) {
      await act(async () => new Promise((r) => setTimeout(r, 10)));
    }
    expect(connector.calls).toContain('setToggles {"focus":true}');
    // The choices are asked for once focus mode is on, not before the first paint.
    expect(connector.calls).toContain('loadComfort');
    expect(host.querySelector('[data-comfort]')).not.toBeNull();
    await act(async () => host.querySelector<HTMLButtonElement>('[data-action="comfort-larger"]')!.click());
    expect(connector.calls.at(-1)).toBe('setComfort {"size":110,"width":"page","spacing":"page","theme":"page"}');
    expect(host.querySelector('.comfort-size output')?.textContent).toBe('110%');
    await act(async () => host.querySelector<HTMLInputElement>('[data-comfort-theme="sepia"]')!.click());
    expect(connector.calls.at(-1)).toContain('"theme":"sepia"');
    const width = host.querySelector<HTMLSelectElement>('select[data-comfort="width"]')!;
    width.value = 'narrow';
    await act(async () => void width.dispatchEvent(new Event('change', { bubbles: true })));
    expect(connector.calls.at(-1)).toBe('setComfort {"size":110,"width":"narrow","spacing":"page","theme":"sepia"}');
    await act(async () => host.querySelector<HTMLButtonElement>('[data-action="comfort-reset"]')!.click());
    expect(connector.calls.at(-1)).toBe('setComfort {"size":100,"width":"page","spacing":"page","theme":"page"}');
    expect(host.querySelector('[data-action="comfort-reset"]')).toBeNull();
  });

  it('a tab with no content script (opened before install or enable) offers to reload it', async () => {
    const connector = await mount({ kind: 'not-analysed' });
    const button = host.querySelector<HTMLButtonElement>('button[data-action="reload-tab"]')!;
    expect(button.textContent).toBe('Reload this tab');
    await act(async () => button.click());
    expect(connector.calls).toEqual(['reloadTab']);
  });

  it('clicking a quote asks the page to scroll to it', async () => {
    const connector = await mount(richView);
    const button = host.querySelector<HTMLButtonElement>('button.quote[data-quote-id="q2"]')!;
    await act(async () => button.click());
    expect(connector.calls).toContain('scrollToQuote q2');
  });

  it('summarises hidden clutter by kind and undoes it in one click', async () => {
    const connector = await mount(richView);
    expect(host.querySelector('[data-kind="ad"]')?.textContent).toContain('2');
    const undo = host.querySelector<HTMLButtonElement>('[data-action="show-hidden"]')!;
    expect(undo.textContent).toBe('Show hidden');
    await act(async () => undo.click());
    expect(connector.calls).toContain('showHidden true');
    expect(host.querySelector('[data-action="show-hidden"]')?.textContent).toBe('Hide again');
  });

  it('says the hidden blocks are outlined on the page while shown, and starts the picker', async () => {
    const connector = await mount(richView);
    expect(host.querySelector('[data-hint="outlined"]')).toBeNull();
    await act(async () => host.querySelector<HTMLButtonElement>('[data-action="show-hidden"]')!.click());
    expect(host.querySelector('[data-hint="outlined"]')?.textContent).toContain('Keep visible');
    await act(async () => host.querySelector<HTMLButtonElement>('[data-action="pick"]')!.click());
    expect(connector.calls).toContain('startPicker');
  });

  it('page text is rendered as text, never as markup', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    await mount({
      kind: 'page',
      siteEnabled: true,
      state: defaultState({ title: evil, quotes: [quote('q0', evil, evil)], speakers: [speaker(evil, evil, ['q0'])] }),
    });
    expect(host.querySelector('img')).toBeNull();
    expect(host.textContent).toContain(evil);
  });

  it.each([
    [{ kind: 'restricted' } as TabView, 'restricted', "can't run on this page"],
    [{ kind: 'not-analysed' } as TabView, 'not-analysed', 'Reload the page'],
    [
      { kind: 'page', siteEnabled: true, state: defaultState({ isArticle: false }, { status: 'skipped' }) } as TabView,
      'not-article',
      "doesn't look like a news article",
    ],
    [{ kind: 'page', siteEnabled: true, state: defaultState() } as TabView, 'no-quotes', 'No quotations'],
    [
      { kind: 'page', siteEnabled: false, state: defaultState({}, { status: 'off' }) } as TabView,
      'off',
      'off on this site',
    ],
  ])('empty state %#: %s explains itself', async (view, state, text) => {
    await mount(view);
    expect(host.querySelector('main')?.getAttribute('data-popup-state')).toBe(state);
    expect(host.textContent).toContain(text);
  });

  it('a skipped page says what it looks like and offers "Run anyway", which asks for the site', async () => {
    const skipped = defaultState(
      { isArticle: false, pageKind: 'product' },
      { status: 'skipped', host: 'shop.example' },
    );
    const connector = await mount({ kind: 'page', siteEnabled: true, state: skipped });
    expect(host.textContent).toContain("It looks like a shop's product page");
    const button = host.querySelector<HTMLButtonElement>('button.run-anyway');
    expect(button?.textContent).toBe('Run anyway on this site');
    await act(async () => button!.click());
    await act(async () => {});
    expect(connector.calls).toContain('runAnyway shop.example');
    expect(host.querySelector('main')?.getAttribute('data-popup-state')).not.toBe('not-article');
    expect(host.querySelector('button.run-anyway')).toBeNull();
  });

  it('every switch has an accessible name and reflects its state', async () => {
    await mount(richView);
    const switches = [...host.querySelectorAll<HTMLInputElement>('input[role="switch"]')];
    expect(switches).toHaveLength(4);
    for (const s of switches) {
      expect(s.closest('label')?.textContent?.trim()).not.toBe('');
      expect(s.getAttribute('aria-checked')).toBe(String(s.checked));
    }
  });
});

describe('options: corrections', () => {
  it("lists each site's corrections and undoes one", async () => {
    let all: Corrections = {
      version: 1,
      sites: {
        'news.example': {
          keep: [{ selector: 'aside.rail', kind: 'trending', text: 'Most read', at: 2 }],
          hide: [{ selector: 'div.club-box', kind: 'other', text: 'Join our club', at: 1 }],
        },
      },
    };
    const removed: string[] = [];
    const corrections = {
      load: async () => all,
      remove: async (site: string, list: CorrectionList, selector: string) => {
        removed.push(`${site} ${list} ${selector}`);
        all = withoutCorrection(all, site, list, selector);
        return all;
      },
    };
    host = document.createElement('div');
    document.body.appendChild(host);
    await act(async () => {
      render(
        <Options store={{ load: async () => DEFAULT_SETTINGS, save: async (s) => s }} corrections={corrections} />,
        host,
      );
    });
    await act(async () => {});
    const items = [...host.querySelectorAll('[data-site="news.example"] li')];
    expect(items.map((li) => li.getAttribute('data-list'))).toEqual(['keep', 'hide']);
    expect(items[1]?.textContent).toContain('Join our club');
    await act(async () =>
      host.querySelector<HTMLButtonElement>('li[data-list="hide"] [data-action="undo-correction"]')!.click(),
    );
    await act(async () => {});
    expect(removed).toEqual(['news.example hide div.club-box']);
    expect(host.querySelectorAll('[data-site="news.example"] li')).toHaveLength(1);
  });
});

describe('options: reader comfort', () => {
  it('shows the stored choices and stores each change', async () => {
    const saved: Comfort[] = [];
    const comfort = {
      load: async (): Promise<Comfort> => ({ ...DEFAULT_COMFORT, theme: 'sepia' }),
      save: async (c: Comfort) => {
        saved.push(c);
        return c;
      },
    };
    host = document.createElement('div');
    document.body.appendChild(host);
    await act(async () => {
      render(<Options store={{ load: async () => DEFAULT_SETTINGS, save: async (s) => s }} comfort={comfort} />, host);
    });
    await act(async () => {});
    expect(host.querySelector<HTMLInputElement>('[data-comfort-theme="sepia"]')!.checked).toBe(true);
    await act(async () => host.querySelector<HTMLButtonElement>('[data-action="comfort-smaller"]')!.click());
    await act(async () => {});
    expect(saved).toEqual([{ ...DEFAULT_COMFORT, theme: 'sepia', size: 90 }]);
    expect(host.querySelector('[role="status"]')?.textContent).toBe('Saved');
  });
});
