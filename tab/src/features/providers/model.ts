/**
 * The admin's provider and unit forms: what the form holds (strings, as typed) and the request
 * body the contract asks for (trimmed; empty optional fields left out). Pure: no React, no I/O.
 */
import type { z } from 'zod';
// A relative path (not '@contract'), so the unit tests type-check this file as it is.
import type { ProviderCreateSchema, ProviderDto, UnitCreateSchema, UnitDto } from '../../../../bot/src/contract/providers.js';

type ProviderBody = z.input<typeof ProviderCreateSchema>;
type UnitBody = z.input<typeof UnitCreateSchema>;

export const PROVIDER_KINDS = ['ownProduction', 'purchased'] as const;
export const UNIT_KINDS = ['unit', 'homeSupportTeam'] as const;
export const UNIT_LANGUAGES = ['fi', 'sv'] as const;

export interface ContactForm {
  contactName: string;
  contactPhone: string;
  contactEmail: string;
}

export interface ProviderForm extends ContactForm {
  name: string;
  kind: (typeof PROVIDER_KINDS)[number];
  businessId: string;
  contractStart: string;
  contractEnd: string;
  active: boolean;
}

export interface UnitForm extends ContactForm {
  providerId: string;
  name: string;
  kind: (typeof UNIT_KINDS)[number];
  municipality: string;
  address: string;
  services: string[];
  languages: Array<(typeof UNIT_LANGUAGES)[number]>;
  places: string;
  occupied: string;
  active: boolean;
}

type ContactOut = { name?: string; phone?: string; email?: string };

const contactForm = (c: ContactOut | undefined): ContactForm => ({ contactName: c?.name ?? '', contactPhone: c?.phone ?? '', contactEmail: c?.email ?? '' });

/** Only the filled-in parts: an empty e-mail would not be an e-mail address. */
function contactBody(f: ContactForm): ContactOut {
  const out: ContactOut = {};
  if (f.contactName.trim()) out.name = f.contactName.trim();
  if (f.contactPhone.trim()) out.phone = f.contactPhone.trim();
  if (f.contactEmail.trim()) out.email = f.contactEmail.trim();
  return out;
}

const optional = (v: string): string | undefined => (v.trim() ? v.trim() : undefined);

export function providerForm(p?: ProviderDto): ProviderForm {
  return {
    name: p?.name ?? '',
    kind: p?.kind ?? 'purchased',
    businessId: p?.businessId ?? '',
    contractStart: p?.contractStart ?? '',
    contractEnd: p?.contractEnd ?? '',
    active: p?.active ?? true,
    ...contactForm(p?.contact),
  };
}

export function providerBody(f: ProviderForm): ProviderBody {
  return {
    name: f.name.trim(),
    kind: f.kind,
    businessId: optional(f.businessId),
    contractStart: optional(f.contractStart),
    contractEnd: optional(f.contractEnd),
    contact: contactBody(f),
    active: f.active,
  };
}

export function unitForm(u?: UnitDto, providerId = ''): UnitForm {
  return {
    providerId: u?.providerId ?? providerId,
    name: u?.name ?? '',
    kind: u?.kind ?? 'unit',
    municipality: u?.municipality ?? '',
    address: u?.address ?? '',
    services: u?.services ?? [],
    languages: u?.languages ?? ['fi'],
    places: u ? String(u.places) : '',
    occupied: u ? String(u.occupied) : '0',
    active: u?.active ?? true,
    ...contactForm(u?.contact),
  };
}

/** A count as typed: a whole number, or NaN (the server then names the field). */
export const count = (v: string): number => (/^\s*\d+\s*$/.test(v) ? Number(v) : Number.NaN);

export function unitBody(f: UnitForm): UnitBody {
  const places = count(f.places);
  const occupied = count(f.occupied || '0');
  return {
    providerId: f.providerId,
    name: f.name.trim(),
    kind: f.kind,
    municipality: f.municipality,
    address: optional(f.address),
    services: f.services as UnitBody['services'],
    languages: f.languages,
    // NaN would travel as null; the server answers with a field error either way.
    places: Number.isNaN(places) ? -1 : places,
    occupied: Number.isNaN(occupied) ? -1 : occupied,
    contact: contactBody(f),
    active: f.active,
  };
}

/** The form's field a server error path names: 'body.contact.email' → 'contactEmail', 'body.services.1' → 'services'. */
export function formFieldOf(serverField: string): string {
  const parts = serverField.replace(/^body\./, '').split('.');
  if (parts[0] === 'contact' && parts[1]) return `contact${parts[1][0]!.toUpperCase()}${parts[1].slice(1)}`;
  return parts[0] ?? '';
}
