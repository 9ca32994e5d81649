export interface Course {
  id: string;
  title: string;
  sourceTitle: string;
  titles: Record<string, string>;
  description: string;
  organisationId: string;
  programmeId: string | null;
  issuer: string;
  followUpMonths: number[];
  version: number;
  abilities: Record<string, boolean>;
}

export interface CourseDetail extends Course {
  cohorts: {
    eventId: string;
    label: string | null;
    title: string;
    startsLocal: string;
    endsLocal: string;
    city: string | null;
    countryName: string | null;
  }[];
}

export interface Completion {
  state: 'completed' | 'not_completed';
  completedOn: string;
  sex: Sex;
  countryCode: string | null;
  organisationName: string | null;
  language: string;
  certificateNumber: string | null;
  certificateIssuedOn: string | null;
  version: number;
}

export type Sex = 'female' | 'male' | 'other' | 'not_stated';

export interface Cohort {
  eventId: string;
  courseId: string;
  courseTitle: string;
  label: string | null;
  title: string;
  startsLocal: string;
  endsLocal: string;
  followUpMonths: number[];
  participants: {
    id: string;
    name: string;
    status: string;
    organisationName: string | null;
    completion: Completion | null;
    followUps: { id: string; monthsAfter: number; dueOn: string; closed: boolean }[];
  }[];
}

export interface FollowUp {
  id: string;
  participantName: string;
  eventId: string;
  eventTitle: string;
  courseTitle: string;
  monthsAfter: number;
  dueOn: string;
  overdue: boolean;
  assigneeId: string | null;
  assigneeName: string | null;
  outcomeLabels: string[];
  note: string;
  closedAt: string | null;
  version: number;
  abilities: Record<string, boolean>;
}

export interface Alumnus {
  participantId: string;
  name: string;
  sex: Sex;
  countryName: string | null;
  organisationName: string | null;
  year: number;
  courseTitle: string;
  eventId: string;
  eventTitle: string;
  certificateNumber: string | null;
}

export interface Reach {
  byYear: { year: number; value: number }[];
  byCountry: { countryCode: string | null; countryName: string | null; value: number }[];
  bySex: { sex: Sex; value: number }[];
  total: number;
}

export interface TrainingOptions {
  events: { id: string; title: string; startsLocal: string }[];
  assignees: { id: string; name: string }[];
}
