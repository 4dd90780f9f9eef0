import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/cli/parse-html';
import { collectTextBlocks, locateOffset } from '../../src/core/text';

const blocksOf = (html: string) => collectTextBlocks(parseHtml(`<body>${html}</body>`).body).blocks;

describe('text blocks', () => {
  it('inline elements do not split a block', () => {
    const [block] = blocksOf('<p>She said <em>“not <a href="#">now</a>”</em> twice.</p>');
    expect(block?.text).toBe('She said “not now” twice.');
    expect(block?.pieces.map((p) => p.node.data)).toEqual(['She said ', '“not ', 'now', '”', ' twice.']);
  });

  it('block elements and <br> split blocks; scripts and styles are skipped', () => {
    const texts = blocksOf('<div>One<p>Two</p>Three<br>Four<script>x()</script><style>p{}</style></div>').map(
      (b) => b.text,
    );
    expect(texts).toEqual(['One', 'Two', 'Three', 'Four']);
  });

  it('excluded subtrees are left out', () => {
    const doc = parseHtml('<body><p>Keep</p><div class="ad"><p>Drop</p></div></body>');
    const { blocks } = collectTextBlocks(doc.body, { exclude: (el) => el.classList.contains('ad') });
    expect(blocks.map((b) => b.text)).toEqual(['Keep']);
  });

  it('headings are flagged', () => {
    expect(blocksOf('<h2>Title</h2><p>Body</p>').map((b) => b.isHeading)).toEqual([true, false]);
  });

  it('offsets map back to the text node that holds them', () => {
    const [block] = blocksOf('<p>ab<b>cd</b>ef</p>');
    const at = locateOffset(block!, 3);
    expect(at.node.data).toBe('cd');
    expect(at.offset).toBe(1);
  });

  it('deep nesting does not overflow the stack', () => {
    const depth = 5000;
    const html = `${'<div>'.repeat(depth)}deep${'</div>'.repeat(depth)}`;
    expect(blocksOf(html).map((b) => b.text)).toEqual(['deep']);
  });
});
