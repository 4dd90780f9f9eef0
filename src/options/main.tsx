import { render } from 'preact';
import { browser, runtime } from '../shared/ext';
import { callBackground } from '../shared/rpc';
import { browserShortcuts } from '../shared/shortcuts';
import { Options } from './Options';

document.documentElement.lang = navigator.language.slice(0, 2) || 'en';
render(
  <Options
    store={{
      load: () => callBackground(runtime, 'getSettings'),
      save: (s) => callBackground(runtime, 'saveSettings', s),
    }}
    comfort={{
      load: () => callBackground(runtime, 'getComfort'),
      save: (c) => callBackground(runtime, 'setComfort', c),
    }}
    corrections={{
      load: () => callBackground(runtime, 'getCorrections'),
      remove: (site, list, selector) => callBackground(runtime, 'removeCorrection', site, list, selector),
    }}
    shortcuts={browserShortcuts(browser)}
  />,
  document.getElementById('app')!,
);
