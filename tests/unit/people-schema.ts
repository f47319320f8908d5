// The shape of the people gazetteer (graph-data/gazetteer/people/*.json) and the day arithmetic its
// data tests share; a helper for people-data and people-others-data, not a test file.
import { z } from 'zod';
import { ActorId, IsoDate } from '../../server/model/index.ts';

export const OFFICES = [
  'head-of-state',
  'head-of-government',
  'supreme-leader',
  'foreign-minister',
  'defence-minister',
  'secretary-general',
  'president',
  'chair',
] as const;
export type Office = (typeof OFFICES)[number];

/**
 * Role and Person schemas; `acting` is the only field the files check differently (the others
 * file writes it only as `true`), so each test passes its own.
 */
export function peopleSchemas<Acting extends z.ZodType>(acting: Acting) {
  const Role = z.strictObject({
    title: z.string().min(1),
    office: z.enum(OFFICES).nullable(),
    of: ActorId,
    from: IsoDate,
    to: IsoDate.nullable(),
    acting: acting.optional(),
  });
  const Person = z.strictObject({
    id: ActorId,
    name: z.string().min(1),
    aliases: z.array(z.string().min(1)),
    surname: z.string().min(1),
    country: ActorId,
    roles: z.array(Role).min(1),
  });
  return { Role, Person };
}

/** Days since the epoch of the first day an ISO date (day, month or year) names. */
export function dayNumber(date: string): number {
  const [y, m = '01', d = '01'] = date.split('-');
  return Date.UTC(Number(y), Number(m) - 1, Number(d)) / 86_400_000;
}
