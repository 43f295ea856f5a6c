/**
 * The admin publishes a new version of a service's criteria. An old version is never edited: it
 * stays as decisions and SAP outcomes cited it. The new version is in force from `validFrom`
 * (today or later, and not before the newest version's day), so nothing already decided changes.
 */
import type { CriteriaPublish } from '../../contract/criteria.js';
import type { AuthUser } from '../../domain/access.js';
import { helsinkiDate } from '../../domain/calendar/index.js';
import { validateCriteriaSets, type CriteriaSet } from '../../domain/criteria/index.js';
import { DomainError } from '../../domain/errors.js';
import type { Deps } from '../deps.js';

export async function publishCriteria(deps: Deps, user: AuthUser, input: CriteriaPublish): Promise<CriteriaSet> {
  const today = helsinkiDate(deps.clock.now());
  if (input.validFrom < today)
    throw new DomainError('validation', 'A new version comes into force today or later', { field: 'body.validFrom', today });
  for (let attempt = 0; attempt < 5; attempt++) {
    const newest = (await deps.criteriaSets.versions(input.service)).at(-1);
    if (newest && input.validFrom < newest.validFrom)
      throw new DomainError('validation', 'The newest version comes into force later than this one', {
        field: 'body.validFrom',
        newestValidFrom: newest.validFrom,
      });
    const set: CriteriaSet = {
      service: input.service,
      version: (newest?.version ?? 0) + 1,
      validFrom: input.validFrom,
      items: input.items.map((i) => ({ id: i.id, text: { fi: i.text.fi, sv: i.text.sv } })),
    };
    try {
      validateCriteriaSets([set]);
    } catch (err) {
      if (err instanceof DomainError && typeof err.details.field === 'string')
        throw new DomainError(err.code, err.message, { ...err.details, field: `body.${err.details.field}` });
      throw err;
    }
    if (await deps.criteriaSets.insert(set)) {
      deps.log.info({ service: set.service, version: set.version, validFrom: set.validFrom, by: user.id }, 'criteria version published');
      return set;
    }
  }
  throw new DomainError('conflict.version', 'Another version was published at the same time: reload and try again');
}
