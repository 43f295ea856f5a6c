/**
 * One-off, read-only: cases whose vireilletulo was recorded later than their first contact
 * (HL 20 §: a matter is pending when the request reaches the county; missing information does
 * not move it). For the supervisor to review; nothing is changed.
 *
 *   npm run report:late-pending            # a table for reading
 *   npm run report:late-pending -- --json  # one JSON document, for a spreadsheet or a ticket
 *
 * Prints case references, municipality codes, states, worker ids and dates — never a name or a
 * henkilötunnus. A forwarded request (HL 21 §, recorded at intake) is not a finding and is left
 * out. See docs/OPERATIONS.md "Vireilletulo later than the first contact".
 */
import { loadCounty } from '../bot/src/county.js';
import { ConfigSchema } from '../bot/src/config.js';
import { createWorkingCalendar } from '../bot/src/domain/calendar/index.js';
import type { CaseRecord } from '../bot/src/domain/cases/model.js';
import { latePendingRows, type LatePendingRow } from '../bot/src/domain/deadlines/index.js';
import { CaseRepository } from '../bot/src/storage/case-repository.js';
import type { TableStore } from '../bot/src/storage/table-store.js';
import { argsOf, isMain, openStorage } from './storage-cli.js';

export async function latePendingReport(store: TableStore, now: Date, countyFile?: string): Promise<{ checked: number; rows: LatePendingRow[] }> {
  const county = loadCounty(countyFile);
  const cases = new CaseRepository(store); // no projections: this script writes nothing
  const summaries = await cases.listAll();
  const records: CaseRecord[] = [];
  for (let i = 0; i < summaries.length; i += 16) {
    const batch = await Promise.all(summaries.slice(i, i + 16).map((s) => cases.get(s.id)));
    for (const c of batch) if (c) records.push(c.value);
  }
  const rows = latePendingRows(records, now.toISOString(), createWorkingCalendar({ closedDays: county.closedDays }), county.deadlines);
  return { checked: records.length, rows };
}

const d = (s: string) => (s ? s.split('-').reverse().map(Number).join('.') : '–');

async function main() {
  const args = argsOf(process.argv.slice(2));
  const s = await openStorage();
  try {
    const config = ConfigSchema.parse(process.env);
    const { checked, rows } = await latePendingReport(s.store, new Date(), config.COUNTY_CONFIG);
    if (args.json) {
      console.log(JSON.stringify({ generatedAt: new Date().toISOString(), tables: `${s.prefix}*`, checked, cases: rows }, null, 2));
      return;
    }
    console.log(`Cases in tables "${s.prefix}*" on ${s.where}: ${checked} checked, ${rows.length} with vireilletulo later than the first contact.`);
    for (const r of rows) {
      console.log(
        `${r.ref}  ${r.state.padEnd(10)} municipality ${r.municipality}  worker ${r.workerId ?? '–'}  contact ${d(r.receivedOn)}  recorded vireilletulo ${d(r.recordedPendingOn)} (+${r.daysLater} d)${r.hiddenBreach ? '  HIDDEN BREACH' : ''}`,
      );
      for (const k of r.clocks)
        console.log(`    ${k.id.padEnd(18)} as recorded: due ${d(k.recorded.dueDate)} ${k.recorded.state.padEnd(7)}  from the contact: due ${d(k.fromContact.dueDate)} ${k.fromContact.state}`);
    }
  } finally {
    await s.close();
  }
}

if (isMain(import.meta.url)) {
  main().catch((err) => {
    console.error(`Report failed: ${(err as Error).message}`);
    process.exit(2);
  });
}
