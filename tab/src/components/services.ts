/** The housing services (SHL 21–21 c §), in their legal order. */
export const SERVICES = ['TEMPORARY', 'SUPPORTED', 'COMMUNAL', 'ROUND_THE_CLOCK'] as const;
export type ServiceCode = (typeof SERVICES)[number];
