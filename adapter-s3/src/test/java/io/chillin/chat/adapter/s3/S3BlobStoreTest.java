package io.chillin.chat.adapter.s3;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chillin.chat.application.contract.BlobStoreContract;
import io.chillin.chat.application.port.out.BlobStore;
import io.chillin.chat.domain.ChatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The blob store contract against a real S3 API server. */
class S3BlobStoreTest extends BlobStoreContract {

    @RegisterExtension
    static final S3TestServer S3 = new S3TestServer();

    @Override
    protected BlobStore newStore() {
        return new S3BlobStore(S3.config());
    }

    @Test
    void an_unreachable_s3_is_unavailable_not_a_crash() {
        S3BlobStore nowhere = new S3BlobStore(new S3Config("http://127.0.0.1:1", "us-east-1", "b", "k", "s"));
        assertThatThrownBy(() -> nowhere.put("a/b", new byte[] {1}, "x/y")).isInstanceOf(ChatException.Unavailable.class);
        assertThatThrownBy(nowhere::ping).isInstanceOf(ChatException.Unavailable.class);
    }

    @Test
    void what_callers_hear_of_an_unreachable_s3_is_fixed_text_naming_no_host() {
        S3BlobStore nowhere = new S3BlobStore(new S3Config("http://127.0.0.1:1", "us-east-1", "b", "k", "s"));
        String unavailable = "the blob store is unavailable: try again shortly";
        assertThatThrownBy(() -> nowhere.put("a/b", new byte[] {1}, "x/y")).hasMessage(unavailable);
        assertThatThrownBy(() -> nowhere.get("a/b")).hasMessage(unavailable);
        assertThatThrownBy(nowhere::ping).hasMessage(unavailable);
    }
}
