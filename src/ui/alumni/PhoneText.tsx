import { useEffect, useState } from 'react';
import { regionFor } from '../format';
import { useLang } from '../hooks';

type Formatter = (e164: string, region: string) => string;
let loaded: Formatter | undefined;

/**
 * A phone number as its reader writes it (national when it is of the reader's region, international
 * otherwise). The phone library's metadata comes in its own chunk when a number is first shown; until then,
 * and if that load fails, the stored E.164 number is shown, which is still a correct number.
 */
export const PhoneText = ({ e164 }: { e164: string }) => {
  const lang = useLang();
  const [format, setFormat] = useState<Formatter | undefined>(() => loaded);
  useEffect(() => {
    if (format) return;
    let live = true;
    import(/* webpackChunkName: "phone" */ '../../domain/contact')
      .then((m) => {
        loaded = m.formatPhone;
        if (live) setFormat(() => m.formatPhone);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [format]);
  return <>{format ? format(e164, regionFor(lang)) : e164}</>;
};
