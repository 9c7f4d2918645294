package io.chillin.chat.application.local;

import io.chillin.chat.application.port.out.RoomBus;
import io.chillin.chat.application.port.out.RoomEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A bus within one process: hands each event to every listener on the publishing thread. Loses nothing. */
public final class LocalRoomBus implements RoomBus {

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    @Override
    public void publish(RoomEvent event) {
        for (Subscriber subscriber : subscribers) {
            subscriber.onEvent(event);
        }
    }

    @Override
    public void subscribe(Subscriber subscriber) {
        subscribers.add(subscriber);
    }
}
