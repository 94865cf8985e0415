export { healthRoutes, type ReadinessCheck } from './health.ts';
export { writeProblem, problemMiddleware, httpStatusOf } from './problem.ts';
export { readJsonBody, DEFAULT_BODY_LIMIT_BYTES } from './body.ts';
