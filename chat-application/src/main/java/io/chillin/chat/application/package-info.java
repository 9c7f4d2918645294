/** The application core's front door: {@link io.chillin.chat.application.ChatCore} wires the use cases from a set of ports. */
package io.chillin.chat.application;
