export { createApi, type ApiOptions } from './app.ts';
export { writeProblem, problemMiddleware, httpStatusOf } from './problem.ts';
export { readJsonBody, DEFAULT_BODY_LIMIT_BYTES } from './json-body.ts';
