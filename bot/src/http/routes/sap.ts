import { IdempotencyHeadersSchema } from '../../contract/common.js';
import {
  AgendaSchema,
  BookingCancelSchema,
  BookingCreateSchema,
  BookingMoveSchema,
  BookingParams,
  BookingResultSchema,
  FreeStartsQuery,
  FreeStartsSchema,
  MeetingCreateSchema,
  MeetingCriteriaSchema,
  MeetingIdParams,
  MeetingListQuery,
  MeetingListSchema,
  MeetingSummarySchema,
  MinutesSchema,
  MyBookingsSchema,
  OutcomeCreateSchema,
  OutcomeResultSchema,
} from '../../contract/sap.js';
import { bookSlot } from '../../services/sap/book-slot.js';
import { cancelBooking } from '../../services/sap/cancel-booking.js';
import { createMeeting } from '../../services/sap/create-meeting.js';
import { listFreeStarts } from '../../services/sap/free-starts.js';
import { getAgenda } from '../../services/sap/get-agenda.js';
import { getMinutes } from '../../services/sap/get-minutes.js';
import { listMeetings } from '../../services/sap/list-meetings.js';
import { meetingCriteria } from '../../services/sap/meeting-criteria.js';
import { moveBooking } from '../../services/sap/move-booking.js';
import { myBookings } from '../../services/sap/my-bookings.js';
import { recordOutcome } from '../../services/sap/record-outcome.js';
import { route } from '../route.js';

/** Everyone who takes part in SAP work; client data inside still needs a relation to the case. */
const SAP_PEOPLE = ['Worker', 'Chair', 'LeadSocialWorker', 'Secretary', 'Supervisor'] as const;
const meeting = '/api/sap/meetings/:meetingId';

export const sapRoutes = [
  route({
    method: 'post',
    path: '/api/sap/meetings',
    summary: 'Create a SAP meeting: start, length, chair, lead social worker, invited',
    tag: 'sap',
    roles: ['Chair', 'Supervisor'],
    body: MeetingCreateSchema,
    response: MeetingSummarySchema.omit({ totals: true, expectedEndsAt: true }),
    headers: IdempotencyHeadersSchema,
    idempotent: true,
    handler: async ({ deps, user, body }) => ({ status: 201, body: await createMeeting(deps, user, body) }),
  }),
  route({
    method: 'get',
    path: '/api/sap/meetings',
    summary: 'Upcoming SAP meetings with booked and free minutes (from a date, default today; days ahead)',
    tag: 'sap',
    roles: SAP_PEOPLE,
    query: MeetingListQuery,
    response: MeetingListSchema,
    handler: async ({ deps, user, query }) => ({ body: await listMeetings(deps, user, query) }),
  }),
  route({
    method: 'get',
    path: `${meeting}/agenda`,
    summary: 'The agenda: bookings in time order with case ref, worker, times, overrun; client names only with a relation',
    tag: 'sap',
    roles: SAP_PEOPLE,
    clientData: true,
    params: MeetingIdParams,
    response: AgendaSchema,
    handler: async ({ deps, user, params }) => ({ body: await getAgenda(deps, user, params.meetingId) }),
  }),
  route({
    method: 'get',
    path: `${meeting}/free-starts`,
    summary: 'Free starts for a booking of 10, 20 or 30 minutes (overrunning ones flagged)',
    tag: 'sap',
    roles: SAP_PEOPLE,
    params: MeetingIdParams,
    query: FreeStartsQuery,
    response: FreeStartsSchema,
    handler: async ({ deps, params, query }) => ({ body: await listFreeStarts(deps, params.meetingId, query.length) }),
  }),
  route({
    method: 'get',
    path: `${meeting}/criteria`,
    summary: 'The criteria in force on the meeting day, per service (what outcomes may cite)',
    tag: 'sap',
    roles: SAP_PEOPLE,
    params: MeetingIdParams,
    response: MeetingCriteriaSchema,
    handler: async ({ deps, params }) => ({ body: await meetingCriteria(deps, params.meetingId) }),
  }),
  route({
    method: 'post',
    path: `${meeting}/bookings`,
    summary: "Book a slot for one's own case (ASSESSMENT → SAP); taken → 409 slot.taken with nextFree",
    tag: 'sap',
    roles: ['Worker'],
    clientData: true,
    params: MeetingIdParams,
    body: BookingCreateSchema,
    response: BookingResultSchema,
    headers: IdempotencyHeadersSchema,
    idempotent: true,
    handler: async ({ deps, user, params, body }) => ({ status: 201, body: await bookSlot(deps, user, { ...body, meetingId: params.meetingId }) }),
  }),
  route({
    method: 'post',
    path: `${meeting}/bookings/:bookingId/move`,
    summary: "Move one's own booking inside the meeting or to another meeting",
    tag: 'sap',
    roles: ['Worker'],
    clientData: true,
    params: BookingParams,
    body: BookingMoveSchema,
    response: BookingResultSchema,
    handler: async ({ deps, user, params, body }) => ({ body: await moveBooking(deps, user, params.meetingId, params.bookingId, body) }),
  }),
  route({
    method: 'delete',
    path: `${meeting}/bookings/:bookingId`,
    summary: "Cancel one's own booking (SAP → ASSESSMENT)",
    tag: 'sap',
    roles: ['Worker'],
    clientData: true,
    params: BookingParams,
    body: BookingCancelSchema,
    response: BookingResultSchema,
    handler: async ({ deps, user, params, body }) => ({ body: await cancelBooking(deps, user, params.meetingId, params.bookingId, body?.note) }),
  }),
  route({
    method: 'put',
    path: `${meeting}/bookings/:bookingId/outcome`,
    summary: "Record the group's outcome: service + unit + rationale + criteria in force, or moreInfo (→ ASSESSMENT)",
    tag: 'sap',
    roles: ['Chair'],
    clientData: true,
    params: BookingParams,
    body: OutcomeCreateSchema,
    response: OutcomeResultSchema,
    handler: async ({ deps, user, params, body }) => ({ status: 201, body: await recordOutcome(deps, user, params.meetingId, params.bookingId, body) }),
  }),
  route({
    method: 'get',
    path: `${meeting}/minutes`,
    summary: 'The minutes, structured from the outcomes; rationale only with a relation to the case',
    tag: 'sap',
    roles: SAP_PEOPLE,
    clientData: true,
    params: MeetingIdParams,
    response: MinutesSchema,
    handler: async ({ deps, user, params }) => ({ body: await getMinutes(deps, user, params.meetingId) }),
  }),
  route({
    method: 'get',
    path: '/api/my/sap-bookings',
    summary: "The signed-in worker's bookings waiting for their meeting, soonest first",
    tag: 'sap',
    roles: ['Worker'],
    clientData: true,
    response: MyBookingsSchema,
    handler: async ({ deps, user }) => ({ body: await myBookings(deps, user) }),
  }),
];
