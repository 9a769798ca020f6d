import { NavLink } from 'react-router';

export type SubNavItem = { to: string; label: string; end?: boolean };

/** A secondary navigation (e.g. the sections of a library); the current section has aria-current. */
export function SubNav({ label, items }: { label: string; items: SubNavItem[] }) {
  return (
    <nav className="subnav" aria-label={label}>
      <ul className="subnav__list">
        {items.map((item) => (
          <li key={item.to}>
            <NavLink className="subnav__link" to={item.to} end={item.end ?? true}>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
