package io.chillin.chat.application.port.in;


/** Reads a page of a room's history. A private room is readable by its creator and its present members only.
 * @throws io.chillin.chat.domain.ChatException.Invalid for a bad room name, limit or position
 * @throws io.chillin.chat.domain.ChatException.NotFound for an unknown room
 * @throws io.chillin.chat.domain.ChatException.Forbidden for a private room the reader may not read
  */
public interface ReadHistoryUseCase {
    HistoryPage readHistory(HistoryQuery query);
}
