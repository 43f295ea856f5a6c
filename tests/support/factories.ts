/**
 * Test data factories: valid test-range henkilötunnus (900–999) and contact bodies.
 * Invented names only.
 */
const CHECK = '0123456789ABCDEFHJKLMNPRSTUVWXY';
const SIGNS: Record<number, string> = { 1800: '+', 1900: '-', 2000: 'A' };

let counter = 0;

/** A valid henkilötunnus in the test range, unique within the run. */
export function testHetu(opts: { birthDate?: string; individual?: number } = {}): string {
  const n = counter++;
  const birth = opts.birthDate ?? `19${String(50 + (n % 45)).padStart(2, '0')}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (Math.floor(n / 12) % 28)).padStart(2, '0')}`;
  const [y, m, d] = birth.split('-');
  const century = Math.floor(Number(y) / 100) * 100;
  const ind = opts.individual ?? 900 + (Math.floor(n / 336) % 100);
  const digits = `${d}${m}${y!.slice(2)}${String(ind).padStart(3, '0')}`;
  return `${d}${m}${y!.slice(2)}${SIGNS[century]}${String(ind).padStart(3, '0')}${CHECK[Number(digits) % 31]}`;
}

export const FIRST = ['Testi', 'Demo', 'Kuvitteellinen', 'Esimerkki', 'Malli', 'Keksitty'];
export const LAST = ['Henkilö', 'Asiakas', 'Koehenkilö', 'Mallinen', 'Esimerkkinen', 'Testinen'];

export function contactBody(overrides: Record<string, unknown> = {}, client: Record<string, unknown> = {}) {
  const n = counter++;
  return {
    channel: 'PHONE',
    receivedAt: '2026-11-23T08:30:00+02:00',
    municipality: '049',
    client: { hetu: testHetu(), firstName: FIRST[n % FIRST.length], lastName: LAST[n % LAST.length], ...client },
    language: 'fi',
    contactedBy: 'CLIENT',
    need: 'Tarvitsee tuettua asumista.',
    urgent: false,
    ...overrides,
  };
}

export const USERS = {
  worker: 'demo-worker-aino',
  workerSv: 'demo-worker-bjorn',
  worker2: 'demo-worker-kalle',
  chair: 'demo-chair-paula',
  lead: 'demo-lead-leena',
  coordinator: 'demo-coord-jonna',
  deputy: 'demo-coord-sami',
  secretary: 'demo-secretary-siiri',
  supervisor: 'demo-supervisor-eero',
  organiser: 'demo-organiser-jarmo',
  admin: 'demo-admin-pia',
} as const;
