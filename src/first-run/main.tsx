import { render } from 'preact';
import { browser } from '../shared/ext';
import { browserShortcuts } from '../shared/shortcuts';
import { FirstRun } from './FirstRun';

document.documentElement.lang = navigator.language.slice(0, 2) || 'en';
render(
  <FirstRun shortcuts={browserShortcuts(browser)} openOptions={() => void browser.runtime.openOptionsPage()} />,
  document.getElementById('app')!,
);
