import { Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { EnrolmentOnly } from '../modules/auth/EnrolmentOnly.tsx';
import { ProblemAlert } from '../ui/ProblemAlert.tsx';
import { capabilities } from './capabilities.ts';
import { STAFF_HOME } from './capability.ts';
import { useSwitchLanguage } from './language.ts';
import { lazyPage } from './lazy.ts';
import { NotFound } from './NotFound.tsx';
import { Shell } from './Shell.tsx';
import { forgetAccountData, useMe, useSessionWatch } from './session.ts';

const ForgotPasswordPage = lazyPage(
  () => import('../modules/auth/ForgotPasswordPage.tsx'),
  'ForgotPasswordPage',
);
const InvitationPage = lazyPage(() => import('../modules/auth/InvitationPage.tsx'), 'InvitationPage');
const ResetPasswordPage = lazyPage(
  () => import('../modules/auth/ResetPasswordPage.tsx'),
  'ResetPasswordPage',
);
const SetupPage = lazyPage(() => import('../modules/auth/SetupPage.tsx'), 'SetupPage');
const SignInPage = lazyPage(() => import('../modules/auth/SignInPage.tsx'), 'SignInPage');

/** Top-level routes: the pages used before signing in, then everything behind a session. */
export function App() {
  useSessionWatch();
  useAccountLanguage();
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route path="/setup" element={<SetupPage />} />
        <Route path="/invitation" element={<InvitationPage />} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/reset-password" element={<ResetPasswordPage />} />
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="*" element={<SignedIn />} />
      </Routes>
    </Suspense>
  );
}

/** Shown while a page's chunk loads (modules are split: see lazy.ts). */
function PageLoading() {
  const { t } = useTranslation();
  return (
    <Center mih="50dvh">
      <Loader aria-label={t('Loading')} />
    </Center>
  );
}

/** On signing in, the interface switches to the language saved with the account; on leaving, caches go. */
function useAccountLanguage() {
  const { data: me } = useMe();
  const { i18n } = useTranslation();
  const switchLanguage = useSwitchLanguage();
  const client = useQueryClient();
  const appliedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!me) {
      // A session that ended by itself (expiry, revocation) leaves no data behind for the next person.
      if (appliedFor.current) forgetAccountData(client);
      appliedFor.current = null;
      return;
    }
    if (appliedFor.current === me.id) return;
    appliedFor.current = me.id;
    if (me.locale !== i18n.language) void switchLanguage(me.locale, { save: false });
  }, [me, i18n, switchLanguage, client]);
}

function SignedIn() {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  if (me.isPending) {
    return (
      <Center mih="100dvh">
        <Loader aria-label={t('Loading')} />
      </Center>
    );
  }
  if (me.isError) {
    return (
      <Center mih="100dvh" p="md">
        <Stack maw={420}>
          <ProblemAlert error={me.error} />
          <Button onClick={() => void me.refetch()}>{t('Try again')}</Button>
        </Stack>
      </Center>
    );
  }
  if (!me.data) {
    // The fragment is kept too: an emailed enrolment link opened before signing in still works after it.
    const from =
      location.pathname === STAFF_HOME ? undefined : `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to="/sign-in" replace state={from ? { from } : undefined} />;
  }
  // Until two-factor enrolment is done, the server answers nothing else: show only that.
  if (me.data.mustEnrolTotp) return <EnrolmentOnly me={me.data} />;

  const allowed = capabilities.filter((c) => c.visible(me.data!.abilities));
  return (
    <Shell me={me.data} nav={allowed.filter((c) => !c.hideFromNav)}>
      <Suspense fallback={<PageLoading />}>
        <Routes>
          {/* `/` is the public front door, served by the server; inside the app it means the staff home. */}
          <Route index element={<Navigate to={STAFF_HOME} replace />} />
          {allowed.map((c) => (
            <Route key={c.id} path={`${c.path.replace(/^\//, '')}/*`} element={c.element} />
          ))}
          <Route
            path="*"
            element={
              <NotFound>
                <Text>{t('This page does not exist, or you may not open it.')}</Text>
              </NotFound>
            }
          />
        </Routes>
      </Suspense>
    </Shell>
  );
}
