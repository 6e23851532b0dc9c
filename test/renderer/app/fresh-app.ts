import { dismissQuestion } from '../../../renderer/components/dialogs';
import { DEFAULT_INITIATIVE_QUERY } from '../../../renderer/state/slices/uiSlice';
import { DEFAULT_LOCATION } from '../../../renderer/state/slices/navigationSlice';
import { useAppStore } from '../../../renderer/state/store';
import { freshDatabase } from '../db/fresh-database';

/** The app as on a first start: the demo database, no address, no notices or dialogs. */
export async function freshApp(): Promise<void> {
  await freshDatabase();
  window.location.hash = '';
  useAppStore.setState({
    location: DEFAULT_LOCATION,
    initiativeQuery: DEFAULT_INITIATIVE_QUERY,
    notices: [],
    refusedFile: null,
  });
  dismissQuestion();
}
