/** Password hashing: Argon2id for everything new, and the old app's unsalted SHA-256 accepted once, for upgrade. */
package io.chillin.chat.adapter.crypto;
