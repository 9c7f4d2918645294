package io.chillin.chat.application.service;

import io.chillin.chat.application.port.out.RoomBus;
import io.chillin.chat.application.port.out.RoomEvent;

/** The in-process bus, except that this instance's subscribers never hear of a room's deletion. */
final class DeletionsLostBus implements RoomBus {

    private final RoomBus inner;

    DeletionsLostBus(RoomBus inner) {
        this.inner = inner;
    }

    @Override
    public void publish(RoomEvent event) {
        inner.publish(event);
    }

    @Override
    public void subscribe(Subscriber subscriber) {
        inner.subscribe(new Subscriber() {
            @Override
            public void onEvent(RoomEvent event) {
                if (!(event instanceof RoomEvent.RoomChanged changed && changed.deleted())) {
                    subscriber.onEvent(event);
                }
            }

            @Override
            public void onPossibleLoss() {
                subscriber.onPossibleLoss();
            }
        });
    }
}
