import { accountCapability } from '../modules/account/capability.tsx';
import { agreementsCapability } from '../modules/agreements/capability.tsx';
import { auditCapability } from '../modules/audit/capability.tsx';
import { campaignsCapability } from '../modules/campaigns/capability.tsx';
import {
  caseStatisticsCapability,
  caseSupervisorsCapability,
  casesCapability,
} from '../modules/cases/capability.tsx';
import { caucusCapability } from '../modules/caucus/capability.tsx';
import { directoryCapability } from '../modules/directory/capability.tsx';
import { eventsCapability } from '../modules/events/capability.tsx';
import { homeCapability } from '../modules/home/capability.tsx';
import { internshipsCapability } from '../modules/internships/capability.tsx';
import { libraryCapability } from '../modules/library/capability.tsx';
import { outboxCapability } from '../modules/outbox/capability.tsx';
import { practicesCapability } from '../modules/practices/capability.tsx';
import { programmesCapability } from '../modules/programmes/capability.tsx';
import { recommendationsCapability } from '../modules/recommendations/capability.tsx';
import { statisticsCapability } from '../modules/statistics/capability.tsx';
import { trainingsCapability } from '../modules/trainings/capability.tsx';
import { usersCapability } from '../modules/users/capability.tsx';
import { vocabulariesCapability } from '../modules/vocabularies/capability.tsx';
import { yearbooksCapability } from '../modules/yearbooks/capability.tsx';
import type { Capability } from './capability.ts';

/**
 * Every area of the signed-in app, in navigation order. To add one (directory, knowledge,
 * legal aid …): create src/web/modules/<name>/capability.tsx exporting a `Capability`, and add it
 * here. The router and the navigation read this list; nothing else needs to change.
 */
export const capabilities: readonly Capability[] = [
  homeCapability,
  directoryCapability,
  practicesCapability,
  programmesCapability,
  eventsCapability,
  recommendationsCapability,
  trainingsCapability,
  libraryCapability,
  campaignsCapability,
  agreementsCapability,
  caucusCapability,
  internshipsCapability,
  casesCapability,
  caseStatisticsCapability,
  caseSupervisorsCapability,
  statisticsCapability,
  yearbooksCapability,
  usersCapability,
  vocabulariesCapability,
  auditCapability,
  outboxCapability,
  accountCapability,
];
