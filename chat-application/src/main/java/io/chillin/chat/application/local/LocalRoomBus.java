package io.chillin.chat.application.local;

import io.chillin.chat.application.port.out.RoomBus;
import io.chillin.chat.application.port.out.RoomEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A bus within one process: hands each event to every listener on the publishing thread. Loses nothing. */
public final class LocalRoomBus implements RoomBus {

    private final List<Consumer<RoomEvent>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void publish(RoomEvent event) {
        for (Consumer<RoomEvent> listener : listeners) {
            listener.accept(event);
        }
    }

    @Override
    public void subscribe(Consumer<RoomEvent> listener) {
        listeners.add(listener);
    }
}
