// Type test: the protocol is checked by the compiler (run by `npm run typecheck`).
import { expectTypeOf } from 'vitest';
import type { Corrections } from '../../src/shared/corrections';
import type { BackgroundApi, ContentApi, PageState, Reply } from '../../src/shared/messages';
import { makeMessage } from '../../src/shared/messages';

expectTypeOf<Reply<ContentApi, 'getState'>>().toEqualTypeOf<PageState>();
expectTypeOf<Reply<ContentApi, 'scrollToQuote'>>().toEqualTypeOf<boolean>();
expectTypeOf<Reply<BackgroundApi, 'pageAnalyzed'>>().toEqualTypeOf<void>();
makeMessage<ContentApi, 'scrollToQuote'>('scrollToQuote', 'q1');
// @ts-expect-error scrollToQuote takes a quote id string
makeMessage<ContentApi, 'scrollToQuote'>('scrollToQuote', 1);
// @ts-expect-error no such method
makeMessage<ContentApi, 'deleteEverything'>('deleteEverything');
// Hand corrections: the options page's undo names a list, and a page's request a correction.
expectTypeOf<Reply<BackgroundApi, 'removeCorrection'>>().toEqualTypeOf<Corrections>();
makeMessage<BackgroundApi, 'removeCorrection'>('removeCorrection', 'news.example', 'hide', 'aside.rail');
// @ts-expect-error the list is 'keep' or 'hide'
makeMessage<BackgroundApi, 'removeCorrection'>('removeCorrection', 'news.example', 'delete', 'aside.rail');
// @ts-expect-error a correction request needs a correction
makeMessage<BackgroundApi, 'addCorrection'>('addCorrection', { list: 'keep' });
