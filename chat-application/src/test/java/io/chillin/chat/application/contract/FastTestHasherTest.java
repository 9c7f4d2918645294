package io.chillin.chat.application.contract;

import io.chillin.chat.application.port.out.PasswordHasher;

class FastTestHasherTest extends PasswordHasherContract {

    @Override
    protected PasswordHasher newHasher() {
        return new FastTestHasher();
    }
}
