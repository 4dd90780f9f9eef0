/** True only in e2e builds (npm run build:e2e): test hooks are compiled in there and nowhere else. */
declare const __E2E__: boolean;
