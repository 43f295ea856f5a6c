/** Every API path the tab calls, in one place (the server's route table is the source). */
import { qs } from './client';

const e = encodeURIComponent;
const c = (id: string) => `/api/cases/${e(id)}`;
const m = (id: string) => `/api/sap/meetings/${e(id)}`;
const d = (caseId: string, decisionId: string) => `${c(caseId)}/decisions/${e(decisionId)}`;

export const paths = {
  me: '/api/me',
  county: '/api/county',
  myCases: '/api/my/cases',
  myBookings: '/api/my/sap-bookings',
  myNotices: (status: 'all' | 'unacknowledged' = 'all') => `/api/my/notices${qs({ status })}`,
  contacts: '/api/contacts',
  contactLookup: '/api/contacts/lookup',
  case: c,
  assessment: (id: string) => `${c(id)}/assessment`,
  assessmentStart: (id: string) => `${c(id)}/assessment/start`,
  assessmentFinish: (id: string) => `${c(id)}/assessment/finish`,
  assessmentDelivery: (id: string) => `${c(id)}/assessment/delivery`,
  clientDelays: (id: string) => `${c(id)}/assessment/delays`,
  clientDelaysClose: (id: string) => `${c(id)}/assessment/delays/close`,
  // SAP
  meetings: (from?: string, days?: number) => `/api/sap/meetings${qs({ from, days })}`,
  agenda: (id: string) => `${m(id)}/agenda`,
  freeStarts: (id: string, length: number) => `${m(id)}/free-starts${qs({ length })}`,
  meetingCriteria: (id: string) => `${m(id)}/criteria`,
  bookings: (id: string) => `${m(id)}/bookings`,
  booking: (id: string, bookingId: string) => `${m(id)}/bookings/${e(bookingId)}`,
  bookingMove: (id: string, bookingId: string) => `${m(id)}/bookings/${e(bookingId)}/move`,
  outcome: (id: string, bookingId: string) => `${m(id)}/bookings/${e(bookingId)}/outcome`,
  minutes: (id: string) => `${m(id)}/minutes`,
  // Decisions
  decisions: (caseId: string) => `${c(caseId)}/decisions`,
  decision: d,
  decisionPreview: (caseId: string, decisionId: string, lang?: string) => `${d(caseId, decisionId)}/preview${qs({ lang })}`,
  decisionPdf: (caseId: string, decisionId: string) => `${d(caseId, decisionId)}/pdf`,
  decisionSign: (caseId: string, decisionId: string) => `${d(caseId, decisionId)}/sign`,
  decisionCorrection: (caseId: string, decisionId: string) => `${d(caseId, decisionId)}/corrections`,
  decisionMailed: (caseId: string, decisionId: string) => `${d(caseId, decisionId)}/mailed`,
  decisionNotified: (caseId: string, decisionId: string) => `${d(caseId, decisionId)}/notified`,
  toMail: '/api/decisions/to-mail',
  toSign: '/api/decisions/to-sign',
  decisionSubmit: (caseId: string, decisionId: string) => `${d(caseId, decisionId)}/submit`,
  decisionReturned: (caseId: string, decisionId: string) => `${d(caseId, decisionId)}/returned`,
  postalAddress: (caseId: string) => `${c(caseId)}/postal-address`,
  criteria: (on?: string, service?: string) => `/api/criteria${qs({ on, service })}`,
  // Queues and placement
  queues: '/api/queues',
  queue: (service: string, unitId?: string | null) => `/api/queues/${e(service)}${qs({ unitId: unitId ?? undefined, limit: 500 })}`,
  caseQueue: (id: string) => `${c(id)}/queue`,
  queueOffer: (id: string) => `${c(id)}/queue/offer`,
  queueAnswer: (id: string) => `${c(id)}/queue/answer`,
  queueExpire: (id: string) => `${c(id)}/queue/expire`,
  queueLeave: (id: string) => `${c(id)}/queue/leave`,
  queueMove: (id: string) => `${c(id)}/queue/move`,
  placement: (id: string) => `${c(id)}/placement`,
  placementEnd: (id: string) => `${c(id)}/placement/end`,
  // Providers
  providers: '/api/providers',
  units: (q: { service?: string; municipality?: string; vacant?: boolean; providerId?: string } = {}) =>
    `/api/units${qs({ ...q, vacant: q.vacant === undefined ? undefined : String(q.vacant) })}`,
  // Plans, follow-ups, closing
  plan: (id: string) => `${c(id)}/plan`,
  followUps: (id: string) => `${c(id)}/followups`,
  needChanged: (id: string) => `${c(id)}/need-changed`,
  close: (id: string) => `${c(id)}/close`,
  // Notices
  notices: (include?: 'inForce' | 'all') => `/api/notices${qs({ include })}`,
  notice: (id: string) => `/api/notices/${e(id)}`,
  noticeAcks: (id: string) => `/api/notices/${e(id)}/acknowledgements`,
  noticeAck: (id: string) => `/api/notices/${e(id)}/acknowledge`,
  // Audit (admin)
  auditDay: (day: string, userId?: string) => `/api/audit${qs({ day, userId })}`,
  auditClientLookup: '/api/audit/clients/lookup',
  securityEvents: (day: string) => `/api/audit/security-events${qs({ day })}`,
  auditClient: (clientId: string) => `/api/audit/clients/${e(clientId)}`,
  auditVerify: (clientId: string) => `/api/audit/clients/${e(clientId)}/verify`,
};
