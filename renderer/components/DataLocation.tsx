import { useEffect, useState } from 'react';
import { getPlatform } from '../platform';

/** Where the portfolio data is stored on this machine, in words. */
export function DataLocation() {
  const [location, setLocation] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    getPlatform()
      .dataLocation()
      .then((text) => live && setLocation(text))
      .catch(() => live && setLocation('this computer'));
    return () => {
      live = false;
    };
  }, []);
  return (
    <p>
      Your portfolio is stored as you edit it, in {location ?? '…'}. Save it as a file from the File
      menu for a backup or to move it to another computer.
    </p>
  );
}
