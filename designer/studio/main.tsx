import { mountApp } from '../../runtime/web/shell/mountApp.tsx';
import { reactAriaStyleUnderCsp } from './reactAriaStyleUnderCsp.ts';
import { StudioApp } from './StudioApp.tsx';

reactAriaStyleUnderCsp();
mountApp(<StudioApp />);
