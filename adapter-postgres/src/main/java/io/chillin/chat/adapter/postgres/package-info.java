/**
 * SQL implementations of the stores, with Jdbi and Flyway: PostgreSQL in production, embedded H2 (in
 * PostgreSQL mode) for the zero-setup default, one schema and the same SQL for both.
 */
package io.chillin.chat.adapter.postgres;
