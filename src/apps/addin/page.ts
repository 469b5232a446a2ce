/**
 * What the task pane needs to paint its first screen in the right theme, kept apart from ./plan
 * (dates, agenda) so that the pane's entry chunk does not carry those. The language's rule is the
 * domain's langFromLocale (src/domain/lang.ts).
 */
/** Dark when Outlook's body background is dark (`#RRGGBB`), so the pane matches the client around it. */
export const themeFromBackground = (color: string | undefined): 'dark' | 'default' | undefined => {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color ?? '');
  if (!m) return undefined;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h ?? '0', 16) / 255) as [number, number, number];
  // Relative luminance (sRGB, without gamma: plenty to tell a dark theme from a light one).
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.4 ? 'dark' : 'default';
};
