/**
 * Demo staff for development sign-in and demo data. Invented names only.
 * Ids are stable so bookmarks and demo data survive restarts.
 */
import type { DevUser } from '../http/auth.js';

export const DEMO_USERS: DevUser[] = [
  { id: 'demo-worker-aino', name: 'Aino Asiakasohjaaja', roles: ['Worker'], locale: 'fi' },
  { id: 'demo-worker-bjorn', name: 'Björn Klienthandledare', roles: ['Worker'], locale: 'sv' },
  { id: 'demo-worker-kalle', name: 'Kalle Sosiaaliohjaaja', roles: ['Worker'], locale: 'fi' },
  { id: 'demo-chair-paula', name: 'Paula Puheenjohtaja', roles: ['Chair', 'Supervisor'], locale: 'fi' },
  { id: 'demo-lead-leena', name: 'Leena Johtava', roles: ['LeadSocialWorker'], locale: 'fi' },
  { id: 'demo-coord-jonna', name: 'Jonna Jonokoordinaattori', roles: ['QueueCoordinator'], locale: 'fi' },
  { id: 'demo-coord-sami', name: 'Sami Sijainen', roles: ['QueueCoordinator'], locale: 'fi' },
  { id: 'demo-secretary-siiri', name: 'Siiri Sihteeri', roles: ['Secretary'], locale: 'fi' },
  { id: 'demo-supervisor-eero', name: 'Eero Esihenkilö', roles: ['Supervisor'], locale: 'fi' },
  { id: 'demo-organiser-jarmo', name: 'Jarmo Järjestäjä', roles: ['Organiser'], locale: 'fi' },
  { id: 'demo-admin-pia', name: 'Pia Pääkäyttäjä', roles: ['Admin'], locale: 'fi' },
];
