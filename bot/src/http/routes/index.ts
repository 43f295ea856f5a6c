/** Every API route, in one list: Express, OpenAPI and the authorisation matrix test read it. */
import type { RouteDef } from '../route.js';
import { calendarRoutes, caseRoutes } from './cases.js';
import { intakeRoutes } from './intake.js';

export const allRoutes: RouteDef[] = [...intakeRoutes, ...caseRoutes, ...calendarRoutes];
