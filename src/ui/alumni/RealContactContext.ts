import { createContext, useContext } from 'react';
import type { RealContactNotice } from '../../workflows/service';

/**
 * What the Alumni screen knows of real contact (service.findRealContact), handed to each card's notice
 * without growing AlumniCard's props: the notices by contact id, and the undo.
 */
export interface RealContactState {
  readonly notices: ReadonlyMap<string, RealContactNotice>;
  readonly undo: (contactId: string) => Promise<void>;
}

export const RealContactContext = createContext<RealContactState | undefined>(undefined);

export const useRealContact = (): RealContactState | undefined => useContext(RealContactContext);
