import { mountApp } from '../shell/mountApp.tsx';
import { CitizenApp } from './CitizenApp.tsx';

mountApp(<CitizenApp />);
