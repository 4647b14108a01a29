// The language follows the account: chosen in the header it is saved with the account
// (`POST /me/preferences`), and signing in on any browser opens the console in it.
import { useEffect } from 'react';
import { api } from '../api/client';
import { setLang } from '../i18n';
import type { Lang } from '../i18n/langs';
import { useSession } from './permissions';

/** Languages chosen in this tab so far: a choice made while the account's language is
 * still being read wins over what the account had saved. */
let choices = 0;

/** Switches the language here and remembers it for the signed-in account. */
export function chooseLanguage(lang: Lang, signedIn: boolean): void {
  choices += 1;
  setLang(lang);
  if (signedIn) void api.POST('/api/v1/me/preferences', { body: { language: lang } });
}

/** After signing in, opens the console in the account's language when it has one. */
export function useAccountLanguage(): void {
  const { status, me } = useSession();
  const account = status === 'signedIn' ? me?.account_id : undefined;
  useEffect(() => {
    if (!account || account.startsWith('ticket:')) return;
    let live = true;
    const before = choices;
    void api.GET('/api/v1/me/preferences').then((r) => {
      if (live && choices === before && r.data?.language) setLang(r.data.language);
    });
    return () => {
      live = false;
    };
  }, [account]);
}
