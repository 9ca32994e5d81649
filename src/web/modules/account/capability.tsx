import { Route, Routes } from 'react-router';
import { type Capability, msg } from '../../app/capability.ts';
import { lazyPage } from '../../app/lazy.ts';

const AccountPage = lazyPage(() => import('./AccountPage.tsx'), 'AccountPage');
const TwoFactorPage = lazyPage(() => import('./TwoFactorPage.tsx'), 'TwoFactorPage');

export const accountCapability: Capability = {
  id: 'account',
  navLabel: msg('My account'),
  description: msg('Your password, two-factor authentication, language and active sessions.'),
  path: '/account',
  element: (
    <Routes>
      <Route index element={<AccountPage />} />
      <Route path="two-factor" element={<TwoFactorPage />} />
    </Routes>
  ),
  visible: () => true,
};
