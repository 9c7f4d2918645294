/**
 * Password hashing: Argon2id for everything new, with a memory budget that bounds how many hashes run at once; the
 * old app's unsalted SHA-256 accepted once, for upgrade, and strengthened with Argon2id when imported.
 */
package io.chillin.chat.adapter.crypto;
