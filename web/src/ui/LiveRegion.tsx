/**
 * A polite live region that is always in the page, so changes of its text (e.g. a result count after
 * filtering) are announced by screen readers.
 */
export function LiveRegion({ children, className }: { children: string; className?: string }) {
  return (
    <p className={className ?? 'result-count'} role="status" aria-live="polite" aria-atomic="true">
      {children}
    </p>
  );
}
