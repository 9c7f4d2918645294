package io.chillin.chat.application.port.out;

/**
 * The fast path that carries room events to every server instance, this one included. It may lose
 * events; the message store is the truth, and receivers fill gaps from it.
 */
public interface RoomBus {

    /** Sends the event to every subscriber of every instance. */
    void publish(RoomEvent event);

    /** Registers this instance's subscriber; it gets each event, in publication order per publishing instance. */
    void subscribe(Subscriber subscriber);

    /** What an instance does with what the bus carries. */
    interface Subscriber {

        void onEvent(RoomEvent event);

        /** Events may have been lost (the bus reconnected, say): catch up from the store. */
        void onPossibleLoss();
    }
}
