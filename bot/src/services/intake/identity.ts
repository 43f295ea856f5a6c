/** Normalising a client's identity into look-up keys (hashed in deps.identityKey). */
import { assertDateNotFuture } from '../../domain/deadlines/index.js';
import { assertHetu } from '../../domain/hetu/index.js';
import { DomainError } from '../../domain/errors.js';
import type { ClientIdentity } from '../../domain/cases/model.js';
import type { Deps } from '../deps.js';

export interface IdentityInput {
  hetu?: string;
  firstName: string;
  lastName: string;
  birthDate?: string;
}

const normName = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('fi').replace(/\s+/g, ' ');

export function resolveIdentity(deps: Deps, input: IdentityInput, field = 'body.client'): ClientIdentity {
  let hetu: string | undefined;
  let birthDate = input.birthDate;
  if (input.hetu) {
    try {
      const r = assertHetu(input.hetu);
      if (deps.testDataOnly && !r.isTestRange)
        throw new DomainError('hetu.notTestRange', 'Only test-range henkilötunnus (900–999) outside production', {});
      hetu = r.normalized;
      if (birthDate && birthDate !== r.birthDate)
        throw new DomainError('intake.birthDateMismatch', 'Birth date does not match the henkilötunnus', {
          field: `${field}.birthDate`,
        });
      birthDate = r.birthDate;
    } catch (err) {
      if (err instanceof DomainError && err.code.startsWith('hetu.'))
        throw new DomainError(err.code, err.message, { field: `${field}.hetu` });
      throw err;
    }
  }
  if (!birthDate) throw new DomainError('validation', 'Birth date is required', { field: `${field}.birthDate` });
  // A birth date (typed, or read from the henkilötunnus) after today cannot be true.
  assertDateNotFuture(birthDate, deps.clock.now().toISOString(), hetu ? `${field}.hetu` : `${field}.birthDate`);
  return { hetu, firstName: input.firstName.trim(), lastName: input.lastName.trim(), birthDate };
}

export function identityKeys(deps: Deps, id: ClientIdentity): { hetu?: string; nameBirth: string } {
  return {
    hetu: id.hetu ? deps.identityKey('hetu', id.hetu) : undefined,
    nameBirth: deps.identityKey('nameBirth', `${normName(id.lastName)}|${normName(id.firstName)}|${id.birthDate}`),
  };
}
