import { type Capability, msg } from '../../app/capability.ts';
import { HomePage } from './HomePage.tsx';

export const homeCapability: Capability = {
  id: 'home',
  navLabel: msg('Home'),
  path: '/',
  element: <HomePage />,
  visible: () => true,
};
