/** Redis (Lettuce) implementations of the ports that a cluster of server instances must share. Every key and channel carries a prefix. */
package io.chillin.chat.adapter.redis;
