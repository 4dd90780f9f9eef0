// How soon the background engine answers its first page: the time to import the engine (its code and the
// entity data and weights it loads lazily, once) plus the first attribution, then a second page for
// comparison. Usage: npx tsx bench/engine-cold.ts (run it a few times; the first run also warms the disk).
export {};

const t0 = performance.now();
const { attributeBlocks } = await import('../src/core/engine');
const t1 = performance.now();
const blocks = [
  { index: 0, text: 'Harbour board votes to rebuild the pier', tag: 'h1', isHeading: true },
  {
    index: 1,
    text: '“We open in May,” said Margit Olsen, who leads the board. She added that the “hard part” was over.',
    tag: 'p',
    isHeading: false,
  },
  { index: 2, text: 'Jonas Berg disagreed. “It is late,” he said.', tag: 'p', isHeading: false },
];
const first = attributeBlocks(blocks, 'en');
const t2 = performance.now();
attributeBlocks(blocks, 'en');
const t3 = performance.now();
const ms = (x: number): number => Math.round(x * 10) / 10;
process.stdout.write(
  `${JSON.stringify({
    importMs: ms(t1 - t0),
    firstPageMs: ms(t2 - t1),
    startToFirstAnswerMs: ms(t2 - t0),
    nextPageMs: ms(t3 - t2),
    speakers: first.speakers.map((s) => s.name),
  })}\n`,
);
