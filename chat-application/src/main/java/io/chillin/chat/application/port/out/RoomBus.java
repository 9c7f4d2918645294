package io.chillin.chat.application.port.out;

import java.util.function.Consumer;

/**
 * The fast path that carries room events to every server instance, this one included. It may lose
 * events; the message store is the truth, and receivers fill gaps from it.
 */
public interface RoomBus {

    /** Sends the event to every subscriber of every instance. */
    void publish(RoomEvent event);

    /** Registers this instance's listener; it is called for each event, in publication order per room. */
    void subscribe(Consumer<RoomEvent> listener);
}
