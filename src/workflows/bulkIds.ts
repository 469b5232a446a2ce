import { planId, type PlanId } from '../domain/types';

/**
 * The plan id of an HR partner's plan for one leaver: the same on every run, from any device, so that a
 * second run (after a failure, a reload, another day) finishes the same plan instead of starting a second
 * one. Events carry a transactionId from plan id and role (book.ts), so Exchange answers a repeated POST
 * with the event it already has; and the lookup of a resumed plan finds what the first run left.
 * Two FNV-1a 64-bit hashes, printed as a UUID (version nibble 5, RFC 4122 variant): no crypto needed, the
 * id is a key, not a secret.
 */
export const bulkPlanId = (organiserMail: string, leaverId: string, lastWorkingDay: string): PlanId => {
  const text = `${organiserMail.toLowerCase()}|${leaverId}|${lastWorkingDay}`;
  const fnv = (seed: bigint): bigint => {
    let h = seed;
    // UTF-16 code units: the same on every runtime (jsdom has no TextEncoder), and a key needs no more.
    for (let i = 0; i < text.length; i++) {
      h ^= BigInt(text.charCodeAt(i));
      h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
    }
    return h;
  };
  const hex = (fnv(0xcbf29ce484222325n).toString(16).padStart(16, '0') + fnv(0x84222325cbf29ce4n).toString(16).padStart(16, '0')).split('');
  hex[12] = '5';
  hex[16] = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  const h = hex.join('');
  return planId(`${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`);
};
