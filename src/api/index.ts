export { createApi, type ApiOptions } from './app.ts';
