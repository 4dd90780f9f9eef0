// Popup entry: asks the page for its state first, then loads the UI, so the two overlap.
import { realConnector } from './real-connector';

document.documentElement.lang = navigator.language.slice(0, 2) || 'en';
const connector = realConnector();
const initial = connector.load();
const [{ h, render }, { App }] = await Promise.all([import('preact'), import('./App')]);
render(h(App, { connector, initial }), document.getElementById('app')!);
