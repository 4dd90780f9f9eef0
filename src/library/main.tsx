import { render } from 'preact';
import { t } from '../shared/i18n';
import { Library } from './Library';
import { realConnector } from './real-connector';

document.documentElement.lang = navigator.language.slice(0, 2) || 'en';
document.title = t('libTitle');
render(<Library connector={realConnector()} />, document.getElementById('app')!);
