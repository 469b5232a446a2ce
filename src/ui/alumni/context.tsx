import { createContext, useContext, type ReactNode } from 'react';
import type { AuRevoirService } from '../../workflows/service';

/** What the alumni card's extras need from the app: the exports, and the clock relative dates count from. */
export interface AlumniExtras {
  readonly exporter?: Pick<AuRevoirService, 'exportContact' | 'exportReminders'>;
  readonly now: () => Date;
}

const AlumniExtrasContext = createContext<AlumniExtras>({ now: () => new Date() });

/**
 * Given by the screens that show alumni cards (the tab's Alumni screen, the task pane's alumni view), so the
 * card itself takes no new props: without it, the card shows no export buttons and counts from the browser's clock.
 */
export const AlumniExtrasProvider = ({ exporter, now, children }: { exporter?: AlumniExtras['exporter']; now?: () => Date; children: ReactNode }) => (
  <AlumniExtrasContext.Provider value={{ ...(exporter ? { exporter } : {}), now: now ?? (() => new Date()) }}>{children}</AlumniExtrasContext.Provider>
);

export const useAlumniExtras = (): AlumniExtras => useContext(AlumniExtrasContext);
