/** Rooms: their names, descriptions and who may enter them. */
package io.chillin.chat.domain.room;
