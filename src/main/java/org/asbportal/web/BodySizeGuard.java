package org.asbportal.web;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Holds every request body to {@link BodyLimitConfig#maxBody()} (1 MiB) by what is actually read,
 * except on the administrators' upload routes ({@link BodyLimitConfig#largeBodyPaths()}), which have
 * {@code quarkus.http.limits.max-body-size} and read their files as they arrive, and on the routes
 * where residents send files ({@link UploadRoutes}), each held to the limit its feature gives.
 * <p>
 * A body declaring a larger {@code Content-Length} is refused before any of it is read. A body sent
 * without a length (chunked) is counted as it comes off the connection, before the portal buffers
 * any of it: past the limit the rest is dropped unread, the client gets 413 and the connection is
 * closed, so the request's reader never has more than the limit.
 */
@ApplicationScoped
public class BodySizeGuard {

    /** Set on a request this guard refused, so a reader interrupted by the closed connection is not an error. */
    public static final String REFUSED = "asb.body-refused";
    private static final String COUNTER = "asb-body-counter";
    private static final String TITLE = "Too much was sent";
    private static final String DETAIL = "The request is larger than the service accepts.";

    private final BodyLimitConfig config;
    private final EarlyRefusals refusals;
    private final Instance<UploadRoutes> uploadRoutes;
    private volatile Map<String, Long> uploadLimits;

    public BodySizeGuard(BodyLimitConfig config, EarlyRefusals refusals, Instance<UploadRoutes> uploadRoutes) {
        this.config = config;
        this.refusals = refusals;
        this.uploadRoutes = uploadRoutes;
    }

    /** The largest body {@code path} reads: its upload route's limit, or {@link BodyLimitConfig#maxBody()}. */
    long maxBodyOf(String path) {
        Map<String, Long> limits = uploadLimits;
        if (limits == null) {
            Map<String, Long> all = new HashMap<>();
            uploadRoutes.forEach(routes -> all.putAll(routes.maxBodies()));
            limits = Map.copyOf(all);
            uploadLimits = limits;
        }
        return limits.getOrDefault(path, config.maxBody());
    }

    void register(@Observes Filters filters) {
        filters.register(this::limit, 1000);
    }

    void limit(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.method() == HttpMethod.GET || request.method() == HttpMethod.HEAD
                || config.largeBodyPaths().contains(context.normalizedPath())) {
            context.next();
            return;
        }
        long maxBody = maxBodyOf(context.normalizedPath());
        String length = request.getHeader(HttpHeaderNames.CONTENT_LENGTH);
        if (length != null) {
            // The HTTP decoder reads exactly the declared length as this request's body, no more.
            if (declaredTooLarge(length, maxBody)) {
                context.put(REFUSED, Boolean.TRUE);
                refusals.refuse(context, problem(context), true);
                return;
            }
            context.next();
            return;
        }
        if (!request.isEnded() && request.version() != io.vertx.core.http.HttpVersion.HTTP_2
                && request.connection() instanceof ConnectionBase connection) {
            ChannelHandlerContext vertx = connection.channelHandlerContext();
            if (vertx.pipeline().get(COUNTER) == null) {
                vertx.pipeline().addBefore(vertx.name(), COUNTER, new Counter(context, request.bytesRead(), maxBody));
            }
        }
        // Quarkus REST stops reading past this many bytes too (the only count over HTTP/2).
        context.put("io.quarkus.max-request-size", maxBody);
        context.next();
    }

    private static boolean declaredTooLarge(String length, long maxBody) {
        try {
            return Long.parseLong(length.strip()) > maxBody;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static Problem problem(RoutingContext context) {
        return new Problem("about:blank", TITLE, 413, DETAIL, context.normalizedPath(), null);
    }

    /**
     * Answers 413 straight onto the connection and closes it. The request is already with its reader,
     * which finds the connection closed: whatever it answers then goes nowhere.
     */
    private void refuseMidway(ChannelHandlerContext ctx, RoutingContext context) {
        context.put(REFUSED, Boolean.TRUE);
        EarlyRefusals.Answer answer = refusals.answer(context, problem(context));
        ByteBuf body = Unpooled.copiedBuffer(answer.body(), StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, body);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, answer.contentType())
                .set(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes())
                .set(HttpHeaderNames.CONNECTION, "close")
                .set("X-Content-Type-Options", "nosniff");
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    /** Counts one request's body as it is read off the connection, and takes itself away at its end. */
    private final class Counter extends ChannelInboundHandlerAdapter {

        private final RoutingContext context;
        private final long maxBody;
        private long read;
        private boolean refused;

        Counter(RoutingContext context, long alreadyRead, long maxBody) {
            this.context = context;
            this.read = alreadyRead;
            this.maxBody = maxBody;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            if (message instanceof HttpRequest) {
                // The next request on the connection: this one's body was over before the count began.
                ctx.pipeline().remove(this);
                ctx.fireChannelRead(message);
                return;
            }
            if (!(message instanceof HttpContent content)) {
                ctx.fireChannelRead(message);
                return;
            }
            boolean last = message instanceof LastHttpContent;
            read += content.content().readableBytes();
            if (refused || read > maxBody) {
                ReferenceCountUtil.release(message);
                if (!refused) {
                    refused = true;
                    refuseMidway(ctx, context);
                }
            } else {
                ctx.fireChannelRead(message);
            }
            if (last && ctx.pipeline().get(COUNTER) == this) {
                ctx.pipeline().remove(this);
            }
        }
    }
}
