import { useEffect, useReducer } from 'react';

/** What lives only in this browser tab (sessionStorage): never sent anywhere until kept. */
export type PanelSession = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Where the meeting stands: kept in the session so a reload in the meeting loses nothing. */
export interface GuideState {
  readonly index: number;
  /** Seconds spent in each section. */
  readonly elapsed: readonly number[];
  /** The prompts ticked, as `section:prompt`. */
  readonly ticked: ReadonlySet<string>;
  /** The manager's private notes. */
  readonly notes: string;
}

interface Saved {
  readonly index: number;
  readonly elapsed: readonly number[];
  readonly ticked: readonly string[];
  readonly notes: string;
}

export const sessionKeyFor = (planId: string): string => `aurevoir.meeting.${planId}`;

/** The meeting as this tab left it, or a fresh one for `count` sections. */
export const readGuideState = (session: PanelSession, planId: string, count: number): GuideState => {
  const empty: GuideState = { index: 0, elapsed: Array<number>(count).fill(0), ticked: new Set(), notes: '' };
  const raw = session.getItem(sessionKeyFor(planId));
  if (!raw) return empty;
  try {
    const v = JSON.parse(raw) as Partial<Saved>;
    return {
      index: typeof v.index === 'number' && v.index >= 0 && v.index < Math.max(1, count) ? v.index : 0,
      elapsed: Array.from({ length: count }, (_, i) => (Array.isArray(v.elapsed) && typeof v.elapsed[i] === 'number' ? v.elapsed[i] : 0)),
      ticked: new Set(Array.isArray(v.ticked) ? v.ticked.filter((x): x is string => typeof x === 'string') : []),
      notes: typeof v.notes === 'string' ? v.notes : '',
    };
  } catch (e: unknown) {
    // A damaged entry: start the meeting afresh rather than fail.
    console.warn('Au revoir: meeting session state unreadable', e);
    return empty;
  }
};

export type GuideAction =
  | { readonly type: 'go'; readonly index: number }
  | { readonly type: 'elapsed'; readonly index: number; readonly seconds: number }
  | { readonly type: 'tick'; readonly id: string; readonly on: boolean }
  | { readonly type: 'notes'; readonly text: string };

export const guideReducer = (state: GuideState, action: GuideAction): GuideState => {
  switch (action.type) {
    case 'go':
      return { ...state, index: action.index };
    case 'elapsed':
      return { ...state, elapsed: state.elapsed.map((v, i) => (i === action.index ? action.seconds : v)) };
    case 'tick': {
      const ticked = new Set(state.ticked);
      if (action.on) ticked.add(action.id);
      else ticked.delete(action.id);
      return { ...state, ticked };
    }
    case 'notes':
      return { ...state, notes: action.text };
  }
};

/**
 * The guide's state for one plan, read from the session when the panel opens and written back after
 * each change. The panel is opened for one plan (MeetingApp renders it once the plan is found).
 */
export const useGuideState = (session: PanelSession, planId: string, count: number) => {
  const [state, dispatch] = useReducer(guideReducer, undefined, () => readGuideState(session, planId, count));
  useEffect(() => {
    session.setItem(
      sessionKeyFor(planId),
      JSON.stringify({ index: state.index, elapsed: state.elapsed, ticked: [...state.ticked], notes: state.notes } satisfies Saved),
    );
  }, [session, planId, state]);
  return [state, dispatch] as const;
};
