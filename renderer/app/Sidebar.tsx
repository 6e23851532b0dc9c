import { useAppStore } from '../state/store';
import { AREA_INFO } from './areas';
import { SettingsConnector } from './SettingsConnector';

export function Sidebar() {
  const area = useAppStore((state) => state.location.area);
  const navigate = useAppStore((state) => state.navigate);
  return (
    <>
      <nav className="sidebar" aria-label="Areas">
        <div className="sidebar__brand">
          <svg viewBox="0 0 64 64" width="28" height="28" aria-hidden="true">
            <rect width="64" height="64" rx="14" fill="#f5b83d" />
            <path d="M18 48 46 16" stroke="#1f2a5c" strokeWidth="6" strokeLinecap="round" />
            <circle cx="18" cy="48" r="6" fill="#1f2a5c" />
          </svg>
          <span>Baton</span>
        </div>
        <ul className="sidebar__list">
          {AREA_INFO.map((info) => (
            <li key={info.id}>
              <a
                href={`#/${info.id}`}
                className="sidebar__link"
                aria-current={area === info.id ? 'page' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  navigate({ area: info.id });
                }}
              >
                {info.label}
                {!info.built && <span className="sidebar__soon">soon</span>}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {/* The sidebar is there from the start, whatever the area: so is the Settings dialog's
        connector, which answers the Settings… command and asks for the default name early. */}
      <SettingsConnector />
    </>
  );
}
