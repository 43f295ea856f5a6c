/** Providers and units: request and response schemas (no client data in any of them). */
import { z } from 'zod';
import { Id, LocalDate, MunicipalityCode, Required, Service, Text, Name, RequiredName } from './common.js';

export const PROVIDER_KINDS = ['ownProduction', 'purchased'] as const;
export const UNIT_KINDS = ['unit', 'homeSupportTeam'] as const;

export const ContactInfoSchema = z
  .object({
    name: Name(200).optional(),
    phone: z.string().trim().max(40).regex(/^[0-9+() -]*$/, 'Digits, spaces, + ( ) - only').optional(),
    email: z.email().max(200).optional(),
  })
  .strict();

const providerFields = {
  name: RequiredName(200),
  kind: z.enum(PROVIDER_KINDS),
  businessId: z.string().trim().regex(/^\d{7}-\d$/, 'Y-tunnus, e.g. 1234567-8').optional(),
  contractStart: LocalDate.optional(),
  contractEnd: LocalDate.optional(),
  contact: ContactInfoSchema.default({}),
  active: z.boolean().default(true),
};

export const ProviderCreateSchema = z.object({ id: Id.optional(), ...providerFields }).strict();
export type ProviderCreate = z.infer<typeof ProviderCreateSchema>;

export const ProviderUpdateSchema = z.object({ version: z.string().min(1).optional(), ...providerFields }).strict();
export type ProviderUpdate = z.infer<typeof ProviderUpdateSchema>;

const unitFields = {
  providerId: Id,
  name: RequiredName(200),
  kind: z.enum(UNIT_KINDS),
  municipality: MunicipalityCode,
  address: Text(300).optional(),
  services: z.array(Service).min(1, 'At least one service'),
  languages: z.array(z.enum(['fi', 'sv'])).min(1).max(2).default(['fi']),
  places: z.number().int().min(0).max(10_000),
  occupied: z.number().int().min(0).max(10_000).default(0),
  contact: ContactInfoSchema.default({}),
  active: z.boolean().default(true),
};

export const UnitCreateSchema = z.object({ id: Id.optional(), ...unitFields }).strict();
export type UnitCreate = z.infer<typeof UnitCreateSchema>;

export const UnitUpdateSchema = z.object({ version: z.string().min(1).optional(), ...unitFields }).strict();
export type UnitUpdate = z.infer<typeof UnitUpdateSchema>;

export const ProviderIdParams = z.object({ providerId: Id });
export const UnitIdParams = z.object({ unitId: Id });

const boolQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const UnitQuerySchema = z
  .object({
    service: Service.optional(),
    municipality: MunicipalityCode.optional(),
    kind: z.enum(UNIT_KINDS).optional(),
    providerId: Id.optional(),
    /** Only units with a free place (vacancies > 0). */
    vacant: boolQuery.optional(),
    /** Include units no longer in use (default: active only). */
    includeInactive: boolQuery.optional(),
  })
  .strict();
export type UnitQuery = z.infer<typeof UnitQuerySchema>;

const ContactOut = z.object({ name: z.string().optional(), phone: z.string().optional(), email: z.string().optional() });

export const ProviderSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(PROVIDER_KINDS),
  businessId: z.string().optional(),
  contractStart: LocalDate.optional(),
  contractEnd: LocalDate.optional(),
  /** The contract is in force today (own production: always). */
  contractInForce: z.boolean(),
  contact: ContactOut,
  active: z.boolean(),
  updatedAt: z.string(),
  version: z.string(),
});
export type ProviderDto = z.infer<typeof ProviderSchema>;

export const UnitSchema = z.object({
  id: z.string(),
  providerId: z.string(),
  providerName: z.string(),
  providerKind: z.enum(PROVIDER_KINDS),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  municipality: z.string(),
  address: z.string().optional(),
  services: z.array(Service),
  languages: z.array(z.enum(['fi', 'sv'])),
  places: z.number(),
  occupied: z.number(),
  vacancies: z.number(),
  contact: ContactOut,
  active: z.boolean(),
  /** Active unit of an active provider whose contract is in force today. */
  available: z.boolean(),
  updatedAt: z.string(),
  version: z.string(),
});
export type UnitDto = z.infer<typeof UnitSchema>;

export const ProviderListSchema = z.object({ providers: z.array(ProviderSchema) });
export const UnitListSchema = z.object({ units: z.array(UnitSchema) });
export const ProviderWithUnitsSchema = z.object({ provider: ProviderSchema, units: z.array(UnitSchema) });
