// Type test: the protocol is checked by the compiler (run by `npm run typecheck`).
import { expectTypeOf } from 'vitest';
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
