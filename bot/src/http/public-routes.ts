/** Routes outside the bearer-token API: health and (development only) the sign-in picker. */
import type express from 'express';
import { z } from 'zod';
import type { Config } from '../config.js';
import type { Deps } from '../services/deps.js';
import type { Authenticator, DevUser } from './auth.js';
import { DomainError } from '../domain/errors.js';

export function mountPublicRoutes(
  app: express.Express,
  p: { config: Config; deps: Deps; auth: Authenticator; demoUsers: DevUser[] },
): void {
  app.get('/api/health', async (_req, res) => {
    const storage = (await p.deps.store.ping()) ? 'up' : 'down';
    res.status(storage === 'up' ? 200 : 503);
    if (storage === 'down') res.setHeader('Retry-After', '5');
    res.json({ status: storage === 'up' ? 'ok' : 'degraded', storage, storageMode: p.config.storageMode, devSignIn: p.config.DEV_SIGN_IN, time: p.deps.clock.now().toISOString() });
  });

  if (!p.config.DEV_SIGN_IN) return;
  const issue = p.auth.issueDevToken!;
  app.get('/api/dev/users', (_req, res) => {
    res.json({ devSignIn: true, users: p.demoUsers });
  });
  app.post('/api/dev/token', async (req, res, next) => {
    try {
      const body = z.object({ userId: z.string().max(64) }).strict().safeParse(req.body ?? {});
      if (!body.success) throw body.error;
      const u = p.demoUsers.find((x) => x.id === body.data.userId);
      if (!u) throw new DomainError('validation', 'Unknown demo user', { field: 'body.userId' });
      res.json({ token: await issue(u), user: u, devSignIn: true });
    } catch (err) {
      next(err);
    }
  });
}
