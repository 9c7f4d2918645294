package io.chillin.chat.adapter.s3;

import io.chillin.chat.application.port.out.BlobStore;
import io.chillin.chat.domain.ChatException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadBucketRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** Blobs in one bucket of any S3 API: AWS itself, or an S3-compatible server addressed path-style. */
public final class S3BlobStore implements BlobStore, AutoCloseable {

    /** All a client is told when the bucket does not answer; the SDK's words (endpoints, hosts) go to the log only. */
    static final String UNAVAILABLE = "the blob store is unavailable: try again shortly";
    private static final Logger LOG = LoggerFactory.getLogger(S3BlobStore.class);

    private final S3Client s3;
    private final String bucket;

    public S3BlobStore(S3Config config) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(config.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(config.accessKeyId(), config.secretAccessKey())))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(3))
                        .socketTimeout(Duration.ofSeconds(10)));
        if (config.endpoint() != null) {
            builder.endpointOverride(URI.create(config.endpoint())).forcePathStyle(true);
        }
        this.s3 = builder.build();
        this.bucket = config.bucket();
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        String checked = BlobStore.checkKey(key);
        call(() -> s3.putObject(b -> b.bucket(bucket).key(checked).contentType(contentType), RequestBody.fromBytes(content)));
    }

    @Override
    public Optional<Blob> get(String key) {
        String checked = BlobStore.checkKey(key);
        try {
            ResponseBytes<GetObjectResponse> bytes = call(() -> s3.getObjectAsBytes(b -> b.bucket(bucket).key(checked)));
            return Optional.of(new Blob(bytes.asByteArray(), bytes.response().contentType()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String key) {
        String checked = BlobStore.checkKey(key);
        call(() -> s3.deleteObject(b -> b.bucket(bucket).key(checked)));
    }

    /** Checks that the bucket answers, for a readiness probe. @throws ChatException.Unavailable otherwise */
    public void ping() {
        call(() -> s3.headBucket(HeadBucketRequest.builder().bucket(bucket).build()));
    }

    private <T> T call(java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (NoSuchKeyException e) {
            throw e;
        } catch (SdkException e) {
            LOG.warn("the S3 store did not answer: {}", e.toString());
            throw new ChatException.Unavailable(UNAVAILABLE);
        }
    }

    @Override
    public void close() {
        s3.close();
    }
}
