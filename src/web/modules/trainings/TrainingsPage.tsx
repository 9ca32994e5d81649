import { Anchor, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink, Route, Routes } from 'react-router';
import { can, useMe } from '../../app/session.ts';
import { AlumniList } from './AlumniList.tsx';
import { CohortPage } from './CohortPage.tsx';
import { CourseDetail } from './CourseDetail.tsx';
import { CourseList, NewCourse } from './CourseList.tsx';
import { FollowUpList } from './FollowUpList.tsx';
import { ReachTotals } from './ReachTotals.tsx';

/** The trainings area's own links: courses, follow-up tasks, alumni, reach. */
function TrainingsNav() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const links: [string, string][] = [
    ['/trainings', t('Courses')],
    ['/trainings/follow-ups', t('Follow-ups')],
    ...(can(me?.abilities, 'training', 'graduates')
      ? ([['/trainings/alumni', t('Alumni')]] as [string, string][])
      : []),
    ['/trainings/reach', t('Reach')],
  ];
  return (
    <Group component="nav" aria-label={t('Trainings')} gap="md" mb="md" wrap="wrap">
      {links.map(([to, label]) => (
        <Anchor key={to} component={NavLink} to={to} end>
          {label}
        </Anchor>
      ))}
    </Group>
  );
}

/** Trainings for staff: courses and cohorts, completion and certificates, follow-ups, alumni, reach. */
export function TrainingsPage() {
  return (
    <>
      <TrainingsNav />
      <Routes>
        <Route index element={<CourseList />} />
        <Route path="new" element={<NewCourse />} />
        <Route path="follow-ups" element={<FollowUpList />} />
        <Route path="alumni" element={<AlumniList />} />
        <Route path="reach" element={<ReachTotals />} />
        <Route path="cohorts/:eventId" element={<CohortPage />} />
        <Route path=":id" element={<CourseDetail />} />
      </Routes>
    </>
  );
}
