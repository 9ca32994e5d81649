import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Fails when text on the page is cut off: a box that hides its overflow (overflow hidden or clip,
 * an ellipsis) holding text that does not fit in it, or holding text in a script that stacks marks
 * above and below the line (Khmer, Burmese, Sinhala, Thai…) with too little leading for those
 * marks, or trimmed to the Latin cap height (`text-box-trim`), which cuts them off. `screen`
 * names the screen in the failure message.
 */
export async function expectNoClippedText(page: Page, screen: string): Promise<void> {
  expect(await clippedText(page), `${screen}: text cut off`).toEqual([]);
}

/** What `expectNoClippedText` finds cut off on the page, first ten, each naming its element. */
export function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const STACKING = /[\u0900-\u0DFF\u0E00-\u0E7F\u1000-\u109F\u1780-\u17FF]/;
    const found: string[] = [];
    for (const element of document.body.querySelectorAll<HTMLElement>('*')) {
      if (['INPUT', 'TEXTAREA', 'SELECT', 'SCRIPT', 'STYLE', 'svg'].includes(element.tagName)) continue;
      const text = [...element.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
      if (!text) continue;
      const style = getComputedStyle(element);
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0 || style.visibility === 'hidden') continue;
      // Visually hidden text (skip links off screen, screen-reader-only labels) is meant to be.
      if (rect.right < 0 || rect.bottom < 0 || (rect.width <= 1 && rect.height <= 1)) continue;
      const hides = (v: string) => v === 'hidden' || v === 'clip';
      const name = `${element.tagName.toLowerCase()} "${text.slice(0, 30)}"`;
      if (hides(style.overflowX) && element.scrollWidth > element.clientWidth + 1)
        found.push(`${name}: cut off on the side`);
      if (hides(style.overflowY) && element.scrollHeight > element.clientHeight + 1)
        found.push(`${name}: cut off below`);
      if (style.textOverflow === 'ellipsis' && element.scrollWidth > element.clientWidth + 1)
        found.push(`${name}: shortened with an ellipsis`);
      if (STACKING.test(text) && (hides(style.overflowX) || hides(style.overflowY))) {
        const fontSize = Number.parseFloat(style.fontSize);
        const lineHeight =
          style.lineHeight === 'normal' ? fontSize * 1.2 : Number.parseFloat(style.lineHeight);
        if (lineHeight < fontSize * 1.45)
          found.push(`${name}: line height ${lineHeight}px for ${fontSize}px type`);
        const trim = style.getPropertyValue('text-box-trim');
        if (trim && trim !== 'none') found.push(`${name}: text-box-trim ${trim} cuts marks off`);
      }
    }
    return found.slice(0, 10);
  });
}
