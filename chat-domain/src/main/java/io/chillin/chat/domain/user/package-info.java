/** Users: names, the password policy, registered accounts and who is acting. */
package io.chillin.chat.domain.user;
