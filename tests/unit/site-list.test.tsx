// The site list shared by the options page (sites Quotelens is off on) and the library (sites it
// does not keep): typed sites are read as hosts, a refused one says why and stays in the field.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { hostFromInput, SiteList } from '../../src/shared/SiteList';

const root = document.createElement('div');
document.body.append(root);
afterEach(() => render(null, root));

async function type(text: string) {
  const input = root.querySelector('input')!;
  await act(() => {
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(() => {
    root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
}

describe('hostFromInput', () => {
  it('drops the scheme, the path and the case', () => {
    expect(hostFromInput('  https://News.Example/world/story.html ')).toBe('news.example');
  });
});

describe('SiteList', () => {
  it('adds a typed site as a host and empties the field', async () => {
    const added: string[] = [];
    await act(() =>
      render(
        <SiteList
          sites={[]}
          addLabel="Add"
          errorId="e"
          onAdd={(h) => {
            added.push(h);
            return '';
          }}
          onRemove={() => {}}
        />,
        root,
      ),
    );
    await type('http://a.example/x');
    expect(added).toEqual(['a.example']);
    expect(root.querySelector('input')!.value).toBe('');
    expect(root.querySelector('#e')!.textContent).toBe('');
  });

  it('says why a site is refused and keeps what was typed', async () => {
    await act(() =>
      render(<SiteList sites={[]} addLabel="Add" errorId="e" onAdd={() => 'Not a site'} onRemove={() => {}} />, root),
    );
    await type('not a site');
    expect(root.querySelector('#e')!.textContent).toBe('Not a site');
    expect(root.querySelector('input')!.getAttribute('aria-invalid')).toBe('true');
    expect(root.querySelector('input')!.value).toBe('not a site');
  });

  it('removes a site with its own button', async () => {
    const removed: string[] = [];
    await act(() =>
      render(
        <SiteList
          sites={['a.example', 'b.example']}
          addLabel="Add"
          errorId="e"
          onAdd={() => ''}
          onRemove={(h) => removed.push(h)}
        />,
        root,
      ),
    );
    const buttons = root.querySelectorAll<HTMLButtonElement>('ul.sites button');
    expect(buttons).toHaveLength(2);
    await act(() => buttons[1]!.click());
    expect(removed).toEqual(['b.example']);
  });
});
