import { render } from 'preact';
import { App } from './App';
import { realConnector } from './real-connector';

document.documentElement.lang = navigator.language.slice(0, 2) || 'en';
render(<App connector={realConnector()} />, document.getElementById('app')!);
