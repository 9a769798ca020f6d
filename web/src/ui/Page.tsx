import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/context.tsx';
import { takePendingFocus } from './focus.ts';

/** Sets the browser tab title: "<page> – Amigos Commons". */
export function usePageTitle(title: string) {
  const { t } = useI18n();
  const site = t('site.name');
  useEffect(() => {
    document.title = title && title !== site ? `${title} – ${site}` : site;
  }, [title, site]);
}

/** The page's one h1; focusable so route changes can move focus to it. */
export function PageHeading({ children, id = 'page-title' }: { children: ReactNode; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => takePendingFocus(ref.current), []);
  return (
    <h1 id={id} ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}

type PageProps = {
  title: string;
  /** What the h1 shows when richer than the title (defaults to the title). */
  heading?: ReactNode;
  lead?: ReactNode;
  children?: ReactNode;
  narrow?: boolean;
};

export function Page({ title, heading, lead, children, narrow }: PageProps) {
  usePageTitle(title);
  return (
    <div className={narrow ? 'page page--narrow' : 'page'}>
      <PageHeading>{heading ?? title}</PageHeading>
      {lead ? <p className="lead">{lead}</p> : null}
      {children}
    </div>
  );
}
