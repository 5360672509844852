import { v7 } from 'uuid';

/** A new primary key: a UUIDv7, so ids sort by creation time (handy for cursor pagination). */
export function newId(): string {
  return v7();
}

/** The current time as the database stores it: UTC ISO-8601 text. */
export function nowIso(): string {
  return new Date().toISOString();
}
