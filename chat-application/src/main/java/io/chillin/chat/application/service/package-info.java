/** The use cases' implementations, and the per-instance fan-out that delivers room events to local connections. */
package io.chillin.chat.application.service;
