import { useTranslation } from 'react-i18next';
import { Route, Routes, useNavigate } from 'react-router';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { EventDetail } from './EventDetail.tsx';
import { EventForm } from './EventForm.tsx';
import { EventList } from './EventList.tsx';

function NewEvent() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t('New event')} lead={t('Times are entered in the event’s own time zone.')} />
      <EventForm onDone={(e) => navigate(`/convenings/${e.id}`)} />
    </>
  );
}

/** Events for staff: list and month, create, the event page with its participants. */
export function EventsPage() {
  return (
    <Routes>
      <Route index element={<EventList />} />
      <Route path="new" element={<NewEvent />} />
      <Route path=":id" element={<EventDetail />} />
    </Routes>
  );
}
