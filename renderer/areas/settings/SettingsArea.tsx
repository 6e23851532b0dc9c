/**
 * Settings: your name, the language and number format, where the data lives and whether the
 * browser keeps it, the backups, and all your data at once (export, delete).
 */
import { useState } from 'react';
import type { Portfolio } from '../../../shared/portfolio/types';
import { BackupsSection } from './BackupsSection';
import { DataSection } from './DataSection';
import { LocaleSection } from './LocaleSection';
import { NameSection } from './NameSection';
import { StorageSection } from './StorageSection';
import './settings.css';

/** The id of the "Your name" field: the Settings… command puts the focus there. */
export const SETTINGS_NAME_FIELD_ID = 'settings-your-name';

export function SettingsArea({ portfolio }: { readonly portfolio: Portfolio | undefined }) {
  const [backupsChanged, setBackupsChanged] = useState(0);
  return (
    <section className="area settings" aria-labelledby="area-title">
      <div className="area__header">
        <h2 id="area-title">Settings</h2>
      </div>
      <div className="settings__columns">
        <div className="settings__column">
          <NameSection fieldId={SETTINGS_NAME_FIELD_ID} />
          <LocaleSection currency={portfolio?.currency} />
          <StorageSection />
          <DataSection onDeleted={() => setBackupsChanged((count) => count + 1)} />
        </div>
        <div className="settings__column">
          <BackupsSection refreshKey={backupsChanged} />
        </div>
      </div>
    </section>
  );
}
