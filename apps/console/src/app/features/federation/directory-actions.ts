import type { CoopDirectoryEntry } from '@federacycle/contracts';
import type { CoopAction } from './data/federation-api';
import type { TranslationKey } from '../../core/i18n/en';

export type DirectoryAction = CoopAction | 'licence';

export interface DirectoryActionRequest {
  action: DirectoryAction;
  coop: CoopDirectoryEntry;
}

/** The actions that make sense for a coop in its current status. */
export function actionsFor(coop: CoopDirectoryEntry): DirectoryAction[] {
  switch (coop.status) {
    case 'active':
      return ['licence', 'suspend', 'offboard'];
    case 'suspended':
      return ['reinstate', 'offboard'];
    default:
      return [];
  }
}

export function actionLabelKey(action: DirectoryAction, coop: CoopDirectoryEntry): TranslationKey {
  if (action === 'licence') return coop.licenceExpiresAt ? 'directory.renewLicence' : 'directory.issueLicence';
  return `directory.${action}`;
}
