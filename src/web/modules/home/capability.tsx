import { type Capability, msg, STAFF_HOME } from '../../app/capability.ts';
import { HomePage } from './HomePage.tsx';

export const homeCapability: Capability = {
  id: 'home',
  navLabel: msg('Home'),
  path: STAFF_HOME,
  element: <HomePage />,
  visible: () => true,
};
