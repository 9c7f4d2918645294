/**
 * Import of the old Node.js app's JSON files ({@code users.json}, {@code rooms.json}, {@code messages.json}):
 * reading them strictly, planning what to import under today's rules (and why anything is skipped), writing
 * each file in one transaction, and reporting.
 */
package io.chillin.chat.cli.legacy;
