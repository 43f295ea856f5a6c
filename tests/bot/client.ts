/** Posting activities to a test server's /api/messages. */
export async function postActivity(baseUrl: string, activity: unknown): Promise<{ status: number; body: any }> {
  const r = await fetch(`${baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  const text = await r.text();
  let body: any = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* not JSON */
  }
  return { status: r.status, body };
}

/** The card of an invoke answer (Action.Execute → 200 + application/vnd.microsoft.card.adaptive). */
export function cardOf(r: { status: number; body: any }): any {
  if (r.status !== 200 || r.body?.statusCode !== 200 || r.body?.type !== 'application/vnd.microsoft.card.adaptive') {
    throw new Error(`not a card answer: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
  }
  return r.body.value;
}

/** All text of a card (TextBlocks, choice titles, action titles), for assertions. */
export function cardText(card: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      for (const k of ['text', 'title', 'label']) if (typeof o[k] === 'string') out.push(o[k] as string);
      for (const [k, x] of Object.entries(o)) if (k !== 'refresh' && typeof x === 'object') walk(x);
    }
  };
  walk(card);
  return out.join('\n');
}

/** Finds an Action.Execute in a card by predicate. */
export function findAction(card: unknown, pred: (a: any) => boolean): any {
  let found: any;
  const walk = (v: unknown) => {
    if (found) return;
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as any;
      if (o.type === 'Action.Execute' && pred(o)) found = o;
      else Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return found;
}
