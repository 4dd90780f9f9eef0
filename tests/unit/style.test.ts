import { describe, expect, it } from 'vitest';
import { stylesheetText } from '../../src/content/style';

describe('injected stylesheet', () => {
  it('hides by attribute unless the reader asked to reveal', () => {
    expect(stylesheetText()).toContain(
      'html:not([data-quotelens-reveal]) [data-quotelens-hidden]{display:none!important}',
    );
  });

  it('standard tints, strong tints and underline-only differ only in paint', () => {
    const standard = stylesheetText('standard');
    const strong = stylesheetText('strong');
    const underline = stylesheetText('underline');
    expect(standard).toContain('::highlight(quotelens-s0){background-color:rgba(255, 196, 0, 0.38)');
    expect(strong).toContain('::highlight(quotelens-s0){background-color:rgba(255, 196, 0, 0.6)');
    expect(underline).toContain('::highlight(quotelens-s0){background-color:transparent');
    for (const sheet of [standard, strong, underline]) expect(sheet).toContain('text-decoration:underline');
  });
});
