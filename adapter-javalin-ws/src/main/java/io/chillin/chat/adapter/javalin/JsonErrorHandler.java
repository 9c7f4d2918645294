package io.chillin.chat.adapter.javalin;

import io.chillin.chat.domain.ErrorCode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answer to a request Jetty refuses before any route sees it (a path that is not UTF-8, a URI or headers too
 * large): the protocol's JSON error body with the API's headers, never Jetty's HTML page, and an access line. A refusal of the
 * request's form is {@code MALFORMED} at 400, as the protocol gives that code; anything else is {@code INTERNAL}.
 */
final class JsonErrorHandler extends ErrorHandler {

    private final RequestLog requestLog;

    JsonErrorHandler(RequestLog requestLog) {
        this.requestLog = requestLog;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        boolean refused = status >= 400 && status < 500;
        String message = refused ? reason(request, status) : "internal error";
        response.setStatus(refused ? 400 : 500);
        // no route saw this request, so nothing else gives it its id and its access line
        response.getHeaders().put(RequestLog.REQUEST_ID_HEADER, requestLog.refused(request, response.getStatus()));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put("Content-Security-Policy", StaticHeaders.API_CONTENT_SECURITY_POLICY);
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        byte[] body = Json.write(Json.errorBody((refused ? ErrorCode.MALFORMED : ErrorCode.INTERNAL).name(), message,
                null)).getBytes(StandardCharsets.UTF_8);
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    /** Jetty's own short words for the refusal ("Bad UTF-8 encoding", "URI Too Long"), else the status's name. */
    private static String reason(Request request, int status) {
        Object message = request.getAttribute(ERROR_MESSAGE);
        String text = message instanceof String s && !s.isBlank() ? s : HttpStatus.getMessage(status);
        return "the request was refused: " + (text.length() > 100 ? text.substring(0, 100) : text);
    }
}
