// The content script's chunked run: one stage per task, same result as the one-task run, and a
// run overtaken by "off" stops without touching the page again. The declutter code comes as a chunk
// the run loads once, only for a page taken for an article.
import { afterEach, describe, expect, it } from 'vitest';
import { DECLUTTER } from '../../src/core/declutter';
import { CLUTTER_VOCABULARY } from '../../src/core/lexicon/clutter';
import type { DeclutterKit } from '../../src/core/read-page';
import { asyncEngine, testController } from './engine-link';

const page = `<article><h1>Tram line opens</h1>
<p>The new tram line between the station and the harbour opened on Saturday after three years of building work, with free rides for the first weekend and extra staff at every stop.</p>
<p>“It is faster than the bus and quieter too,” said Mira Holt, who rides to work every morning. She added that the stops were well lit.</p>
<div class="ad-slot"><span>Advertisement</span></div>
<p>The city council said it would review the timetable after the first month, and that evening services could be extended if demand stayed high through the autumn.</p>
</article>`;

const toggles = { declutter: true, highlight: true, focus: false };

function setUp(): void {
  document.documentElement.removeAttribute('data-quotelens');
  document.head.innerHTML = '<title>Tram line opens</title><meta property="og:type" content="article">';
  document.body.innerHTML = page;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('chunked run', () => {
  it('gives the same report as the one-task run', async () => {
    setUp();
    const once = testController(toggles);
    once.run();
    const expected = { ...once.state().report!, timings: {} };
    once.clearAll();

    const chunked = testController(toggles);
    const pending = chunked.runChunked();
    expect(chunked.state().status).toBe('loading');
    await pending;
    expect(chunked.state().status).toBe('ready');
    expect({ ...chunked.state().report!, timings: {} }).toEqual(expected);
    expect(document.documentElement.getAttribute('data-quotelens')).toBe('ready');
    chunked.clearAll();
  });

  it('stops when turned off half way, leaving no trace', async () => {
    setUp();
    const before = document.documentElement.outerHTML;
    const controller = testController(toggles);
    const pending = controller.runChunked();
    controller.setEnabled(false);
    await pending;
    expect(controller.state().status).toBe('off');
    document.documentElement.removeAttribute('data-quotelens');
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('loads the declutter chunk and its words once, for articles only, and tries again after a failed load', async () => {
    const loads: string[] = [];
    let fail = true;
    const load = () => {
      loads.push(document.title);
      const kit = { code: DECLUTTER, vocabulary: CLUTTER_VOCABULARY };
      return new Promise<DeclutterKit>((resolve, reject) =>
        setTimeout(() => (fail ? reject(new Error('chunk unreachable')) : resolve(kit)), 0),
      );
    };
    // A page that is not an article never asks for it.
    document.head.innerHTML = '<title>Search results</title>';
    document.body.innerHTML =
      '<form><input name="q"><button>Search</button></form><ul><li><a href="/a">One</a></li></ul>';
    const skipped = testController(toggles, asyncEngine, window, load);
    await skipped.runChunked();
    expect(skipped.state().status).toBe('skipped');
    expect(loads).toEqual([]);

    setUp();
    const controller = testController(toggles, asyncEngine, window, load);
    await controller.runChunked();
    expect(controller.state()).toMatchObject({ status: 'error', error: 'chunk unreachable' });
    expect(document.querySelector('[data-quotelens-hidden]')).toBeNull();
    fail = false;
    await controller.reanalyse();
    expect(controller.state().status).toBe('ready');
    expect(document.querySelector('.ad-slot')?.getAttribute('data-quotelens-hidden')).toBe('ad');
    await controller.reanalyse();
    expect(loads).toEqual(['Tram line opens', 'Tram line opens']);
    controller.clearAll();
  });
});
