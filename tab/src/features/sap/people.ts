/**
 * The staff a chair can name as meeting members: GET /api/staff (everyone who has signed in to
 * Polku, with the roles of their latest token), merged with the signed-in user and the members
 * of the meetings in the list. Someone who has never signed in is named by their directory id
 * (the form's "other person" choice); the server checks the id and the role either way.
 */
import { useQuery } from '@tanstack/react-query';
import type { StaffList } from '@contract/users';
import { api } from '../../api/client';
import { useMemo } from 'react';
import type { MeetingSummary } from '../../api/types';
import { useSession } from '../../shell/session';

export interface KnownPerson {
  id: string;
  name: string;
  /** Roles we know the person holds (may be incomplete). */
  roles: string[];
}

const MEETING_ROLE: Record<string, string | undefined> = { chair: 'Chair', leadSocialWorker: 'LeadSocialWorker' };

async function staff(signal: AbortSignal): Promise<KnownPerson[]> {
  return (await api.get<StaffList>('/api/staff', signal)).people;
}

/** Pure merge, exported for tests: the same id once, roles united, sorted by name. */
export function mergePeople(lists: KnownPerson[][]): KnownPerson[] {
  const byId = new Map<string, KnownPerson>();
  for (const p of lists.flat()) {
    const had = byId.get(p.id);
    byId.set(p.id, had ? { ...had, roles: [...new Set([...had.roles, ...p.roles])] } : { ...p, roles: [...p.roles] });
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function peopleFromMeetings(meetings: MeetingSummary[]): KnownPerson[] {
  return meetings.flatMap((m) => m.members.map((x) => ({ id: x.userId, name: x.name, roles: MEETING_ROLE[x.role] ? [MEETING_ROLE[x.role]!] : [] })));
}

export function useKnownPeople(meetings: MeetingSummary[]): { people: KnownPerson[]; loading: boolean } {
  const session = useSession();
  const directory = useQuery({ queryKey: ['staff'], queryFn: ({ signal }) => staff(signal), staleTime: 5 * 60_000, retry: false });
  const people = useMemo(
    () =>
      mergePeople([
        [{ id: session.user.id, name: session.user.name, roles: session.user.roles }],
        peopleFromMeetings(meetings),
        directory.data ?? [],
      ]),
    [session.user, meetings, directory.data],
  );
  return { people, loading: directory.isPending };
}
