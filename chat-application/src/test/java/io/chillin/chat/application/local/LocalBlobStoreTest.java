package io.chillin.chat.application.local;

import io.chillin.chat.application.contract.BlobStoreContract;
import io.chillin.chat.application.port.out.BlobStore;

class LocalBlobStoreTest extends BlobStoreContract {

    @Override
    protected BlobStore newStore() {
        return new LocalBlobStore();
    }
}
