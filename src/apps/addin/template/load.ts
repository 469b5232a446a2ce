import type { MailItemPort } from '../../../hosts/office';
import type { AuRevoirService } from '../../../workflows/service';
import { leaverCandidates, lengthFromItem } from '../plan';
import type { TemplateContext } from './state';

/** Everything the template form needs from the mailbox and the item, read once per item. */
export const loadTemplateContext = async (service: AuRevoirService, item: MailItemPort, mode: 'compose' | 'sender'): Promise<TemplateContext> => {
  const [me, settings, departures, people, itemStart, itemEnd] = await Promise.all([
    service.me(),
    service.mailboxSettings(),
    service.departures().catch((e: unknown) => {
      // Only a convenience (pre-fills the last day): the flow works without it.
      console.warn('Au revoir: departures unavailable', e);
      return [];
    }),
    mode === 'sender' ? Promise.resolve(item.sender ? [item.sender] : []) : item.getRequiredAttendees(),
    item.getStart(),
    item.getEnd(),
  ]);
  const lastDays = new Map<string, string>();
  for (const d of departures) if (d.lastWorkingDay) lastDays.set(d.person.mail.toLowerCase(), d.lastWorkingDay);
  return { me, settings, candidates: leaverCandidates(people, item.user?.email ?? me.mail), lastDays, length: lengthFromItem(itemStart, itemEnd) };
};
