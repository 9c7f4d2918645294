package io.chillin.chat.adapter.s3;

import java.net.URI;
import java.util.Objects;

/**
 * Where the S3 API is. {@code endpoint} is empty for AWS itself, or an S3-compatible server's URL
 * (MinIO, ...), which is then addressed path-style.
 */
public record S3Config(String endpoint, String region, String bucket, String accessKeyId, String secretAccessKey) {

    public S3Config {
        Objects.requireNonNull(region);
        Objects.requireNonNull(bucket);
        Objects.requireNonNull(accessKeyId);
        Objects.requireNonNull(secretAccessKey);
        if (endpoint != null && endpoint.isBlank()) {
            endpoint = null;
        }
        if (endpoint != null) {
            URI.create(endpoint);
        }
    }

    /** Leaves the secret out, so a logged configuration leaks nothing. */
    @Override
    public String toString() {
        return "S3Config[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", accessKeyId="
                + accessKeyId + "]";
    }
}
