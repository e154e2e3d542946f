// The names the tests share with the app and its loader, read from the one file that holds
// them (src/shared-names.json, see src/names.rs). A missing name stops the tests at once.

import { readFileSync } from 'node:fs';

const names = JSON.parse(readFileSync(new URL('../../src/shared-names.json', import.meta.url), 'utf8'));
const name = (key) => {
  if (typeof names[key] !== 'string' || !names[key]) throw new Error(`src/shared-names.json has no ${key}`);
  return names[key];
};

/** Local-storage key of the saved data. */
export const DATA_KEY = name('dataKey');
/** Local-storage keys of data kept aside start with this. */
export const BACKUP_PREFIX = name('backupPrefix');
/** Session-storage key of the profile a tab shows. */
export const ACTIVE_KEY = name('activeKey');
/** Set on `window` by the loader when a new deployment has taken over. */
export const UPDATED_FLAG = name('updatedFlag');
/** Dispatched on `window` by the loader at the same time. */
export const UPDATED_EVENT = name('updatedEvent');
