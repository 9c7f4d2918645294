/** Rooms and users worked on directly in the server's stores, with the server's own validation and hashing. */
package io.chillin.chat.cli.admin;
