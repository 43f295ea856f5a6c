/** Chat commands in Finnish, Swedish and English. Pure. */
export type Command = 'help' | 'book' | 'myBookings' | 'reminders';

const WORDS: Record<Command, string[]> = {
  help: ['ohje', 'apua', 'help', 'hjälp', 'hjalp', '?', 'info'],
  book: ['varaa', 'varaus', 'varaa aika', 'boka', 'boka tid', 'book', 'book a slot'],
  myBookings: ['omat varaukset', 'varaukset', 'mina bokningar', 'bokningar', 'my bookings', 'bookings'],
  reminders: ['muistutukset', 'påminnelser', 'paminnelser', 'reminders', 'asetukset', 'inställningar', 'settings'],
};

/** Normalises a message (mentions already removed): lower case, single spaces, no trailing punctuation. */
export function normalise(text: string | undefined): string {
  return (text ?? '')
    .replace(/<[^>]*>/g, ' ')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .replace(/[.!,;:]+$/, '')
    .trim();
}

export function parseCommand(text: string | undefined): Command | null {
  const n = normalise(text);
  if (!n) return null;
  for (const [cmd, words] of Object.entries(WORDS) as Array<[Command, string[]]>) if (words.includes(n)) return cmd;
  return null;
}
