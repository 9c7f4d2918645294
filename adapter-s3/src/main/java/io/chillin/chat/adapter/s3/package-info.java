/** Blob stores: any S3 API (AWS, MinIO, ...) for a cluster, or a folder on disk for the single-instance default. */
package io.chillin.chat.adapter.s3;
