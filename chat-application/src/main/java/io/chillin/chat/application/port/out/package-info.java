/** Outbound ports: what the use cases need from the world, one interface per capability. Each has a contract test in the test-jar. */
package io.chillin.chat.application.port.out;
