// A list that renders only the rows in view (plus a few either side), so 10,000 quotes scroll
// without jank. Rows have one fixed height; the list fills the space its container gives it.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

/** Rows rendered beyond each edge of the view: keeps fast scrolling from showing blanks. */
const OVERSCAN = 6;
/** Height before the first measurement (and in DOMs without layout, such as unit tests). */
const FALLBACK_HEIGHT = 600;

interface Props<T> {
  items: readonly T[];
  rowHeight: number;
  label: string;
  itemKey: (item: T) => string;
  children: (item: T, index: number) => ComponentChildren;
}

export function VirtualList<T>({ items, rowHeight, label, itemKey, children }: Props<T>) {
  const box = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  const [height, setHeight] = useState(FALLBACK_HEIGHT);

  useEffect(() => {
    const el = box.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setHeight(el.clientHeight || FALLBACK_HEIGHT));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // A new list (another speaker, a new search) starts at its top.
  useEffect(() => {
    if (box.current) box.current.scrollTop = 0;
    setTop(0);
  }, [items]);

  const first = Math.max(0, Math.floor(top / rowHeight) - OVERSCAN);
  const last = Math.min(items.length, Math.ceil((top + height) / rowHeight) + OVERSCAN);
  const shown = items.slice(first, last);
  return (
    <div class="vlist" ref={box} onScroll={(e) => setTop(e.currentTarget.scrollTop)}>
      <ul class="rows" aria-label={label} style={{ height: `${items.length * rowHeight}px` }} data-rows={items.length}>
        {shown.map((item, i) => (
          <li
            class="row"
            key={itemKey(item)}
            aria-setsize={items.length}
            aria-posinset={first + i + 1}
            style={{ transform: `translateY(${(first + i) * rowHeight}px)`, height: `${rowHeight}px` }}
          >
            {children(item, first + i)}
          </li>
        ))}
      </ul>
    </div>
  );
}
