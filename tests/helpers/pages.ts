// Small invented pages shared by the robustness and scaling tests.

export const filler =
  '<p>The harbour board met again this year to discuss the dredging plan, which has been delayed by rain, rising costs and a shortage of barges along the coast.</p>';

/** An article page around `body`: enough prose for the article detector to say yes. */
export function article(body: string, lang = 'en'): string {
  return `<!doctype html><html lang="${lang}"><head><title>Harbour plan</title><meta property="og:type" content="article"></head><body><article><h1>Harbour plan approved</h1>${filler.repeat(3)}${body}</article></body></html>`;
}

/** Linear work allows 4× for 4× the input; we accept up to 8× for GC and JIT noise, well below quadratic's 16×. */
export const MAX_GROWTH = 8;
