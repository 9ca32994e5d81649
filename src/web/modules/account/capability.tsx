import { Route, Routes } from 'react-router';
import { type Capability, msg } from '../../app/capability.ts';
import { AccountPage } from './AccountPage.tsx';
import { TwoFactorPage } from './TwoFactorPage.tsx';

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
