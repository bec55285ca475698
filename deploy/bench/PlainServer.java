// The baseline for the catalog benchmark: a plain Vert.x HTTP server that answers the same paths
// with the same bytes, held in memory. Run as a single-file program on the catalog's own class path:
//   java -cp 'catalog-service/target/quarkus-app/lib/main/*' deploy/bench/PlainServer.java <port> <source-base-url> <path>...
// It copies each path's response (body and its content headers: Content-Type, ETag, Cache-Control)
// from the running catalog once, then serves it, so both servers put the same bytes on the wire.
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;

public class PlainServer {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        HttpClient client = HttpClient.newHttpClient();
        Map<String, Buffer> bodies = new HashMap<>();
        Map<String, Map<String, String>> headers = new HashMap<>();
        for (int i = 2; i < args.length; i++) {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(args[1] + args[i])).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(args[i] + " answered " + response.statusCode());
            }
            bodies.put(args[i], Buffer.buffer(response.body()));
            Map<String, String> copied = new HashMap<>();
            for (String name : new String[] { "content-type", "etag", "cache-control" }) {
                response.headers().firstValue(name).ifPresent(value -> copied.put(name, value));
            }
            headers.put(args[i], copied);
        }
        // One event loop per core, as Quarkus uses by default.
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(Runtime.getRuntime().availableProcessors()));
        for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
            vertx.createHttpServer().requestHandler(request -> {
                Buffer body = bodies.get(request.uri());
                if (body == null) {
                    request.response().setStatusCode(404).end();
                } else {
                    var response = request.response();
                    headers.get(request.uri()).forEach(response::putHeader);
                    response.end(body);
                }
            }).listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().join();
        }
        System.out.println("plain server ready on " + port + " with " + bodies.size() + " bodies");
    }
}
