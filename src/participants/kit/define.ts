import type { Router } from '@koa/router';
import type { EnvReader } from '../../config/env.ts';
import type { Db } from '../../store/index.ts';
import type { CommandHandlers, PgCommandHandlers, Sql } from './types.ts';
import type { ParticipantRoutes, RouteKit } from './http.ts';

/** A participant's domain: the handlers the kit feeds, plus whatever its routes read. */
export interface ParticipantDomain {
  handlers: CommandHandlers;
}

/** The same domain on PostgreSQL: asynchronous handlers, plus whatever its routes read (as promises). */
export interface PgParticipantDomain {
  handlers: PgCommandHandlers;
}

/**
 * Everything that makes one participant; the kit supplies the rest (processed commands and
 * tombstones, consumer, replies and acks, dead letters, metrics, tracing, health, shutdown).
 */
export interface ParticipantDefinition<D extends ParticipantDomain = ParticipantDomain, C = unknown, P extends PgParticipantDomain = never> {
  /** The durable consumer's name and the <participant> token of saga.cmd.<participant>.> and its reply subjects. */
  name: string;
  /** The folder under migrations/ with its own schema (the kit adds processed_commands and health_probe). */
  migrations: string;
  /** HTTP_PORT when unset. */
  defaultHttpPort: number;
  /** Its own settings (e.g. INVENTORY_DEFAULT_STOCK), read once at start; every variable read is listed as its schema. */
  config(read: EnvReader): C;
  /** Builds the domain over the participant's migrated database. */
  create(db: Db, config: C): D;
  /**
   * The domain on PostgreSQL (DATABASE_URL): built over the pool, with the schema of
   * migrations/postgres/<migrations> in a schema named after the participant. Without it the
   * participant runs on SQLite only.
   */
  postgres?: { create(sql: Sql, config: C): P };
  /** Read (and admin write) routes over the domain (either store's: await what it returns), beside /healthz, /readyz and /metrics. */
  routes?(router: Router, domain: D | P, kit: RouteKit): void;
}

/** Declares a participant (identity function that fixes the types of domain and config). */
export function defineParticipant<D extends ParticipantDomain, C, P extends PgParticipantDomain = never>(definition: ParticipantDefinition<D, C, P>): ParticipantDefinition<D, C, P> {
  return definition;
}

/** A definition of any domain and config, as lists of participants hold them (its methods pair the two). */
export type AnyParticipantDefinition = ParticipantDefinition<ParticipantDomain, unknown, PgParticipantDomain>;

/** A definition's routes over one domain instance, for createParticipantApp. */
export function routesOf<D extends ParticipantDomain, C, P extends PgParticipantDomain>(definition: ParticipantDefinition<D, C, P>, domain: D | P): ParticipantRoutes {
  return (router, kit) => definition.routes?.(router, domain, kit);
}
