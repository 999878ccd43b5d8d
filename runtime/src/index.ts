export { WaitError, waitFor, waitForHttp, type WaitOptions } from './wait.ts';
