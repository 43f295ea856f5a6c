import type { CaseView } from '../../../api/types';

export interface CaseTabProps {
  caseId: string;
  view: CaseView;
  /** The case's version (ETag) as read. */
  version: string;
}
