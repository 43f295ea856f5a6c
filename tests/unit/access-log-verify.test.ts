/**
 * The access log's chain check (audit/verify.ts checkChain) on records built in memory: what a
 * storage writer without the key can and cannot do to a chain, record by record.
 */
import { describe, expect, it } from 'vitest';
import type { StoredRecord } from '../../bot/src/audit/access-log.js';
import { anchorSig, type Anchor } from '../../bot/src/audit/anchors.js';
import type { AccessEntry } from '../../bot/src/audit/entry.js';
import { keyRing, recordMac } from '../../bot/src/audit/keys.js';
import { checkChain } from '../../bot/src/audit/verify.js';

const KEY = { id: 'k1', secret: 'unit-test-key-unit-test-key-unit-test' };
const ring = keyRing(KEY);
const CHAIN = '2026-11-23-abcd1234';
const entry = (n: number): AccessEntry => ({ at: `2026-11-23T08:00:0${n}.000Z`, actor: { userId: 'w1', name: 'Testi' }, clientId: `c${n}`, action: 'read', what: 'case', relation: 'assignedWorker' });

function chain(n: number, secret = KEY.secret, kid = KEY.id): StoredRecord[] {
  const out: StoredRecord[] = [];
  let prevMac = '';
  for (let seq = 1; seq <= n; seq++) {
    const body = { chain: CHAIN, seq, prevMac, kid, entries: [entry(seq)] };
    out.push({ ...body, mac: recordMac(secret, body) });
    prevMac = out.at(-1)!.mac;
  }
  return out;
}
const headOf = (rs: StoredRecord[]) => ({ seq: rs.at(-1)!.seq, mac: rs.at(-1)!.mac });
const anchorOf = (rs: StoredRecord[]): Anchor => {
  const body = { at: '2026-11-23T20:00:00.000Z', kid: KEY.id, heads: { [CHAIN]: [rs.at(-1)!.seq, rs.at(-1)!.mac] as [number, string] } };
  return { ...body, sig: anchorSig(KEY.secret, body) };
};

describe('checkChain', () => {
  it('passes a whole chain made with the key', () => {
    const rs = chain(4);
    expect(checkChain(CHAIN, rs, headOf(rs), ring, [anchorOf(rs)])).toEqual([]);
  });

  it('names an altered record', () => {
    const rs = chain(4);
    rs[1] = { ...rs[1]!, entries: [{ ...rs[1]!.entries[0]!, what: 'nothing' }] };
    expect(checkChain(CHAIN, rs, headOf(rs), ring, [])).toEqual([{ chain: CHAIN, seq: 2, problem: expect.stringContaining('MAC does not verify') }]);
  });

  it('names the gap where a record was removed, and a re-linked chain made without the key', () => {
    const rs = chain(4);
    expect(checkChain(CHAIN, [rs[0]!, rs[2]!, rs[3]!], headOf(rs), ring, [])).toEqual([{ chain: CHAIN, seq: 2, problem: expect.stringContaining('missing') }]);
    const forged = chain(3, 'a-key-the-attacker-made-up-for-this');
    expect(checkChain(CHAIN, forged, headOf(forged), ring, [])).toEqual([{ chain: CHAIN, seq: 1, problem: expect.stringContaining('MAC does not verify') }]);
  });

  it('names a cut tail against the anchor even when the head was moved back', () => {
    const rs = chain(5);
    const anchor = anchorOf(rs);
    const cut = rs.slice(0, 3);
    expect(checkChain(CHAIN, cut, headOf(cut), ring, [])).toEqual([]); // without an anchor it cannot be told
    expect(checkChain(CHAIN, cut, headOf(cut), ring, [anchor])).toEqual([{ chain: CHAIN, seq: 5, problem: expect.stringContaining('truncated') }]);
    expect(checkChain(CHAIN, rs, { seq: 3, mac: rs[2]!.mac }, ring, [])).toEqual([{ chain: CHAIN, seq: 5, problem: 'head row disagrees with the last record' }]);
  });

  it('verifies records of a previous key, and names a key it does not hold', () => {
    const old = chain(2, 'old-key-old-key-old-key-old-key-old-key', 'k0');
    expect(checkChain(CHAIN, old, headOf(old), keyRing(KEY, { k0: 'old-key-old-key-old-key-old-key-old-key' }), [])).toEqual([]);
    expect(checkChain(CHAIN, old, headOf(old), ring, [])).toEqual([{ chain: CHAIN, seq: 1, problem: 'record made with an unknown key "k0"' }]);
  });
});
