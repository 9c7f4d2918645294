/** The chat domain's shared vocabulary: the rejection family every edge maps to protocol error codes, and text rules. */
package io.chillin.chat.domain;
