/** What sortAlumni needs of an alumnus; the service's Alumnus fits it. */
export interface SortableAlumnus {
  readonly displayName: string;
  /** Set by whoever knows a reminder was missed; a next touchpoint in the past is overdue too. */
  readonly overdue?: boolean;
  /** ISO instant with offset. */
  readonly nextTouchpoint?: { readonly start: string };
}

// Names sort the way people expect in both languages: accents and case don't split "Élodie" from "elodie".
const collator = new Intl.Collator(['fr', 'en'], { sensitivity: 'base', numeric: true });

const nextAt = (a: SortableAlumnus): number | undefined => {
  const t = a.nextTouchpoint ? Date.parse(a.nextTouchpoint.start) : Number.NaN;
  return Number.isNaN(t) ? undefined : t;
};

/**
 * The alumni list in the order a manager acts on it: overdue first (the longest overdue on top),
 * then the next touchpoint soonest, then those with nothing planned, each group by name.
 * Returns a new array.
 */
export const sortAlumni = <T extends SortableAlumnus>(list: readonly T[], now: Date): T[] => {
  const keyed = list.map((a) => {
    const next = nextAt(a);
    return { a, next, overdue: a.overdue === true || (next !== undefined && next < now.getTime()) };
  });
  keyed.sort((x, y) => {
    if (x.overdue !== y.overdue) return x.overdue ? -1 : 1;
    if (x.next !== y.next) {
      if (x.next === undefined) return 1;
      if (y.next === undefined) return -1;
      return x.next - y.next;
    }
    return collator.compare(x.a.displayName, y.a.displayName);
  });
  return keyed.map((k) => k.a);
};
