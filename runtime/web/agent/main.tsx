import { mountApp } from '../shell/mountApp.tsx';
import { AgentApp } from './AgentApp.tsx';

mountApp(<AgentApp />);
