import { parseSectionHeading, type GuideSection } from '../../domain/meeting';

// Only markup whitespace collapses: the no-break spaces of French typography stay as written.
const text = (n: Element | null | undefined): string => (n?.textContent ?? '').replace(/[ \t\r\n]+/g, ' ').trim();

/**
 * The agenda as the guide walks it, read back from the invite's body: each `<h3>` the renderer
 * wrote (src/domain/agenda/render.ts: `2. Title · 6 min`), the purpose in the `<p><em>` right under
 * it, the prompts in the list that follows. Exchange stores the body as a whole document and the
 * manager may have edited it in Outlook, so this reads by structure, not by exact markup; an
 * agenda it cannot find gives no sections (the panel says so and keeps notes and summary).
 */
export const readGuide = (html: string, parser: DOMParser = new DOMParser()): GuideSection[] => {
  const doc = parser.parseFromString(html, 'text/html');
  return [...doc.querySelectorAll('h3')]
    .map((h): GuideSection => {
      const { title, minutes } = parseSectionHeading(text(h));
      let purpose = '';
      const prompts: string[] = [];
      for (let n = h.nextElementSibling; n && !/^H[1-3]$/.test(n.tagName); n = n.nextElementSibling) {
        if (n.tagName === 'UL' || n.tagName === 'OL') {
          prompts.push(...[...n.querySelectorAll('li')].map(text).filter((t) => t !== ''));
        } else if (n.tagName === 'P' && prompts.length === 0 && purpose === '' && n.querySelector('em')) {
          purpose = text(n);
        }
      }
      return { title, minutes, purpose, prompts };
    })
    .filter((s) => s.title !== '');
};
