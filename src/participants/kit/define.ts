import type { Router } from '@koa/router';
import type { EnvReader } from '../../config/env.ts';
import type { Db } from '../../store/index.ts';
import type { CommandHandlers } from './types.ts';
import type { ParticipantRoutes, RouteKit } from './http.ts';

/** A participant's domain: the handlers the kit feeds, plus whatever its routes read. */
export interface ParticipantDomain {
  handlers: CommandHandlers;
}

/**
 * Everything that makes one participant; the kit supplies the rest (processed commands and
 * tombstones, consumer, replies and acks, dead letters, metrics, tracing, health, shutdown).
 */
export interface ParticipantDefinition<D extends ParticipantDomain = ParticipantDomain, C = unknown> {
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
  /** Read (and admin write) routes over the domain, beside /healthz, /readyz and /metrics. */
  routes?(router: Router, domain: D, kit: RouteKit): void;
}

/** Declares a participant (identity function that fixes the types of domain and config). */
export function defineParticipant<D extends ParticipantDomain, C>(definition: ParticipantDefinition<D, C>): ParticipantDefinition<D, C> {
  return definition;
}

/** A definition of any domain and config, as lists of participants hold them (its methods pair the two). */
export type AnyParticipantDefinition = ParticipantDefinition<ParticipantDomain, unknown>;

/** A definition's routes over one domain instance, for createParticipantApp. */
export function routesOf<D extends ParticipantDomain, C>(definition: ParticipantDefinition<D, C>, domain: D): ParticipantRoutes {
  return (router, kit) => definition.routes?.(router, domain, kit);
}
