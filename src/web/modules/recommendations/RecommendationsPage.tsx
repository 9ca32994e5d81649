import { useTranslation } from 'react-i18next';
import { Route, Routes, useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { BASE } from './labels.ts';
import { RecommendationDetail } from './RecommendationDetail.tsx';
import { RecommendationForm } from './RecommendationForm.tsx';
import { RecommendationList } from './RecommendationList.tsx';

function NewRecommendation() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return (
    <>
      <PageHeader title={t('New recommendation')} />
      <RecommendationForm
        dialogueId={params.get('dialogue') ?? undefined}
        onDone={(r) => navigate(`${BASE}/${r.id}`)}
      />
    </>
  );
}

/** Recommendations for staff: the list with filters, a new one, one with its history and updates. */
export function RecommendationsPage() {
  return (
    <Routes>
      <Route index element={<RecommendationList />} />
      <Route path="new" element={<NewRecommendation />} />
      <Route path=":id" element={<RecommendationDetail />} />
    </Routes>
  );
}
