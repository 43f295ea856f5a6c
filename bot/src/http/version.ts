/** The version the client read: body field `version`, else the If-Match header (quoted ETag accepted). */
import { DomainError } from '../domain/errors.js';

export function versionFrom(bodyVersion: string | undefined, ifMatch: string | undefined): string {
  let v = bodyVersion ?? ifMatch;
  if (v?.startsWith('"')) {
    try {
      v = JSON.parse(v) as string;
    } catch {
      /* keep as sent */
    }
  }
  if (!v) throw new DomainError('validation', 'Send the version you read (body version or If-Match)', { field: 'body.version' });
  return v;
}
