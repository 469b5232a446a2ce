import { latestOutcome, type OutcomeEntry, type OutcomeKind } from './outcomes';

/** Which alumni to show: everyone, those with any outcome, or those with one of a kind. */
export type OutcomeFilter = 'all' | 'any' | OutcomeKind;
/** `next`: the order the list comes in (overdue, then the next reminder); `recentOutcome`: newest outcome first. */
export type AlumniOrder = 'next' | 'recentOutcome' | 'name';
export const ALUMNI_ORDERS: readonly AlumniOrder[] = ['next', 'recentOutcome', 'name'];

export interface AlumnusWithOutcomes {
  readonly displayName: string;
  readonly outcomes?: readonly OutcomeEntry[];
}

const collator = new Intl.Collator(['fr', 'en'], { sensitivity: 'base', numeric: true });

/**
 * The alumni a filter keeps, in the order asked for. Stable: equal keys keep the order they came in.
 * With a kind filter, "most recent outcome" means the most recent outcome of that kind.
 */
export const filterSortAlumni = <T extends AlumnusWithOutcomes>(list: readonly T[], filter: OutcomeFilter, order: AlumniOrder): T[] => {
  const kind = filter === 'all' || filter === 'any' ? undefined : filter;
  const kept = list.filter((a) => filter === 'all' || (a.outcomes ?? []).some((o) => kind === undefined || o.kind === kind));
  if (order === 'next') return kept;
  const keyed = kept.map((a, i) => ({ a, i, latest: latestOutcome(a.outcomes ?? [], kind) }));
  keyed.sort((x, y) => {
    if (order === 'recentOutcome' && x.latest !== y.latest) {
      if (x.latest === undefined) return 1;
      if (y.latest === undefined) return -1;
      return x.latest < y.latest ? 1 : -1;
    }
    return collator.compare(x.a.displayName, y.a.displayName) || x.i - y.i;
  });
  return keyed.map((k) => k.a);
};
