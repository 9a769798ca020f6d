import { useEffect, useState } from 'react';
import { accountsApi } from '../../api/accounts.ts';

let cached: Promise<boolean> | null = null;

/** Whether captured emails can be read at /dev/mailbox (no SMTP server configured). Asked once. */
export function useMailboxEnabled(): boolean {
  const [enabled, setEnabled] = useState(false);
  useEffect(() => {
    let live = true;
    cached ??= accountsApi
      .mailbox({ page: 1, pageSize: 1 })
      .then((r) => r.enabled)
      .catch(() => false);
    void cached.then((value) => {
      if (live) setEnabled(value);
    });
    return () => {
      live = false;
    };
  }, []);
  return enabled;
}
