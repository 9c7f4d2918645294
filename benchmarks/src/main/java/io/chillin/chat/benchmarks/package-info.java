/** JMH benchmarks of the core's hot path: one message fanned out to a room's members. */
package io.chillin.chat.benchmarks;
