import { type Capability, msg, STAFF_HOME } from '../../app/capability.ts';
import { lazyPage } from '../../app/lazy.ts';

const HomePage = lazyPage(() => import('./HomePage.tsx'), 'HomePage');

export const homeCapability: Capability = {
  id: 'home',
  navLabel: msg('Home'),
  path: STAFF_HOME,
  element: <HomePage />,
  visible: () => true,
};
