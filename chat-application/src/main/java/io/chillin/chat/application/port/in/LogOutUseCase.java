package io.chillin.chat.application.port.in;


/** Ends the token's session at once; an unknown token is a no-op.  */
public interface LogOutUseCase {
    void logOut(String token);
}
