package dev.courseline.notification.dispatch;

import dev.courseline.notification.notification.Notification;

/** What a worker is handed: the id of a notification to claim first, or one recorded already leased to us. */
sealed interface Work {

    String id();

    record Claim(String id) implements Work {
    }

    record Leased(Notification notification) implements Work {

        @Override
        public String id() {
            return notification.id();
        }
    }
}
