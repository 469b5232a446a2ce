/**
 * Putting the agenda into a meeting body that Outlook (and the user) may already have filled:
 * Outlook inserts a Teams meeting block (join link, dial-in) when "Teams meeting" is on, and the
 * user may have typed a note. The agenda goes first; whatever was there stays after it. A second
 * "Apply" replaces the agenda it added the first time instead of stacking another copy.
 *
 * The agenda is wrapped in two markers, because Outlook clients rewrite bodies differently: an
 * HTML comment pair (kept by Outlook on the web and new Outlook) and a `data-au-revoir` attribute
 * on the wrapper (kept where comments are dropped). Ids and classes are not used: Outlook renames
 * or strips them.
 */
export const AGENDA_START = '<!-- au-revoir:agenda:start -->';
export const AGENDA_END = '<!-- au-revoir:agenda:end -->';
const ATTRIBUTE = 'data-au-revoir';

export const wrapAgenda = (agendaHtml: string): string =>
  `${AGENDA_START}<div ${ATTRIBUTE}="agenda">${agendaHtml}</div>${AGENDA_END}`;

const COMMENTED = /<!--\s*au-revoir:agenda:start\s*-->[\s\S]*?<!--\s*au-revoir:agenda:end\s*-->/gi;
const ATTRIBUTED = /<div\b[^>]*\bdata-au-revoir\s*=\s*["']?agenda\b[^>]*>/i;

/** Removes the `<div …data-au-revoir="agenda">…</div>` element, counting nested divs. */
const removeAttributedAgenda = (html: string): string => {
  const open = ATTRIBUTED.exec(html);
  if (!open) return html;
  const tags = /<div\b[^>]*>|<\/div\s*>/gi;
  tags.lastIndex = open.index + open[0].length;
  let depth = 1;
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    depth += m[0].startsWith('</') ? -1 : 1;
    if (depth === 0) return removeAttributedAgenda(html.slice(0, open.index) + html.slice(m.index + m[0].length));
  }
  // Unbalanced (a truncated body): leave it rather than eat the rest of the user's text.
  return html;
};

/** The body without any agenda a previous Apply put there. */
export const stripAgenda = (html: string): string => removeAttributedAgenda(html.replace(COMMENTED, ''));

/** Whether Outlook's Teams meeting block (join link) is in the body. */
export const hasTeamsBlock = (html: string): boolean =>
  /https:\/\/teams\.microsoft\.com\/(l\/meetup-join|meet\/)/i.test(html) ||
  /https:\/\/teams\.live\.com\/meet\//i.test(html);

export interface MergedBody {
  readonly html: string;
  readonly teamsBlockKept: boolean;
  /** A previous agenda of ours was found and replaced. */
  readonly replacedPrevious: boolean;
}

/** The new body: our agenda first, then what was there (minus our previous agenda). */
export const mergeAgendaIntoBody = (existing: string, agendaHtml: string): MergedBody => {
  const rest = stripAgenda(existing);
  const agenda = wrapAgenda(agendaHtml);
  // Outlook hands back a whole document; the agenda belongs inside <body>, not before <html>.
  const bodyTag = /<body\b[^>]*>/i.exec(rest);
  const html = bodyTag
    ? rest.slice(0, bodyTag.index + bodyTag[0].length) + agenda + rest.slice(bodyTag.index + bodyTag[0].length)
    : agenda + rest;
  return { html, teamsBlockKept: hasTeamsBlock(rest), replacedPrevious: rest !== existing };
};
