import type { ReactNode } from 'react';
import { useI18n } from '../i18n/context.tsx';

type Variant = 'error' | 'warning' | 'success' | 'info';
const icons: Record<Variant, string> = { error: '!', warning: '!', success: '✓', info: 'i' };

type AlertProps = {
  variant: Variant;
  title?: ReactNode;
  children?: ReactNode;
  /** `alert` interrupts (errors after an action), `status` is polite; none for static notices. */
  live?: 'alert' | 'status';
  id?: string;
  className?: string;
};

/** A message box. Its kind is said in words (hidden prefix + icon), not by colour alone. */
export function Alert({ variant, title, children, live, id, className }: AlertProps) {
  const { t } = useI18n();
  const prefix = t(`alert.${variant}`);
  return (
    <div id={id} role={live} className={`alert alert--${variant}${className ? ` ${className}` : ''}`}>
      <span className="alert__icon" aria-hidden="true">
        {icons[variant]}
      </span>
      <div className="alert__body">
        {title ? (
          <p className="alert__title">
            <span className="visually-hidden">{prefix}: </span>
            {title}
          </p>
        ) : (
          <span className="visually-hidden">{prefix}: </span>
        )}
        {children}
      </div>
    </div>
  );
}
