/** Every API route, in one list: Express, OpenAPI and the authorisation matrix test read it. */
import type { RouteDef } from '../route.js';
import { calendarRoutes, caseRoutes } from './cases.js';
import { intakeRoutes } from './intake.js';
import { queueRoutes } from './queue.js';
import { providerRoutes } from './providers.js';
import { planRoutes } from './plans.js';
import { assessmentRoutes } from './assessment.js';
import { sapRoutes } from './sap.js';
import { noticeRoutes } from './notices.js';
import { userRoutes } from './users.js';
import { auditRoutes } from './audit.js';
import { countyRoutes } from './county.js';
import { reportRoutes } from './reports.js';
import { decisionRoutes } from './decisions.js';
import { criteriaRoutes } from './criteria.js';
import { securityRoutes } from './security.js';

export const allRoutes: RouteDef[] = [...intakeRoutes, ...caseRoutes, ...assessmentRoutes, ...sapRoutes, ...calendarRoutes, ...countyRoutes, ...noticeRoutes, ...userRoutes, ...auditRoutes, ...reportRoutes, ...decisionRoutes, ...criteriaRoutes, ...queueRoutes, ...providerRoutes, ...planRoutes, ...securityRoutes];
