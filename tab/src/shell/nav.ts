/** The views in the navigation, with the roles that use them (the server still decides). */
import type { FluentIcon } from '@fluentui/react-icons';
import {
  BuildingMultipleRegular,
  DataBarVerticalRegular,
  CalendarLtrRegular,
  DocumentBulletListRegular,
  DocumentTextRegular,
  HomeRegular,
  MegaphoneRegular,
  PeopleQueueRegular,
  PersonAddRegular,
  ShieldKeyholeRegular,
} from '@fluentui/react-icons';

export interface NavEntry {
  key: string;
  path: string;
  roles: string[] | 'any';
  icon: FluentIcon;
}

export const NAV: NavEntry[] = [
  { key: 'myWork', path: '/my-work', roles: ['Worker'], icon: HomeRegular },
  { key: 'intake', path: '/intake', roles: ['Worker'], icon: PersonAddRegular },
  { key: 'sap', path: '/sap', roles: ['Worker', 'Chair', 'LeadSocialWorker', 'Secretary'], icon: CalendarLtrRegular },
  { key: 'decisions', path: '/decisions', roles: ['Worker', 'LeadSocialWorker', 'Secretary'], icon: DocumentTextRegular },
  { key: 'queues', path: '/queues', roles: ['QueueCoordinator', 'Worker'], icon: PeopleQueueRegular },
  { key: 'providers', path: '/providers', roles: 'any', icon: BuildingMultipleRegular },
  { key: 'criteria', path: '/criteria', roles: 'any', icon: DocumentBulletListRegular },
  { key: 'notices', path: '/notices', roles: 'any', icon: MegaphoneRegular },
  { key: 'reports', path: '/reports', roles: ['Organiser', 'Supervisor'], icon: DataBarVerticalRegular },
  { key: 'audit', path: '/audit', roles: ['Admin'], icon: ShieldKeyholeRegular },
];

export const navFor = (hasRole: (...r: string[]) => boolean): NavEntry[] =>
  NAV.filter((n) => n.roles === 'any' || hasRole(...n.roles));

/** The nav entry a path belongs to (a case page belongs to My work). */
export const navKeyOf = (pathname: string): string | undefined => {
  if (pathname.startsWith('/cases/')) return 'myWork';
  return NAV.find((n) => pathname === n.path || pathname.startsWith(`${n.path}/`))?.key;
};
