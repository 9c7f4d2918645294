/**
 * In-process implementations of the outbound ports, for a single instance: bus, presence, rate
 * limiter and sessions for the zero-setup default, and in-memory stores for embedding and tests.
 * Each passes its port's contract.
 */
package io.chillin.chat.application.local;
