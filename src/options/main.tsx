import { render } from 'preact';
import { callBackground } from '../shared/rpc';
import { Options } from './Options';

document.documentElement.lang = navigator.language.slice(0, 2) || 'en';
render(
  <Options store={{ load: () => callBackground('getSettings'), save: (s) => callBackground('saveSettings', s) }} />,
  document.getElementById('app')!,
);
