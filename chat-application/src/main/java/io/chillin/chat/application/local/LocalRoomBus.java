package io.chillin.chat.application.local;

import io.chillin.chat.application.port.out.RoomBus;
import io.chillin.chat.application.port.out.RoomEvent;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A bus within one process: hands each event to every listener on the publishing thread. Loses nothing.
 * A listener that throws is logged and skipped: the others still get the event, and the publisher never
 * hears of it. Cluster buses use one for their own instance's listeners.
 */
public final class LocalRoomBus implements RoomBus {

    private static final Logger LOG = System.getLogger(LocalRoomBus.class.getName());

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    @Override
    public void publish(RoomEvent event) {
        for (Subscriber subscriber : subscribers) {
            try {
                subscriber.onEvent(event);
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "a room event subscriber failed", e);
            }
        }
    }

    /** Tells every listener that events may have been lost (isolated from each other as events are). */
    public void possibleLoss() {
        for (Subscriber subscriber : subscribers) {
            try {
                subscriber.onPossibleLoss();
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "a room event subscriber failed to catch up", e);
            }
        }
    }

    @Override
    public void subscribe(Subscriber subscriber) {
        subscribers.add(subscriber);
    }
}
